package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// PostmanAPIKey finds Postman API keys (Postman Learning Center,
// "Authenticate with API keys",
// https://learning.postman.com/docs/developer/postman-api/authentication/:
// keys begin "PMAK-"): "PMAK-", 24 hexadecimal digits, "-" and 34
// hexadecimal digits.
var PostmanAPIKey = &detect.Detector{
	Name: "postman_api_key",
	Types: []detect.Type{{
		Name: "postman_api_key", Family: detect.Secret, Confidence: 0.97,
		Confirm: "PMAK- + 24 hex + - + 34 hex",
	}},
	Source:      "Postman Learning Center, Postman API authentication (PMAK- keys)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"PMAK-"}, Find: findPostman},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "X-API-Key: PMAK-ef22225f2157c57fecd32ab9-23b7fdb6333b0dd011308bf5b78bebc7ec", Span: "PMAK-ef22225f2157c57fecd32ab9-23b7fdb6333b0dd011308bf5b78bebc7ec", Valid: true},
		{Text: "POSTMAN_API_KEY=PMAK-ef22225f2157c57fecd32ab9-23b7fdb6333b0dd011308bf5b78bebc7ec", Span: "PMAK-ef22225f2157c57fecd32ab9-23b7fdb6333b0dd011308bf5b78bebc7ec", Valid: true},
		{Text: "PMAK-ef22225f2157c57fecd32ab9-23b7fdb6333b0dd011308bf5b78bebc7e"},
		{Text: "PMAK-ef22225f2157c57fecd32ab-23b7fdb6333b0dd011308bf5b78bebc7ec"},
	},
}

// findPostman handles "PMAK-" at t[b:p].
func findPostman(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.Alnum) || p+24+1+34 > len(t) || !shape.LowerHex(t[p:p+24]) || t[p+24] != '-' || !shape.HexAt(t, p+25, 34) {
		return
	}
	s.Add(0, b, p+59, 0.97, true)
}
