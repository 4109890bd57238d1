package pii

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// maxURL is the longest URL reported; a longer one is reported up to
// this length (the practical limit browsers and servers keep).
const maxURL = 2048

// URL finds URLs (RFC 3986 §3): a scheme from urlSchemes followed by
// "://", then an authority
// ([userinfo@]host[:port]) and an optional path, query and fragment of
// RFC 3986 characters. The host must be a domain name whose last label
// is on IANA's list of top-level domains, an IPv4 address, or an IPv6
// address in brackets. Sentence punctuation after the URL (".", ",",
// ";", ":", "!", "?", quotes) and unbalanced closing brackets are not
// part of it ("(see https://example.com/a)." ends at "/a"). A URL ends
// before a query parameter that names a credential ("?access_token=…",
// "&api_key=…"), which the secret detectors report on their own.
//
// URLs without a scheme ("www.example.com") are not taken: the only
// trigger the engine offers for them is the '.' byte, and a stop at every
// full stop of every text costs some 12% of the prose scan (measured with
// callgrind). They need a trigger on a byte pair ("w.") from the engine.
//
// The confidence is 0.85: a structural match, validated, but below the secrets detectors (0.9 and
// up), so that a credential inside a URL wins the overlap. Findings never
// overlap, so a URL that holds a finding of higher confidence (an IP
// address host, a date in the path, an email address in the query) is
// reported as that finding instead.
var URL = &detect.Detector{
	Name: "url",
	Types: []detect.Type{{
		Name: "url", Family: detect.Contact, Confidence: 0.85,
		Confirm: "RFC 3986 URL with a known scheme, whose host has an IANA TLD or is an IP address",
	}},
	Source:   "RFC 3986 (URI generic syntax); IANA URI scheme registry; IANA root zone TLD list",
	Prefixes: &detect.OnPrefix{Literals: []string{"://"}, Find: findURL},
	Examples: []detect.Example{
		{Text: "see https://example.com/a?b=c#d.", Span: "https://example.com/a?b=c#d", Valid: true},
		{Text: "(docs: https://en.wikipedia.org/wiki/Foo_(bar)).", Span: "https://en.wikipedia.org/wiki/Foo_(bar)", Valid: true},
		{Text: "ftp://files.example.net:2121/pub/file.txt", Span: "ftp://files.example.net:2121/pub/file.txt", Valid: true},
		{Text: `"url":"wss://api.example.io/v1/stream?id=7"`, Span: "wss://api.example.io/v1/stream?id=7", Valid: true},
		{Text: "HTTPS://Example.COM/Path", Span: "HTTPS://Example.COM/Path", Valid: true},
		{Text: "open https://localhost:8080/x"},
		{Text: "open https://example.notatld/x"},
		{Text: "open foo://example.com/x"},
		{Text: "open https:// example.com"},
		{Text: "the www.readme file"},
	},
}

// urlSchemes are the schemes taken before "://", in lower case: the
// IANA-registered schemes of common network services.
var urlSchemes = []string{
	"http", "https", "ftp", "ftps", "sftp", "ws", "wss", "ssh", "git", "svn",
	"smb", "nfs", "ldap", "ldaps", "rtsp", "rtmp", "telnet", "irc", "ircs",
	"mms", "webcal", "feed", "s3", "gopher", "imap", "pop", "smtp", "redis",
	"mongodb", "postgres", "postgresql", "mysql", "amqp", "amqps", "mqtt", "jdbc",
}

// maxScheme is the longest scheme in urlSchemes.
const maxScheme = 10

// findURL handles "://" at t[start:end]: the scheme is the word before
// it.
func findURL(s *detect.Scan, start, end int) {
	t := s.T
	b := start
	for b > 0 && start-b <= maxScheme && (detect.IsAlnum(t[b-1]) || t[b-1] == '+' || t[b-1] == '.' || t[b-1] == '-') {
		b--
	}
	if b == start || start-b > maxScheme || !detect.IsAlpha(t[b]) || !knownScheme(t[b:start]) {
		return
	}
	urlFrom(s, b, end)
}

// knownScheme reports whether sc is in urlSchemes, in any case.
func knownScheme(sc []byte) bool {
	for _, k := range urlSchemes {
		if len(k) == len(sc) && detect.HasPrefixFold(sc, 0, k) {
			return true
		}
	}
	return false
}

// urlFrom reports the URL that starts at t[b] and whose authority starts
// at t[a], when its host is valid.
func urlFrom(s *detect.Scan, b, a int) {
	t := s.T
	lim := min(len(t), b+maxURL)
	// The authority ends at the first '/', '?', '#' or byte outside
	// RFC 3986's set.
	ae := a
	at := -1
	for ae < lim && urlByte(t[ae]) && t[ae] != '/' && t[ae] != '?' && t[ae] != '#' {
		if t[ae] == '@' {
			at = ae
		}
		ae++
	}
	h := a
	if at >= 0 {
		h = at + 1
	}
	he, ok := hostEnd(s, h, ae)
	if !ok {
		return
	}
	// An optional port.
	if he < ae && t[he] == ':' {
		p := he + 1
		for p < ae && detect.IsDigit(t[p]) {
			p++
		}
		if p-he-1 > 5 {
			return
		}
		he = p
	}
	if he != ae {
		// The authority holds more than host and port: stop after them
		// unless what follows is a path, query or fragment.
		ae = he
	}
	e := ae
	if e < lim && (t[e] == '/' || t[e] == '?' || t[e] == '#') {
		for e < lim && urlByte(t[e]) {
			if (t[e] == '?' || t[e] == '&' || t[e] == ';') && secretParam(t, e+1) {
				break
			}
			e++
		}
	}
	s.Add(0, b, max(trimURL(t, b, e), he), 0.85, true)
}

// hostEnd returns the end of the host that starts at t[h] (before ae),
// and whether it is a valid host: a bracketed IPv6 address, an IPv4
// address, or a domain name whose last label is a TLD.
func hostEnd(s *detect.Scan, h, ae int) (int, bool) {
	t := s.T
	if h >= ae {
		return h, false
	}
	if t[h] == '[' {
		k := h + 1
		for k < ae && t[k] != ']' {
			k++
		}
		if k >= ae || !validate.IPv6(t[h+1:k]) {
			return h, false
		}
		return k + 1, true
	}
	e := h
	lastDot := -1
	for {
		ls := e
		for e < ae && detect.Is(t[e], detect.Label) {
			e++
		}
		if e == ls || e-ls > 63 || t[ls] == '-' || t[e-1] == '-' {
			return h, false
		}
		if e+1 < ae && t[e] == '.' && detect.IsAlnum(t[e+1]) {
			lastDot = e
			e++
			continue
		}
		break
	}
	if e < ae && t[e] == '.' {
		// A trailing dot (the root) is kept only inside the authority.
		e++
	}
	end := e
	if t[end-1] == '.' {
		end--
	}
	if lastDot < 0 || end-h > 253 {
		return h, false
	}
	if detect.IsDigit(t[lastDot+1]) {
		return e, validate.IPv4(t[h:end])
	}
	return e, s.TLD(t[lastDot+1 : end])
}

// secretWords are the parameter-name words that mark a credential in a
// query string.
var secretWords = []string{"token", "key", "secret", "password", "passwd", "pwd", "auth", "signature", "sig", "credential"}

// secretParam reports whether the query parameter whose name starts at
// t[k] names a credential ("accessToken=", "api_key="): the URL ends
// before it, so that the secret detectors report the value on its own.
func secretParam(t []byte, k int) bool {
	e := k
	for e < len(t) && e-k < 40 && (detect.IsWord(t[e]) || t[e] == '-' || t[e] == '.') {
		e++
	}
	if e >= len(t) || t[e] != '=' || e == k {
		return false
	}
	for x := k; x < e; x++ {
		for _, w := range secretWords {
			if detect.HasPrefixFold(t[:e], x, w) {
				return true
			}
		}
	}
	return false
}

// urlByte reports whether c may appear in a URL: RFC 3986's unreserved,
// reserved and '%' characters, less the quote characters that delimit
// URLs in text (', ", `) and '<', '>' which RFC 3986 excludes.
func urlByte(c byte) bool {
	if detect.IsAlnum(c) {
		return true
	}
	switch c {
	case '-', '.', '_', '~', ':', '/', '?', '#', '[', ']', '@', '!', '$', '&', '(', ')', '*', '+', ',', ';', '=', '%':
		return true
	}
	return false
}

// trimURL drops sentence punctuation and unbalanced closing brackets
// from the end of the URL t[b:e] and returns its new end.
func trimURL(t []byte, b, e int) int {
	for e > b {
		switch t[e-1] {
		case '.', ',', ';', ':', '!', '?', '*':
			e--
			continue
		case ')':
			if count(t[b:e], '(') < count(t[b:e], ')') {
				e--
				continue
			}
		case ']':
			if count(t[b:e], '[') < count(t[b:e], ']') {
				e--
				continue
			}
		}
		break
	}
	return e
}

// count returns the number of c in v.
func count(v []byte, c byte) int {
	n := 0
	for _, x := range v {
		if x == c {
			n++
		}
	}
	return n
}
