package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// Phones for the type corpus: national numbers of many countries written
// in their national format, made and checked with libphonenumber (the
// nyaruka/phonenumbers port), independently of the engine's generated
// plan tables. The labelled values are the forms the detector reports
// without a context word: a trunk prefix and the national grouping, or
// the area code in brackets.

// phoneRegions are the regions whose national format writes a trunk
// prefix or a bracketed area code.
var phoneRegions = []string{
	"PH", "TR", "JP", "GB", "DE", "FR", "BR", "KR", "TH", "VN", "ID", "NG", "EG", "ZA", "IL",
	"AU", "NL", "BE", "AT", "FI", "SE", "IE", "PK", "BD", "IR", "KE", "TZ", "UG", "CN", "RU",
	"CO", "MX", "MY", "SK", "CZ", "HR", "SI", "RO", "BG", "HU", "LT", "CH", "NZ", "UA",
}

// phoneOtherRegions are the covered regions checked for lookalikes.
var phoneOtherRegions = append([]string{"IN", "IT", "ES", "PL", "DK", "NO", "PT", "GR", "LU", "MT", "CY", "EE", "LV", "SG", "HK", "TW", "US", "CA"}, phoneRegions...)

func init() {
	RegisterType(TypeGen{
		Type: "phone", Valid: phoneValid, Invalid: phoneInvalid, Check: phoneCheck, Lookalike: phoneLookalike,
		Context: []string{"tel", "phone", "mobile", "Telefon", "téléphone", "teléfono", "telefone", "電話", "전화", "cep"},
	})
}

// phoneValid returns a valid number of a random region in its national
// format: an example number of the region with its last digits
// randomised until libphonenumber accepts it.
func phoneValid(r *rand.Rand) string {
	for {
		region := phoneRegions[r.IntN(len(phoneRegions))]
		typ := phonenumbers.MOBILE
		if r.IntN(3) == 0 {
			typ = phonenumbers.FIXED_LINE
		}
		ex := phonenumbers.GetExampleNumberForType(region, typ)
		if ex == nil {
			continue
		}
		nsn := []byte(phonenumbers.GetNationalSignificantNumber(ex))
		for k := max(0, len(nsn)-4); k < len(nsn); k++ {
			nsn[k] = decimalDigits[r.IntN(10)]
		}
		num, err := phonenumbers.Parse(string(nsn), region)
		if err != nil || !phonenumbers.IsValidNumberForRegion(num, region) {
			continue
		}
		s := phonenumbers.Format(num, phonenumbers.NATIONAL)
		if s[0] == '0' || s[0] == '(' {
			return s
		}
	}
}

// phoneLookalike returns a value that looks like a number in a form but
// is none: a timestamp, an amount, a version, an epoch time, an IPv4
// address, an order id. (Scrambling a phone number's digits almost always
// gives another valid phone number somewhere.)
func phoneLookalike(r *rand.Rand) string {
	switch r.IntN(6) {
	case 0:
		return fmt.Sprintf("2024-%02d-%02d %02d:%02d:%02d", 1+r.IntN(12), 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60))
	case 1:
		return fmt.Sprintf("%d,%03d.%02d", 1+r.IntN(99), r.IntN(1000), r.IntN(100))
	case 2:
		return fmt.Sprintf("v%d.%d.%d", r.IntN(10), r.IntN(30), r.IntN(100))
	case 3:
		return fmt.Sprintf("%d", 1600000000+r.IntN(200000000))
	case 4:
		return fmt.Sprintf("10.%d.%d.%d", r.IntN(256), r.IntN(256), 1+r.IntN(254))
	default:
		return fmt.Sprintf("INV-%d-%04d", 2020+r.IntN(7), r.IntN(10000))
	}
}

// phoneInvalid returns a number in the shape of a valid one that no
// covered plan accepts.
func phoneInvalid(r *rand.Rand) string {
	for {
		v := []byte(phoneValid(r))
		for k := range v {
			if v[k] >= '0' && v[k] <= '9' && k > 1 {
				v[k] = decimalDigits[r.IntN(10)]
			}
		}
		if !phoneCheck(string(v)) {
			return string(v)
		}
	}
}

// phoneCheck reports whether v's digits form a valid national number of
// any covered region, or have the NANP form (NXX-NXX-XXXX, no N11) that
// the NANP rule takes.
func phoneCheck(v string) bool {
	d := strings.Map(func(c rune) rune {
		if c >= '0' && c <= '9' {
			return c
		}
		return -1
	}, v)
	if n := strings.TrimPrefix(d, "1"); len(n) == 10 && n[0] >= '2' && n[3] >= '2' && n[1:3] != "11" && n[4:6] != "11" {
		return true
	}
	for _, region := range phoneOtherRegions {
		if num, err := phonenumbers.Parse(d, region); err == nil && phonenumbers.IsValidNumberForRegion(num, region) {
			return true
		}
	}
	return false
}
