package validate

// isinPrefixes are the ISO 6166 prefixes that are not ISO 3166 country
// codes: XS for international securities cleared through Euroclear and
// Clearstream, XA-XD for those CUSIP Global Services numbers, and EU for
// the European Union's own issues (ANNA, "ISIN prefixes").
const isinPrefixes = "XS XA XB XC XD EU"

// ISIN reports whether b is an International Securities Identification
// Number (ISO 6166:2021): a two-letter prefix (an ISO 3166-1 alpha-2
// country code or one of isinPrefixes), a nine-character national
// identifier of upper-case letters and digits, and a check digit: the
// Luhn check over the digits obtained by writing each letter as its
// two-digit value A=10 … Z=35.
func ISIN(b []byte) bool {
	if len(b) != 12 || !IsDigit(b[11]) || !ISINPrefix(b[0], b[1]) {
		return false
	}
	// Luhn from the right over the expanded digits: the check digit is
	// not doubled, the next one is, and so on.
	sum, double := 0, false
	for i := len(b) - 1; i >= 0; i-- {
		c := b[i]
		var hi, lo int
		switch {
		case c >= '0' && c <= '9':
			hi, lo = -1, int(c-'0')
		case c >= 'A' && c <= 'Z':
			v := int(c-'A') + 10
			hi, lo = v/10, v%10
		default:
			return false
		}
		sum += luhnDigit(lo, double)
		double = !double
		if hi >= 0 {
			sum += luhnDigit(hi, double)
			double = !double
		}
	}
	return sum%10 == 0
}

// luhnDigit is digit d's Luhn contribution, doubled (and its digits
// summed) when double is set.
func luhnDigit(d int, double bool) int {
	if !double {
		return d
	}
	d *= 2
	if d > 9 {
		d -= 9
	}
	return d
}

// ISINPrefix reports whether the upper-case letters a, b are a valid
// ISO 6166 prefix: a country code or one of isinPrefixes.
func ISINPrefix(a, b byte) bool {
	if CountryCode(a, b) {
		return true
	}
	for k := 0; k+1 < len(isinPrefixes); k += 3 {
		if isinPrefixes[k] == a && isinPrefixes[k+1] == b {
			return true
		}
	}
	return false
}
