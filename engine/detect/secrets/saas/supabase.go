package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Supabase publishable key confidences: like Stripe's, a publishable key
// is safe to expose, so it is reported only where the text names it.
const (
	sbPubConf    = 0.4
	sbPubCtxConf = 0.6
)

// Supabase finds Supabase credentials:
//   - personal access tokens for the Management API and CLI, "sbp_" and
//     40 hexadecimal digits (Supabase docs, "Management API",
//     https://supabase.com/docs/reference/api/introduction);
//   - secret API keys, "sb_secret_" and 20 to 64 base64url characters,
//     and publishable keys, "sb_publishable_" (Supabase docs,
//     "Understanding API keys",
//     https://supabase.com/docs/guides/getting-started/api-keys). A
//     publishable key is meant to be exposed; it is found below the
//     default minimum, or at 0.6 with a context word.
var Supabase = &detect.Detector{
	Name: "supabase",
	Types: []detect.Type{
		{Name: "supabase_access_token", Family: detect.Secret, Confidence: 0.97, Confirm: "sbp_ + 40 hex"},
		{Name: "supabase_secret_key", Family: detect.Secret, Confidence: 0.95, Confirm: "sb_secret_ + 20-64 base64url characters"},
		{Name: "supabase_publishable_key", Family: detect.Secret, Confidence: sbPubConf, NeedsContext: true,
			Confirm: "sb_publishable_ + 20-64 base64url characters; public by design, reported with a context word only"},
	},
	Source:      "Supabase documentation, Management API (sbp_ tokens) and Understanding API keys (sb_secret_, sb_publishable_)",
	Context:     []detect.Word{{Text: "publishable", Conf: sbPubCtxConf}, {Text: "supabase", Conf: sbPubCtxConf}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"sbp_", "sb_secret_", "sb_publishable_"}, Find: findSupabase},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "SUPABASE_ACCESS_TOKEN=sbp_a96107b57a7ebddfe23c3329859f191e6156ef43", Span: "sbp_a96107b57a7ebddfe23c3329859f191e6156ef43", Valid: true},
		{Text: "SUPABASE_SECRET_KEY=sb_secret_lOm0xBHWHIEIs4t-EnLVXhs2bCUe_rfZ", Span: "sb_secret_lOm0xBHWHIEIs4t-EnLVXhs2bCUe_rfZ", Type: "supabase_secret_key", Valid: true},
		{Text: "SUPABASE_PUBLISHABLE_KEY=sb_publishable_lOm0xBHWHIEIs4t-EnLVXhs2bCUe_rfZ", Span: "sb_publishable_lOm0xBHWHIEIs4t-EnLVXhs2bCUe_rfZ", Type: "supabase_publishable_key", Valid: true},
		{Text: "sbp_a96107b57a7ebddfe23c3329859f191e6156ef4"},
		{Text: "sb_secret_lOm0xBHWHI"},
		// A lookalike under a name or prefix that says what it is: vetoed, so
		// not the generic api_key either.
		{Text: `supabase_publishable_key=sb_publishable_XP8APhw_qHGG`, Type: "api_key"},
	},
}

// findSupabase handles a prefix t[b:p].
func findSupabase(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.URL) {
		return
	}
	if t[b+2] == 'p' { // sbp_
		if shape.HexAt(t, p, 40) {
			s.Add(0, b, p+40, 0.97, true)
		} else {
			shape.VetoValue(s, b) // its own prefix names it
		}
		return
	}
	e, ok := shape.Body(t, p, 20, 64, shape.URL)
	if !ok || !shape.Varied(t[p:e]) {
		shape.VetoValue(s, b)
		return
	}
	if t[b+3] == 's' { // sb_secret_
		s.Add(1, b, e, 0.95, true)
		return
	}
	conf := sbPubConf
	if c := s.Context(b); c > conf {
		conf = c
	}
	if conf >= s.MinConf {
		s.Add(2, b, e, conf, true)
	} else {
		s.Veto(b, e, conf) // below the minimum, but not the generic api_key either
	}
}
