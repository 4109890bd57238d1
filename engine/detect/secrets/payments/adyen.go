package payments

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Adyen API key limits: the keys the Customer Area issues run to well
// over a hundred characters.
const (
	adyenMin = 64
	adyenMax = 256
)

// AdyenAPIKey finds Adyen API keys (Adyen docs, "API credentials",
// https://docs.adyen.com/development-resources/api-credentials/, sent in
// the X-API-Key header): the keys the Customer Area generates begin
// "AQE" and continue with base64 characters, '=' padding and '-'
// separators, 64 characters or more. Adyen does not publish the layout
// beyond that, so a context word ("adyen", the X-API-Key header) is
// required.
var AdyenAPIKey = &detect.Detector{
	Name: "adyen_api_key",
	Types: []detect.Type{{
		Name: "adyen_api_key", Family: detect.Secret, Confidence: 0.4, NeedsContext: true,
		Confirm: "AQE + 61-253 base64 characters with '-' separators; needs a context word",
	}},
	Source:      "Adyen documentation, API credentials (X-API-Key); keys begin AQE",
	Context:     []detect.Word{{Text: "adyen", Conf: 0.75}, {Text: "x-api-key", Conf: 0.7}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"AQE"}, Find: findAdyen},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "ADYEN_API_KEY=AQEyhmfxKo3NaRVBw0m/n3Q5qf3Ve5xZCpbLrRn3NpNKWXRBsnpbB5J7X8wYg2Hf1DkC0tQ4FmK==-c2V0dGxlbWVudC1rZXktZXhhbXBsZS1ub3QtcmVhbA7q=-Xk4Vp2Lr9Tm",
			Span: "AQEyhmfxKo3NaRVBw0m/n3Q5qf3Ve5xZCpbLrRn3NpNKWXRBsnpbB5J7X8wYg2Hf1DkC0tQ4FmK==-c2V0dGxlbWVudC1rZXktZXhhbXBsZS1ub3QtcmVhbA7q=-Xk4Vp2Lr9Tm", Valid: true},
		{Text: "x-api-key: AQEpRk7Lq2Vn8Wz4Tb6Yc1Hd9Js3Mf5Gx0Ka7Nr2Qe8Uw4Bv6Zt1Pm9Cy3Lh5Df0Xj7Ks2Rg==-Tq8Wn3Yb6Vm1Lz4Kx9Hc2Jf7Gd5Ps0Re8Qa3Uv6Ny=-Jm2Lp7Rk",
			Span: "AQEpRk7Lq2Vn8Wz4Tb6Yc1Hd9Js3Mf5Gx0Ka7Nr2Qe8Uw4Bv6Zt1Pm9Cy3Lh5Df0Xj7Ks2Rg==-Tq8Wn3Yb6Vm1Lz4Kx9Hc2Jf7Gd5Ps0Re8Qa3Uv6Ny=-Jm2Lp7Rk", Valid: true},
		{Text: "adyen key AQEyhmfxKo3NaRVBw0m/n3Q5qf3Ve5xZCpb"},
		{Text: "adyen AQEpRk7Lq2Vn8Wz4Tb6Yc1Hd9Js3Mf5Gx0Ka7Nr2Qe8Uw4Bv6Zt1Pm9Cy3Lh5Df0Xj7Ks2RgTq8Wn3Yb6Vm1Lz4"},
		// A lookalike under a name or prefix that says what it is: vetoed, so
		// not the generic api_key either.
		{Text: `export ADYEN_API_KEY=AQEOX4kBGd9EESqyuBCR0T1HEZe3RywU9`, Type: "api_key"},
	},
}

// adyenByte reports whether c may stand in an Adyen key: base64, '=' or
// '-'.
func adyenByte(c byte) bool { return detect.Is(c, shape.Std) || c == '=' || c == '-' }

// findAdyen handles "AQE" at t[b:p].
func findAdyen(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.Std) {
		return
	}
	e, dash := p, false
	for e < len(t) && e-b <= adyenMax && adyenByte(t[e]) {
		dash = dash || t[e] == '-'
		e++
	}
	if n := e - b; n < adyenMin || n > adyenMax || !dash || e < len(t) && detect.IsWord(t[e]) {
		if s.Context(b) > 0 {
			shape.VetoValue(s, b) // an "AQE" value where Adyen is named
		}
		return
	}
	if c := s.Context(b); c > 0 {
		s.Add(0, b, e, c, true)
	}
}
