package uk

import "testing"

func TestValidOutward(t *testing.T) {
	for o, want := range map[string]bool{
		"SW1A": true, "EC1A": true, "W1A": true, "M1": true, "B33": true, "CR2": true, "DN55": true,
		"AB10": true, "AB99": true, "BL0": true, "E1W": true, "N1C": true, "ZE3": true, "WC2H": true,
		"AB17": false, // no such district
		"SW1":  false, // exists only with a sub-district letter
		"EC5":  false, "QA1": false, "XY1": false, "M0": false, "SW1B": false, "W1Z": false, "A": false, "AB100": false,
		"CR1": false, "ZE4": false,
	} {
		if got := validOutward([]byte(o)); got != want {
			t.Errorf("validOutward(%q) = %v, want %v", o, got, want)
		}
	}
	for i, want := range map[string]bool{"1AA": true, "9ZZ": true, "1AC": false, "1IA": false, "AAA": false, "1A": false} {
		if got := validInward([]byte(i)); got != want {
			t.Errorf("validInward(%q) = %v, want %v", i, got, want)
		}
	}
}

// TestOutwardAreas checks the table's size against Royal Mail's count of
// postcode areas (121 in Great Britain and Northern Ireland, plus the
// Crown dependencies GY, JE and IM, and the non-geographic BF and BX).
func TestOutwardAreas(t *testing.T) {
	n := 0
	for _, a := range outward {
		if a.num != [2]uint64{} || a.sub != [10]uint32{} {
			n++
		}
	}
	if n != 126 {
		t.Errorf("%d postcode areas, want 126", n)
	}
}
