package uk

import (
	"strconv"
	"strings"
)

// areaIndex returns the table index of a postcode area of one letter a
// (b == 0) or two letters ab, or -1.
func areaIndex(a, b byte) int {
	if a < 'A' || a > 'Z' {
		return -1
	}
	k := 0
	if b != 0 {
		if b < 'A' || b > 'Z' {
			return -1
		}
		k = int(b-'A') + 1
	}
	return int(a-'A')*27 + k
}

// area is one postcode area's districts: bit n of num for district n
// (0-99), and for districts 0-9 the sub-district letters that exist (bit
// c-'A'), for the areas whose central districts are split (EC1A, W1A).
type area struct {
	num [2]uint64
	sub [10]uint32
}

// outward holds postcodeDistricts, indexed by areaIndex.
var outward = func() *[26 * 27]area {
	var t [26 * 27]area
	for _, line := range strings.Split(strings.TrimSpace(postcodeDistricts), "\n") {
		f := strings.Fields(line)
		name := f[0]
		var b byte
		if len(name) == 2 {
			b = name[1]
		}
		a := &t[areaIndex(name[0], b)]
		for _, r := range f[1:] {
			if d, letters, ok := strings.Cut(r, ":"); ok {
				n, err := strconv.Atoi(strings.TrimPrefix(d, name))
				if err != nil || n > 9 {
					panic("uk: bad sub-district entry " + r)
				}
				for _, c := range []byte(letters) {
					a.sub[n] |= 1 << (c - 'A')
				}
				continue
			}
			lo, hi, _ := strings.Cut(r, "-")
			from, err1 := strconv.Atoi(lo)
			to := from
			var err2 error
			if hi != "" {
				to, err2 = strconv.Atoi(hi)
			}
			if err1 != nil || err2 != nil || from > to || to > 99 {
				panic("uk: bad district range " + r)
			}
			for n := from; n <= to; n++ {
				a.num[n/64] |= 1 << (n % 64)
			}
		}
	}
	return &t
}()

// validOutward reports whether o is an outward code in use: an area of
// one or two letters, a district number of one or two digits, and, for
// the split central districts, a sub-district letter ("SW1A", "M1",
// "DN55", "W1A", "EC1M").
func validOutward(o []byte) bool {
	n := len(o)
	if n < 2 || n > 4 {
		return false
	}
	k := 1
	var b byte
	if o[1] >= 'A' && o[1] <= 'Z' {
		b, k = o[1], 2
	}
	ai := areaIndex(o[0], b)
	if ai < 0 || k >= n || o[k] < '0' || o[k] > '9' {
		return false
	}
	a := &outward[ai]
	d := int(o[k] - '0')
	switch rest := o[k+1:]; {
	case len(rest) == 0:
		return a.num[0]>>d&1 != 0
	case len(rest) == 1 && rest[0] >= '0' && rest[0] <= '9':
		d = d*10 + int(rest[0]-'0')
		return a.num[d/64]>>(d%64)&1 != 0
	case len(rest) == 1 && rest[0] >= 'A' && rest[0] <= 'Z':
		return a.sub[d]>>(rest[0]-'A')&1 != 0
	}
	return false
}

// validInward reports whether i is an inward code: a sector digit and two
// unit letters, none of C, I, K, M, O or V (Royal Mail, PAF Programmers'
// Guide: the inward code's letters).
func validInward(i []byte) bool {
	return len(i) == 3 && i[0] >= '0' && i[0] <= '9' && unitLetter(i[1]) && unitLetter(i[2])
}

// unitLetter reports whether c may be a unit letter.
func unitLetter(c byte) bool {
	if c < 'A' || c > 'Z' {
		return false
	}
	switch c {
	case 'C', 'I', 'K', 'M', 'O', 'V':
		return false
	}
	return true
}
