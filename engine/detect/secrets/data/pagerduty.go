package data

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// pdKey reads a PagerDuty REST API key: 20 characters of letters,
// digits, '_', '-' and '+' ("u+…" user tokens).
var pdKey = &shape.Named{
	Provider: []string{"pagerduty"},
	Value: func(t []byte, v int) (int, int, bool) {
		e := v
		for e < len(t) && e-v <= 20 && (detect.IsB64URL(t[e]) || t[e] == '+') {
			e++
		}
		return v, e, e-v == 20 && (e == len(t) || !detect.IsWord(t[e])) && shape.Varied(t[v:e])
	},
	Conf: 0.8,
}

// PagerDutyAPIKey finds PagerDuty REST API keys (PagerDuty developer
// docs, "API Access Keys",
// https://support.pagerduty.com/main/docs/api-access-keys, sent as
// "Authorization: Token token=<key>"; 20 characters, "y_NbAkKc66ryYTWUXYEu"
// in PagerDuty's examples), which have no prefix: they are found after
// PagerDuty's variable names (PAGERDUTY_API_KEY, PAGERDUTY_TOKEN) or as
// the value of a key whose name holds "pagerduty".
var PagerDutyAPIKey = &detect.Detector{
	Name: "pagerduty_api_key",
	Types: []detect.Type{{
		Name: "pagerduty_api_key", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "20 characters [A-Za-z0-9_+-] after a PagerDuty variable name or a key naming PagerDuty",
	}},
	Source:      "PagerDuty documentation, API Access Keys (REST API keys, user tokens)",
	Context:     []detect.Word{{Text: "pagerduty", Conf: 0.8}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"PAGERDUTY_API_KEY", "PAGERDUTY_TOKEN", "PAGERDUTY_API_TOKEN", "PAGERDUTY_USER_TOKEN"},
		Find:     pdKey.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"pagerduty"}, MinValue: 20, Find: pdKey.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "PAGERDUTY_API_KEY=Dckrj6Z2Jdb7Pwrifnq0", Span: "Dckrj6Z2Jdb7Pwrifnq0", Valid: true},
		{Text: "pagerduty_token: u+Zx81kLq0PvR7tY3mW9", Span: "u+Zx81kLq0PvR7tY3mW9", Valid: true},
		{Text: "PAGERDUTY_API_KEY=Dckrj6Z2Jdb7Pwrifnq"},
		{Text: "token: Dckrj6Z2Jdb7Pwrifnq0"},
	},
}
