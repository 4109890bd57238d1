package network

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// IPv6 finds IPv6 addresses in the text forms of RFC 4291 §2.2 (eight
// groups, or "::" compression, optionally ending in dotted IPv4), as
// net/netip parses them. A bare "::" (the unspecified address) is
// source-code punctuation far more often than an address ("X ::= …",
// "Foo::Bar", "f :: Int") and is not reported.
var IPv6 = &detect.Detector{
	Name:   "ipv6",
	Types:  []detect.Type{ipType},
	Source: "RFC 4291 §2.2; RFC 5952",
	Bytes:  []detect.OnByte{{Byte: ':', Before: detect.Hex | detect.Colon, After: detect.Colon, Find: findIPv6}},
	Examples: []detect.Example{
		{Text: "net 2001:db8::8a2e:370:7334 up", Span: "2001:db8::8a2e:370:7334", Valid: true},
		{Text: "lo ::1", Span: "::1", Valid: true},
		{Text: "at 10:30:00"},
		{Text: `Rule ::= "x" | y`},
		{Text: "std::vector and ::"},
		{Text: "x 1:2:3:4:5:6:7:8:9"},
	},
}

// findIPv6 handles a run of hex digits, colons and dots whose first colon
// is t[p]. Only forms with "::" or all eight groups are tried, so clock
// times ("10:30:00") are dismissed without parsing.
func findIPv6(s *detect.Scan, p int) {
	t := s.T
	b := p
	for b > 0 && p-b <= 4 && detect.Is(t[b-1], detect.IPv6Byte) {
		if t[b-1] == ':' {
			return // not the first colon of the run
		}
		b--
	}
	if b > 0 && detect.Is(t[b-1], detect.IPv6Byte) || !detect.FreeLeft(t, b) {
		return
	}
	e := p
	colons := 0
	for e < len(t) && e-b <= 45 && detect.Is(t[e], detect.IPv6Byte) {
		if t[e] == ':' {
			colons++
		}
		e++
	}
	if colons < 2 {
		return // neither "::" nor six or seven colons
	}
	for e > p && t[e-1] == '.' {
		e--
	}
	if e-b > 45 || !detect.FreeRight(t, e) || e < len(t) && t[e] == '.' && e+1 < len(t) && detect.IsHex(t[e+1]) {
		return
	}
	colons, double, group := 0, false, 0
	for k := b; k < e; k++ {
		switch c := t[k]; {
		case c == ':':
			colons++
			if k > b && t[k-1] == ':' {
				if double {
					return
				}
				double = true
			}
			group = 0
		case c == '.':
			group = 0
		default:
			group++
			if group > 4 {
				return
			}
		}
	}
	if !double && colons != 7 && colons != 6 {
		return
	}
	if e-b == 2 {
		return // a bare "::"
	}
	if validate.IPv6(t[b:e]) {
		s.Add(0, b, e, 0.95, true)
	}
}
