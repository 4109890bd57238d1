package corpus

import (
	"math/big"
	"math/rand/v2"
	"strings"

	"github.com/datafog/datafog-api/engine/validate"
)

// Finance, vehicle and device identifiers for the type corpus. The check
// digits here are computed by code of their own (math/big for the mod 97
// and plain loops written from the standards), not by package validate,
// so that the corpus checks the validators rather than echoing them.

const (
	finUpperAZ     = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	finDigits      = "0123456789"
	finUpperDigits = finUpperAZ + finDigits
)

// pickN returns n random bytes of alphabet.
func pickN(r *rand.Rand, n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// finCountries are the countries the generators use.
var finCountries = []string{"DE", "FR", "GB", "US", "CH", "NL", "IT", "ES", "JP", "SG", "HK", "BE", "AT", "SE", "LU", "IE", "CA", "AU"}

func init() {
	RegisterType(TypeGen{
		Type: "swift_bic", Valid: bicValid, Invalid: bicInvalid, Check: bicCheck, NeedsContext: true,
		Context: []string{"BIC", "SWIFT code", "swift", "BIC/SWIFT:"},
	})
	RegisterType(TypeGen{
		Type: "lei", Valid: leiValid, Invalid: leiInvalid, Check: leiCheck,
		Context: []string{"LEI", "legal entity identifier", "LEI code"},
	})
	RegisterType(TypeGen{
		Type: "isin", Valid: isinValid, Invalid: isinInvalid, Check: isinCheck, NeedsContext: true,
		Context: []string{"ISIN", "ISIN code", "isin:"},
	})
	RegisterType(TypeGen{
		Type: "cusip", Valid: cusipValid, Invalid: cusipInvalid, Check: cusipCheck, NeedsContext: true,
		Context: []string{"CUSIP", "cusip:", "CUSIP number"},
	})
	RegisterType(TypeGen{
		Type: "vin", Valid: vinValid, Invalid: vinInvalid, Check: vinCheck,
		Context: []string{"VIN", "vehicle identification number", "Fahrgestellnummer", "chassis"},
	})
	RegisterType(TypeGen{
		Type: "imei", Valid: imeiValid, Invalid: imeiInvalid, Check: imeiCheck, NeedsContext: true,
		Context: []string{"IMEI", "imei:", "device IMEI"},
	})
}

// bicValid returns a BIC with a digit in its location or branch code
// (letters-only BICs need a label the corpus does not always give; the
// detector's own examples cover them).
func bicValid(r *rand.Rand) string {
	loc := pickN(r, 1, "23456789ABCDEFGHJKLMNPRSTUVWXYZ") + pickN(r, 1, "23456789")
	b := pickN(r, 4, finUpperAZ) + finCountries[r.IntN(len(finCountries))] + loc
	switch r.IntN(3) {
	case 0:
		b += "XXX"
	case 1:
		b += pickN(r, 1, "0123456789ABCDEFGH") + pickN(r, 2, finDigits)
	}
	return b
}

// bicInvalid returns a BIC-shaped code with a country code no one has.
func bicInvalid(r *rand.Rand) string {
	b := []byte(bicValid(r))
	copy(b[4:6], []string{"XX", "ZZ", "QQ", "UK", "AA"}[r.IntN(5)])
	return string(b)
}

// bicCheck is the BIC structure, written from ISO 9362.
func bicCheck(v string) bool {
	if len(v) != 8 && len(v) != 11 {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		letter := c >= 'A' && c <= 'Z'
		if i < 6 && !letter || i >= 6 && !letter && !(c >= '0' && c <= '9') {
			return false
		}
	}
	if !validate.CountryCode(v[4], v[5]) || v[6] == '0' || v[6] == '1' || v[7] == 'O' {
		return false
	}
	return len(v) == 8 || v[8] != 'X' || v[8:] == "XXX"
}

// mod97 returns the value of the code (A=10 … Z=35) mod 97, by
// math/big.
func mod97Big(code string) int64 {
	var d strings.Builder
	for _, c := range code {
		if c >= 'A' && c <= 'Z' {
			d.WriteString(big.NewInt(int64(c - 'A' + 10)).String())
		} else {
			d.WriteRune(c)
		}
	}
	n, _ := new(big.Int).SetString(d.String(), 10)
	return new(big.Int).Mod(n, big.NewInt(97)).Int64()
}

// leiPrefixes are prefixes of accredited LEI issuers (local operating
// units) from GLEIF's list.
var leiPrefixes = []string{"5493", "2138", "5299", "9695", "7245", "3912", "8156", "2549", "6354", "9845", "3157", "8945"}

// leiValid returns an LEI with letters: an issuer prefix, "00", twelve
// characters and the two check digits 98 - (code·100 mod 97).
func leiValid(r *rand.Rand) string {
	for {
		body := leiPrefixes[r.IntN(len(leiPrefixes))] + "00" + pickN(r, 12, finUpperDigits)
		if !strings.ContainsAny(body, finUpperAZ) {
			continue
		}
		check := 98 - mod97Big(body+"00")
		return body + string(decimalDigits[check/10]) + string(decimalDigits[check%10])
	}
}

// leiInvalid returns an LEI whose check digits are off by one to 96.
func leiInvalid(r *rand.Rand) string {
	v := leiValid(r)
	c := (int(v[18]-'0')*10 + int(v[19]-'0') + 1 + r.IntN(96)) % 100
	return v[:18] + string(rune('0'+c/10)) + string(rune('0'+c%10))
}

func leiCheck(v string) bool {
	if len(v) != 20 {
		return false
	}
	for _, c := range v {
		if !strings.ContainsRune(finUpperDigits, c) {
			return false
		}
	}
	return mod97Big(v) == 1
}

// luhnExpanded is the ISIN check: letters written as two digits, then
// the Luhn sum from the right, every second digit doubled.
func luhnExpanded(v string) int {
	var ds string
	for _, c := range v {
		if c >= 'A' && c <= 'Z' {
			ds += big.NewInt(int64(c - 'A' + 10)).String()
		} else {
			ds += string(c)
		}
	}
	sum := 0
	for k := 0; k < len(ds); k++ {
		x := int(ds[len(ds)-1-k] - '0')
		if k%2 == 1 {
			x *= 2
			if x > 9 {
				x -= 9
			}
		}
		sum += x
	}
	return sum
}

// isinValid returns an ISIN: a country, nine characters (an issuer code
// of letters and digits, or digits) and the check digit.
func isinValid(r *rand.Rand) string {
	body := finCountries[r.IntN(len(finCountries))]
	if r.IntN(2) == 0 {
		body += pickN(r, 9, finDigits)
	} else {
		body += pickN(r, 3, finDigits) + pickN(r, 3, finUpperDigits) + pickN(r, 3, finDigits)
	}
	for d := byte('0'); d <= '9'; d++ {
		if luhnExpanded(body+string(d))%10 == 0 {
			return body + string(d)
		}
	}
	panic("unreachable: some check digit fits")
}

func isinInvalid(r *rand.Rand) string {
	v := isinValid(r)
	return v[:11] + string(rune('0'+(int(v[11]-'0')+1+r.IntN(9))%10))
}

func isinCheck(v string) bool {
	return len(v) == 12 && validate.CountryCode(v[0], v[1]) && v[11] >= '0' && v[11] <= '9' && luhnExpanded(v)%10 == 0
}

// cusipSum is the CUSIP "double add double" sum of the first eight
// characters.
func cusipSum(v string) int {
	sum := 0
	for i := 0; i < 8; i++ {
		x := strings.IndexByte(finDigits+finUpperAZ, v[i])
		if i%2 == 1 {
			x *= 2
		}
		sum += x/10 + x%10
	}
	return sum
}

// cusipValid returns a CUSIP: six issuer characters, two issue
// characters and the check digit.
func cusipValid(r *rand.Rand) string {
	var body string
	if r.IntN(2) == 0 {
		body = pickN(r, 8, finDigits)
	} else {
		body = pickN(r, 5, finDigits) + pickN(r, 1, finUpperAZ) + pickN(r, 2, finDigits)
	}
	return body + string(rune('0'+(10-cusipSum(body)%10)%10))
}

func cusipInvalid(r *rand.Rand) string {
	v := cusipValid(r)
	return v[:8] + string(rune('0'+(int(v[8]-'0')+1+r.IntN(9))%10))
}

func cusipCheck(v string) bool {
	if len(v) != 9 || v[8] < '0' || v[8] > '9' {
		return false
	}
	for i := 0; i < 8; i++ {
		if !strings.ContainsRune(finUpperDigits, rune(v[i])) {
			return false
		}
	}
	return int(v[8]-'0') == (10-cusipSum(v)%10)%10
}

// vinChars are the characters ISO 3779 allows.
const vinChars = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"

// vinValue is 49 CFR 565.15's transliteration.
func vinValue(c byte) int {
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	return map[byte]int{
		'A': 1, 'B': 2, 'C': 3, 'D': 4, 'E': 5, 'F': 6, 'G': 7, 'H': 8, 'J': 1, 'K': 2, 'L': 3, 'M': 4,
		'N': 5, 'P': 7, 'R': 9, 'S': 2, 'T': 3, 'U': 4, 'V': 5, 'W': 6, 'X': 7, 'Y': 8, 'Z': 9,
	}[c]
}

// vinCheckDigit is the check digit of the 17 characters v (position 9
// ignored).
func vinCheckDigit(v string) byte {
	w := []int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
	s := 0
	for i := 0; i < 17; i++ {
		s += vinValue(v[i]) * w[i]
	}
	return "0123456789X"[s%11]
}

// vinValid returns a VIN of a real manufacturer identifier with its
// check digit.
func vinValid(r *rand.Rand) string {
	wmi := []string{"1HG", "1FA", "2T1", "3VW", "5YJ", "JHM", "WVW", "WBA", "SAL", "KMH", "VF1", "ZFA", "4T1", "1G1"}[r.IntN(14)]
	v := []byte(wmi + pickN(r, 5, vinChars) + "0" + pickN(r, 1, "ABCDEFGHJKLMNPRSTVWXY123456789") + pickN(r, 1, vinChars) + pickN(r, 6, finDigits))
	v[8] = vinCheckDigit(string(v))
	return string(v)
}

// vinInvalid returns a North American VIN with a wrong check digit.
func vinInvalid(r *rand.Rand) string {
	for {
		v := []byte(vinValid(r))
		if v[0] < '1' || v[0] > '5' {
			continue
		}
		good := v[8]
		for v[8] == good {
			v[8] = "0123456789X"[r.IntN(11)]
		}
		return string(v)
	}
}

func vinCheck(v string) bool {
	if len(v) != 17 {
		return false
	}
	for i := 0; i < 17; i++ {
		if !strings.ContainsRune(vinChars, rune(v[i])) {
			return false
		}
	}
	return v[8] == vinCheckDigit(v)
}

// luhnDigit returns the Luhn check digit for body.
func luhnCheckDigit(body string) byte {
	sum := 0
	for k := 0; k < len(body); k++ {
		x := int(body[len(body)-1-k] - '0')
		if k%2 == 0 {
			x *= 2
			if x > 9 {
				x -= 9
			}
		}
		sum += x
	}
	return byte('0' + (10-sum%10)%10)
}

// imeiDigits returns 15 IMEI digits: a type allocation code under a real
// reporting body, a serial number and the Luhn check digit.
func imeiDigits(r *rand.Rand) string {
	body := []string{"35", "86", "01", "49", "99", "45"}[r.IntN(6)] + pickN(r, 12, finDigits)
	return body + string(luhnCheckDigit(body))
}

// imeiFormat writes the 15 digits d compact, 2-6-6-1 or 8-6-1.
func imeiFormat(r *rand.Rand, d string) string {
	switch r.IntN(4) {
	case 0:
		return d[:2] + "-" + d[2:8] + "-" + d[8:14] + "-" + d[14:]
	case 1:
		return d[:8] + " " + d[8:14] + " " + d[14:]
	default:
		return d
	}
}

func imeiValid(r *rand.Rand) string { return imeiFormat(r, imeiDigits(r)) }

func imeiInvalid(r *rand.Rand) string {
	d := []byte(imeiDigits(r))
	d[14] = byte('0' + (int(d[14]-'0')+1+r.IntN(9))%10)
	return imeiFormat(r, string(d))
}

func imeiCheck(v string) bool {
	d := strings.NewReplacer("-", "", " ", "").Replace(v)
	return len(d) == 15 && luhnCheckDigit(d[:14]) == d[14]
}
