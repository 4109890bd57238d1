package secrets

import "github.com/datafog/datafog-api/engine/detect"

// SlackWebhookURL finds Slack incoming-webhook and workflow URLs (Slack
// API documentation, "Sending messages using incoming webhooks":
// https://hooks.slack.com/services/T…/B…/…; Workflow Builder webhooks
// under /workflows/ and /triggers/). The path is the credential: anyone
// who has it can post to the channel. The whole URL is reported, scheme
// included; a URL written without its scheme is not found.
var SlackWebhookURL = &detect.Detector{
	Name: "slack_webhook_url",
	Types: []detect.Type{{
		Name: "slack_webhook_url", Family: detect.Secret, Confidence: 0.97,
		Confirm: "hooks.slack.com/services|workflows|triggers/ URL with Slack's team, bot and secret segments",
	}},
	Source:      "Slack API documentation: Sending messages using incoming webhooks; Workflow Builder webhooks",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"https://hooks.slack.com/", "http://hooks.slack.com/"}, Find: findSlackWebhook},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "curl -X POST https://hooks.slack.com/services/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 -d x",
			Span: "https://hooks.slack.com/services/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", Valid: true},
		{Text: "url: https://hooks.slack.com/workflows/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.",
			Span: "https://hooks.slack.com/workflows/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", Valid: true},
		{Text: "see https://hooks.slack.com/services/ for docs"},
		{Text: "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"},
		{Text: "https://hooks.slack.com/services/T024BE7LD/B01HYHK5QK3"},
	},
}

// findSlackWebhook handles "https://hooks.slack.com/" (or http) at
// t[b:p]. The scheme is part of the literal, so the URL is found at the
// ':' that every URL has, not at a '.' or '/' of every text.
func findSlackWebhook(s *detect.Scan, b, p int) {
	t := s.T
	start := b
	if !detect.FreeLeft(t, start) {
		return
	}
	var kind string
	for _, k := range []string{"services/", "workflows/", "triggers/"} {
		if detect.HasPrefix(t, p, k) {
			kind = k
			break
		}
	}
	if kind == "" {
		return
	}
	// Path segments of letters and digits joined by '/'.
	e := p + len(kind)
	segs := 0
	for segs < 6 {
		k := detect.Span(t, e, 80, detect.Alnum)
		if k-e < 8 {
			break
		}
		segs++
		e = k
		if e+1 < len(t) && t[e] == '/' && detect.IsAlnum(t[e+1]) {
			e++
			continue
		}
		break
	}
	if segs < 3 || e < len(t) && (detect.IsWord(t[e]) || t[e] == '/') {
		return
	}
	// The team id starts 'T'; the last segment is the secret.
	if t[p+len(kind)] != 'T' {
		return
	}
	s.Add(0, start, e, 0.97, true)
}
