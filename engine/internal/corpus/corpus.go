// Package corpus generates deterministic labelled text for the engine's
// accuracy tests and benchmarks: valid instances of every entity type, hard
// negatives (checksum- or rule-invalid lookalikes), English prose with
// sparse PII, and dense JSON log lines.
package corpus

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/datafog/datafog-api/engine/validate"
)

// Label marks one expected finding: Type over Text[Start:End].
type Label struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Record is one labelled line. Labels are the findings a correct detector
// reports; Negative, when set, names the type a hard negative imitates,
// which must not be reported anywhere in Text.
type Record struct {
	Text     string  `json:"text"`
	Labels   []Label `json:"labels"`
	Negative string  `json:"negative,omitempty"`
}

// gen wraps a seeded source.
type gen struct{ r *rand.Rand }

func (g gen) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = "0123456789"[g.r.IntN(10)]
	}
	return string(b)
}

func (g gen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

// withCheck appends the digit d (0-9) that makes ok(prefix+d) true, or
// returns "" when none does.
func withCheck(prefix string, ok func([]byte) bool) string {
	for d := byte('0'); d <= '9'; d++ {
		s := prefix + string(d)
		if ok([]byte(s)) {
			return s
		}
	}
	return ""
}

// withoutCheck appends a digit that makes ok false.
func withoutCheck(prefix string, ok func([]byte) bool) string {
	for d := byte('0'); d <= '9'; d++ {
		s := prefix + string(d)
		if !ok([]byte(s)) {
			return s
		}
	}
	return ""
}

// card returns a valid card number of a random brand.
func (g gen) card(valid bool) string {
	for {
		var prefix string
		n := 16
		switch g.r.IntN(6) {
		case 0:
			prefix = "4"
		case 1:
			prefix = fmt.Sprint(51 + g.r.IntN(5))
		case 2:
			prefix, n = g.pick("34", "37"), 15
		case 3:
			prefix = "6011"
		case 4:
			prefix = fmt.Sprint(2221 + g.r.IntN(500))
		case 5:
			prefix = fmt.Sprint(3528 + g.r.IntN(62))
		}
		body := prefix + g.digits(n-1-len(prefix))
		var s string
		if valid {
			s = withCheck(body, validate.Luhn)
		} else {
			s = withoutCheck(body, validate.Luhn)
		}
		if _, ok := validate.CardBrand([]byte(s)); ok {
			return s
		}
	}
}

func group4(s, sep string) string {
	var parts []string
	for len(s) > 4 {
		parts = append(parts, s[:4])
		s = s[4:]
	}
	return strings.Join(append(parts, s), sep)
}

func (g gen) ssnParts() (string, string, string) {
	for {
		a, b, c := g.digits(3), g.digits(2), g.digits(4)
		if validate.SSN([]byte(a), []byte(b), []byte(c)) {
			return a, b, c
		}
	}
}

func (g gen) nanp() string {
	for {
		d := fmt.Sprint(2+g.r.IntN(8)) + g.digits(2) + fmt.Sprint(2+g.r.IntN(8)) + g.digits(6)
		if validate.NANP([]byte(d)) {
			return d
		}
	}
}

func (g gen) checked(n int, first string, ok func([]byte) bool) string {
	for {
		if s := withCheck(first+g.digits(n-1-len(first)), ok); s != "" {
			return s
		}
	}
}

func (g gen) unchecked(n int, first string, ok func([]byte) bool) string {
	for {
		if s := withoutCheck(first+g.digits(n-1-len(first)), ok); s != "" {
			return s
		}
	}
}

// iban builds a valid GB IBAN (or one with wrong check digits).
func (g gen) iban(valid bool) string {
	bank := g.pick("WEST", "NWBK", "BARC", "MIDL")
	bban := bank + g.digits(14)
	for cd := 2; cd < 99; cd++ {
		s := "GB" + fmt.Sprintf("%02d", cd) + bban
		if validate.IBAN([]byte(s)) == valid {
			return s
		}
	}
	return ""
}

func (g gen) aba(valid bool) string {
	for {
		p := g.pick("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "21", "26", "31", "32", "61", "67", "72")
		var s string
		if valid {
			s = withCheck(p+g.digits(6), validate.ABARouting)
		} else {
			s = withoutCheck(p+g.digits(6), validate.ABARouting)
		}
		if s != "" {
			return s
		}
	}
}

func (g gen) mac() string {
	const hex = "0123456789abcdef"
	sep := g.pick(":", "-")
	var parts []string
	for i := 0; i < 6; i++ {
		parts = append(parts, string([]byte{hex[g.r.IntN(16)], hex[g.r.IntN(16)]}))
	}
	s := strings.Join(parts, sep)
	if g.r.IntN(2) == 0 {
		s = strings.ToUpper(s)
	}
	return s
}

func (g gen) alnum(n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.r.IntN(len(alphabet))]
	}
	return string(b)
}

const (
	upperDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	base62      = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
)

func (g gen) jwt(withAlg bool) string {
	header := `{"alg":"HS256","typ":"JWT"}`
	if !withAlg {
		header = `{"typ":"JWT","kid":"` + g.alnum(4, base62) + `"}`
	}
	enc := base64.RawURLEncoding
	payload := fmt.Sprintf(`{"sub":"%d","iat":%d}`, g.r.IntN(1e6), 1700000000+g.r.IntN(1e6))
	return enc.EncodeToString([]byte(header)) + "." + enc.EncodeToString([]byte(payload)) + "." + g.alnum(43, base62+"-_")
}

func (g gen) pem() string {
	label := g.pick("", "RSA ", "EC ", "OPENSSH ")
	var lines []string
	for i := 0; i < 3+g.r.IntN(5); i++ {
		lines = append(lines, g.alnum(64, base62+"+/"))
	}
	return "-----BEGIN " + label + "PRIVATE KEY-----\n" + strings.Join(lines, "\n") + "\n-----END " + label + "PRIVATE KEY-----"
}

// Fixed valid addresses: generating Base58Check and Bech32 needs hashing
// that the corpus does not reimplement; these are published examples.
var (
	btcValid   = []string{"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"}
	btcInvalid = []string{"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdp"}
	ethValid   = []string{"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0x52908400098527886e0f7030069857d2e4169ee7"}
	ethInvalid = []string{"0x5aAeb6053f3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095CA1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDc8C6FB"}
)

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// instance is a value with the type a detector must report for it (empty
// for a hard negative) and the words put before it.
type instance struct {
	lead, value, typ string
}

// Types lists, in order, every built-in type the corpus covers.
var Types = []string{
	"email", "phone", "ssn", "credit_card", "api_key", "ip_address", "date", "zip_code",
	"iban", "bank_routing", "mac_address", "aws_access_key", "github_token", "slack_token",
	"stripe_key", "google_api_key", "private_key", "jwt", "bitcoin_address",
	"ethereum_address", "uk_nhs_number", "ca_sin", "us_npi", "in_aadhaar",
}

// valid returns a valid instance of typ.
func (g gen) valid(typ string) instance {
	switch typ {
	case "email":
		return instance{"write to", g.pick("jane.doe", "ops+alerts", "b_smith", "x9") + "@" + g.pick("example.com", "mail.co.uk", "corp.io", "sub.example.org"), typ}
	case "phone":
		d := g.nanp()
		switch g.r.IntN(4) {
		case 0:
			return instance{"call", d[:3] + "-" + d[3:6] + "-" + d[6:], typ}
		case 1:
			return instance{"call", "(" + d[:3] + ") " + d[3:6] + "-" + d[6:], typ}
		case 2:
			return instance{"call", "+1 " + d[:3] + " " + d[3:6] + " " + d[6:], typ}
		default:
			return instance{"call", "+44 20 7" + g.digits(3) + " " + g.digits(4), typ}
		}
	case "ssn":
		a, b, c := g.ssnParts()
		return instance{"ssn", a + "-" + b + "-" + c, typ}
	case "credit_card":
		c := g.card(true)
		if g.r.IntN(2) == 0 && len(c) == 16 {
			c = group4(c, g.pick(" ", "-"))
		}
		return instance{"card", c, typ}
	case "api_key":
		return instance{"", g.pick("api_key=", "\"token\": \"", "SECRET_KEY: ", "password=") + g.alnum(24, base62), typ}
	case "ip_address":
		if g.r.IntN(3) == 0 {
			return instance{"host", fmt.Sprintf("2001:db8::%x:%x", g.r.IntN(65536), g.r.IntN(65536)), typ}
		}
		return instance{"host", fmt.Sprintf("%d.%d.%d.%d", 1+g.r.IntN(254), g.r.IntN(256), g.r.IntN(256), 1+g.r.IntN(254)), typ}
	case "date":
		y, m := 1950+g.r.IntN(100), 1+g.r.IntN(12)
		d := 1 + g.r.IntN(validate.DaysIn(y, m))
		switch g.r.IntN(5) {
		case 0:
			return instance{"on", fmt.Sprintf("%04d-%02d-%02d", y, m, d), typ}
		case 1:
			return instance{"on", fmt.Sprintf("%02d/%02d/%04d", m, d, y), typ}
		case 2:
			return instance{"on", fmt.Sprintf("%02d.%02d.%04d", d, m, y), typ}
		case 3:
			return instance{"on", fmt.Sprintf("%s %d, %d", months[m-1][:3], d, y), typ}
		default:
			return instance{"on", fmt.Sprintf("%d %s %d", d, months[m-1], y), typ}
		}
	case "zip_code":
		return instance{"zip", fmt.Sprintf("%05d", 501+g.r.IntN(99000)), typ}
	case "iban":
		s := g.iban(true)
		if g.r.IntN(2) == 0 {
			s = group4(s, " ")
		}
		return instance{"IBAN", s, typ}
	case "bank_routing":
		return instance{"routing number", g.aba(true), typ}
	case "mac_address":
		return instance{"mac", g.mac(), typ}
	case "aws_access_key":
		return instance{"key id", g.pick("AKIA", "ASIA", "AROA") + g.alnum(16, upperDigits), typ}
	case "github_token":
		return instance{"token", withGitHubChecksum(g.pick("ghp_", "gho_", "ghs_") + g.alnum(36, base62)), typ}
	case "slack_token":
		return instance{"slack", g.pick("xoxb-", "xoxp-") + g.digits(12) + "-" + g.digits(13) + "-" + g.alnum(24, base62), typ}
	case "stripe_key":
		return instance{"stripe", g.pick("sk_live_", "rk_test_") + g.alnum(24, base62), typ}
	case "google_api_key":
		return instance{"maps", "AIza" + g.alnum(35, base62+"-_"), typ}
	case "private_key":
		return instance{"key:", g.pem(), typ}
	case "jwt":
		return instance{"bearer", g.jwt(true), typ}
	case "bitcoin_address":
		return instance{"send to", g.pick(btcValid...), typ}
	case "ethereum_address":
		return instance{"wallet", g.pick(ethValid...), typ}
	case "uk_nhs_number":
		s := g.checked(10, fmt.Sprint(1+g.r.IntN(9)), validate.NHSNumber)
		return instance{"NHS number", s[:3] + " " + s[3:6] + " " + s[6:], typ}
	case "ca_sin":
		s := g.checked(9, fmt.Sprint(1+g.r.IntN(7)), validate.CASIN)
		return instance{"SIN", s[:3] + " " + s[3:6] + " " + s[6:], typ}
	case "us_npi":
		return instance{"NPI", g.checked(10, "1", validate.NPI), typ}
	case "in_aadhaar":
		s := g.checked(12, fmt.Sprint(2+g.r.IntN(8)), validate.Aadhaar)
		return instance{"Aadhaar", s[:4] + " " + s[4:8] + " " + s[8:], typ}
	}
	panic("corpus: unknown type " + typ)
}

// negative returns a hard negative imitating typ: it must not be reported
// as typ.
func (g gen) negative(typ string) instance {
	v := func(lead, value string) instance { return instance{lead, value, ""} }
	switch typ {
	case "email":
		return v("write to", "jane@example."+g.pick("invalidtld", "corpx", "localdomain"))
	case "phone":
		return v("call", g.pick("211", "311", "911", "123", "100")+"-"+fmt.Sprint(2+g.r.IntN(8))+g.digits(2)+"-"+g.digits(4))
	case "ssn":
		switch g.r.IntN(5) {
		case 0:
			return v("ssn", "000-"+g.digits(1)+"1-"+g.digits(3)+"1")
		case 1:
			return v("ssn", "666-"+g.digits(1)+"1-"+g.digits(3)+"1")
		case 2:
			return v("ssn", "9"+g.digits(2)+"-12-3456")
		case 3:
			return v("ssn", "123-00-4567")
		default:
			a, b, c := g.ssnParts()
			return v("ssn", a+"-"+b+" "+c)
		}
	case "credit_card":
		c := g.card(false)
		if g.r.IntN(2) == 0 && len(c) == 16 {
			c = group4(c, " ")
		}
		return v("card", c)
	case "api_key":
		return v("", g.pick("api_key=", "password=")+strings.Repeat(g.pick("ab", "x", "12"), 8))
	case "ip_address":
		return v("host", g.pick("256.1.1.1", "1.2.3.4.5", "10.0.0.999", "10:30:00"))
	case "date":
		return v("on", g.pick("2023-02-29", "02/30/2024", "31.04.2024", "Feb 30, 2024", "2024-13-01"))
	case "zip_code":
		return v("zip", "00000")
	case "iban":
		return v("IBAN", g.iban(false))
	case "bank_routing":
		return v("routing number", g.aba(false))
	case "mac_address":
		return v("mac", "00:1A-2B:3C:4D:5E")
	case "aws_access_key":
		return v("key id", "AKIA"+g.alnum(15, upperDigits))
	case "github_token":
		return v("token", "ghp_"+g.alnum(30, base62))
	case "slack_token":
		return v("slack", "xoxb-short")
	case "stripe_key":
		return v("stripe", "sk_live_"+g.alnum(8, base62))
	case "google_api_key":
		return v("maps", "AIza"+g.alnum(20, base62))
	case "private_key":
		return v("key:", strings.TrimSuffix(g.pem(), "-----END PRIVATE KEY-----")[:80])
	case "jwt":
		return v("bearer", g.jwt(false))
	case "bitcoin_address":
		return v("send to", g.pick(btcInvalid...))
	case "ethereum_address":
		return v("wallet", g.pick(ethInvalid...))
	case "uk_nhs_number":
		if g.r.IntN(2) == 0 { // valid checksum, no context word
			s := g.checked(10, "4", validate.NHSNumber)
			return v("number", s)
		}
		s := g.unchecked(10, "4", validate.NHSNumber)
		return v("NHS number", s)
	case "ca_sin":
		if g.r.IntN(2) == 0 {
			return v("number", g.checked(9, "1", validate.CASIN))
		}
		return v("SIN", g.unchecked(9, "1", validate.CASIN))
	case "us_npi":
		if g.r.IntN(2) == 0 {
			return v("id", g.checked(10, "1", validate.NPI))
		}
		return v("NPI", g.unchecked(10, "1", validate.NPI))
	case "in_aadhaar":
		if g.r.IntN(2) == 0 {
			return v("id", g.checked(12, "2", validate.Aadhaar))
		}
		return v("Aadhaar", g.unchecked(12, "2", validate.Aadhaar))
	}
	panic("corpus: unknown type " + typ)
}

// Labelled returns perType valid records and perType hard-negative records
// for every type, from seed.
func Labelled(seed uint64, perType int) []Record {
	g := gen{rand.New(rand.NewPCG(seed, 0x5eed))} // #nosec G404 -- deterministic test corpus, not security
	var out []Record
	for _, typ := range Types {
		for i := 0; i < perType; i++ {
			in := g.valid(typ)
			out = append(out, g.record(in, ""))
			neg := g.negative(typ)
			out = append(out, g.record(neg, typ))
		}
	}
	return out
}

func (g gen) record(in instance, negative string) Record {
	pre := g.pick("Please note that", "As discussed,", "The customer said", "Update:") + " " + in.lead
	if in.lead != "" {
		pre += " "
	}
	post := " " + g.pick("before Friday.", "and nothing else.", "as requested.", "- thanks!")
	r := Record{Text: pre + in.value + post, Negative: negative, Labels: []Label{}}
	if in.typ == "" && len(in.value) == 10 && validate.NANP([]byte(in.value)) && (in.lead == "number" || in.lead == "id") {
		// A bare ten-digit number that is a valid NANP number is a phone
		// number by design. With its own context word ("NHS number",
		// "NPI") a lookalike that fails that type's check stays
		// unlabelled: the engine vetoes the phone (detect.Scan.Veto).
		in.typ = "phone"
	}
	if in.typ != "" {
		start := len(pre)
		if in.typ == "api_key" {
			start += strings.IndexAny(in.value, "=:") + 1
			for in.value[start-len(pre)] == ' ' || in.value[start-len(pre)] == '"' {
				start++
			}
		}
		r.Labels = append(r.Labels, Label{Type: in.typ, Start: start, End: len(pre) + len(in.value)})
		if in.typ == "api_key" && in.value[0] == '"' {
			r.Text = pre + in.value + "\"" + post
		}
	}
	return r
}

var proseWords = strings.Fields(`the of and to in a is that for it as was with be by on not he
this are or his from at which but have an they you were her she there been one all we their
has would when if so no will more about can out up them some could into than then other time
these two may first like only now its over also after new most where our years people way
between many system report during under while should through each those state well before
because however found since whether another against without within company service customer
account information request please contact team support review meeting policy update
Although Because Meanwhile The This Our Their After Before During`)

// Prose returns about size bytes of English-like prose with sparse PII:
// roughly one entity per 2-3 KB.
func Prose(seed uint64, size int) []byte {
	g := gen{rand.New(rand.NewPCG(seed, 1))} // #nosec G404 -- deterministic test corpus, not security
	var b strings.Builder
	b.Grow(size + 256)
	sentence := 0
	for b.Len() < size {
		n := 8 + g.r.IntN(14)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(proseWords[g.r.IntN(len(proseWords))])
			if g.r.IntN(9) == 0 {
				b.WriteByte(',')
			}
		}
		sentence++
		if sentence%18 == 0 {
			in := g.valid(Types[g.r.IntN(len(Types))])
			if in.typ != "private_key" {
				b.WriteString(" " + in.lead + " " + in.value)
			}
		}
		b.WriteString(". ")
		if g.r.IntN(6) == 0 {
			b.WriteString("\n\n")
		}
	}
	return []byte(b.String())
}

// JSONLogs returns about size bytes of dense JSON log lines: timestamps,
// request ids, IPs, emails, amounts, user agents.
func JSONLogs(seed uint64, size int) []byte {
	g := gen{rand.New(rand.NewPCG(seed, 2))} // #nosec G404 -- deterministic test corpus, not security
	var b strings.Builder
	b.Grow(size + 512)
	for b.Len() < size {
		fmt.Fprintf(&b, `{"ts":"2024-%02d-%02dT%02d:%02d:%02d.%03dZ","level":"%s","service":"%s","request_id":"%s-%s","user_id":%d,"client_ip":"%d.%d.%d.%d","email":"%s@example.com","method":"%s","path":"/api/v1/orders/%d","status":%s,"latency_ms":%d.%d,"amount":%d.%02d,"currency":"USD","user_agent":"Mozilla/5.0 (X11; Linux x86_64)","msg":"%s"}`+"\n",
			1+g.r.IntN(12), 1+g.r.IntN(28), g.r.IntN(24), g.r.IntN(60), g.r.IntN(60), g.r.IntN(1000),
			g.pick("info", "warn", "error", "debug"), g.pick("checkout", "auth", "search", "billing"),
			g.alnum(8, "0123456789abcdef"), g.alnum(12, "0123456789abcdef"), g.r.IntN(1e7),
			1+g.r.IntN(254), g.r.IntN(256), g.r.IntN(256), 1+g.r.IntN(254),
			g.pick("jane.doe", "ops", "b.smith", "user"+g.digits(3)),
			g.pick("GET", "POST", "PUT"), g.r.IntN(1e6), g.pick("200", "201", "404", "500"),
			g.r.IntN(900), g.r.IntN(10), g.r.IntN(5000), g.r.IntN(100),
			g.pick("order created", "payment authorized", "cache miss", "user signed in", "rate limit near"))
	}
	return []byte(b.String())
}
