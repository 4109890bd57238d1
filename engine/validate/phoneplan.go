package validate

// National numbering plans: whether a number written nationally ("0917
// 123 4567", "030 12345678", "98765 43210") is valid in the numbering
// plan of one of the regions the generator covers, and whether its
// grouping is one that the region's national format gives it. The data,
// phoneplan_data.go, is generated from Google's libphonenumber metadata
// (Apache License 2.0; see DATA.md) by TestGeneratePhonePlans.
//
// Two tries over the written digits, trunk prefix included: child d of
// inner node n is nodes[n-1][d] (0 for no number, planLeafBit|i for leaf
// i, else an inner node). The validity trie's leaves are masks of the
// valid written lengths (validMasks). The groupings are listed per
// three-digit prefix: shapeEntries[shapeStart[p]:shapeStart[p+1]] are the
// (length, grouping) entries of the numbers that start with p, the
// groupings written as text in planShapes ("4-3-4"; "2p-5-4" for "(11)
// 91234-5678").

// planLeafBit marks a leaf reference.
const planLeafBit = 1 << 31

// planEntry is one national grouping: numbers of length written digits
// may be written as planShapes[shape].
type planEntry struct {
	length uint8
	shape  uint16
}

// PhoneShape is a written number's grouping: the lengths of its digit
// groups, and whether its first group stands in brackets.
type PhoneShape struct {
	N     int
	Lens  [8]uint8
	Paren bool
}

// planWalk follows digits down the trie nodes from root and returns the
// leaf reached (its index), or -1.
func planWalk(nodes [][10]uint32, root uint32, digits []byte) int {
	ref := root
	for _, c := range digits {
		if ref&planLeafBit != 0 {
			break
		}
		d := c - '0'
		if d > 9 {
			return -1
		}
		ref = nodes[ref-1][d]
		if ref == 0 {
			return -1
		}
	}
	if ref&planLeafBit == 0 {
		return -1
	}
	return int(ref &^ planLeafBit)
}

// NationalPhone reports whether digits, a number as written nationally
// (with its trunk prefix, or without it where a plan is written so), is
// a valid number of one of the covered plans, and whether shape is a
// grouping that the national format rules give numbers of its first
// three digits and its length.
func NationalPhone(digits []byte, shape *PhoneShape) (valid, formatted bool) {
	n := len(digits)
	if n < 4 || n > 31 {
		return false, false
	}
	l := planWalk(validNodes[:], validRoot, digits)
	if l < 0 || validMasks[l]&(1<<n) == 0 {
		return false, false
	}
	if shape == nil {
		return true, false
	}
	p := int(digits[0]-'0')*100 + int(digits[1]-'0')*10 + int(digits[2]-'0')
	for _, e := range shapeEntries[shapeStart[p]:shapeStart[p+1]] {
		if int(e.length) == n && shapeIs(planShapes[e.shape], shape) {
			return true, true
		}
	}
	return true, false
}

// shapeIs reports whether the grouping text s ("4-3-4", "2p-5-4")
// describes sh.
func shapeIs(s string, sh *PhoneShape) bool {
	k := 0
	for g := 0; g < sh.N; g++ {
		if k >= len(s) {
			return false
		}
		v := 0
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			v = v*10 + int(s[k]-'0')
			k++
		}
		paren := k < len(s) && s[k] == 'p'
		if paren {
			k++
		}
		if v != int(sh.Lens[g]) || paren != (g == 0 && sh.Paren) {
			return false
		}
		if k < len(s) && s[k] == '-' {
			k++
		}
	}
	return k == len(s)
}
