package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The United Kingdom types of issue 15. Valid values and checks are
// written here from the published rules (HMRC NIM39110, DVLA, Royal
// Mail), independently of package validate and the uk detectors.

func init() {
	RegisterType(TypeGen{
		Type: "uk_nino", NeedsContext: true,
		Context: []string{"National Insurance number", "NINO", "NI number"},
		Valid: func(r *rand.Rand) string {
			v := ukNINOPrefix(r) + usDigits(r, 6) + string(upperChars[r.IntN(4)])
			if r.IntN(2) == 0 {
				return v[:2] + " " + v[2:4] + " " + v[4:6] + " " + v[6:8] + " " + v[8:]
			}
			return v
		},
		Invalid: func(r *rand.Rand) string {
			bad := []string{"BG", "GB", "KN", "NK", "NT", "TN", "ZZ", "DA", "AD", "QA", "AO", "VA", "AI"}
			return bad[r.IntN(len(bad))] + usDigits(r, 6) + string(upperChars[r.IntN(4)])
		},
		Check: ukNINOCheck,
	})
	RegisterType(TypeGen{
		Type: "uk_passport", NeedsContext: true,
		Context: []string{"UK passport", "British passport number", "HMPO"},
		Valid:   func(r *rand.Rand) string { return string(digitChars[1+r.IntN(9)]) + usDigits(r, 8) },
	})
	RegisterType(TypeGen{
		Type: "uk_driving_licence", NeedsContext: true,
		Context: []string{"driving licence", "DVLA licence number", "Driving Licence No"},
		Valid:   func(r *rand.Rand) string { return ukLicence(r, true) },
		Invalid: func(r *rand.Rand) string { return ukLicence(r, false) },
		Check:   ukLicenceCheck,
	})
	RegisterType(TypeGen{
		Type: "uk_postcode", NeedsContext: true,
		Context: []string{"postcode", "Post code", "postal code"},
		Valid: func(r *rand.Rand) string {
			return ukOutwards[r.IntN(len(ukOutwards))] + " " + ukInward(r)
		},
		Invalid: func(r *rand.Rand) string {
			// Q, V and X start no postcode area.
			return string("QVX"[r.IntN(3)]) + string(upperChars[r.IntN(26)]) + fmt.Sprint(1+r.IntN(20)) + " " + ukInward(r)
		},
	})
	RegisterType(TypeGen{
		Type: "uk_vehicle_registration", NeedsContext: true,
		Context: []string{"vehicle registration", "reg no", "number plate", "VRM"},
		Valid:   func(r *rand.Rand) string { return ukMark(r, true) },
		Invalid: func(r *rand.Rand) string { return ukMark(r, false) },
		Check:   ukMarkCheck,
	})
}

// ukNINOPrefix returns an allocated NINO prefix (NIM39110).
func ukNINOPrefix(r *rand.Rand) string {
	for {
		a, b := upperChars[r.IntN(26)], upperChars[r.IntN(26)]
		if ukNINOPrefixOK(a, b) {
			return string([]byte{a, b})
		}
	}
}

// ukNINOPrefixOK is NIM39110's prefix rule.
func ukNINOPrefixOK(a, b byte) bool {
	if strings.IndexByte("DFIQUV", a) >= 0 || strings.IndexByte("DFIQUVO", b) >= 0 {
		return false
	}
	switch string([]byte{a, b}) {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return false
	}
	return true
}

// ukNINOCheck is NIM39110, compact or in printed groups.
func ukNINOCheck(v string) bool {
	v = strings.ReplaceAll(v, " ", "")
	return len(v) == 9 && v[0] >= 'A' && v[0] <= 'Z' && v[1] >= 'A' && v[1] <= 'Z' && ukNINOPrefixOK(v[0], v[1]) &&
		allASCIIDigits(v[2:8]) && v[8] >= 'A' && v[8] <= 'D'
}

// ukSurnames are surnames for driving licence numbers.
var ukSurnames = []string{"MORGAN", "SMITH", "LEE", "JONES", "PATEL", "O", "WILLIAMS", "NG", "BROWN", "TAYLOR"}

// ukLicence returns a DVLA licence number with a real date of birth, or,
// when !ok, one whose day does not exist in its month.
func ukLicence(r *rand.Rand, ok bool) string {
	s := ukSurnames[r.IntN(len(ukSurnames))]
	if len(s) > 5 {
		s = s[:5]
	}
	s += strings.Repeat("9", 5-len(s))
	year := 1940 + r.IntN(66)
	month := 1 + r.IntN(12)
	days := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
	if month == 2 && year%4 == 0 {
		days = 29
	}
	day := 1 + r.IntN(days)
	if !ok {
		day = days + 1 + r.IntN(31-days+1)
		if day > 31 {
			day = 32 + r.IntN(60)
		}
	}
	m := month
	if r.IntN(2) == 0 {
		m += 50
	}
	initials := string(upperChars[r.IntN(26)]) + string(upperChars[r.IntN(26)])
	if r.IntN(3) == 0 {
		initials = initials[:1] + "9"
	}
	return fmt.Sprintf("%s%d%02d%02d%d%s9%c%c", s, year/10%10, m, day%100, year%10, initials, 'A'+r.IntN(26), 'A'+r.IntN(26))
}

// ukLicenceCheck is the DVLA structure with a real date.
func ukLicenceCheck(v string) bool {
	if len(v) != 16 || v[0] < 'A' || v[0] > 'Z' {
		return false
	}
	pad := false
	for _, c := range []byte(v[1:5]) {
		if c == '9' {
			pad = true
		} else if c < 'A' || c > 'Z' || pad {
			return false
		}
	}
	if !allASCIIDigits(v[5:11]) {
		return false
	}
	month := int(v[6]-'0')*10 + int(v[7]-'0')
	if month > 50 {
		month -= 50
	}
	day := int(v[8]-'0')*10 + int(v[9]-'0')
	year := int(v[5]-'0')*10 + int(v[10]-'0')
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	days := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
	if month == 2 && year%4 == 0 {
		days = 29
	}
	if day > days {
		return false
	}
	up := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	return up(v[11]) && (up(v[12]) || v[12] == '9') && v[13] >= '0' && v[13] <= '9' &&
		(up(v[14]) || v[14] >= '0' && v[14] <= '9') && (up(v[15]) || v[15] >= '0' && v[15] <= '9')
}

// ukOutwards are outward codes in use (Royal Mail), for valid postcodes.
var ukOutwards = strings.Fields("SW1A EC1A W1A M1 B33 CR2 DN55 AB10 LS1 G2 EH1 CF10 BT1 NE1 L1 BS1 OX1 CB2 YO1 KT1 N1C E1W TR21 ZE1 IV2")

// ukInward returns an inward code: a digit and two unit letters (not C I
// K M O V).
func ukInward(r *rand.Rand) string {
	const units = "ABDEFGHJLNPQRSTUWXYZ"
	return fmt.Sprint(r.IntN(10)) + string(units[r.IntN(len(units))]) + string(units[r.IntN(len(units))])
}

// ukMark returns a current-format registration mark, or, when !ok, one
// with an age identifier that is never issued (00, 01 or 50).
func ukMark(r *rand.Rand, ok bool) string {
	const regions = "ABCDEFGHKLMNOPRSVWY"
	const tags = "ABCDEFGHJKLMNOPRSTUVWXY"
	const random = "ABCDEFGHJKLMNOPRSTUVWXYZ"
	age := 2 + r.IntN(48)
	if r.IntN(2) == 0 {
		age = 51 + r.IntN(49)
	}
	if !ok {
		age = []int{0, 1, 50}[r.IntN(3)]
	}
	b := []byte{regions[r.IntN(len(regions))], tags[r.IntN(len(tags))]}
	s := fmt.Sprintf("%s%02d", b, age)
	suffix := string([]byte{random[r.IntN(len(random))], random[r.IntN(len(random))], random[r.IntN(len(random))]})
	if r.IntN(3) == 0 {
		return s + suffix
	}
	return s + " " + suffix
}

// ukMarkCheck is the DVLA current format.
func ukMarkCheck(v string) bool {
	v = strings.ReplaceAll(v, " ", "")
	if len(v) != 7 || strings.IndexByte("ABCDEFGHKLMNOPRSVWY", v[0]) < 0 || v[1] < 'A' || v[1] > 'Z' ||
		strings.IndexByte("IQZ", v[1]) >= 0 || !allASCIIDigits(v[2:4]) {
		return false
	}
	age := int(v[2]-'0')*10 + int(v[3]-'0')
	if age < 2 || age == 50 {
		return false
	}
	for _, c := range []byte(v[4:]) {
		if c < 'A' || c > 'Z' || c == 'I' || c == 'Q' {
			return false
		}
	}
	return true
}
