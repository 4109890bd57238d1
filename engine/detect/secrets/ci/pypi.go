package ci

import (
	"encoding/base64"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// PyPIAPIToken finds PyPI (and TestPyPI) API tokens. PyPI's help page
// ("API tokens", https://pypi.org/help/#apitoken) gives the form
// "pypi-" and a macaroon; the macaroon is serialised in the version 2
// binary format (libmacaroons' format documentation) and base64url
// encoded, so every PyPI token starts with the encoding of the version
// byte 2, the location field (type 1, length 8, "pypi.org", or 13,
// "test.pypi.org") and the identifier field's type byte 2:
// "pypi-AgEIcHlwaS5vcmcC" on PyPI. The detector decodes that head and
// checks it, then takes the base64url body (at least 60 characters).
var PyPIAPIToken = &detect.Detector{
	Name: "pypi_api_token",
	Types: []detect.Type{{
		Name: "pypi_api_token", Family: detect.Secret, Confidence: 0.98,
		Confirm: "pypi- + base64url macaroon whose decoded head is version 2, location pypi.org or test.pypi.org, identifier field",
	}},
	Source:      "PyPI help, API tokens; libmacaroons, macaroon format version 2",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"}, Find: findPyPI},
	Examples: []detect.Example{
		{Text: "password = pypi-AgEIcHlwaS5vcmcCJDFmMGM3YTUyLTlkM2UtNGI4YS1iNmMxLTNlMmY3ZDlhMGM0NQACAQhweXBpLm9yZwIcWyJ1c2VyIiwgImU0ZjEiLCAxNzA0MDY3MjAwXQAGIKVNyhglMLsdbRMs3tYjey7ZHj9yH8sZcRdElNZJPJ1c", Span: "pypi-AgEIcHlwaS5vcmcCJDFmMGM3YTUyLTlkM2UtNGI4YS1iNmMxLTNlMmY3ZDlhMGM0NQACAQhweXBpLm9yZwIcWyJ1c2VyIiwgImU0ZjEiLCAxNzA0MDY3MjAwXQAGIKVNyhglMLsdbRMs3tYjey7ZHj9yH8sZcRdElNZJPJ1c", Valid: true},
		{Text: "TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZwIkOGIyZDRlNmYtMGExYy00ZTNiLTlkNWYtN2E4YzBlMmI0ZDZmAAYgNGC-MSAeaf7aoO7ouZl_XHwpmf2v5ZMlPNZUr0361xQ", Span: "pypi-AgENdGVzdC5weXBpLm9yZwIkOGIyZDRlNmYtMGExYy00ZTNiLTlkNWYtN2E4YzBlMmI0ZDZmAAYgNGC-MSAeaf7aoO7ouZl_XHwpmf2v5ZMlPNZUr0361xQ", Valid: true},
		// The identifier field's type byte is not 2; the body is short.
		{Text: "password = pypi-AgEIcHlwaS5vcmcDJDFmMGM3YTUyLTlkM2UtNGI4YS1iNmMxLTNlMmY3ZDlhMGM0NQACAQhweXBpLm9yZwIcWyJ1c2VyIiwgImU0ZjEiLCAxNzA0MDY3MjAwXQAGIKVNyhglMLsdbRMs3tYjey7ZHj9yH8sZcRdElNZJPJ1c"},
		{Text: "password = pypi-AgEIcHlwaS5vcmcCJDFmMGM3YTUyLTlkM2UtNGI4YS1iNmMx"},
	},
}

// findPyPI handles a prefix t[b:p].
func findPyPI(s *detect.Scan, b, p int) {
	t := s.T
	m := b + 5 // the macaroon
	e, ok := tokenshape.Body(t, m, 60, 1000, detect.B64URL)
	if !ok || !detect.FreeLeft(t, b) {
		return
	}
	var head [21]byte
	if !tokenshape.DecodedPrefix(head[:], t[m:e], base64.RawURLEncoding) || head[0] != 2 || head[1] != 1 {
		return
	}
	n := int(head[2]) // the location's length: 8 or 13, as the literal said
	if 3+n+2 > len(head) || head[3+n] != 2 || head[3+n+1] == 0 {
		return
	}
	s.Add(0, b, e, 0.98, true)
}
