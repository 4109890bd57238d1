package transform

import (
	"bytes"

	"github.com/datafog/datafog-api/engine"
)

// fakeScan is a tiny deterministic detector used to test the transforms
// without the real engine. Tokens are maximal runs of non-space bytes:
// a token holding '@' is an email; a token of digits and '-' or ' '-free
// groups with 13..19 digits is a credit_card, with exactly 9 digits an ssn;
// a token starting with "sk_" is an api_key. Separators: ' ' and '\n'.
func fakeScan(text []byte) []engine.Finding {
	var out []engine.Finding
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && !isSep(text[i]) {
			continue
		}
		if f, ok := classify(text[start:i]); ok {
			f.Start, f.End = int64(start), int64(i)
			out = append(out, f)
		}
		start = i + 1
	}
	return out
}

// isSep reports whether c ends a fake token.
func isSep(c byte) bool { return c == ' ' || c == '\n' }

// classify returns the fake finding type of one token.
func classify(tok []byte) (engine.Finding, bool) {
	if len(tok) == 0 {
		return engine.Finding{}, false
	}
	if bytes.IndexByte(tok, '@') >= 0 {
		return engine.Finding{Type: engine.Email, Confidence: 0.9, Validated: true}, true
	}
	if bytes.HasPrefix(tok, []byte("sk_")) {
		return engine.Finding{Type: engine.APIKey, Confidence: 0.8}, true
	}
	digits := 0
	for _, c := range tok {
		switch {
		case '0' <= c && c <= '9':
			digits++
		case c == '-':
		default:
			return engine.Finding{}, false
		}
	}
	switch {
	case digits == 9:
		return engine.Finding{Type: engine.SSN, Confidence: 0.9, Validated: true}, true
	case digits >= 13 && digits <= 19:
		return engine.Finding{Type: engine.CreditCard, Confidence: 0.9, Validated: true}, true
	}
	return engine.Finding{}, false
}

// fakeScanner streams fakeScan: it holds back the current token and
// commits everything before it.
type fakeScanner struct {
	tok    []byte // bytes of the current, unfinished token
	offset int64  // bytes written so far
}

func (s *fakeScanner) Write(chunk []byte, emit func(engine.Finding)) {
	for _, c := range chunk {
		if isSep(c) {
			s.finish(emit)
		} else {
			s.tok = append(s.tok, c)
		}
		s.offset++
	}
}

// finish classifies the current token, which ends at s.offset.
func (s *fakeScanner) finish(emit func(engine.Finding)) {
	if f, ok := classify(s.tok); ok {
		f.Start, f.End = s.offset-int64(len(s.tok)), s.offset
		emit(f)
	}
	s.tok = s.tok[:0]
}

func (s *fakeScanner) Close(emit func(engine.Finding)) { s.finish(emit) }
func (s *fakeScanner) Committed() int64                { return s.offset - int64(len(s.tok)) }
func (s *fakeScanner) Reset()                          { s.tok, s.offset = s.tok[:0], 0 }
