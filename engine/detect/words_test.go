package detect

import "testing"

// TestWordsMatchNonASCIICase: matching folds ASCII letters only, so a
// word with other letters is found in its lower-case, upper-case and
// title-case forms however it was written in the detector.
func TestWordsMatchNonASCIICase(t *testing.T) {
	w, err := BuildWords([]WordEntry{
		{Text: "ΑΦΜ", Owner: WordOwner{Det: 1, Conf: 0.9}},
		{Text: "rč", Owner: WordOwner{Det: 2, Conf: 0.8}},
		{Text: "Personalausweis", Owner: WordOwner{Det: 3, Conf: 0.85}},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		det  int32
	}{
		{"ΑΦΜ 123", 1}, {"αφμ 123", 1}, {"Αφμ 123", 1},
		{"RČ 123", 2}, {"rč 123", 2}, {"Rč 123", 2},
		{"PERSONALAUSWEIS 1", 3}, {"personalausweis 1", 3},
	} {
		ms := w.Find(nil, []byte(tc.text))
		if len(ms) != 1 || ms[0].Start != 0 {
			t.Errorf("%q: matches %v, want one at 0", tc.text, ms)
			continue
		}
		if own := w.Owners(int32(ms[0].Pattern)); len(own) != 1 || own[0].Det != tc.det {
			t.Errorf("%q: owners %v, want detector %d", tc.text, own, tc.det)
		}
	}
	if ms := w.Find(nil, []byte("RC 123")); len(ms) != 0 {
		t.Errorf("RC matched %v", ms)
	}
}
