package secrets

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// GitHubToken finds GitHub tokens in the formats GitHub announced in
// "Behind GitHub's new authentication token formats" (GitHub blog,
// 2021-04-05, https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/):
// "ghp_" personal access, "gho_" OAuth, "ghu_" user-to-server, "ghs_"
// server-to-server and "ghr_" refresh tokens, each the prefix and 36
// base62 characters, the last 6 of which are the CRC-32 of the first 30 in
// base62 (validate.CRC32Base62); and fine-grained personal access tokens,
// "github_pat_" and 22 to 255 word characters (GitHub publishes no
// checksum for them).
//
// A classic token whose checksum fails is not reported, at any minimum
// confidence: GitHub issues every such token with its checksum, so one
// that fails it was never issued (a typo, a truncated or edited copy, a
// made-up documentation value such as ghp_16C7e42F292c6912E7710c838347Ae178B4a)
// and cannot authenticate. Reporting it, even at low confidence, would
// spend the user's attention on a string that grants nothing. It is
// vetoed instead (Scan.Veto), so that the generic api_key does not report
// the same string as a secret either.
var GitHubToken = &detect.Detector{
	Name: "github_token",
	Types: []detect.Type{{
		Name: "github_token", Family: detect.Secret, Confidence: 0.99,
		Confirm: "ghp_/gho_/ghu_/ghs_/ghr_ + 36 base62 characters ending in the CRC-32 of the first 30 (base62); github_pat_ fine-grained tokens",
	}},
	Source:      "GitHub blog, Behind GitHub's new authentication token formats (2021-04-05)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"},
		Find:     findGitHub,
	},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "token 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", Span: "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", Valid: true},
		{Text: "GITHUB_TOKEN=ghs_fIkRGaBu5PeKsznMzXQOg3kETH1Sgx2oIfSC", Span: "ghs_fIkRGaBu5PeKsznMzXQOg3kETH1Sgx2oIfSC", Valid: true},
		{Text: "pat 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Hj4Kl6Mn8Pq", Span: "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Hj4Kl6Mn8Pq", Valid: true},
		// One character short.
		{Text: "token ghp_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINU"},
		// The right shape, a wrong checksum (last character changed),
		// also as an api_key-style assignment.
		{Text: "token ghp_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUy"},
		{Text: "GITHUB_TOKEN=ghp_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUy"},
		// GitHub's documentation example, which has no valid checksum.
		{Text: "Authorization: token ghp_16C7e42F292c6912E7710c838347Ae178B4a"},
	},
}

// findGitHub handles a prefix t[b:p].
func findGitHub(s *detect.Scan, b, p int) {
	t := s.T
	if !detect.FreeLeft(t, b) {
		return
	}
	if p-b == 4 {
		e := p + 36
		if e > len(t) || !detect.FreeRight(t, e) || !detect.All(t[p:e], detect.Alnum) {
			return
		}
		if !validate.CRC32Base62(t[p:p+30], t[p+30:e]) {
			s.Veto(b, e, 0.99)
			return
		}
		s.Add(0, b, e, 0.99, true)
		return
	}
	e := p
	for e < len(t) && e-p <= 255 && detect.IsWord(t[e]) {
		e++
	}
	if n := e - p; n < 22 || n > 255 {
		return
	}
	s.Add(0, b, e, 0.99, true)
}
