package validate

// BIC reports whether b is a Business Identifier Code in the form ISO
// 9362:2022 (SWIFT, "ISO 9362 Business Identifier Code") defines: a party
// prefix of four letters, an ISO 3166-1 alpha-2 country code, a party
// suffix (location code) of two letters or digits, and an optional branch
// code of three, so 8 or 11 upper-case characters in all. The location
// code does not start with 0 or 1 and its second character is not the
// letter O (SWIFT reserves both); a branch code starts with X only when it
// is XXX, the primary office.
func BIC(b []byte) bool {
	if len(b) != 8 && len(b) != 11 {
		return false
	}
	for _, c := range b[:4] {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	if !CountryCode(b[4], b[5]) {
		return false
	}
	if !upperAlnum(b[6]) || !upperAlnum(b[7]) || b[6] == '0' || b[6] == '1' || b[7] == 'O' {
		return false
	}
	if len(b) == 11 {
		if !upperAlnum(b[8]) || !upperAlnum(b[9]) || !upperAlnum(b[10]) {
			return false
		}
		if b[8] == 'X' && (b[9] != 'X' || b[10] != 'X') {
			return false
		}
	}
	return true
}

// upperAlnum reports whether c is an ASCII digit or upper-case letter.
func upperAlnum(c byte) bool { return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' }
