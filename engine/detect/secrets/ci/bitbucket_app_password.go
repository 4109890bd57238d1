package ci

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// BitbucketAppPassword finds Bitbucket Cloud app passwords: "ATBB", 24
// letters and digits, and the CRC-32 of those 28 characters in 8
// upper-case hexadecimal digits (validate.CRC32HexUpper). Atlassian
// documents the "ATBB" prefix ("App passwords", Bitbucket Cloud support
// documentation, and Atlassian's token-prefix announcement listing ATAT
// API tokens, ATBB app passwords and ATCT access tokens); the trailing
// CRC-32 is what every app password issued carries. A password of the
// right shape whose checksum fails is not reported and is vetoed, as
// GitHub tokens are.
var BitbucketAppPassword = &detect.Detector{
	Name: "bitbucket_app_password",
	Types: []detect.Type{{
		Name: "bitbucket_app_password", Family: detect.Secret, Confidence: 0.99,
		Confirm: "ATBB + 24 alphanumerics + CRC-32 of the first 28 characters (8 upper-case hex digits)",
	}},
	Source:      "Atlassian, Bitbucket Cloud documentation, App passwords (ATBB prefix); trailing CRC-32 as issued",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"ATBB"}, Find: findBitbucketAppPassword},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "BITBUCKET_APP_PASSWORD=ATBBKy9Pf34qY6Nb3wWD25RQ4F5Z04FC50BB", Span: "ATBBKy9Pf34qY6Nb3wWD25RQ4F5Z04FC50BB", Valid: true},
		{Text: "git clone https://jdoe:ATBBR3qa7yEeeby3abP3E2Zs8IQ9A36125F0@bitbucket.org/acme/app.git", Span: "ATBBR3qa7yEeeby3abP3E2Zs8IQ9A36125F0", Valid: true},
		// A wrong checksum; one character short; lower-case checksum.
		{Text: "BITBUCKET_APP_PASSWORD=ATBBKy9Pf34qY6Nb3wWD25RQ4F5Z04FC50BC"},
		{Text: "BITBUCKET_APP_PASSWORD=ATBBKy9Pf34qY6Nb3wWD25RQ4F5Z04FC50B"},
		{Text: "BITBUCKET_APP_PASSWORD=ATBBKy9Pf34qY6Nb3wWD25RQ4F5Z04fc50bb"},
	},
}

// findBitbucketAppPassword handles "ATBB" at t[b:b+4].
func findBitbucketAppPassword(s *detect.Scan, b, _ int) {
	t := s.T
	e := b + 36
	if e > len(t) || !detect.FreeLeft(t, b) || !detect.FreeRight(t, e) || !detect.All(t[b+4:b+28], detect.Alnum) {
		return
	}
	for _, c := range t[b+28 : e] {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'F') {
			return
		}
	}
	if !validate.CRC32HexUpper(t[b:b+28], t[b+28:e]) {
		s.Veto(b, e, 0.99)
		return
	}
	s.Add(0, b, e, 0.99, true)
}
