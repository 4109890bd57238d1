package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Asana id limits: user and app ids (gids) of 10 to 20 digits; and the
// confidences without and with a context word.
const (
	asanaMinID, asanaMaxID  = 10, 20
	asanaConf, asanaCtxConf = 0.4, 0.85
)

// AsanaPersonalAccessToken finds Asana personal access tokens (Asana
// developers, "Personal access token",
// https://developers.asana.com/docs/personal-access-token). Asana calls
// its tokens opaque and publishes no format; the ones it has issued are
// "1/", the user id, ":" and 32 hexadecimal digits, and, since 2023,
// "2/", the user id, "/", the app id, ":" and 32 hexadecimal digits.
// That structure, ids and all, is what is checked; having no literal
// prefix, it scores below the default minimum without a context word
// (Asana, ASANA_…). The trigger is the ':' after the last id.
var AsanaPersonalAccessToken = &detect.Detector{
	Name: "asana_personal_access_token",
	Types: []detect.Type{{
		Name: "asana_personal_access_token", Family: detect.Secret, Confidence: asanaConf, NeedsContext: true,
		Confirm: "1/<10-20 digit id>:<32 hex> or 2/<id>/<id>:<32 hex>, with a context word",
	}},
	Source:      "Asana developer documentation, Personal access token (issued 1/ and 2/ token layouts)",
	Context:     []detect.Word{{Text: "asana", Conf: asanaCtxConf}},
	Placeholder: detect.SecretPlaceholder,
	Bytes:       []detect.OnByte{{Byte: ':', Before: detect.Digit, Find: findAsana}},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "ASANA_PAT=2/6793092445873974/7050037204194879:df3571c7ada05474178c50a23c56c9f1", Span: "2/6793092445873974/7050037204194879:df3571c7ada05474178c50a23c56c9f1", Valid: true},
		{Text: "asana: Authorization: Bearer 1/6793092445873974:df3571c7ada05474178c50a23c56c9f1", Span: "1/6793092445873974:df3571c7ada05474178c50a23c56c9f1", Valid: true},
		{Text: "3/6793092445873974:df3571c7ada05474178c50a23c56c9f1"},
		{Text: "1/6793092445873974:df3571c7ada05474178c50a23c56c9f"},
		{Text: "2/6793092445873974/7050037204194879:df3571c7ada05474178c50a23c56c9f1a"},
		// A lookalike under a name or prefix that says what it is: vetoed, so
		// not the generic api_key either.
		{Text: `{"Asana token": "3/5405244904603864:eaee65767425f3cbde049e34c6095561"}`, Type: "api_key"},
	},
}

// findAsana handles ':' at t[p] after a digit.
func findAsana(s *detect.Scan, p int) {
	t := s.T
	if !shape.HexAt(t, p+1, 32) || !shape.Mixed(t[p+1:p+33]) {
		return
	}
	id := idBefore(t, p)
	if id < 2 || t[id-1] != '/' {
		return
	}
	var b int
	if u := idBefore(t, id-1); u >= 2 && t[u-1] == '/' && t[u-2] == '2' {
		b = u - 2 // 2/<user id>/<app id>
	} else if t[id-2] == '1' {
		b = id - 2 // 1/<user id>
	} else {
		if s.Context(id-2) > 0 {
			shape.VetoValue(s, id-2) // another version digit where Asana is named
		}
		return
	}
	if !shape.Left(t, b, shape.Alnum) || b > 0 && t[b-1] == '/' {
		return
	}
	conf := asanaConf
	if c := s.Context(b); c > conf {
		conf = c
	}
	s.Add(0, b, p+33, conf, true)
}

// idBefore returns the start of the 10 to 20 digit id that ends at
// t[e], or -1.
func idBefore(t []byte, e int) int {
	i := e
	for i > 0 && e-i <= asanaMaxID && detect.IsDigit(t[i-1]) {
		i--
	}
	if n := e - i; n < asanaMinID || n > asanaMaxID {
		return -1
	}
	return i
}
