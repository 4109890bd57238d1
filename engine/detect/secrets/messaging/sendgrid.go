package messaging

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// SendGridAPIKey finds SendGrid API keys (Twilio SendGrid docs, "API
// Keys", https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys:
// a key is "SG.", a 22-character key id, "." and a 43-character secret,
// both base64url). The byte trigger is the 'G' of "SG." when a '.'
// follows it, so that '.', the commonest punctuation, stays free.
var SendGridAPIKey = &detect.Detector{
	Name: "sendgrid_api_key",
	Types: []detect.Type{{
		Name: "sendgrid_api_key", Family: detect.Secret, Confidence: 0.97,
		Confirm: "SG. + 22 base64url + . + 43 base64url",
	}},
	Source:      "Twilio SendGrid documentation, API Keys (SG.<id>.<secret>)",
	Placeholder: detect.SecretPlaceholder,
	Bytes:       []detect.OnByte{{Byte: 'G', After: detect.NumGlue, Find: findSendGrid}},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "SENDGRID_API_KEY=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",
			Span: "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", Valid: true},
		{Text: "key 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.",
			Span: "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", Valid: true},
		{Text: "SG.5VfqRTk8j1d_bWWbjkloG.QX647kdNl9cDo_-GbVMszvR4_EPZGz3zBXCOArr_Sfi"},
		{Text: "SG.5VfqRTk8j1d_bWWbjkloG1.QX647kdNl9cDo_-GbVMszvR4_EPZGz3zBXCOArr_Sf"},
		{Text: "ASG.5VfqRTk8j1d_bWWbjkloG1.QX647kdNl9cDo_-GbVMszvR4_EPZGz3zBXCOArr_Sfi"},
	},
}

// findSendGrid handles 'G' at t[p].
func findSendGrid(s *detect.Scan, p int) {
	t := s.T
	b := p - 1
	if b < 0 || p+1 >= len(t) || t[b] != 'S' || t[p+1] != '.' || !shape.Left(t, b, shape.URL) {
		return
	}
	id := p + 2
	if id+22+1+43 > len(t) || !detect.All(t[id:id+22], shape.URL) || t[id+22] != '.' || !shape.Fixed(t, id+23, 43, shape.URL) {
		return
	}
	s.Add(0, b, id+66, 0.97, true)
}
