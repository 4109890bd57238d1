package validate

import (
	"math/big"
	"testing"
)

func TestCNResidentID(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"11010519491231002X", true}, // GB 11643-1999's example
		{"11010519491231002x", true},
		{"440524188001010014", true}, // a check value of 4
		{"110105194912310021", false},
		{"11010519490231002X", false}, // 31 February
		{"11010518401231002X", false}, // born 1840
		{"11010519491231002", false},
		{"11010519491231002X1", false},
	}
	for _, tt := range tests {
		if got := CNResidentID([]byte(tt.in)); got != tt.want {
			t.Errorf("CNResidentID(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// refCNResidentID checks ISO 7064 MOD 11-2 as the standard states it:
// Σ a_i·2^(i-1) over all eighteen characters, counted from the right
// with the check character at i = 1 and X worth 10, is 1 modulo 11.
func refCNResidentID(s string) bool {
	if len(s) != 18 {
		return false
	}
	v := bigDigits(s[:17])
	if v == nil {
		return false
	}
	y, m, d := v[6]*1000+v[7]*100+v[8]*10+v[9], v[10]*10+v[11], v[12]*10+v[13]
	if y < 1850 || y > 2099 || !refDate(y, m, d) {
		return false
	}
	last := 0
	switch c := s[17]; {
	case c == 'X' || c == 'x':
		last = 10
	case c >= '0' && c <= '9':
		last = int(c - '0')
	default:
		return false
	}
	sum := big.NewInt(int64(last))
	for i := 0; i < 17; i++ {
		p := new(big.Int).Exp(big.NewInt(2), big.NewInt(int64(17-i)), nil)
		sum.Add(sum, p.Mul(p, big.NewInt(int64(v[i]))))
	}
	return bigMod(sum, 11) == 1
}

func FuzzCN(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "440524188001010014", "11010519490231002X", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CNResidentID([]byte(s)), refCNResidentID(s); got != want {
			t.Fatalf("CNResidentID(%q) = %v, reference says %v", s, got, want)
		}
	})
}
