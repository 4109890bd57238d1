package validate

import (
	"math/big"
	"strings"
)

// Helpers shared by the reference implementations of the national
// identifier checks (kr, in, sg, au, th, jp, cn, tr, za, br, mx, il).
// They use the standard library only, never the code under test;
// refDate (date_test.go) checks calendar dates.

// bigDigits returns the values of s's bytes when every byte is an ASCII
// digit, else nil.
func bigDigits(s string) []int {
	if s == "" {
		return nil
	}
	out := make([]int, len(s))
	for i, r := range []byte(s) {
		if r < '0' || r > '9' {
			return nil
		}
		out[i] = int(r - '0')
	}
	return out
}

// bigWeighted returns Σ v[i]·w[i] as a big.Int.
func bigWeighted(v, w []int) *big.Int {
	s := new(big.Int)
	for i := range w {
		s.Add(s, new(big.Int).Mul(big.NewInt(int64(v[i])), big.NewInt(int64(w[i]))))
	}
	return s
}

// bigMod returns x mod m, non-negative.
func bigMod(x *big.Int, m int64) int {
	return int(new(big.Int).Mod(x, big.NewInt(m)).Int64())
}

// bigAllSame reports whether every byte of s is s[0].
func bigAllSame(s string) bool {
	return s != "" && strings.Count(s, s[:1]) == len(s)
}
