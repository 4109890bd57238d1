package validate

// The Verhoeff scheme works in the dihedral group D5 of order 10 (the
// symmetries of a regular pentagon), numbered so that 0-4 are the rotations
// and 5-9 the reflections. verhoeffMul is its Cayley table, verhoeffPerm
// applies the permutation (1 5 8 9 4 2 7 0)(3 6) i times for position i
// (it repeats with period 8).
var verhoeffMul = [10][10]uint8{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
	{1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
	{2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
	{3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
	{4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
	{5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
	{6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
	{7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
	{8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
	{9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
}

var verhoeffPerm = [8][10]uint8{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
	{1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
	{5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
	{8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
	{9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
	{4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
	{2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
	{7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
}

// Verhoeff reports whether digits, at least two ASCII digits, end in a valid
// Verhoeff check digit: folding the digits from the right through the
// position permutations and the D5 product yields the identity.
func Verhoeff(digits []byte) bool {
	if len(digits) < 2 {
		return false
	}
	c := uint8(0)
	for i := 0; i < len(digits); i++ {
		d := digits[len(digits)-1-i] - '0'
		if d > 9 {
			return false
		}
		c = verhoeffMul[c][verhoeffPerm[i&7][d]]
	}
	return c == 0
}

// Aadhaar reports whether digits is an Indian Aadhaar number: exactly twelve
// ASCII digits, the first 2-9, with a Verhoeff check digit.
func Aadhaar(digits []byte) bool {
	return len(digits) == 12 && digits[0] >= '2' && digits[0] <= '9' && Verhoeff(digits)
}
