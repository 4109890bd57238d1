// Package network holds the detectors of network addresses: IPv4, IPv6
// and MAC (EUI-48) addresses.
package network

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// ipType is the entity type of both IP detectors.
var ipType = detect.Type{
	Name: "ip_address", Family: detect.Network, Confidence: 0.9,
	Confirm: "IPv4 with octets 0-255, and IPv6 that net/netip parses",
}

// IPv4 finds dotted-decimal IPv4 addresses, four decimal octets 0-255
// (RFC 791 §3.2; the textual form of RFC 6943 §3.1.1, without leading
// zeros), optionally followed by ":port" or "/prefix".
var IPv4 = &detect.Detector{
	Name:   "ipv4",
	Types:  []detect.Type{ipType},
	Source: "RFC 791 §3.2; RFC 6943 §3.1.1",
	Digits: &detect.OnDigits{
		Dotted:     ipv4Dotted,
		GroupFirst: 1<<1 | 1<<2 | 1<<3, GroupSecond: 1<<1 | 1<<2 | 1<<3, OnGrouped: ipv4Grouped,
	},
	Examples: []detect.Example{
		{Text: "from 192.168.10.1 ok", Span: "192.168.10.1", Valid: true},
		{Text: "at 10.0.0.1:8080", Span: "10.0.0.1", Valid: true},
		{Text: "v 1.2.3.4.5"},
		{Text: "ip 256.1.1.1"},
	},
}

// ipv4Dotted handles a dotted quad t[i:e].
func ipv4Dotted(s *detect.Scan, i, e int) {
	if (detect.NumRight(s.T, e) || portOrPrefix(s.T, e)) && validate.IPv4(s.T[i:e]) {
		s.Add(0, i, e, 0.9, true)
	}
}

// ipv4Grouped handles four groups joined by '.' that are not a plain
// dotted quad (a fifth group follows, so only ":port" or "/prefix" can
// end it).
func ipv4Grouped(s *detect.Scan, g *detect.Groups) {
	if g.N < 4 {
		return
	}
	b, e := g.S[0], g.E[3]
	if g.SameSep(4, ".") != 0 && (detect.NumRight(s.T, e) || portOrPrefix(s.T, e)) && validate.IPv4(s.T[b:e]) {
		s.Add(0, b, e, 0.9, true)
	}
}

// portOrPrefix reports whether t[e:] continues an IPv4 address with a port
// (":8080") or a CIDR prefix length ("/24").
func portOrPrefix(t []byte, e int) bool {
	return e+1 < len(t) && (t[e] == ':' || t[e] == '/') && detect.IsDigit(t[e+1])
}
