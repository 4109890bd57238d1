package network

import "github.com/datafog/datafog-api/engine/detect"

// MAC finds EUI-48 MAC addresses written as six pairs of hex digits
// joined by ':' or '-' (IEEE 802-2014 §8.1, "00-1A-2B-3C-4D-5E"), or as
// three groups of four joined by '.' (Cisco's notation, "0012.3456.789A").
// A Cisco-notation address is found from its first group when that group
// and the next one start with digits ("0012.3456.…"): a '.' trigger would
// make every full stop of every text a stop of the scan.
// The broadcast address FF:FF:FF:FF:FF:FF and the all-zero address are
// not a device's address and are not reported.
var MAC = &detect.Detector{
	Name: "mac_address",
	Types: []detect.Type{{
		Name: "mac_address", Family: detect.Network, Confidence: 0.9,
		Confirm: "EUI-48 with ':' or '-', or Cisco's dotted groups of four; not broadcast or all-zero",
	}},
	Source: "IEEE Std 802-2014 §8.1 (EUI-48 textual forms)",
	Bytes: []detect.OnByte{
		{Byte: ':', Before: detect.Hex, BeforeRun: 2, Edge: macEdge, After: detect.Hex, Both: true, Find: macColon},
		{Byte: '-', Before: detect.Hex, BeforeRun: 2, Edge: macEdge, After: detect.Hex, Both: true, Find: macDash},
	},
	Digits: &detect.OnDigits{GroupFirst: 1 << 4, GroupSecond: 1 << 4, OnGrouped: macCiscoGrouped},
	Examples: []detect.Example{
		{Text: "mac 00:1A:2B:3C:4D:5E", Span: "00:1A:2B:3C:4D:5E", Valid: true},
		{Text: "mac 00-1a-2b-3c-4d-5e.", Span: "00-1a-2b-3c-4d-5e", Valid: true},
		{Text: "switch port 0012.3456.789A up", Span: "0012.3456.789A", Valid: true},
		{Text: "mac 00:1A:2B:3C:4D"},
		{Text: "bcast FF:FF:FF:FF:FF:FF"},
		{Text: "zero 00-00-00-00-00-00"},
		{Text: "cisco ffff.ffff.ffff"},
		{Text: "version 1234.5678.9abc.def0"},
		{Text: "mac 00:1A:2B-3C:4D:5E"},
	},
}

// macEdge is what may not stand right before an address: a word byte
// (the pairs would be the tail of a longer token) or another separator
// (they would be the tail of a longer address or number, as "37-0120" of
// "453-37-0120" is). The engine checks it before calling (OnByte.Edge).
const macEdge = detect.KeyName | detect.Colon

func macColon(s *detect.Scan, p int) { mac(s, p, ':') }
func macDash(s *detect.Scan, p int)  { mac(s, p, '-') }

// mac handles an address whose first separator is t[p].
func mac(s *detect.Scan, p int, sep byte) {
	t := s.T
	b := p - 2
	e := b + 17
	if b < 0 || e > len(t) || b > 0 && detect.Is(t[b-1], macEdge) {
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
	if uniform(t[b:e]) {
		return
	}
	s.Add(0, b, e, 0.9, true)
}

// macCiscoGrouped handles a number whose first group is four digits
// followed by '.', the start of "hhhh.hhhh.hhhh".
func macCiscoGrouped(s *detect.Scan, g *detect.Groups) {
	if g.Sep[0] == '.' {
		macCisco(s, g.E[0])
	}
}

// macCisco handles "hhhh.hhhh.hhhh" whose first dot is t[p].
func macCisco(s *detect.Scan, p int) {
	t := s.T
	b := p - 4
	e := b + 14
	if b < 0 || e > len(t) || !detect.FreeLeft(t, b) || b > 0 && (t[b-1] == '.' || t[b-1] == ':' || t[b-1] == '-') {
		return
	}
	for k := 0; k < 14; k++ {
		c := t[b+k]
		if k == 4 || k == 9 {
			if c != '.' {
				return
			}
		} else if !detect.IsHex(c) {
			return
		}
	}
	if !detect.FreeRight(t, e) || e+1 < len(t) && (t[e] == '.' || t[e] == ':' || t[e] == '-') && detect.IsHex(t[e+1]) {
		return
	}
	if uniform(t[b:e]) {
		return
	}
	s.Add(0, b, e, 0.9, true)
}

// uniform reports whether the hex digits of an address are all 0 or all
// F (either case): the all-zero and broadcast addresses.
func uniform(a []byte) bool {
	zero, ones := true, true
	for _, c := range a {
		if detect.IsHex(c) {
			zero = zero && c == '0'
			ones = ones && c|0x20 == 'f'
		}
	}
	return zero || ones
}
