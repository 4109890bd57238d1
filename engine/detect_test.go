package engine

import (
	"reflect"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine/validate"
)

// sample is one text; value is the exact span expected as typ (valid
// samples) or the lookalike that must not be reported as typ (negatives).
type sample struct {
	text  string
	typ   EntityType
	value string
}

// checkDigit completes prefix with the digit that makes ok true.
func checkDigit(prefix string, ok func([]byte) bool) string {
	for d := byte('0'); d <= '9'; d++ {
		if s := prefix + string(d); ok([]byte(s)) {
			return s
		}
	}
	panic("no check digit for " + prefix)
}

func validSamples() []sample {
	aadhaar := checkDigit("23456789012", validate.Aadhaar)
	return []sample{
		{"mail bob.smith+x@example.co.uk today", Email, "bob.smith+x@example.co.uk"},
		{"user=bob@example.io", Email, "bob@example.io"},
		{"call 212-555-1234 now", Phone, "212-555-1234"},
		{"call (212) 555-1234 now", Phone, "(212) 555-1234"},
		{"call 212.555.1234", Phone, "212.555.1234"},
		{"call 1-212-555-1234", Phone, "1-212-555-1234"},
		{"uk +44 20 7946 0958.", Phone, "+44 20 7946 0958"},
		{"us +1 415 555 2671", Phone, "+1 415 555 2671"},
		{"ssn 123-45-6789.", SSN, "123-45-6789"},
		{"ssn 123 45 6789.", SSN, "123 45 6789"},
		{"SSN: 123456789", SSN, "123456789"},
		{"visa 4111111111111111", CreditCard, "4111111111111111"},
		{"visa 4111 1111 1111 1111.", CreditCard, "4111 1111 1111 1111"},
		{"mc 5555-5555-5555-4444", CreditCard, "5555-5555-5555-4444"},
		{"mc2 2223003122003222", CreditCard, "2223003122003222"},
		{"amex 3782 822463 10005", CreditCard, "3782 822463 10005"},
		{"amex 378282246310005", CreditCard, "378282246310005"},
		{"discover 6011111111111117", CreditCard, "6011111111111117"},
		{"jcb 3530111333300000", CreditCard, "3530111333300000"},
		{"diners 30569309025904", CreditCard, "30569309025904"},
		{`api_key = "Zx81kLq0PvR7tY3mW9sBn2Qe"`, APIKey, "Zx81kLq0PvR7tY3mW9sBn2Qe"},
		{`{"client_secret": "Zx81kLq0PvR7tY3mW9sBn2Qe"}`, APIKey, "Zx81kLq0PvR7tY3mW9sBn2Qe"},
		{"DB_PASSWORD=p4ss-W0rd-9x7Q!z", APIKey, "p4ss-W0rd-9x7Q!z"},
		{"GET /cb?accessToken=Zx81kLq0PvR7tY3mW9sB&x=1", APIKey, "Zx81kLq0PvR7tY3mW9sB"}, // with a scheme and host, the url is found too (TestURLSpans)
		{"from 192.168.10.1 ok", IPAddress, "192.168.10.1"},
		{"at 10.0.0.1:8080", IPAddress, "10.0.0.1"},
		{"net 2001:db8::8a2e:370:7334 up", IPAddress, "2001:db8::8a2e:370:7334"},
		{"lo ::1", IPAddress, "::1"},
		{"full 2001:0db8:85a3:0000:0000:8a2e:0370:7334", IPAddress, "2001:0db8:85a3:0000:0000:8a2e:0370:7334"},
		{"on 2024-02-29.", Date, "2024-02-29"},
		{"at 2024-02-29T10:00:00Z", Date, "2024-02-29"},
		{"on 02/29/2024.", Date, "02/29/2024"},
		{"on 29.02.2024.", Date, "29.02.2024"},
		{"on 29/02/2024.", Date, "29/02/2024"},
		{"on Feb 29, 2024.", Date, "Feb 29, 2024"},
		{"on Feb. 29, 2024.", Date, "Feb. 29, 2024"},
		{"on 29 February 2024.", Date, "29 February 2024"},
		{"on September 1 2023", Date, "September 1 2023"},
		{"zip 94105", ZipCode, "94105"},
		{"ZIP code: 94105-1234", ZipCode, "94105-1234"},
		{"IBAN GB82WEST12345698765432", IBAN, "GB82WEST12345698765432"},
		{"IBAN GB82 WEST 1234 5698 7654 32 paid", IBAN, "GB82 WEST 1234 5698 7654 32"},
		{"DE89 3704 0044 0532 0130 00", IBAN, "DE89 3704 0044 0532 0130 00"},
		{"routing number 021000021", BankRouting, "021000021"},
		{"ABA: 011000015.", BankRouting, "011000015"},
		{"mac 00:1A:2B:3C:4D:5E", MACAddress, "00:1A:2B:3C:4D:5E"},
		{"mac 00-1a-2b-3c-4d-5e.", MACAddress, "00-1a-2b-3c-4d-5e"},
		{"id AKIAY34FZKBOKMUTVV7A", AWSAccessKey, "AKIAY34FZKBOKMUTVV7A"},
		{"id ASIAY34FZKBOKMUTVV7A", AWSAccessKey, "ASIAY34FZKBOKMUTVV7A"},
		{"slack xoxb-263594206564-2343594206574-AbCdEfGhIjKlMnOpQrStUvWx.", SlackToken, "xoxb-263594206564-2343594206574-AbCdEfGhIjKlMnOpQrStUvWx"},
		{"tok 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", GitHubToken, "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"},
		{"pat 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", GitHubToken, "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"},
		{"stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc", StripeKey, "sk_live_4eC39HqLyjWDarjtT1zdp7dc"},
		{"stripe rk_test_4eC39HqLyjWDarjtT1zdp7dc", StripeKey, "rk_test_4eC39HqLyjWDarjtT1zdp7dc"},
		{"maps AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe", GoogleAPIKey, "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe"},
		{"key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----\n", PrivateKey, "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----"},
		{"-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIB\n-----END PRIVATE KEY-----", PrivateKey, "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIB\n-----END PRIVATE KEY-----"},
		{"Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", JWT, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"},
		{"btc 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", BitcoinAddress, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"},
		{"btc 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy.", BitcoinAddress, "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"},
		{"btc bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", BitcoinAddress, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"},
		{"eth 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", EthereumAddress, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"},
		{"eth 0x52908400098527886e0f7030069857d2e4169ee7", EthereumAddress, "0x52908400098527886e0f7030069857d2e4169ee7"},
		{"NHS number 943 476 5919", UKNHSNumber, "943 476 5919"},
		{"nhs no: 9434765919", UKNHSNumber, "9434765919"},
		{"SIN 046 454 286", CASIN, "046 454 286"},
		{"social insurance number: 046454286", CASIN, "046454286"},
		{"NPI 1234567893", USNPI, "1234567893"},
		{"Aadhaar " + aadhaar[:4] + " " + aadhaar[4:8] + " " + aadhaar[8:], INAadhaar, aadhaar[:4] + " " + aadhaar[4:8] + " " + aadhaar[8:]},
		{"aadhaar: " + aadhaar, INAadhaar, aadhaar},
	}
}

func hardNegatives() []sample {
	return []sample{
		{"card 4111 1111 1111 1112", CreditCard, "4111 1111 1111 1112"},
		{"card 4111111111111112", CreditCard, "4111111111111112"},
		{"card 4111 11111111 1111", CreditCard, "4111 11111111 1111"},
		{"card 4111-1111 1111-1111", CreditCard, "4111-1111 1111-1111"},
		{"id x4111111111111111", CreditCard, "4111111111111111"},
		{"n 41111111111111110", CreditCard, "41111111111111110"},
		{"ssn 000-12-3456", SSN, "000-12-3456"},
		{"ssn 666-12-3456", SSN, "666-12-3456"},
		{"ssn 912-12-3456", SSN, "912-12-3456"},
		{"ssn 123-00-4567", SSN, "123-00-4567"},
		{"ssn 123-45-0000", SSN, "123-45-0000"},
		{"ssn 123-45 6789", SSN, "123-45 6789"},
		{"num 123456789", SSN, "123456789"},
		{"call 211-555-1234", Phone, "211-555-1234"},
		{"call 212-911-1234", Phone, "212-911-1234"},
		{"call 112-555-1234", Phone, "112-555-1234"},
		{"call +999 1234 5678", Phone, "+999 1234 5678"},
		{"IBAN GB83WEST12345698765432", IBAN, "GB83WEST12345698765432"},
		{"IBAN GB82 WEST 1234 5698 7654 33", IBAN, "GB82 WEST 1234 5698 7654 33"},
		{"mail bob@example.invalidtld", Email, "bob@example.invalidtld"},
		{"mail bob@localhost", Email, "bob@localhost"},
		{"on 2023-02-29", Date, "2023-02-29"},
		{"on 02/30/2024", Date, "02/30/2024"},
		{"on 31.04.2024", Date, "31.04.2024"},
		{"on Feb 30, 2024", Date, "Feb 30, 2024"},
		{"on 2024-13-01", Date, "2024-13-01"},
		{"v 256.1.1.1", IPAddress, "256.1.1.1"},
		{"v 1.2.3.4.5", IPAddress, "1.2.3.4.5"},
		{"at 10:30:00", IPAddress, "10:30:00"},
		{"routing 021000022", BankRouting, "021000022"},
		{"number 021000021", BankRouting, "021000021"},
		{"mac 00:1A-2B:3C:4D:5E", MACAddress, "00:1A-2B:3C:4D:5E"},
		{"id AKIAIOSFODNN7EXAMPL", AWSAccessKey, "AKIAIOSFODNN7EXAMPL"},
		{"id AKIAIOSFODNN7EXAMPLE1", AWSAccessKey, "AKIAIOSFODNN7EXAMPLE1"},
		{"docs AKIAIOSFODNN7EXAMPLE", AWSAccessKey, "AKIAIOSFODNN7EXAMPLE"},
		{"tok ghp_dGlMoiyrlfxX1rTnyFf3vA7NUtFOY64WuYl", GitHubToken, "ghp_dGlMoiyrlfxX1rTnyFf3vA7NUtFOY64WuYl"},
		{"tok ghp_dGlMoiyrlfxX1rTnyFf3vA7NUtFOY64WuYlZ", GitHubToken, "ghp_dGlMoiyrlfxX1rTnyFf3vA7NUtFOY64WuYlZ"},
		{"slack xoxb-short", SlackToken, "xoxb-short"},
		{"stripe sk_live_short", StripeKey, "sk_live_short"},
		{"maps AIzaSyDaGmWKa4JsXZ", GoogleAPIKey, "AIzaSyDaGmWKa4JsXZ"},
		{"-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----", PrivateKey, "AAAA"},
		{"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", PrivateKey, "AAAA"},
		{"Bearer eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.c2ln", JWT, "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.c2ln"},
		{"btc 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", BitcoinAddress, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"},
		{"eth 0x5aAeb6053f3E94C9b9A09f33669435E7Ef1BeAed", EthereumAddress, "0x5aAeb6053f3E94C9b9A09f33669435E7Ef1BeAed"},
		{"number 943 476 5919", UKNHSNumber, "943 476 5919"},
		{"NHS number 943 476 5918", UKNHSNumber, "943 476 5918"},
		{"sinusoid 046 454 286", CASIN, "046 454 286"},
		{"number 1234567893", USNPI, "1234567893"},
		{"NPI 1234567890", USNPI, "1234567890"},
		{"id 234567890123", INAadhaar, "234567890123"},
		{"password=aaaaaaaaaaaaaaaa", APIKey, "aaaaaaaaaaaaaaaa"},
		{"monkey=Zx81kLq0PvR7tY3mW9sBn2Qe", APIKey, "Zx81kLq0PvR7tY3mW9sBn2Qe"},
		{"zip 00000", ZipCode, "00000"},
	}
}

func TestValidSamples(t *testing.T) {
	e := mustEngine(t, Config{})
	for _, s := range validSamples() {
		start := strings.Index(s.text, s.value)
		if start < 0 {
			t.Fatalf("bad sample %q", s.text)
		}
		got := e.Scan(nil, []byte(s.text), Filter{})
		if len(got) != 1 || got[0].Type != s.typ || got[0].Start != int64(start) || got[0].End != int64(start+len(s.value)) {
			t.Errorf("%q: got %s, want %s[%d:%d]", s.text, fmtFindings(got), s.typ, start, start+len(s.value))
		}
	}
}

func TestHardNegatives(t *testing.T) {
	e := mustEngine(t, Config{})
	for _, s := range hardNegatives() {
		for _, f := range e.Scan(nil, []byte(s.text), Filter{}) {
			if f.Type == s.typ {
				t.Errorf("%q: reported %s %q", s.text, f.Type, s.text[f.Start:f.End])
			}
		}
	}
}

func fmtFindings(fs []Finding) string {
	var parts []string
	for _, f := range fs {
		parts = append(parts, fmtFinding(f))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// proseWords fill the stream tests' random text.
var proseWords = strings.Fields("the of and to in is that for it as was with be by on not this are or from at which but have an they you were her SIN zip routing NHS note: key= token: Apr May 12 2024 a@b")

func TestKindOrder(t *testing.T) {
	want := []EntityType{Email, Phone, SSN, CreditCard, APIKey, IPAddress, Date, ZipCode, IBAN, BankRouting,
		MACAddress, AWSAccessKey, GitHubToken, SlackToken, StripeKey, GoogleAPIKey, PrivateKey, JWT,
		BitcoinAddress, EthereumAddress, UKNHSNumber, CASIN, USNPI, INAadhaar}
	if !reflect.DeepEqual(BuiltinTypes[:len(want)], want) {
		t.Fatalf("the contract's 24 types are no longer first, in order: %v", BuiltinTypes)
	}
}

func TestOverlaps(t *testing.T) {
	e := mustEngine(t, Config{})
	for _, tc := range []struct {
		text string
		want []Finding
	}{
		// A valid NHS number with its context word is not also a phone.
		{"NHS 943 476 5919", []Finding{{Type: UKNHSNumber, Start: 4, End: 16, Confidence: 0.95, Validated: true}}},
		// Without the word it is a phone number (NANP-valid).
		{"tel 943 476 5919", []Finding{{Type: Phone, Start: 4, End: 16, Confidence: 0.85, Validated: true}}},
		// A card number is not also a phone.
		{"4111111111111111", []Finding{{Type: CreditCard, Start: 0, End: 16, Confidence: 0.99, Validated: true}}},
		// The api_key value that is a GitHub token is reported as the token.
		{"token=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", []Finding{{Type: GitHubToken, Start: 6, End: 46, Confidence: 0.99, Validated: true}}},
		// A GitHub token with a wrong checksum is neither a token nor,
		// through the veto, an api_key.
		{"token=ghp_dGlMoiyrlfxX1rTnyFf3vA7NUtFOY64WuYlZ", nil},
		// Two groups joined by a dot are a decimal number, not a national
		// phone number, even after a phone word; spaced, they are one.
		{"phone 030.1234", nil},
		{"phone 030 1234", []Finding{{Type: Phone, Start: 6, End: 14, Confidence: 0.9, Validated: true}}},
		// A low-confidence ZIP without context.
		{"ref 94105", []Finding{{Type: ZipCode, Start: 4, End: 9, Confidence: 0.3}}},
	} {
		if got := e.Scan(nil, []byte(tc.text), Filter{}); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestOwnTokensAreNotSecrets: a value the tokenize transform wrote
// ("tok_" + 16 lowercase hex) is not reported as an api_key again, while a
// lookalike that is not exactly that form, and a real secret, still are.
func TestOwnTokensAreNotSecrets(t *testing.T) {
	e := mustEngine(t, Config{})
	for _, tc := range []struct {
		text string
		want []Finding
	}{
		{`password=tok_8f3a2c9e71d04b5a`, nil},
		{`{"api_key": "tok_fedcba9876543210"}`, nil},
		{`password=tok_8f3a2c9e71d04b5X`, []Finding{{Type: APIKey, Start: 9, End: 29, Confidence: 0.8}}},
		{`password=tok_8f3a2c9e71d04b5a0`, []Finding{{Type: APIKey, Start: 9, End: 30, Confidence: 0.8}}},
		{`password=Zq8sK2pLm9XvB4tR7wYc`, []Finding{{Type: APIKey, Start: 9, End: 29, Confidence: 0.8}}},
	} {
		got := e.Scan(nil, []byte(tc.text), Filter{})
		if fmtFindings(got) != fmtFindings(tc.want) {
			t.Errorf("%q: got %s, want %s", tc.text, fmtFindings(got), fmtFindings(tc.want))
		}
	}
}
