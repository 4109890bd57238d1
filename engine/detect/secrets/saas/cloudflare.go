package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Cloudflare finds Cloudflare API credentials in the scannable format
// (Cloudflare docs, "Token formats",
// https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/:
// a prefix naming the kind, 40 characters and a checksum): "cfk_" global
// API keys, "cfut_" user API tokens and "cfat_" account API tokens, with
// 40 alphanumerics and eight hexadecimal checksum digits. Cloudflare does
// not publish the checksum's algorithm, so it is checked for its form
// only. Credentials in the earlier unprefixed formats are found by name
// (CloudflareLegacyToken, CloudflareLegacyKey).
var Cloudflare = &detect.Detector{
	Name: "cloudflare",
	Types: []detect.Type{
		{Name: "cloudflare_api_token", Family: detect.Secret, Confidence: 0.95, Confirm: "cfut_/cfat_ + 40 alphanumerics + 8 hex"},
		{Name: "cloudflare_api_key", Family: detect.Secret, Confidence: 0.95, Confirm: "cfk_ + 40 alphanumerics + 8 hex"},
	},
	Source:      "Cloudflare documentation, Token formats (cfk_, cfut_, cfat_)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"cfut_", "cfat_", "cfk_"}, Find: findCloudflare},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "CLOUDFLARE_API_TOKEN=cfut_bdS6H3ZEZN8ikX5nxSLzCUhzKud2kd4JWXeR90P240ff554f", Span: "cfut_bdS6H3ZEZN8ikX5nxSLzCUhzKud2kd4JWXeR90P240ff554f", Valid: true},
		{Text: "key cfk_KCg1zcWxcRXuV6rLcWPqjG1GELviarDmLJBpCJca0164709a", Span: "cfk_KCg1zcWxcRXuV6rLcWPqjG1GELviarDmLJBpCJca0164709a", Type: "cloudflare_api_key", Valid: true},
		{Text: "cfut_bdS6H3ZEZN8ikX5nxSLzCUhzKud2kd4JWXeR90P240ff554"},
		{Text: "cfat_bdS6H3ZEZN8ikX5nxSLzCUhzKud2kd4JWXeR90P240ff554fz"},
	},
}

// findCloudflare handles a prefix t[b:p].
func findCloudflare(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.Alnum) || !shape.Fixed(t, p, 48, shape.Alnum) || !shape.LowerHex(t[p+40:p+48]) || !shape.Varied(t[p:p+40]) {
		return
	}
	k := 0
	if p-b == 4 { // cfk_
		k = 1
	}
	s.Add(k, b, p+48, 0.95, true)
}
