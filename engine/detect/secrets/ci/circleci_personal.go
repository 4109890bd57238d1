package ci

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// CircleCIPersonalAPIToken finds CircleCI personal API tokens (CircleCI
// documentation, "Managing API tokens": personal API tokens begin with
// "CCIPAT_"): "CCIPAT_", 22 letters and digits, '_' and 40 lower-case
// hexadecimal digits. Tokens created before the prefix are 40 lower-case
// hexadecimal digits with no mark of their own; those are reported only
// after a CircleCI key name (CIRCLECI_TOKEN, CIRCLE_TOKEN, the
// Circle-Token header, the circle-token query parameter), at 0.8.
var CircleCIPersonalAPIToken = &detect.Detector{
	Name: "circleci_personal_api_token",
	Types: []detect.Type{{
		Name: "circleci_personal_api_token", Family: detect.Secret, Confidence: 0.97,
		Confirm: "CCIPAT_ + 22 alphanumerics + _ + 40 hex digits; legacy 40 hex digits only after a CircleCI key name",
	}},
	Source:      "CircleCI documentation, Managing API tokens (CCIPAT_ personal API tokens)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"CCIPAT_", "CIRCLECI_TOKEN", "CIRCLE_TOKEN", "CIRCLECI_API_TOKEN", "CIRCLECI_CLI_TOKEN"},
		Find:     findCircleCIPersonal,
	},
	Keys: &detect.OnKey{
		Words:    []string{"circleci_token", "circle_token", "circle-token", "circletoken", "circleci_api_token", "circleci_cli_token"},
		MinValue: 40,
		Find:     circleCILegacy.InAssignment,
	},
	Examples: []detect.Example{
		{Text: "export CIRCLECI_CLI_TOKEN=CCIPAT_d82XjFy7AG3BCxJeJXmDIS_58b081006f7e3dfc967a64cb14028d512c9791e5", Span: "CCIPAT_d82XjFy7AG3BCxJeJXmDIS_58b081006f7e3dfc967a64cb14028d512c9791e5", Valid: true},
		{Text: "token CCIPAT_AHS0GNzLZKF2zuJDMB0LO5_f86702824c1c099724caf4941d4072014b3ce107 expires", Span: "CCIPAT_AHS0GNzLZKF2zuJDMB0LO5_f86702824c1c099724caf4941d4072014b3ce107", Valid: true},
		{Text: "curl -H 'Circle-Token: 319478da6bd0c621de49f145fda9988c79fc3552' https://circleci.com/api/v2/me", Span: "319478da6bd0c621de49f145fda9988c79fc3552", Valid: true},
		{Text: "CIRCLE_TOKEN 6f7eaed46725a2a7b860dcd6c8a1f8b46287cced", Span: "6f7eaed46725a2a7b860dcd6c8a1f8b46287cced", Valid: true},
		// A short hex part; a legacy token without a key name.
		{Text: "token CCIPAT_AHS0GNzLZKF2zuJDMB0LO5_f86702824c1c099724caf4941d4072014b3ce10"},
		{Text: "commit 6f7eaed46725a2a7b860dcd6c8a1f8b46287cced"},
		{Text: "CIRCLE_TOKEN 6f7eaed46725a2a7b860dcd6c8a1f8b46287cce"},
	},
}

// circleCILegacy is a pre-2023 CircleCI token after its key name.
var circleCILegacy = &tokenshape.Named{Min: 40, Max: 40, Class: detect.Hex, MinEntropy: 3, Conf: 0.8, Check: tokenshape.LowerHex}

// findCircleCIPersonal handles a prefix t[b:p]: CCIPAT_ or a key name.
func findCircleCIPersonal(s *detect.Scan, b, p int) {
	if string(s.T[b:p]) == "CCIPAT_" {
		findCircleCIPrefixed(s, b, p)
		return
	}
	circleCILegacy.AfterName(s, p)
}

// findCircleCIPrefixed checks a CCIPAT_ or CCIPRJ_ token whose prefix is
// t[b:p]: 22 letters and digits, '_', 40 lower-case hex digits.
func findCircleCIPrefixed(s *detect.Scan, b, p int) {
	t := s.T
	u, e := p+22, p+63
	if e > len(t) || !detect.FreeLeft(t, b) || !detect.FreeRight(t, e) || t[u] != '_' ||
		!detect.All(t[p:u], detect.Alnum) || !tokenshape.LowerHex(t[u+1:e]) {
		return
	}
	s.Add(0, b, e, 0.97, true)
}
