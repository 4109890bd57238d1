package ci

import (
	"encoding/base64"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// JFrogReferenceToken finds JFrog Platform reference tokens (JFrog
// Platform documentation, "Access Tokens": reference tokens are short,
// 64-character handles of an access token): 64 standard base64
// characters that decode to "reftkn:01:", a ten-digit expiry (Unix time,
// or zeros for none), ':' and random bytes. Every such token therefore
// starts with "cmVmdGtuOjAxOj", the encoding of "reftkn:01:"; the
// detector decodes the first 21 bytes and checks the layout. It anchors
// on the "AxOj" of that prefix: an 'A' followed by 'x' is rare, while the
// prefix's first capital, 'V', would add a byte to the scan's stops.
var JFrogReferenceToken = &detect.Detector{
	Name: "jfrog_reference_token",
	Types: []detect.Type{{
		Name: "jfrog_reference_token", Family: detect.Secret, Confidence: 0.97,
		Confirm: "64 base64 characters decoding to reftkn:01:<10-digit expiry>:…",
	}},
	Source:      "JFrog Platform documentation, Access Tokens (reference tokens)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"AxOj"}, Find: findJFrogReference},
	Examples: []detect.Example{
		{Text: "Authorization: Bearer cmVmdGtuOjAxOjE3NjcyMjU2MDA6Fno4UoYZXGefnGmU5FuKsQmAEgcJYfN95Dbd", Span: "cmVmdGtuOjAxOjE3NjcyMjU2MDA6Fno4UoYZXGefnGmU5FuKsQmAEgcJYfN95Dbd", Valid: true},
		{Text: "JF_ACCESS_TOKEN=cmVmdGtuOjAxOjAwMDAwMDAwMDA6ieQBhrqopX0Rnm+2XQCrwyrzjmZ/Ai6HLUnM", Span: "cmVmdGtuOjAxOjAwMDAwMDAwMDA6ieQBhrqopX0Rnm+2XQCrwyrzjmZ/Ai6HLUnM", Valid: true},
		// 63 characters; an expiry that is not ten digits then ':'.
		{Text: "JF_ACCESS_TOKEN=cmVmdGtuOjAxOjE3NjcyMjU2MDA6/cmdbnWvZUfPsRtCBySC3FMcK8OQfJYX615"},
		{Text: "JF_ACCESS_TOKEN=cmVmdGtuOjAxOjE3NjcyMjU2MDAx/cmdbnWvZUfPsRtCBySC3FMcK8OQfJYX615Q"},
	},
}

// findJFrogReference handles "AxOj" at t[a:a+4], the 11th to 14th
// characters of a reference token.
func findJFrogReference(s *detect.Scan, a, _ int) {
	t := s.T
	b := a - 10
	if b < 0 || !detect.HasPrefix(t, b, "cmVmdGtuOj") {
		return
	}
	e, ok := tokenshape.Body(t, b, 64, 64, detect.B64)
	if !ok || b > 0 && detect.Is(t[b-1], detect.B64) || e < len(t) && t[e] == '=' {
		return
	}
	var head [21]byte
	if !tokenshape.DecodedPrefix(head[:], t[b:e], base64.StdEncoding) || head[20] != ':' {
		return
	}
	for _, c := range head[10:20] {
		if !detect.IsDigit(c) {
			return
		}
	}
	s.Add(0, b, e, 0.97, true)
}
