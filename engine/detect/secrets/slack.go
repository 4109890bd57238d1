package secrets

import "github.com/datafog/datafog-api/engine/detect"

// SlackToken finds Slack API tokens (Slack API docs, "Token types"): bot
// "xoxb-", user "xoxp-", app-level "xoxa-", refresh "xoxr-" and
// workspace "xoxs-" tokens; letters, digits and dashes, 10 to 255 bytes
// after the prefix with at least one more dash.
var SlackToken = &detect.Detector{
	Name: "slack_token",
	Types: []detect.Type{{
		Name: "slack_token", Family: detect.Secret, Confidence: 0.97,
		Confirm: "xoxb-/xoxp-/xoxa-/xoxr-/xoxs- tokens",
	}},
	Source: "Slack API documentation, Token types",
	Prefixes: &detect.OnPrefix{
		Literals: []string{"xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-"},
		Find:     findSlack,
	},
	Examples: []detect.Example{
		{Text: "t xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1", Span: "xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1", Valid: true},
		{Text: "t xoxb-123"},
	},
}

// findSlack handles a prefix t[b:p] (p is after the dash).
func findSlack(s *detect.Scan, b, p int) {
	t := s.T
	if !detect.FreeLeft(t, b) {
		return
	}
	d := p - 1 // the prefix's dash
	e := p
	dashes := 0
	for e < len(t) && e-d <= 256 && (detect.IsAlnum(t[e]) || t[e] == '-') {
		if t[e] == '-' {
			dashes++
		}
		e++
	}
	for e > p && t[e-1] == '-' {
		e--
		dashes--
	}
	n := e - p
	if n < 10 || n > 255 || dashes < 1 || !detect.FreeRight(t, e) || e < len(t) && t[e] == '-' {
		return
	}
	s.Add(0, b, e, 0.97, true)
}
