package validate

import "testing"

func TestTRKimlik(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"10000000146", true},
		{"12345678950", true},
		{"10000000147", false},
		{"10000000156", false},
		{"02345678950", false}, // leading 0
		{"1234567895", false},
	}
	for _, tt := range tests {
		if got := TRKimlik([]byte(tt.in)); got != tt.want {
			t.Errorf("TRKimlik(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// refTRKimlik transcribes NVİ's two check digit formulas.
func refTRKimlik(s string) bool {
	v := bigDigits(s)
	if len(v) != 11 || v[0] == 0 {
		return false
	}
	odd := v[0] + v[2] + v[4] + v[6] + v[8]
	even := v[1] + v[3] + v[5] + v[7]
	d10 := (odd*7 - even) % 10
	if d10 < 0 {
		d10 += 10
	}
	total := 0
	for _, x := range v[:10] {
		total += x
	}
	return d10 == v[9] && total%10 == v[10]
}

func FuzzTR(f *testing.F) {
	for _, s := range []string{"10000000146", "12345678950", "02345678950", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := TRKimlik([]byte(s)), refTRKimlik(s); got != want {
			t.Fatalf("TRKimlik(%q) = %v, reference says %v", s, got, want)
		}
	})
}
