package secrets

import "github.com/datafog/datafog-api/engine/detect"

// GitHubToken finds GitHub tokens in the formats GitHub announced in
// "Behind GitHub's new authentication token formats" (GitHub blog,
// 2021-04-05): "ghp_" personal access, "gho_" OAuth, "ghu_" user-to-server,
// "ghs_" server-to-server and "ghr_" refresh tokens, each the prefix and
// 36 base62 characters; and fine-grained personal access tokens,
// "github_pat_" and 22 to 255 word characters.
var GitHubToken = &detect.Detector{
	Name: "github_token",
	Types: []detect.Type{{
		Name: "github_token", Family: detect.Secret, Confidence: 0.99,
		Confirm: "ghp_/gho_/ghu_/ghs_/ghr_ + 36 base62 characters; github_pat_ fine-grained tokens",
	}},
	Source: "GitHub blog, Behind GitHub's new authentication token formats (2021)",
	Prefixes: &detect.OnPrefix{
		Literals: []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"},
		Find:     findGitHub,
	},
	Examples: []detect.Example{
		{Text: "token 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", Span: "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", Valid: true},
		{Text: "token ghp_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINU"},
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
