package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// NetlifyAccessToken finds Netlify authentication tokens (Netlify
// support forums, "Change to the Netlify authentication token format",
// https://answers.netlify.com/t/change-to-the-netlify-authentication-token-format/106146:
// "nf", a letter naming the kind — p personal access, c CLI, o OAuth, u
// app, b build — and "_", 40 characters in all), with 36 alphanumerics
// after the prefix.
var NetlifyAccessToken = &detect.Detector{
	Name: "netlify_access_token",
	Types: []detect.Type{{
		Name: "netlify_access_token", Family: detect.Secret, Confidence: 0.95,
		Confirm: "nfp_/nfc_/nfo_/nfu_/nfb_ + 36 alphanumerics",
	}},
	Source:      "Netlify, Change to the Netlify authentication token format (nf* prefixes)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"nfp_", "nfc_", "nfo_", "nfu_", "nfb_"}, Find: findNetlify},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "NETLIFY_AUTH_TOKEN=nfp_glgpj5MLnJtXf6BRWuNO3XkHfgqbRprFsgMG", Span: "nfp_glgpj5MLnJtXf6BRWuNO3XkHfgqbRprFsgMG", Valid: true},
		{Text: "token nfc_glgpj5MLnJtXf6BRWuNO3XkHfgqbRprFsgMG.", Span: "nfc_glgpj5MLnJtXf6BRWuNO3XkHfgqbRprFsgMG", Valid: true},
		{Text: "nfp_glgpj5MLnJtXf6BRWuNO3XkHfgqbRprFsgM"},
		{Text: "nfx_glgpj5MLnJtXf6BRWuNO3XkHfgqbRprFsgMG"},
	},
}

// findNetlify handles a prefix t[b:p].
func findNetlify(s *detect.Scan, b, p int) {
	t := s.T
	if shape.Left(t, b, shape.Alnum) && shape.Fixed(t, p, 36, shape.Alnum) && shape.Varied(t[p:p+36]) {
		s.Add(0, b, p+36, 0.95, true)
	}
}
