package transport

import (
	"strconv"

	"github.com/valyala/fastjson"

	"github.com/datafog/datafog-api/engine"
)

// Minimum confidence. A finding under it is not reported; a request may
// set its own with "min_confidence" (JSON routes) or min_confidence=
// (stream routes), else the policy's min_confidence applies
// (engine.DefaultMinConfidence, 0.5, when the policy sets none).

// minConfField reads the optional "min_confidence" member: a number in
// [0, 1]. It returns the policy's minimum when the member is absent.
func (c *call) minConfField(obj *fastjson.Value) (float64, *apiError) {
	v := field(obj, "min_confidence")
	if v == nil {
		return c.pol.MinConfidence, nil
	}
	f, err := v.Float64()
	if err != nil || !(f >= 0 && f <= 1) {
		return 0, errInvalid("min_confidence must be a number from 0 to 1")
	}
	return f, nil
}

// minConfQuery reads the optional min_confidence query parameter.
func (c *call) minConfQuery(raw []byte) (float64, *apiError) {
	if len(raw) == 0 {
		return c.pol.MinConfidence, nil
	}
	f, err := strconv.ParseFloat(b2s(raw), 64)
	if err != nil || !(f >= 0 && f <= 1) {
		return 0, errInvalid("min_confidence must be a number from 0 to 1")
	}
	return f, nil
}

// defaultFilter is the filter of a request that names no entity types:
// every type, at the minimum confidence minConf.
func defaultFilter(minConf float64) engine.Filter {
	return engine.Filter{}.WithMinConfidence(minConf)
}
