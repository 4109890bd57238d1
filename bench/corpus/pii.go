package corpus

import (
	"hash/crc32"
	"strconv"
)

// This file generates single values. Each valid generator follows the
// published definition of its type; each lookalike breaks exactly one rule.

var (
	firstNames = []string{"james", "mary", "robert", "patricia", "john", "jennifer", "michael", "linda", "david", "elizabeth", "william", "barbara", "richard", "susan", "joseph", "jessica", "thomas", "sarah", "chris", "karen", "amir", "priya", "chen", "olga", "kofi", "ines"}
	lastNames  = []string{"smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez", "hernandez", "lopez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin", "lee", "patel", "nguyen", "kowalski", "okafor"}
	// domains all end in delegated IANA top-level domains.
	domains = []string{"example.com", "mail.org", "corp.net", "acme.io", "post.de", "inbox.co.uk", "shop.fr", "bank.nl", "health.ca", "city.gov", "uni.edu", "cloud.dev", "web.info", "studio.app"}
	// badTLDs are syntactically plausible but not delegated.
	badTLDs = []string{"notatld", "invalidtld", "qqzz", "corpx", "mailz"}
)

func (g *gen) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

// digits appends n random ASCII digits.
func (g *gen) digits(dst []byte, n int) []byte {
	for range n {
		dst = append(dst, decimal[g.rng.IntN(10)])
	}
	return dst
}

// email returns a valid address under a real TLD.
func (g *gen) email() []byte {
	b := []byte(g.pick(firstNames))
	b = append(b, '.')
	b = append(b, g.pick(lastNames)...)
	if g.rng.IntN(2) == 0 {
		b = g.digits(b, 2)
	}
	b = append(b, '@')
	return append(b, g.pick(domains)...)
}

// badEmail returns an address whose TLD is not delegated.
func (g *gen) badEmail() []byte {
	b := []byte(g.pick(firstNames))
	b = append(b, "@host."...)
	return append(b, g.pick(badTLDs)...)
}

// cardIIN is one brand's prefix range and length.
type cardIIN struct {
	lo, hi int // prefix range, inclusive
	plen   int // digits in the prefix
	length int // total digits
}

// cardIINs are published IIN ranges: Visa 4; Mastercard 51-55 and
// 2221-2720; Amex 34, 37; Discover 6011, 644-649, 65; JCB 3528-3589;
// Diners 300-305, 36; UnionPay 62.
var cardIINs = []cardIIN{
	{4, 4, 1, 16}, {51, 55, 2, 16}, {2221, 2720, 4, 16}, {34, 34, 2, 15}, {37, 37, 2, 15},
	{6011, 6011, 4, 16}, {644, 649, 3, 16}, {65, 65, 2, 16}, {3528, 3589, 4, 16},
	{300, 305, 3, 14}, {36, 36, 2, 14}, {62, 62, 2, 16},
}

// luhnCheckDigit returns the digit that makes payload+digit Luhn-valid.
func luhnCheckDigit(payload []byte) byte {
	sum := 0
	double := true // the check digit will be rightmost, so payload's last digit doubles
	for i := len(payload) - 1; i >= 0; i-- {
		d := int(payload[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return byte('0' + (10-sum%10)%10)
}

// cardDigits returns the digits of a card number in a real IIN range. When
// valid is false the last digit is changed so that Luhn fails.
func (g *gen) cardDigits(valid bool) []byte {
	iin := cardIINs[g.rng.IntN(len(cardIINs))]
	p := iin.lo + g.rng.IntN(iin.hi-iin.lo+1)
	b := strconv.AppendInt(nil, int64(p), 10)
	b = g.digits(b, iin.length-1-iin.plen)
	c := luhnCheckDigit(b)
	if !valid {
		c = byte('0' + (int(c-'0')+1+g.rng.IntN(9))%10)
	}
	return append(b, c)
}

// card formats a card number contiguously or grouped (4-4-4-4, or 4-6-5
// and 4-6-4 for 15 and 14 digits) with spaces or dashes.
func (g *gen) card(valid bool) []byte {
	d := g.cardDigits(valid)
	style := g.rng.IntN(3)
	if style == 0 {
		return d
	}
	sep := byte(' ')
	if style == 2 {
		sep = '-'
	}
	var groups []int
	switch len(d) {
	case 16:
		groups = []int{4, 4, 4, 4}
	case 15:
		groups = []int{4, 6, 5}
	default:
		groups = []int{4, 6, 4}
	}
	var b []byte
	i := 0
	for gi, n := range groups {
		if gi > 0 {
			b = append(b, sep)
		}
		b = append(b, d[i:i+n]...)
		i += n
	}
	return b
}

// ssn returns area-group-serial with area in 001-899 except 666, group
// 01-99 and serial 0001-9999. When valid is false the area is 000, 666 or
// 9xx instead.
func (g *gen) ssn(valid bool) []byte {
	var area int
	if valid {
		for area == 0 || area == 666 {
			area = 1 + g.rng.IntN(899)
		}
	} else {
		area = []int{0, 666, 900 + g.rng.IntN(100)}[g.rng.IntN(3)]
	}
	group := 1 + g.rng.IntN(99)
	serial := 1 + g.rng.IntN(9999)
	b := appendPadded(nil, area, 3)
	b = append(b, '-')
	b = appendPadded(b, group, 2)
	b = append(b, '-')
	return appendPadded(b, serial, 4)
}

func appendPadded(b []byte, v, width int) []byte {
	s := strconv.Itoa(v)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// nanpPart returns a 3-digit NANP area code or exchange: first digit 2-9,
// and not N11.
func (g *gen) nanpPart() int {
	for {
		v := 200 + g.rng.IntN(800)
		if v%100 != 11 {
			return v
		}
	}
}

// phone returns a NANP number as (AAA) EEE-NNNN, AAA-EEE-NNNN or AAA.EEE.NNNN.
func (g *gen) phone() []byte {
	a, e, n := g.nanpPart(), g.nanpPart(), g.rng.IntN(10000)
	var b []byte
	switch g.rng.IntN(3) {
	case 0:
		b = append(b, '(')
		b = strconv.AppendInt(b, int64(a), 10)
		b = append(b, ") "...)
		b = strconv.AppendInt(b, int64(e), 10)
		b = append(b, '-')
	case 1:
		b = strconv.AppendInt(b, int64(a), 10)
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(e), 10)
		b = append(b, '-')
	default:
		b = strconv.AppendInt(b, int64(a), 10)
		b = append(b, '.')
		b = strconv.AppendInt(b, int64(e), 10)
		b = append(b, '.')
	}
	return appendPadded(b, n, 4)
}

// ipv4 returns a dotted quad with octets 1-254 and no leading zeros.
func (g *gen) ipv4() []byte {
	var b []byte
	for i := range 4 {
		if i > 0 {
			b = append(b, '.')
		}
		b = strconv.AppendInt(b, int64(1+g.rng.IntN(254)), 10)
	}
	return b
}

var monthDays = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// date returns a calendar-valid ISO date YYYY-MM-DD between 1950 and 2029.
func (g *gen) date() []byte {
	y := 1950 + g.rng.IntN(80)
	m := 1 + g.rng.IntN(12)
	d := 1 + g.rng.IntN(monthDays[m])
	b := strconv.AppendInt(nil, int64(y), 10)
	b = append(b, '-')
	b = appendPadded(b, m, 2)
	b = append(b, '-')
	return appendPadded(b, d, 2)
}

// ibanCountry is a country's IBAN length and BBAN shape: 'n' digit,
// 'a' uppercase letter.
type ibanCountry struct {
	code string
	bban string
}

var ibanCountries = []ibanCountry{
	{"DE", "nnnnnnnnnnnnnnnnnn"},      // 22
	{"GB", "aaaannnnnnnnnnnnnn"},      // 22
	{"NL", "aaaannnnnnnnnn"},          // 18
	{"FR", "nnnnnnnnnnnnnnnnnnnnnnn"}, // 27
	{"ES", "nnnnnnnnnnnnnnnnnnnn"},    // 24
	{"BE", "nnnnnnnnnnnn"},            // 16
}

// iban returns a compact IBAN with a correct ISO 7064 mod 97-10 check.
func (g *gen) iban() []byte {
	c := ibanCountries[g.rng.IntN(len(ibanCountries))]
	bban := make([]byte, len(c.bban))
	for i, k := range []byte(c.bban) {
		if k == 'a' {
			bban[i] = upperAZ[g.rng.IntN(26)]
		} else {
			bban[i] = decimal[g.rng.IntN(10)]
		}
	}
	check := 98 - ibanMod97(bban, c.code) // in [2, 98]
	b := append([]byte(c.code), decimal[check/10], decimal[check%10])
	return append(b, bban...)
}

// ibanMod97 returns (bban + country + "00") mod 97 with letters as 10-35.
func ibanMod97(bban []byte, country string) int {
	r := 0
	add := func(ch byte) {
		if ch >= 'A' && ch <= 'Z' {
			v := int(ch-'A') + 10
			r = (r*100 + v) % 97
			return
		}
		r = (r*10 + int(ch-'0')) % 97
	}
	for _, ch := range bban {
		add(ch)
	}
	for _, ch := range []byte(country + "00") {
		add(ch)
	}
	return r
}

// Alphabets. Picking a byte by index keeps every generated byte a
// character of its alphabet without integer conversions.
const (
	decimal = "0123456789"
	upperAZ = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	alnum   = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	base32  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	hexLow  = "0123456789abcdef"
)

func (g *gen) chars(dst []byte, alphabet string, n int) []byte {
	for range n {
		dst = append(dst, alphabet[g.rng.IntN(len(alphabet))])
	}
	return dst
}

// apiKeyValue returns a 32-character random alphanumeric secret (about
// 5.9 bits of entropy per character).
func (g *gen) apiKeyValue() []byte { return g.chars(nil, alnum, 32) }

// awsKey returns AKIA followed by 16 base32 characters.
func (g *gen) awsKey() []byte { return g.chars([]byte("AKIA"), base32, 16) }

// githubToken returns ghp_ followed by 36 base62 characters, the last 6
// of which are the CRC-32 of the first 30 in base62 (0-9, A-Z, a-z), as
// GitHub issues its tokens.
func (g *gen) githubToken() []byte {
	t := g.chars([]byte("ghp_"), alnum, 36)
	sum := crc32.ChecksumIEEE(t[4:34])
	for i := len(t) - 1; i >= 34; i-- {
		t[i] = base62Digits[sum%62]
		sum /= 62
	}
	return t
}

// base62Digits are the base62 digits in GitHub's order.
const base62Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// zip returns a five-digit US ZIP code that does not start with 0.
func (g *gen) zip() []byte { return g.digits([]byte{decimal[1+g.rng.IntN(9)]}, 4) }
