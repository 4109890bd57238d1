package messaging

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Twilio SID confidences: a SID identifies an account or a key, it does
// not authenticate, so one is reported only near a word that names it.
const (
	sidConf    = 0.4
	sidCtxConf = 0.75
)

// twilioKeySID reads an API key SID, "SK" and 32 hexadecimal digits,
// under a name that names it (TWILIO_API_KEY, or an api key key near the
// word Twilio).
var twilioKeySID = &shape.Named{
	Provider: []string{"twilio"},
	Type:     1,
	Value: func(t []byte, v int) (int, int, bool) {
		return v, v + 34, detect.HasPrefix(t, v, "SK") && shape.HexAt(t, v+2, 32)
	},
	Key:  func(name []byte) bool { return shape.HasWord(name, "key") || shape.HasWord(name, "sid") },
	Conf: sidCtxConf,
}

// TwilioSID finds Twilio account SIDs and API key SIDs (Twilio docs,
// "Twilio's SID", https://www.twilio.com/docs/glossary/what-is-a-sid: a
// two-letter prefix naming the resource, "AC" for an account and "SK"
// for an API key, and 32 hexadecimal digits). SIDs are identifiers that
// travel with the secret they go with, so a context word is required.
// An account SID is found anywhere ("AC" starts at 'A', a trigger byte
// already); an API key SID after Twilio's variable names
// (TWILIO_API_KEY) or as the value of an api key whose name holds "twilio",
// so that 'S' need not become a trigger byte.
var TwilioSID = &detect.Detector{
	Name: "twilio_sid",
	Types: []detect.Type{
		{Name: "twilio_account_sid", Family: detect.Secret, Confidence: sidConf, NeedsContext: true,
			Confirm: "AC + 32 hex; needs a context word"},
		{Name: "twilio_api_key", Family: detect.Secret, Confidence: sidCtxConf, NeedsContext: true,
			Confirm: "SK + 32 hex after TWILIO_API_KEY or an api key naming Twilio"},
	},
	Source: "Twilio documentation, What is a SID (AC account, SK API key)",
	Context: []detect.Word{
		{Text: "twilio", Conf: sidCtxConf}, {Text: "account sid", Conf: sidCtxConf}, {Text: "account_sid", Conf: sidCtxConf},
		{Text: "accountsid", Conf: sidCtxConf},
	},
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: sidLiterals(), Find: findTwilioSID},
	Keys:        &detect.OnKey{Words: []string{"twilio"}, MinValue: 34, Find: twilioKeySID.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "TWILIO_ACCOUNT_SID=ACeee65f53e9421ce50211670eae679f02", Span: "ACeee65f53e9421ce50211670eae679f02", Valid: true},
		{Text: "TWILIO_API_KEY=SK0d347301ef56e64dc3cd6089065c3146", Span: "SK0d347301ef56e64dc3cd6089065c3146", Type: "twilio_api_key", Valid: true},
		{Text: `{"twilioApiKey": "SK0d347301ef56e64dc3cd6089065c3146"}`, Span: "SK0d347301ef56e64dc3cd6089065c3146", Type: "twilio_api_key", Valid: true},
		{Text: "twilio ACeee65f53e9421ce50211670eae679f0"},
		{Text: "twilio ACeee65f53e9421ce50211670eae679f02a"},
		{Text: "twilio ACEEE65F53E9421CE50211670EAE679F02"},
		{Text: "TWILIO_API_KEY=SK0d347301ef56e64dc3cd6089065c314"},
	},
}

// sidLiterals returns "AC" followed by each hexadecimal digit (literal
// prefixes need three bytes), and Twilio's variable names for API keys.
func sidLiterals() []string {
	out := []string{"TWILIO_API_KEY", "TWILIO_API_KEY_SID", "TWILIO_API_SID"}
	for _, c := range "0123456789abcdef" {
		out = append(out, "AC"+string(c))
	}
	return out
}

// findTwilioSID handles a prefix t[b:p]: "AC" and a hex digit, or a
// variable name.
func findTwilioSID(s *detect.Scan, b, p int) {
	t := s.T
	if p-b != 3 {
		twilioKeySID.FindName(s, b, p)
		return
	}
	if !shape.Left(t, b, shape.Alnum) || !shape.HexAt(t, b+2, 32) {
		return
	}
	conf := sidConf
	if c := s.Context(b); c > conf {
		conf = c
	}
	s.Add(0, b, b+34, conf, true)
}
