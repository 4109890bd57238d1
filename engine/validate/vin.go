package validate

// vinValue is the transliteration of 49 CFR 565.15 Table IV: the value of
// each character allowed in a VIN (digits as themselves; I, O and Q are
// not allowed and map to -1, as does every other byte).
var vinValue = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = int8(c - '0')
	}
	const letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
	values := [...]int8{1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9}
	for k := 0; k < len(letters); k++ {
		t[letters[k]] = values[k]
	}
	return t
}()

// vinWeight is 49 CFR 565.15 Table V: the weight of each position.
var vinWeight = [17]int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}

// VINShape reports whether b has the form of a Vehicle Identification
// Number (ISO 3779:2009; 49 CFR 565.15): 17 digits and upper-case letters
// other than I, O and Q.
func VINShape(b []byte) bool {
	if len(b) != 17 {
		return false
	}
	for _, c := range b {
		if vinValue[c] < 0 {
			return false
		}
	}
	return true
}

// VIN reports whether b has the form of a VIN (VINShape) and carries the
// check digit of 49 CFR 565.15(c) in position 9: the weighted sum of the
// transliterated characters mod 11, written X for 10.
func VIN(b []byte) bool {
	if !VINShape(b) {
		return false
	}
	sum := 0
	for i, c := range b {
		sum += int(vinValue[c]) * vinWeight[i]
	}
	r := sum % 11
	if r == 10 {
		return b[8] == 'X'
	}
	return int(b[8]) == '0'+r
}
