package uk

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// VehicleRegistration finds registration marks of Great Britain in the
// DVLA's dated formats (DVLA, "INF104: Vehicle registration numbers and
// number plates"; validate.UKVehicleRegistration): the current format, a
// memory tag, an age identifier and three letters ("AB51 ABC", since
// 2001); the prefix format ("A123 BCD", 1983-2001); and the suffix format
// ("ABC 123D", 1963-1983), with the space or without. The letters each
// position may take are checked, but a mark has no check character, so a
// context word is required.
var VehicleRegistration = &detect.Detector{
	Name: "uk_vehicle_registration",
	Types: []detect.Type{{
		Name: "uk_vehicle_registration", Family: detect.Vehicle, Confidence: 0.85, NeedsContext: true,
		Confirm: "DVLA current, prefix or suffix format with valid memory tag, age identifier and letters; needs a context word",
	}},
	Source: "DVLA, INF104: Vehicle registration numbers and number plates",
	Context: []detect.Word{
		{Text: "registration", Conf: 0.8}, {Text: "registration number", Conf: 0.85}, {Text: "reg", Conf: 0.75},
		{Text: "reg no", Conf: 0.8}, {Text: "vrm", Conf: 0.85}, {Text: "number plate", Conf: 0.85},
		{Text: "numberplate", Conf: 0.85}, {Text: "licence plate", Conf: 0.8}, {Text: "license plate", Conf: 0.8},
		{Text: "vehicle", Conf: 0.7},
	},
	Tokens: &detect.OnToken{MinLen: 2, MaxLen: 7, MinLead: 1, MaxLead: 2, Find: findMark},
	Digits: &detect.OnDigits{Lead: "123456789", LeadLen: 1<<1 | 1<<2 | 1<<3, LeadNext: detect.Capitals, LeadPrev: " ", OnLead: findSuffixMark},
	Examples: []detect.Example{
		{Text: "vehicle registration BD51 SMR", Span: "BD51 SMR", Valid: true},
		{Text: "reg no: A123 BCD", Span: "A123 BCD", Valid: true},
		{Text: "number plate ABC 123D", Span: "ABC 123D", Valid: true},
		{Text: "VRM LB07SEO", Span: "LB07SEO", Valid: true},
		{Text: "vehicle registration IB51 SMR"}, // I is no region letter
		{Text: "vehicle registration BD50 SMR"}, // 50 is no age identifier
		{Text: "vehicle registration BD51 SQR"}, // Q is never used
		{Text: "invoice BD51 SMR"},              // no context word
	},
}

// findMark handles a token of one or two capitals and digits: a current
// or prefix mark, compact or followed by a space and its three letters.
func findMark(s *detect.Scan, ts, te int) {
	t := s.T
	var buf [7]byte
	n := te - ts
	if !detect.All(t[ts:te], detect.Upper|detect.Digit) {
		return
	}
	switch {
	case n <= 4 && te+4 <= len(t) && t[te] == ' ' && detect.IsUpper(t[te+1]) && detect.IsUpper(t[te+2]) &&
		detect.IsUpper(t[te+3]) && detect.FreeRight(t, te+4):
		copy(buf[:n], t[ts:te])
		copy(buf[n:], t[te+1:te+4])
		mark(s, ts, te+4, buf[:n+3])
	case n >= 5:
		mark(s, ts, te, t[ts:te])
	}
}

// findSuffixMark handles a digit run followed by a capital: the number of
// a suffix mark "ABC 123D", whose letters stand before it.
func findSuffixMark(s *detect.Scan, i, j int) {
	t := s.T
	if j-i > 3 || !detect.IsUpper(t[j]) || !detect.FreeRight(t, j+1) {
		return
	}
	b := i - 4
	if b < 0 || t[i-1] != ' ' || !detect.IsUpper(t[b]) || !detect.IsUpper(t[b+1]) || !detect.IsUpper(t[b+2]) || !detect.FreeLeft(t, b) {
		return
	}
	var buf [7]byte
	copy(buf[:3], t[b:b+3])
	copy(buf[3:], t[i:j+1])
	mark(s, b, j+1, buf[:3+j+1-i])
}

// mark reports t[b:e], whose letters and digits are v, when it is a valid
// mark and a context word names it.
func mark(s *detect.Scan, b, e int, v []byte) {
	if !validate.UKVehicleRegistration(v) {
		return
	}
	if c := s.Context(b); c > 0 {
		s.Add(0, b, e, c, true)
	}
}
