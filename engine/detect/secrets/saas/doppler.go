package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Doppler token limits: 40 to 44 alphanumerics after the prefix, and a
// config name ("prd.") that service tokens may carry first.
const (
	dopplerMin, dopplerMax = 40, 44
	dopplerConfigMax       = 35
)

// dopplerKinds are the token kinds, in the order of Doppler.Types: the
// infix after "dp.".
var dopplerKinds = [...]string{"pt.", "st.", "sa.", "ct.", "scim.", "audit."}

// dopplerValue reads a Doppler token at t[v], after an optional "Bearer
// " scheme, and returns its kind.
func dopplerValue(t []byte, v int) (k, vs, e int, ok bool) {
	vs = shape.Scheme(t, v)
	if !detect.HasPrefix(t, vs, "dp.") {
		return 0, 0, 0, false
	}
	p := vs + 3
	for k = range dopplerKinds {
		if detect.HasPrefix(t, p, dopplerKinds[k]) {
			p += len(dopplerKinds[k])
			break
		}
		if k == len(dopplerKinds)-1 {
			return 0, 0, 0, false
		}
	}
	if k == 1 { // a service token may name its config first
		c := detect.Span(t, p, dopplerConfigMax+1, detect.Lower|detect.Digit|detect.Dash|detect.Under)
		if c > p && c-p <= dopplerConfigMax && c < len(t) && t[c] == '.' {
			p = c + 1
		}
	}
	e, ok = shape.Body(t, p, dopplerMin, dopplerMax, shape.Alnum)
	return k, vs, e, ok && shape.Varied(t[p:e])
}

// Doppler finds Doppler API tokens (Doppler docs, "Token formats",
// https://docs.doppler.com/reference/api#authentication: "dp.pt."
// personal, "dp.st." service, "dp.sa." service account, "dp.ct." CLI,
// "dp.scim." SCIM and "dp.audit." audit tokens), with 40 to 44
// alphanumerics after the prefix (and, for service tokens, an optional
// config name). The prefix is lower-case with '.' separators and has no
// trigger byte, so a token is found where it is stored or sent: after
// Doppler's variable names (DOPPLER_TOKEN), in an Authorization header
// with the Bearer scheme, or as the value of any token, key, secret or
// password assignment, where its own prefix names it.
var Doppler = &detect.Detector{
	Name: "doppler",
	Types: []detect.Type{
		{Name: "doppler_personal_token", Family: detect.Secret, Confidence: 0.95, NeedsContext: true, Confirm: "dp.pt. + 40-44 alphanumerics, where stored or sent"},
		{Name: "doppler_service_token", Family: detect.Secret, Confidence: 0.95, NeedsContext: true, Confirm: "dp.st.[config.] + 40-44 alphanumerics, where stored or sent"},
		{Name: "doppler_service_account_token", Family: detect.Secret, Confidence: 0.95, NeedsContext: true, Confirm: "dp.sa. + 40-44 alphanumerics, where stored or sent"},
		{Name: "doppler_cli_token", Family: detect.Secret, Confidence: 0.95, NeedsContext: true, Confirm: "dp.ct. + 40-44 alphanumerics, where stored or sent"},
		{Name: "doppler_scim_token", Family: detect.Secret, Confidence: 0.95, NeedsContext: true, Confirm: "dp.scim. + 40-44 alphanumerics, where stored or sent"},
		{Name: "doppler_audit_token", Family: detect.Secret, Confidence: 0.95, NeedsContext: true, Confirm: "dp.audit. + 40-44 alphanumerics, where stored or sent"},
	},
	Source:      "Doppler documentation, API authentication (token prefixes dp.pt., dp.st., dp.sa., dp.ct., dp.scim., dp.audit.)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"DOPPLER_TOKEN", "DOPPLER_SERVICE_TOKEN", "DOPPLER_API_TOKEN", "DOPPLER_CLI_TOKEN", "Authorization: Bearer "},
		Find:     findDopplerName,
	},
	Keys: &detect.OnKey{Words: []string{"doppler", "token", "key", "secret", "password"}, MinValue: 46, Find: findDopplerKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "DOPPLER_TOKEN=dp.st.prd.FlJnZ6usuZSbFwwezDvkvOa5GSfOlvbBZjiUzs5sV2v", Span: "dp.st.prd.FlJnZ6usuZSbFwwezDvkvOa5GSfOlvbBZjiUzs5sV2v", Type: "doppler_service_token", Valid: true},
		{Text: "Authorization: Bearer dp.pt.CuNxW0OOlYTNqAAoildIxEaIyf2taBlgDwTeznhNwNu", Span: "dp.pt.CuNxW0OOlYTNqAAoildIxEaIyf2taBlgDwTeznhNwNu", Type: "doppler_personal_token", Valid: true},
		{Text: `{"token": "dp.sa.c0FrB5zmiezFg8RtPFOAb92xVnUx065k1W982GD8Ce3"}`, Span: "dp.sa.c0FrB5zmiezFg8RtPFOAb92xVnUx065k1W982GD8Ce3", Type: "doppler_service_account_token", Valid: true},
		{Text: "secret: dp.ct.gTnZ5lhMbVzpPnq1XKDAuFeq3plgkzDju569jLrf2MP", Span: "dp.ct.gTnZ5lhMbVzpPnq1XKDAuFeq3plgkzDju569jLrf2MP", Type: "doppler_cli_token", Valid: true},
		{Text: "SCIM_TOKEN=dp.scim.jjxgikF2eBrBoBDP7RLyY7UHYeWdZi3HQvW7FmGiRPK", Span: "dp.scim.jjxgikF2eBrBoBDP7RLyY7UHYeWdZi3HQvW7FmGiRPK", Type: "doppler_scim_token", Valid: true},
		{Text: "audit_key: dp.audit.McdFw9C40uX03RIr85ESs7iJ1rPINQiOwtlSK78lq8L", Span: "dp.audit.McdFw9C40uX03RIr85ESs7iJ1rPINQiOwtlSK78lq8L", Type: "doppler_audit_token", Valid: true},
		{Text: "DOPPLER_TOKEN=dp.st.prd.FlJnZ6usuZSbFwwezDvkvOa5GSfOlvbB"},
		{Text: "DOPPLER_TOKEN=dp.xx.FlJnZ6usuZSbFwwezDvkvOa5GSfOlvbBZjiUzs5sV2v"},
		{Text: "note dp.pt.CuNxW0OOlYTNqAAoildIxEaIyf2taBlgDwTeznhNwNu"},
		// A lookalike under a name or prefix that says what it is: vetoed, so
		// not the generic api_key either.
		{Text: `{"DOPPLER_SERVICE_TOKEN": "dp.scim.woBaWC7dzUvCkjnicf4VCdrxzPxl0B"}`, Type: "api_key"},
		{Text: `doppler_service_token = 'dp.sa.DcRDJOSukNBLMcHtNeTOUQOvsxHQD7'`, Type: "api_key"},
	},
}

// findDopplerName handles a variable name or Authorization header t[b:p].
func findDopplerName(s *detect.Scan, b, p int) {
	t := s.T
	v := p
	if t[p-1] != ' ' {
		if b > 0 && detect.IsAlnum(t[b-1]) {
			return
		}
		var ok bool
		if _, v, ok = shape.ValueAfterName(t, p); !ok {
			return
		}
	}
	if v-s.Anchor() > detect.AnchorSpan {
		return
	}
	if k, vs, e, ok := dopplerValue(t, v); ok {
		s.Add(k, vs, e, 0.95, true)
	} else if t[p-1] != ' ' || detect.HasPrefix(t, v, "dp.") {
		shape.VetoValue(s, v) // Doppler's own variable name, or a "dp." value in the header
	}
}

// findDopplerKey handles an assignment: the value's prefix names it.
func findDopplerKey(s *detect.Scan, a *detect.Assignment) {
	if k, vs, e, ok := dopplerValue(s.T, a.Value); ok {
		s.Add(k, vs, e, 0.95, true)
	} else if detect.HasPrefix(s.T, a.Value, "dp.") {
		shape.VetoValue(s, a.Value) // its own prefix names it
	}
}
