package address

// postcode returns the end of a postcode at t[q] (not glued to a word
// or number after it), or 0: a US ZIP or ZIP+4 (USPS), a Canadian
// postal code (Canada Post: A1A 1A1), a UK postcode (Royal Mail: outward
// code A9, A99, A9A, AA9, AA99 or AA9A, a space, inward code 9AA), a
// Dutch postcode (PostNL: 1234 AB) or the five digits of Germany,
// France, Spain and Italy.
func postcode(t []byte, q int) int {
	digits := 0
	for q+digits < len(t) && isDigit(t[q+digits]) {
		digits++
	}
	end := func(e int) int {
		if e < len(t) && (isLetter(t[e]) || isDigit(t[e])) {
			return 0
		}
		return e
	}
	switch {
	case digits == 5:
		if q+10 <= len(t) && t[q+5] == '-' && allDigits(t[q+6:q+10]) {
			return end(q + 10)
		}
		return end(q + 5)
	case digits == 4 && q+7 <= len(t) && t[q] != '0':
		e := q + 4
		if t[e] == ' ' {
			e++
		}
		if e+2 <= len(t) && isUpper(t[e]) && isUpper(t[e+1]) {
			return end(e + 2)
		}
		return 0
	case digits > 0:
		return 0
	}
	// Canada: A1A 1A1.
	if q+7 <= len(t) && isUpper(t[q]) && isDigit(t[q+1]) && isUpper(t[q+2]) && t[q+3] == ' ' && isDigit(t[q+4]) && isUpper(t[q+5]) && isDigit(t[q+6]) {
		return end(q + 7)
	}
	// UK: outward code, a space, inward code.
	o := q
	for o < len(t) && o-q < 2 && isUpper(t[o]) {
		o++
	}
	if o == q || o >= len(t) || !isDigit(t[o]) {
		return 0
	}
	o++
	if o < len(t) && (isDigit(t[o]) || isUpper(t[o])) {
		o++
	}
	if o+4 > len(t) || t[o] != ' ' || !isDigit(t[o+1]) || !isUpper(t[o+2]) || !isUpper(t[o+3]) {
		return 0
	}
	return end(o + 4)
}

// allDigits reports whether b is all ASCII digits.
func allDigits(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return true
}
