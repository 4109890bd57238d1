package validate

import "math"

// cLog2c[c] is c·log2(c), with 0·log2(0) = 0, for the counts Entropy meets
// most often.
var cLog2c = func() (t [257]float64) {
	for c := 1; c < len(t); c++ {
		t[c] = float64(c) * math.Log2(float64(c))
	}
	return t
}()

// Entropy returns the Shannon entropy of the byte distribution of s in bits
// per byte: -Σ p·log2(p) over the distinct byte values, computed as
// log2(n) - Σ c·log2(c) / n from the byte counts c. It is 0 for empty input
// or a single repeated byte and at most 8.
func Entropy(s []byte) float64 {
	if len(s) == 0 {
		return 0
	}
	var counts [256]uint32
	for _, c := range s {
		counts[c]++
	}
	sum := 0.0
	// Visit each distinct byte once, in input order, clearing its count.
	for _, c := range s {
		k := counts[c]
		if k == 0 {
			continue
		}
		counts[c] = 0
		if int(k) < len(cLog2c) {
			sum += cLog2c[k]
		} else {
			sum += float64(k) * math.Log2(float64(k))
		}
	}
	n := float64(len(s))
	h := math.Log2(n) - sum/n
	if h < 0 { // rounding when all bytes are equal
		h = 0
	}
	return h
}
