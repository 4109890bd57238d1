package validate

// NINO reports whether s is a UK National Insurance number in compact
// form, two prefix letters, six digits and a suffix letter, under HMRC's
// allocation rules (HMRC National Insurance Manual NIM39110): neither
// prefix letter is D, F, I, Q, U or V; the second is not O; the prefixes
// BG, GB, KN, NK, NT, TN and ZZ are not allocated; the suffix is A, B, C
// or D.
func NINO(s []byte) bool {
	if len(s) != 9 || !allDigits(s[2:8]) || s[8] < 'A' || s[8] > 'D' {
		return false
	}
	return NINOPrefix(s[0], s[1])
}

// NINOPrefix reports whether a and b may start a National Insurance
// number (see NINO).
func NINOPrefix(a, b byte) bool {
	if !ninoLetter(a) || !ninoLetter(b) || b == 'O' {
		return false
	}
	switch string([]byte{a, b}) {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return false
	}
	return true
}

// ninoLetter reports whether c is a capital letter a prefix may use.
func ninoLetter(c byte) bool {
	if c < 'A' || c > 'Z' {
		return false
	}
	switch c {
	case 'D', 'F', 'I', 'Q', 'U', 'V':
		return false
	}
	return true
}

// UKDrivingLicence reports whether s is the 16-character number of a
// driving licence issued by the DVLA (Great Britain), whose structure the
// DVLA publishes ("What your driving licence number means"):
//
//   - 1-5: the first five letters of the surname, padded with 9s;
//   - 6: the decade digit of the year of birth;
//   - 7-8: the month of birth, plus 50 for a woman (01-12 or 51-62);
//   - 9-10: the day of birth, valid for the month;
//   - 11: the last digit of the year of birth;
//   - 12-13: the first two initials, the second 9 when there is none;
//   - 14: a digit (9 by default);
//   - 15-16: two check characters (letters or digits).
func UKDrivingLicence(s []byte) bool {
	if len(s) != 16 || !isUpper(s[0]) {
		return false
	}
	pad := false
	for _, c := range s[1:5] {
		switch {
		case c == '9':
			pad = true
		case isUpper(c) && !pad:
		default:
			return false
		}
	}
	if !allDigits(s[5:11]) {
		return false
	}
	month := int(s[6]-'0')*10 + int(s[7]-'0')
	if month > 50 {
		month -= 50
	}
	day := int(s[8]-'0')*10 + int(s[9]-'0')
	year := int(s[5]-'0')*10 + int(s[10]-'0')
	// The century is not written; 2000 + year is a leap year exactly when
	// 1900 + year is one, but for year 0 (2000 was, 1900 was not).
	if !Date(2000+year, month, day) {
		return false
	}
	if !isUpper(s[11]) || !(isUpper(s[12]) || s[12] == '9') || !IsDigit(s[13]) {
		return false
	}
	return isUpperOrDigit(s[14]) && isUpperOrDigit(s[15])
}

func isUpper(c byte) bool        { return c >= 'A' && c <= 'Z' }
func isUpperOrDigit(c byte) bool { return isUpper(c) || IsDigit(c) }

// UKVehicleRegistration reports whether s, without its space, is a
// registration mark of Great Britain in one of the DVLA's dated formats
// (DVLA, "INF104: Vehicle registration numbers and number plates"):
//
//   - current (since September 2001): a local memory tag of two letters,
//     the first a region letter (A B C D E F G H K L M N O P R S V W Y)
//     and the second any letter but I, Q and Z; a two-digit age
//     identifier (02-49 for March, 51-99 for September); three random
//     letters, none of them I or Q: "AB51 ABC";
//   - prefix (1983-2001): an age letter (A-Y but I, O, Q, U and Z), one
//     to three digits (1-999, no leading 0), and three letters, the first
//     not I, Q or Z and none I or Q: "A123 BCD";
//   - suffix (1963-1983): three letters (none I, Q or Z), one to three
//     digits (no leading 0) and an age letter (A-Y but I, O, Q, U and Z):
//     "ABC 123D".
func UKVehicleRegistration(s []byte) bool {
	switch n := len(s); {
	case n == 7 && isUpper(s[0]) && isUpper(s[1]) && IsDigit(s[2]):
		age := int(s[2]-'0')*10 + int(s[3]-'0')
		if !IsDigit(s[3]) || age < 2 || age == 50 || !ukRegionLetter(s[0]) || !ukTagLetter(s[1]) {
			return false
		}
		return ukRandomLetter(s[4]) && ukRandomLetter(s[5]) && ukRandomLetter(s[6])
	case n >= 5 && n <= 7 && isUpper(s[0]) && IsDigit(s[1]):
		k := 1
		for k < n-3 && IsDigit(s[k]) {
			k++
		}
		if k != n-3 || s[1] == '0' || !ukAgeLetter(s[0]) {
			return false
		}
		return ukSeriesLetter(s[k]) && ukRandomLetter(s[k+1]) && ukRandomLetter(s[k+2])
	case n >= 5 && n <= 7 && isUpper(s[0]) && isUpper(s[1]) && isUpper(s[2]):
		if !ukSeriesLetter(s[0]) || !ukSeriesLetter(s[1]) || !ukSeriesLetter(s[2]) || s[3] == '0' || !ukAgeLetter(s[n-1]) {
			return false
		}
		return allDigits(s[3 : n-1])
	}
	return false
}

// ukRegionLetter reports whether c is a DVLA memory-tag region letter.
func ukRegionLetter(c byte) bool {
	switch c {
	case 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'K', 'L', 'M', 'N', 'O', 'P', 'R', 'S', 'V', 'W', 'Y':
		return true
	}
	return false
}

// ukTagLetter reports whether c may be a memory tag's second letter.
func ukTagLetter(c byte) bool { return isUpper(c) && c != 'I' && c != 'Q' && c != 'Z' }

// ukRandomLetter reports whether c may be one of the three random
// letters of a current mark.
func ukRandomLetter(c byte) bool { return isUpper(c) && c != 'I' && c != 'Q' }

// ukSeriesLetter reports whether c may be a letter of a dated mark's
// letter series (not I, Q or Z).
func ukSeriesLetter(c byte) bool { return ukTagLetter(c) }

// ukAgeLetter reports whether c is an age letter of the prefix and
// suffix formats: A-Y but I, O, Q, U and Z.
func ukAgeLetter(c byte) bool {
	return isUpper(c) && c != 'I' && c != 'O' && c != 'Q' && c != 'U' && c != 'Z'
}
