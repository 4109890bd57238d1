// Package secrets holds the detectors of credentials: provider tokens and
// keys with a recognisable format, private keys, JWTs, and the generic
// api_key assignment.
package secrets

import "github.com/datafog/datafog-api/engine/detect"

// AWSAccessKey finds AWS access key IDs: a four-letter prefix naming the
// kind of identifier (AWS IAM User Guide, "IAM identifiers", unique ID
// prefixes: AKIA access key, ASIA temporary key, ABIA AWS STS service
// bearer token, ACCA context-specific credential, AGPA group, AIDA user,
// AROA role, ANPA managed policy, ANVA policy version, AIPA instance
// profile) and 16 upper-case base32 characters. AWS's documentation
// example AKIAIOSFODNN7EXAMPLE and other placeholders are not reported.
var AWSAccessKey = &detect.Detector{
	Name: "aws_access_key",
	Types: []detect.Type{{
		Name: "aws_access_key", Family: detect.Secret, Confidence: 0.99,
		Confirm: "AKIA/ASIA/ABIA/ACCA/AGPA/AIDA/AROA/ANPA/ANVA/AIPA + 16 base32 characters",
	}},
	Placeholder: detect.SecretPlaceholder,
	Source:      "AWS IAM User Guide, IAM identifiers (unique ID prefixes)",
	Prefixes: &detect.OnPrefix{
		Literals: []string{"AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA"},
		Find:     findAWS,
	},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "id AKIAY34FZKBOKMUTVV7A", Span: "AKIAY34FZKBOKMUTVV7A", Valid: true},
		{Text: "id ASIAY34FZKBOKMUTVV7A", Span: "ASIAY34FZKBOKMUTVV7A", Valid: true},
		{Text: "sts ABIAY34FZKBOKMUTVV7A", Span: "ABIAY34FZKBOKMUTVV7A", Valid: true},
		{Text: "ctx ACCAY34FZKBOKMUTVV7A", Span: "ACCAY34FZKBOKMUTVV7A", Valid: true},
		{Text: "docs AKIAIOSFODNN7EXAMPLE"},
		{Text: "id AKIAXXXXXXXXXXXXXXXX"},
		{Text: "id AKIAY34FZKBOKMUTVV7"},
		{Text: "id AKIAY34FZKBOKMUTVV71"},
	},
}

// findAWS handles a prefix at t[b:b+4].
func findAWS(s *detect.Scan, b, _ int) {
	t := s.T
	e := b + 20
	if e > len(t) || !detect.FreeLeft(t, b) || !detect.FreeRight(t, e) {
		return
	}
	for _, c := range t[b+4 : e] {
		if !(detect.IsUpper(c) || c >= '2' && c <= '7') {
			return
		}
	}
	s.Add(0, b, e, 0.99, true)
}
