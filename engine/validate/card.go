package validate

// Brand names a payment card network. The values are the lowercase names the
// detectors report.
type Brand string

// The card brands CardBrand recognises.
const (
	Visa       Brand = "visa"
	Mastercard Brand = "mastercard"
	Amex       Brand = "amex"
	Discover   Brand = "discover"
	JCB        Brand = "jcb"
	Diners     Brand = "diners"
	UnionPay   Brand = "unionpay"
	Maestro    Brand = "maestro"
	Dankort    Brand = "dankort"
)

// cardRule is one IIN range: numbers whose first digits leading digits,
// read as an integer, lie in [lo, hi] and whose length n has bit n set in
// lengths.
type cardRule struct {
	brand   Brand
	digits  int    // how many leading digits lo and hi cover
	lo, hi  int    // inclusive IIN range over the leading digits
	lengths uint32 // bit n set: a number of n digits is allowed
}

// lens returns the length bitmask allowing exactly the lengths ns.
func lens(ns ...int) uint32 {
	var m uint32
	for _, n := range ns {
		m |= 1 << n
	}
	return m
}

// lenRange returns the length bitmask allowing lengths lo through hi.
func lenRange(lo, hi int) uint32 {
	var m uint32
	for n := lo; n <= hi; n++ {
		m |= 1 << n
	}
	return m
}

// cardRules is checked in order; the first match wins. Narrow ranges that
// sit inside a wider one of another brand come first (Discover's
// 622126-622925 inside UnionPay's 62).
var cardRules = []cardRule{
	{Visa, 1, 4, 4, lens(13, 16, 19)},
	{Mastercard, 2, 51, 55, lens(16)},
	{Mastercard, 4, 2221, 2720, lens(16)},
	{Amex, 2, 34, 34, lens(15)},
	{Amex, 2, 37, 37, lens(15)},
	{Discover, 4, 6011, 6011, lenRange(16, 19)},
	{Discover, 3, 644, 649, lenRange(16, 19)},
	{Discover, 2, 65, 65, lenRange(16, 19)},
	{Discover, 6, 622126, 622925, lenRange(16, 19)},
	{JCB, 4, 3528, 3589, lenRange(16, 19)},
	{Diners, 3, 300, 305, lenRange(14, 19)},
	{Diners, 2, 36, 36, lenRange(14, 19)},
	{Diners, 2, 38, 39, lenRange(14, 19)},
	{UnionPay, 2, 62, 62, lenRange(16, 19)},
	{Dankort, 4, 5019, 5019, lens(16)},
	{Maestro, 4, 5018, 5018, lenRange(12, 19)},
	{Maestro, 4, 5020, 5020, lenRange(12, 19)},
	{Maestro, 4, 5038, 5038, lenRange(12, 19)},
	{Maestro, 4, 5893, 5893, lenRange(12, 19)},
	{Maestro, 4, 6304, 6304, lenRange(12, 19)},
	{Maestro, 4, 6759, 6759, lenRange(12, 19)},
	{Maestro, 4, 6761, 6763, lenRange(12, 19)},
}

// CardBrand reports the card network whose IIN range and length rules the
// ASCII digits satisfy. It checks only the issuer prefix and the length, not
// the Luhn digit. Ranges: Visa 4 (13, 16 or 19 digits); Mastercard 51-55 and
// 2221-2720 (16); Amex 34, 37 (15); Discover 6011, 644-649, 65 and
// 622126-622925 (16-19); JCB 3528-3589 (16-19); Diners Club 300-305, 36,
// 38-39 (14-19); UnionPay 62 (16-19); Dankort 5019 (16; Nets, the Danish
// debit scheme, Maestro-branded in co-badged cards); Maestro 5018, 5020,
// 5038, 5893, 6304, 6759, 6761-6763 (12-19).
func CardBrand(digits []byte) (Brand, bool) {
	n := len(digits)
	if n < 12 || n > 19 || !allDigits(digits) {
		return "", false
	}
	var prefix [7]int // prefix[k] = the first k digits as an integer
	for k := 1; k <= 6; k++ {
		prefix[k] = prefix[k-1]*10 + int(digits[k-1]-'0')
	}
	for i := range cardRules {
		r := &cardRules[i]
		p := prefix[r.digits]
		if p >= r.lo && p <= r.hi && r.lengths&(1<<n) != 0 {
			return r.brand, true
		}
	}
	return "", false
}
