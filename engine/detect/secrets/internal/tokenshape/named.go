package tokenshape

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
	"github.com/datafog/datafog-api/engine/validate"
)

// Named describes a credential that has no prefix of its own and is known
// only by the key name written before it ("COHERE_API_KEY=…",
// `"SecretAccessKey": "…"`, "MISTRAL_API_KEY 3kq…"): its length range,
// its byte class and an optional extra check. A detector finds the name
// two ways and hands the value to Named:
//
//   - OnKey, for assignments (key = value, "key": "value"), whatever the
//     key's spelling and prefixes ("prod_cohere_api_key");
//   - OnPrefix with the upper-case (environment variable) spellings of
//     the name as literals, for a name followed by blanks and the value
//     (a ticket, a log line, a shell history); an assignment found this
//     way is left to OnKey. Lower-case spellings are left out on
//     purpose: their '_' anchors would stop the scan at common words
//     ("user_", "status_") in every log line.
//
// The value is reported as the detector's type Kind, validated (its
// length and alphabet are the provider's), with confidence Conf, when its
// Shannon entropy is at least MinEntropy bits per byte.
type Named struct {
	Kind       int
	Min, Max   int
	Class      detect.Class
	MinEntropy float64
	Conf       float64
	// Check, when set, is one more condition on the value.
	Check func(v []byte) bool
	// Provider, when set, are the words (lower case) of which a key name
	// must hold one for a failing value to be vetoed (InAssignment): set
	// it when some key words are not the provider's alone.
	Provider []string
}

// AfterName handles a key-name literal that ends at t[e] (an OnPrefix
// trigger); an assignment is left to the OnKey trigger. The literal is
// the provider's own variable name, so a value that fails the check is
// vetoed (shape.VetoValue): it must not fall through to the generic
// api_key.
func (n *Named) AfterName(s *detect.Scan, e int) {
	v, op, ok := ValueAfterName(s.T, e)
	if ok && !op && !n.Value(s, v) {
		shape.VetoValue(s, v)
	}
}

// InAssignment handles an assignment to a key whose name holds one of the
// detector's key words (an OnKey trigger). A value that fails the check
// is vetoed when the key names the provider: always, or, when Provider
// is set, when the key holds one of its words (an S3-compatible store's
// "secret_access_key" of another length is a secret, not a broken AWS
// key).
func (n *Named) InAssignment(s *detect.Scan, a *detect.Assignment) {
	if !n.Value(s, a.Value) && n.namesProvider(s.T[a.KeyStart:a.KeyEnd]) {
		shape.VetoValue(s, a.Value)
	}
}

// namesProvider reports whether a key name holds one of n.Provider, in
// any ASCII case (true when Provider is empty).
func (n *Named) namesProvider(key []byte) bool {
	if len(n.Provider) == 0 {
		return true
	}
	for _, w := range n.Provider {
		for i := 0; i+len(w) <= len(key); i++ {
			if detect.HasPrefixFold(key, i, w) {
				return true
			}
		}
	}
	return false
}

// Value checks the value that starts at t[v], reports it and returns
// true, or returns false.
func (n *Named) Value(s *detect.Scan, v int) bool {
	t := s.T
	e, ok := Body(t, v, n.Min, n.Max, n.Class)
	ok = ok && !(e < len(t) && (t[e] == '=' || detect.Is(t[e], detect.Value) && t[e] != '.' && t[e] != ':' && t[e] != '\\'))
	if !ok || n.Check != nil && !n.Check(t[v:e]) || validate.Entropy(t[v:e]) < n.MinEntropy {
		return false
	}
	s.Add(n.Kind, v, e, n.Conf, true)
	return true
}
