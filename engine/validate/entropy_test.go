package validate

import (
	"math"
	"strings"
	"testing"
)

func TestEntropy(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	tests := []struct {
		in   []byte
		want float64
	}{
		{nil, 0},
		{[]byte("aaaaaaaa"), 0},
		{[]byte("ab"), 1},
		{[]byte("abcd"), 2},
		{[]byte("aabb"), 1},
		{[]byte("abcdefgh"), 3},
		{[]byte("aab"), 0.9182958340544896}, // -(2/3·log2(2/3) + 1/3·log2(1/3))
		{all, 8},
		{[]byte(strings.Repeat("0123456789abcdef", 4)), 4},
	}
	for _, tt := range tests {
		if got := Entropy(tt.in); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("Entropy(%q) = %.17g, want %.17g", tt.in, got, tt.want)
		}
	}
}
