package messaging

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// mailgunKey reads a Mailgun private API key in its current form, 32, 8
// and 8 lower-case hexadecimal digits joined by '-', or its earlier one,
// "key-" and 32 hexadecimal digits.
var mailgunKey = &shape.Named{
	Provider: []string{"mailgun"},
	Value: func(t []byte, v int) (int, int, bool) {
		if detect.HasPrefix(t, v, "key-") {
			return v, v + 36, shape.HexAt(t, v+4, 32)
		}
		return v, v + 50, mailgunHex(t, v)
	},
	Key:  func(name []byte) bool { return !shape.HasWord(name, "public") && !shape.HasWord(name, "pubkey") },
	Conf: 0.85,
}

// mailgunHex reports whether t[v:] starts with 32, 8 and 8 lower-case hex
// digits joined by '-'.
func mailgunHex(t []byte, v int) bool {
	return v+50 <= len(t) && shape.LowerHex(t[v:v+32]) && t[v+32] == '-' && shape.LowerHex(t[v+33:v+41]) &&
		t[v+41] == '-' && shape.HexAt(t, v+42, 8)
}

// MailgunAPIKey finds Mailgun private API keys (Mailgun docs, "API Keys",
// https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/#primary-account-api-key):
// the earlier "key-" and 32 hexadecimal digits, found anywhere, and the
// current 32-8-8 hexadecimal form, which has no prefix and is found
// after Mailgun's variable names (MAILGUN_API_KEY) or as the value of a
// key whose name holds "mailgun". Public validation keys ("pubkey-…") are not
// secret and are not reported.
var MailgunAPIKey = &detect.Detector{
	Name: "mailgun_api_key",
	Types: []detect.Type{{
		Name: "mailgun_api_key", Family: detect.Secret, Confidence: 0.95,
		Confirm: "key- + 32 hex; or 32-8-8 hex after a Mailgun variable name or a key naming Mailgun",
	}},
	Source:      "Mailgun documentation, API keys (key-<32 hex>, <32>-<8>-<8> hex)",
	Context:     []detect.Word{{Text: "mailgun", Conf: 0.85}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"key-", "MAILGUN_API_KEY", "MAILGUN_KEY", "MAILGUN_PRIVATE_API_KEY", "MAILGUN_SENDING_KEY"},
		Find:     findMailgun,
	},
	Keys: &detect.OnKey{Words: []string{"mailgun"}, MinValue: 36, Find: mailgunKey.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "api: key-67c29a80b21ead8f062d15a4f4ef27e9", Span: "key-67c29a80b21ead8f062d15a4f4ef27e9", Valid: true},
		{Text: "MAILGUN_API_KEY=589c6948f6d30c01c3f252edc87ff4ad-fa36d084-0164709a", Span: "589c6948f6d30c01c3f252edc87ff4ad-fa36d084-0164709a", Valid: true},
		{Text: "key-67c29a80b21ead8f062d15a4f4ef27e"},
		{Text: "pubkey-67c29a80b21ead8f062d15a4f4ef27e9"},
		{Text: "id 589c6948f6d30c01c3f252edc87ff4ad-fa36d084-0164709a"},
	},
}

// findMailgun handles a prefix t[b:p]: "key-" itself, or a variable name.
func findMailgun(s *detect.Scan, b, p int) {
	t := s.T
	if p-b != 4 {
		mailgunKey.FindName(s, b, p)
		return
	}
	if shape.Left(t, b, shape.Alnum) && shape.HexAt(t, p, 32) {
		s.Add(0, b, p+32, 0.95, true)
	}
}
