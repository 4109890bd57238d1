package tokenshape

import "github.com/datafog/datafog-api/engine/detect"

// Prefixed describes the commonest credential format: a literal prefix
// (the detector's OnPrefix literals) and a body of Min to Max bytes of one
// class, with an optional extra check on the body. Find reports the whole
// token, prefix included, as the detector's type Kind with confidence
// Conf, validated: the prefix and the body's length and alphabet are the
// provider's.
type Prefixed struct {
	Kind     int
	Min, Max int
	Class    detect.Class
	Conf     float64
	// Check, when set, is one more condition on the body.
	Check func(body []byte) bool
}

// Find handles a prefix t[b:p] (an OnPrefix trigger).
func (x *Prefixed) Find(s *detect.Scan, b, p int) {
	t := s.T
	if !detect.FreeLeft(t, b) {
		return
	}
	e, ok := Body(t, p, x.Min, x.Max, x.Class)
	if !ok || x.Check != nil && !x.Check(t[p:e]) {
		return
	}
	s.Add(x.Kind, b, e, x.Conf, true)
}
