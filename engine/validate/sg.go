package validate

// sgNRICWeights weight the seven digits of a Singapore NRIC or FIN.
var sgNRICWeights = [7]int{2, 7, 6, 5, 4, 3, 2}

// SGNRICFIN reports whether b is a Singapore NRIC or FIN (Immigration &
// Checkpoints Authority): a prefix S or T (citizens and permanent
// residents registered before and from 2000), F or G (foreigners before
// and from 2000) or M (foreigners from 2022), seven digits, and a check
// letter. With S the digits weighted 2, 7, 6, 5, 4, 3, 2, plus 4 for T
// and G and 3 for M, and r = S mod 11, the letter is JZIHGFEDCBA[r] for S
// and T, XWUTRQPNMLK[r] for F and G, and XWUTRQPNJLK[r] for M.
func SGNRICFIN(b []byte) bool {
	if len(b) != 9 || !allDigits(b[1:8]) {
		return false
	}
	s := 0
	for i, w := range sgNRICWeights {
		s += int(b[1+i]-'0') * w
	}
	var table string
	switch b[0] {
	case 'S':
		table = "JZIHGFEDCBA"
	case 'T':
		s += 4
		table = "JZIHGFEDCBA"
	case 'F':
		table = "XWUTRQPNMLK"
	case 'G':
		s += 4
		table = "XWUTRQPNMLK"
	case 'M':
		s += 3
		table = "XWUTRQPNJLK"
	default:
		return false
	}
	return b[8] == table[s%11]
}

// Weights of the UEN formats.
var (
	sgUENBusinessWeights = [8]int{10, 4, 9, 3, 8, 2, 7, 1}
	sgUENLocalWeights    = [9]int{10, 8, 6, 4, 9, 7, 5, 3, 1}
	sgUENOtherWeights    = [9]int{4, 3, 5, 3, 10, 2, 2, 5, 7}
)

// sgUENOtherAlphabet gives each character of an "other entity" UEN its
// value: its index.
const sgUENOtherAlphabet = "ABCDEFGHJKLMNPQRSTUVWX0123456789"

// SGUEN reports whether b is a Singapore Unique Entity Number (ACRA,
// "UEN" format description) with a correct check letter, in one of its
// three formats:
//
//   - businesses registered with ACRA: eight digits and a letter,
//     XMKECAWLJDB[S mod 11] with the digits weighted 10, 4, 9, 3, 8, 2,
//     7, 1;
//   - local companies: a year of registration (1800-2099), five digits
//     and a letter, ZKCMDNERGWH[S mod 11] with weights 10, 8, 6, 4, 9, 7,
//     5, 3, 1;
//   - other entities: R, S or T (the 1800s, 1900s, 2000s) and the year's
//     last two digits, a two-letter entity type, four digits and a letter
//     A[(S - 5) mod 11] of the alphabet ABCDEFGHJKLMNPQRSTUVWX0-9, each
//     character valued by its index there and weighted 4, 3, 5, 3, 10, 2,
//     2, 5, 7.
//
// The entity type is not checked here; the caller holds ACRA's list.
func SGUEN(b []byte) bool {
	switch {
	case len(b) == 9 && allDigits(b[:8]):
		s := 0
		for i, w := range sgUENBusinessWeights {
			s += int(b[i]-'0') * w
		}
		return b[8] == "XMKECAWLJDB"[s%11]
	case len(b) == 10 && allDigits(b[:9]):
		y := int(b[0]-'0')*1000 + int(b[1]-'0')*100 + int(b[2]-'0')*10 + int(b[3]-'0')
		if y < 1800 || y > 2099 {
			return false
		}
		s := 0
		for i, w := range sgUENLocalWeights {
			s += int(b[i]-'0') * w
		}
		return b[9] == "ZKCMDNERGWH"[s%11]
	case len(b) == 10:
		if b[0] != 'R' && b[0] != 'S' && b[0] != 'T' || !allDigits(b[1:3]) || !allDigits(b[5:9]) ||
			b[3] < 'A' || b[3] > 'Z' || b[4] < 'A' || b[4] > 'Z' {
			return false
		}
		s := 0
		for i, w := range sgUENOtherWeights {
			v := uenOtherValue(b[i])
			if v < 0 {
				return false
			}
			s += v * w
		}
		return b[9] == sgUENOtherAlphabet[((s-5)%11+11)%11]
	}
	return false
}

// uenOtherValue returns c's index in sgUENOtherAlphabet, or -1.
func uenOtherValue(c byte) int {
	for i := 0; i < len(sgUENOtherAlphabet); i++ {
		if sgUENOtherAlphabet[i] == c {
			return i
		}
	}
	return -1
}
