package network

import "github.com/datafog/datafog-api/engine/detect"

// MAC finds EUI-48 MAC addresses written as six pairs of hex digits
// joined by ':' or '-' (IEEE 802-2014 §8.1, "00-1A-2B-3C-4D-5E").
var MAC = &detect.Detector{
	Name: "mac_address",
	Types: []detect.Type{{
		Name: "mac_address", Family: detect.Network, Confidence: 0.9,
		Confirm: "EUI-48 with ':' or '-'",
	}},
	Source: "IEEE Std 802-2014 §8.1 (EUI-48 textual forms)",
	Bytes: []detect.OnByte{
		{Byte: ':', Before: detect.Hex, Before2: detect.Hex, Find: macColon},
		{Byte: '-', Before: detect.Hex, Before2: detect.Hex, Find: macDash},
	},
	Examples: []detect.Example{
		{Text: "mac 00:1A:2B:3C:4D:5E", Span: "00:1A:2B:3C:4D:5E", Valid: true},
		{Text: "mac 00-1a-2b-3c-4d-5e.", Span: "00-1a-2b-3c-4d-5e", Valid: true},
		{Text: "mac 00:1A:2B:3C:4D"},
		{Text: "mac 00:1A:2B-3C:4D:5E"},
	},
}

func macColon(s *detect.Scan, p int) { mac(s, p, ':') }
func macDash(s *detect.Scan, p int)  { mac(s, p, '-') }

// mac handles an address whose first separator is t[p].
func mac(s *detect.Scan, p int, sep byte) {
	t := s.T
	b := p - 2
	e := b + 17
	if b < 0 || e > len(t) || !detect.FreeLeft(t, b) || b > 0 && (t[b-1] == ':' || t[b-1] == '-' || t[b-1] == '.') {
		return
	}
	for k := 0; k < 17; k++ {
		c := t[b+k]
		if k%3 == 2 {
			if c != sep {
				return
			}
		} else if !detect.IsHex(c) {
			return
		}
	}
	if !detect.FreeRight(t, e) || e+1 < len(t) && (t[e] == ':' || t[e] == '-' || t[e] == '.') && detect.IsHex(t[e+1]) {
		return
	}
	s.Add(0, b, e, 0.9, true)
}
