package world

import "github.com/datafog/datafog-api/engine/detect"

// NGVehicleRegistration finds Nigerian vehicle registration plates of
// the 2011 series (Federal Road Safety Corps, National Vehicle
// Registration scheme): the three-letter code of the local government
// area, a dash, three digits and two letters ("LSR-123AB"; the dash may
// be a space or absent). There is no check character, so a context word
// is required.
var NGVehicleRegistration = &detect.Detector{
	Name: "ng_vehicle_registration",
	Types: []detect.Type{{
		Name: "ng_vehicle_registration", Family: detect.Vehicle, Confidence: 0.8, NeedsContext: true,
		Confirm: "3 letters (LGA code), 3 digits, 2 letters; needs a context word",
	}},
	Source: "Federal Road Safety Corps (Nigeria), vehicle number plate format of 2011",
	Context: []detect.Word{
		{Text: "plate number", Conf: 0.8}, {Text: "number plate", Conf: 0.8}, {Text: "vehicle registration", Conf: 0.8},
		{Text: "license plate", Conf: 0.8}, {Text: "FRSC", Conf: 0.8}, {Text: "plate", Conf: 0.55},
	},
	Tokens: &detect.OnToken{MinLen: 8, MaxLen: 8, MinLead: 3, MaxLead: 3, Find: ngPlateToken},
	Digits: &detect.OnDigits{Lead: "0123456789", LeadLen: 1 << 3, LeadNext: detect.Capitals, OnLead: ngPlateRun},
	Examples: []detect.Example{
		{Text: "plate number LSR-123AB", Span: "LSR-123AB", Valid: true},
		{Text: "FRSC: ABJ 456KT.", Span: "ABJ 456KT", Valid: true},
		{Text: "number plate KJA123XY", Span: "KJA123XY", Valid: true},
		{Text: "plate number LSR-12AB"},
		{Text: "plate number LSR-123A"},
		{Text: "part LSR-123AB"},
	},
}

// ngPlateAt reports the plate t[p:e] when a context word stands before
// it.
func ngPlateAt(s *detect.Scan, p, e int) {
	if c := s.Context(p); c > 0 {
		s.Add(0, p, e, c, true)
	}
}

// ngPlateToken handles "KJA123XY" written as one token.
func ngPlateToken(s *detect.Scan, ts, te int) {
	t := s.T
	if detect.All(t[ts+3:ts+6], detect.Digit) && detect.IsUpper(t[ts+6]) && detect.IsUpper(t[ts+7]) {
		ngPlateAt(s, ts, te)
	}
}

// ngPlateRun handles a digit run glued to a letter: the three digits of
// "LSR-123AB" or "LSR 123AB".
func ngPlateRun(s *detect.Scan, i, j int) {
	t := s.T
	if j-i != 3 || i < 4 || t[i-1] != '-' && t[i-1] != ' ' || j+2 > len(t) ||
		!detect.IsUpper(t[j]) || !detect.IsUpper(t[j+1]) || !detect.FreeRight(t, j+2) {
		return
	}
	p := i - 4
	if detect.IsUpper(t[p]) && detect.IsUpper(t[p+1]) && detect.IsUpper(t[p+2]) && detect.FreeLeft(t, p) {
		ngPlateAt(s, p, j+2)
	}
}
