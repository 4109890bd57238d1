package validate

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// TestNationalPhoneOracle checks the generated plans against
// libphonenumber itself (the nyaruka/phonenumbers port) as the oracle:
// every valid number of every covered region, written in the region's
// national format, must be valid in the tables, and its grouping must be
// one they know.
func TestNationalPhoneOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 15)) // #nosec G404 -- deterministic test numbers
	tried, missedValid, missedShape := 0, 0, 0
	for _, region := range phonePlanRegions {
		for _, typ := range []phonenumbers.PhoneNumberType{phonenumbers.MOBILE, phonenumbers.FIXED_LINE} {
			ex := phonenumbers.GetExampleNumberForType(region, typ)
			if ex == nil {
				continue
			}
			for k := 0; k < 20; k++ {
				nsn := []byte(phonenumbers.GetNationalSignificantNumber(ex))
				for x := max(0, len(nsn)-4); x < len(nsn); x++ {
					nsn[x] = byte('0' + r.IntN(10))
				}
				num, err := phonenumbers.Parse(string(nsn), region)
				if err != nil || !phonenumbers.IsValidNumberForRegion(num, region) {
					continue
				}
				written := phonenumbers.Format(num, phonenumbers.NATIONAL)
				digits, shape, ok := parseWritten(written)
				if !ok || !strings.HasSuffix(digits, string(nsn)) {
					// Forms the tables do not model: Argentina's
					// national mobile format inserts the mobile token
					// "15" into the number.
					continue
				}
				tried++
				valid, formatted := NationalPhone([]byte(digits), &shape)
				if !valid {
					missedValid++
					t.Errorf("%s %q: not valid in the tables", region, written)
				} else if !formatted {
					missedShape++
					t.Errorf("%s %q: grouping not known", region, written)
				}
			}
		}
	}
	t.Logf("%d national numbers, %d not valid, %d grouping unknown", tried, missedValid, missedShape)
	if tried < 1000 {
		t.Errorf("only %d numbers tried", tried)
	}
}

// parseWritten reads a nationally formatted number: its digits and its
// grouping (digit runs split by spaces, dashes, dots, slashes, with the
// first in brackets). It reports false for forms the detector does not
// read (brackets elsewhere, other characters).
func parseWritten(s string) (string, PhoneShape, bool) {
	var sh PhoneShape
	var digits strings.Builder
	k := 0
	if strings.HasPrefix(s, "(") {
		sh.Paren = true
		k = 1
	}
	for k < len(s) {
		e := k
		for e < len(s) && s[e] >= '0' && s[e] <= '9' {
			e++
		}
		if e == k || sh.N == len(sh.Lens) {
			return "", sh, false
		}
		digits.WriteString(s[k:e])
		sh.Lens[sh.N] = uint8(e - k) // #nosec G115 -- short groups
		sh.N++
		k = e
		if sh.Paren && sh.N == 1 {
			if k >= len(s) || s[k] != ')' {
				return "", sh, false
			}
			k++
		}
		if k < len(s) {
			if !strings.ContainsRune(" -./", rune(s[k])) {
				return "", sh, false
			}
			k++
		}
	}
	return digits.String(), sh, true
}

// TestNationalPhoneExamples pins published examples of national formats.
func TestNationalPhoneExamples(t *testing.T) {
	cases := []struct {
		written          string
		valid, formatted bool
	}{
		{"0917 123 4567", true, true},   // PH mobile
		{"0532 123 45 67", true, true},  // TR mobile
		{"090-1234-5678", true, true},   // JP mobile
		{"020 7946 0958", true, true},   // GB London
		{"030 12345678", true, true},    // DE Berlin
		{"06 12 34 56 78", true, true},  // FR mobile
		{"(11) 91234-5678", true, true}, // BR São Paulo mobile
		{"09-123-4567", true, true},     // IL
		{"0917 1234 567", true, false},  // PH, another grouping
		{"0000 000 000", false, false},
	}
	for _, c := range cases {
		d, sh, ok := parseWritten(c.written)
		if !ok {
			t.Fatalf("bad case %q", c.written)
		}
		if v, f := NationalPhone([]byte(d), &sh); v != c.valid || f != c.formatted {
			t.Errorf("%q: valid %v formatted %v, want %v %v", c.written, v, f, c.valid, c.formatted)
		}
	}
}
