// Package pii holds the detectors of general personal data: email
// addresses, phone numbers, dates and US ZIP codes.
package pii

import "github.com/datafog/datafog-api/engine/detect"

// Email finds email addresses: a local part of at most 64 bytes (the
// common practical set of RFC 5322 §3.4.1's dot-atom: letters, digits and
// "._%+-", narrower than the RFC so that "user=bob@x.io" yields
// "bob@x.io"), '@', and a domain of at least two labels (each 1-63
// letters, digits or inner hyphens, 253 bytes at most; RFC 1035 §2.3.4)
// whose last label is a top-level domain on IANA's list
// (https://data.iana.org/TLD/tlds-alpha-by-domain.txt).
var Email = &detect.Detector{
	Name: "email",
	Types: []detect.Type{{
		Name: "email", Family: detect.Contact, Confidence: 0.95,
		Confirm: "local@domain syntax, with a TLD from the embedded IANA list",
	}},
	Source: "RFC 5322 §3.4.1; RFC 1035 §2.3.4; IANA root zone TLD list",
	Bytes:  []detect.OnByte{{Byte: '@', Before: detect.Local, After: detect.Label, Both: true, Find: findEmail}},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "mail bob.smith+x@example.co.uk today", Span: "bob.smith+x@example.co.uk", Valid: true},
		{Text: "user=bob@example.io", Span: "bob@example.io", Valid: true},
		{Text: "bob@example.notatld"},
		{Text: "@example.com alone"},
		{Text: "db https://admin:pa55w0rd@example.com/x"},
		{Text: "ftp://anonymous@ftp.example.com/pub"},
		{Text: "bob@localhost"},
	},
}

// userinfo reports whether the would-be local part starting at t[b] is
// the password (or user) of a URL's authority: "scheme://user:" or
// "scheme://" right before it.
func userinfo(t []byte, b int) bool {
	k := b
	if k > 0 && t[k-1] == ':' {
		k-- // "user:password@": walk back over the user
		for lim := max(0, k-64); k > lim && detect.Is(t[k-1], detect.Local); {
			k--
		}
	}
	return detect.HasPrefix(t, k-3, "://")
}

// findEmail handles '@' at t[p]. The domain is read first: most '@' that
// are not in an address ("@@", "@name", "a@b") fail there, before the
// walk back over the local part.
func findEmail(s *detect.Scan, p int) {
	t := s.T
	e := p + 1
	lastDot := -1
	lim := min(len(t), p+255) // the walk stops at e-p == 255
	for {
		ls := e
		for e < lim && detect.Is(t[e], detect.Label) {
			e++
		}
		if e == ls || e-ls > 63 || t[ls] == '-' || t[e-1] == '-' {
			return
		}
		if e+1 < len(t) && t[e] == '.' && detect.IsAlnum(t[e+1]) {
			lastDot = e
			e++
			continue
		}
		break
	}
	if lastDot < 0 || e-p-1 > 253 || !detect.FreeRight(t, e) {
		return
	}
	b := p
	for lim := max(0, p-64); b > lim && detect.Is(t[b-1], detect.Local); {
		b--
	}
	if b > 0 && detect.Is(t[b-1], detect.Local) {
		return // local part too long
	}
	for b < p && t[b] == '.' {
		b++
	}
	if b == p || t[p-1] == '.' {
		return
	}
	if userinfo(t, b) {
		return // the user and password of a URL, not a mailbox
	}
	if s.TLD(t[lastDot+1 : e]) {
		s.Add(0, b, e, 0.95, true)
	}
}
