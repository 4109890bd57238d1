package ci

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// NpmToken finds npm access tokens in the format npm announced in
// "Announcing npm's new access token format" (GitHub blog, 2021-09-23,
// https://github.blog/2021-09-23-announcing-npms-new-access-token-format/):
// "npm_" and 36 base62 characters, the last 6 of which are the CRC-32 of
// the first 30 in base62, as in GitHub's tokens (validate.CRC32Base62).
//
// A token whose checksum fails is not reported, at any minimum
// confidence, and is vetoed so that the generic api_key does not report
// it either: npm issues every token with its checksum, so one that fails
// it was never issued and cannot authenticate (see GitHubToken).
var NpmToken = &detect.Detector{
	Name: "npm_token",
	Types: []detect.Type{{
		Name: "npm_token", Family: detect.Secret, Confidence: 0.99,
		Confirm: "npm_ + 36 base62 characters ending in the CRC-32 of the first 30 (base62)",
	}},
	Source:      "GitHub blog, Announcing npm's new access token format (2021-09-23)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"npm_"}, Find: findNpm},
	Examples: []detect.Example{
		{Text: "//registry.npmjs.org/:_authToken=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", Span: "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", Valid: true},
		{Text: "NPM_TOKEN: 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", Span: "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", Valid: true},
		// A wrong checksum, also in an assignment api_key would take.
		{Text: "NPM_TOKEN: npm_05H5MQzu7ZzmDOMnqJqpR53jUCNYwS2X83bZ"},
		{Text: "NPM_TOKEN: npm_05H5MQzu7ZzmDOMnqJqpR53jUCNYwS2X83b"},
	},
}

// findNpm handles "npm_" at t[b:p].
func findNpm(s *detect.Scan, b, p int) {
	t := s.T
	e := p + 36
	if e > len(t) || !detect.FreeLeft(t, b) || !detect.FreeRight(t, e) || !detect.All(t[p:e], detect.Alnum) {
		return
	}
	if !validate.CRC32Base62(t[p:p+30], t[p+30:e]) {
		s.Veto(b, e, 0.99)
		return
	}
	s.Add(0, b, e, 0.99, true)
}
