package secrets

import "github.com/datafog/datafog-api/engine/detect"

// SlackToken finds Slack API tokens in the formats of Slack's API
// documentation ("Token types"; "Using token rotation"; "App-level
// tokens"), each checked segment by segment, so that a dash-separated
// lookalike with words where Slack puts digits is not reported:
//
//	xoxb-<team 8-14 digits>-<bot 8-14 digits>-<10-48 alphanumerics>   bot
//	xoxb-<8-14 digits>-<18-34 alphanumerics>                          legacy bot
//	xoxp-<digits>-<digits>[-<digits>]-<10-64 alphanumerics>           user
//	xoxa-, xoxr-: [<digit>-]<8-64 alphanumerics or dash segments>     workspace app, refresh
//	xoxs-, xoxo-: <digits>-<digits>-<digits>-<10-64 hex or alnum>     legacy session and user
//	xapp-<digit>-<A + upper-case id>-<digits>-<32-64 lower hex>       app-level
//	xoxe.xoxp-1-… / xoxe.xoxb-1-… (100+ alphanumerics and dashes)    rotating access
//	xoxe-1-<100+ alphanumerics and dashes>                            rotating refresh
var SlackToken = &detect.Detector{
	Name: "slack_token",
	Types: []detect.Type{{
		Name: "slack_token", Family: detect.Secret, Confidence: 0.97,
		Confirm: "xoxb-/xoxp-/xoxa-/xoxr-/xoxs-/xoxo-/xoxe-/xapp- tokens, each segment of its kind's shape (numeric where Slack puts digits)",
	}},
	Source:      "Slack API documentation: Token types; Using token rotation; App-level tokens",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxo-", "xoxe-", "xoxe.xoxp-", "xoxe.xoxb-", "xapp-"},
		Find:     findSlack,
	},
	Examples: []detect.Example{
		{Text: "t xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1", Span: "xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1", Valid: true},
		{Text: "legacy xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", Span: "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", Valid: true},
		{Text: "u=xoxp-4135922135-4136972135-4182315827-9fc31e7b07e2d9a7e2f44f2c1b08e417", Span: "xoxp-4135922135-4136972135-4182315827-9fc31e7b07e2d9a7e2f44f2c1b08e417", Valid: true},
		{Text: "app: xapp-1-A04RLMCTV41-4887295937061-8a64e0c8c2e8d3c55f0a2b2c3f1a6a0c9fdc8b1a1c29b8e1f8bf3f1dd4a0c7e1", Span: "xapp-1-A04RLMCTV41-4887295937061-8a64e0c8c2e8d3c55f0a2b2c3f1a6a0c9fdc8b1a1c29b8e1f8bf3f1dd4a0c7e1", Valid: true},
		{Text: "refresh xoxe-1-My0xLTQ4ODcyOTU5MzcwNjEtNDg4NzI5NTkzNzA2MS0xNjg1NjY3MzA1ODA0LTRjNjU3ZTIzMjQ0ZGIzYjlmZjZkMmE1ZWE0ZjE1NWJkYjZjNWQ1OTk5NDQ2ZTk3ZTI1MWRkNjY1ZmY", Span: "xoxe-1-My0xLTQ4ODcyOTU5MzcwNjEtNDg4NzI5NTkzNzA2MS0xNjg1NjY3MzA1ODA0LTRjNjU3ZTIzMjQ0ZGIzYjlmZjZkMmE1ZWE0ZjE1NWJkYjZjNWQ1OTk5NDQ2ZTk3ZTI1MWRkNjY1ZmY", Valid: true},
		{Text: "access xoxe.xoxp-1-Mi0yLTQ4ODcyOTU5MzcwNjEtNDg4NzI5NTkzNzA2MS0xNjg1NjY3MzA1ODA0LTRjNjU3ZTIzMjQ0ZGIzYjlmZjZkMmE1ZWE0ZjE1NWJkYjZjNWQ1OTk5NDQ2ZTk3ZTI1MWRkNjY1ZmZhN2Q", Span: "xoxe.xoxp-1-Mi0yLTQ4ODcyOTU5MzcwNjEtNDg4NzI5NTkzNzA2MS0xNjg1NjY3MzA1ODA0LTRjNjU3ZTIzMjQ0ZGIzYjlmZjZkMmE1ZWE0ZjE1NWJkYjZjNWQ1OTk5NDQ2ZTk3ZTI1MWRkNjY1ZmZhN2Q", Valid: true},
		{Text: "ws xoxa-2-4135922135-4182315827-Zq8sK2pLm9XvB4tR7wYc", Span: "xoxa-2-4135922135-4182315827-Zq8sK2pLm9XvB4tR7wYc", Valid: true},
		{Text: "t xoxb-123"},
		{Text: "t xoxb-abcdefghij-klmnopqrst-FGqddMF8t08v8N7Oq4i57vs1"},
		{Text: "t xoxb-your-bot-token-here"},
		{Text: "t xoxp-XXXXXXXXXX-XXXXXXXXXX-XXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"},
		{Text: "t xapp-1-A04RLMCTV41-notanumber-8a64e0c8c2e8d3c55f0a2b2c3f1a6a0c"},
		{Text: "t xoxe-1-short"},
	},
}

// findSlack handles a prefix t[b:p] (p is after its last '-').
func findSlack(s *detect.Scan, b, p int) {
	t := s.T
	if !detect.FreeLeft(t, b) {
		return
	}
	// The token: letters, digits and dashes (and the '.' of xoxe.).
	e := p
	for e < len(t) && e-b <= 300 && (detect.IsAlnum(t[e]) || t[e] == '-') {
		e++
	}
	for e > p && t[e-1] == '-' {
		e--
	}
	if e-b > 300 || !detect.FreeRight(t, e) || e < len(t) && t[e] == '-' {
		return
	}
	pre := string(t[b:p])
	if len(pre) > 5 {
		pre, p = pre[:5], b+5 // "xoxe.": the shape check reads "xoxp-1-…" after the dot
	}
	if slackShape(pre, t[p:e]) {
		s.Add(0, b, e, 0.97, true)
	}
}

// slackShape checks the segments after the prefix pre.
func slackShape(pre string, body []byte) bool {
	var seg [6][]byte
	n := 0
	for rest := body; len(rest) > 0 && n < len(seg); n++ {
		k := 0
		for k < len(rest) && rest[k] != '-' {
			k++
		}
		seg[n] = rest[:k]
		if k == len(rest) {
			rest = nil
		} else {
			rest = rest[k+1:]
			if len(rest) == 0 || n == len(seg)-1 {
				return false
			}
		}
	}
	if n == 0 {
		return false
	}
	last := seg[n-1] // #nosec G602 -- n is 1 to len(seg) here
	digits := func(b []byte, lo, hi int) bool { return len(b) >= lo && len(b) <= hi && detect.All(b, detect.Digit) }
	alnum := func(b []byte, lo, hi int) bool { return len(b) >= lo && len(b) <= hi && detect.All(b, detect.Alnum) }
	switch pre {
	case "xoxb-":
		return n == 3 && digits(seg[0], 8, 14) && digits(seg[1], 8, 14) && alnum(seg[2], 10, 48) ||
			n == 2 && digits(seg[0], 8, 14) && alnum(seg[1], 18, 34)
	case "xoxp-":
		return (n == 3 || n == 4) && digits(seg[0], 6, 14) && digits(seg[1], 6, 14) && (n == 3 || digits(seg[2], 6, 14)) && alnum(last, 10, 64)
	case "xoxs-", "xoxo-":
		return n == 4 && digits(seg[0], 6, 14) && digits(seg[1], 6, 14) && digits(seg[2], 6, 14) && alnum(seg[3], 10, 64)
	case "xoxa-", "xoxr-":
		k := 0
		if n > 1 && digits(seg[0], 1, 1) {
			k = 1 // a version segment
		}
		if n == k+1 {
			return alnum(seg[k], 8, 64)
		}
		for ; k < n-1; k++ {
			if !digits(seg[k], 6, 14) {
				return false
			}
		}
		return alnum(last, 8, 64)
	case "xapp-":
		return n == 4 && digits(seg[0], 1, 2) && alnum(seg[1], 8, 16) && seg[1][0] == 'A' && upperAlnum(seg[1]) &&
			digits(seg[2], 8, 16) && len(seg[3]) >= 32 && len(seg[3]) <= 64 && detect.All(seg[3], detect.Hex)
	case "xoxe-":
		return n == 2 && digits(seg[0], 1, 1) && alnum(seg[1], 100, 200)
	case "xoxe.":
		// "xoxp-1-…" or "xoxb-1-…" after the dot.
		return n >= 3 && (string(seg[0]) == "xoxp" || string(seg[0]) == "xoxb") && digits(seg[1], 1, 1) &&
			len(body) >= 100 && alnum(last, 8, 250)
	}
	return false
}

// upperAlnum reports whether b has no lower-case letter.
func upperAlnum(b []byte) bool {
	for _, c := range b {
		if detect.IsLower(c) {
			return false
		}
	}
	return true
}
