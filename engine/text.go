package engine

import (
	"encoding/binary"
	"math/bits"

	"github.com/datafog/datafog-api/engine/validate"
)

// Detectors anchored on punctuation: email ('@'), IPv6 and MAC addresses
// (':' and '-'), api_key assignments ('=' and ':').

// isLocal reports whether c may appear in an email local part. The set is
// the common practical one, narrower than RFC 5322, so that "user=bob@x.io"
// yields "bob@x.io".
func isLocal(c byte) bool { return charClass[c]&chLocal != 0 }

// email handles '@' at t[p]: a local part of at most 64 bytes, a domain of
// at least two labels (each 1-63 letters, digits or inner hyphens, 253 bytes
// at most) whose last label is an IANA top-level domain.
func (st *scanState) email(p int) {
	t := st.t
	s := p
	for lim := max(0, p-64); s > lim && isLocal(t[s-1]); {
		s--
	}
	if s > 0 && isLocal(t[s-1]) {
		return // local part too long
	}
	for s < p && t[s] == '.' {
		s++
	}
	if s == p || t[p-1] == '.' {
		return
	}
	e := p + 1
	lastDot := -1
	lim := min(len(t), p+255) // the walk stops at e-p == 255
	for {
		ls := e
		for e < lim && charClass[t[e]]&chLabel != 0 {
			e++
		}
		if e == ls || e-ls > 63 || t[ls] == '-' || t[e-1] == '-' {
			return
		}
		if e+1 < len(t) && t[e] == '.' && isAlnum(t[e+1]) {
			lastDot = e
			e++
			continue
		}
		break
	}
	if lastDot < 0 || e-p-1 > 253 || !freeRight(t, e) {
		return
	}
	if st.tldCache.tld(t[lastDot+1 : e]) {
		st.add(kEmail, s, e, p, 0.95, true)
	}
}

// tldCache remembers validate.TLD's verdicts for labels of one to eight
// bytes, direct-mapped by the label's bytes. It is exact: an entry holds
// the whole label (its bytes as one little-endian word, zero-padded, which
// with the length identifies it) and the verdict depends on nothing else.
type tldCache [tldCacheSize]tldCacheEntry

// tldCacheSize is the number of entries (a power of two).
const tldCacheSize = 64

// tldCacheEntry is one label and its verdict: 0 empty, 1 not a TLD, 2 a
// TLD.
type tldCacheEntry struct {
	w       uint64
	n       uint8
	verdict uint8
}

// tld reports validate.TLD(label), using and filling the cache.
func (c *tldCache) tld(label []byte) bool {
	n := len(label)
	if n == 0 || n > 8 {
		return validate.TLD(label)
	}
	var w uint64
	for k, b := range label {
		w |= uint64(b) << (8 * uint(k))
	}
	h := (w * 0x9e3779b97f4a7c15) >> 58 & (tldCacheSize - 1)
	en := &c[h]
	if en.verdict != 0 && en.w == w && int(en.n) == n {
		return en.verdict == 2
	}
	ok := validate.TLD(label)
	en.w, en.n, en.verdict = w, uint8(n), 1 // #nosec G115 -- n <= 8
	if ok {
		en.verdict = 2
	}
	return ok
}

// colon handles ':' at t[p] for IPv6 and colon-separated MAC addresses.
func (st *scanState) colon(p int) {
	t := st.t
	// A MAC address needs a hex digit before the colon. An IPv6 address
	// without a hex digit or colon before this colon either starts with
	// it (and must then start with "::") or has a '.' right before a colon
	// (never valid: an embedded IPv4 address comes last). So without one
	// before, only "::" can start anything; JSON's `"key":123` stops here.
	before := p > 0 && (isHex(t[p-1]) || t[p-1] == ':')
	if !before && !(p+1 < len(t) && t[p+1] == ':') {
		return
	}
	st.mac(p, ':')
	st.ipv6(p)
}

// mac handles an EUI-48 address whose first separator is t[p]:
// "00:1a:2b:3c:4d:5e" or "00-1A-2B-3C-4D-5E".
func (st *scanState) mac(p int, sep byte) {
	t := st.t
	s := p - 2
	e := s + 17
	if s < 0 || e > len(t) || !freeLeft(t, s) || s > 0 && (t[s-1] == ':' || t[s-1] == '-' || t[s-1] == '.') {
		return
	}
	for k := 0; k < 17; k++ {
		c := t[s+k]
		if k%3 == 2 {
			if c != sep {
				return
			}
		} else if !isHex(c) {
			return
		}
	}
	if !freeRight(t, e) || e+1 < len(t) && (t[e] == ':' || t[e] == '-' || t[e] == '.') && isHex(t[e+1]) {
		return
	}
	st.add(kMAC, s, e, p, 0.9, true)
}

// isIPv6Byte reports whether c may appear in an IPv6 address.
func isIPv6Byte(c byte) bool { return charClass[c]&chIPv6 != 0 }

// ipv6 handles a run of hex digits, colons and dots whose first colon is
// t[p]. Only forms with "::" or all eight groups are tried, so clock times
// ("10:30:00") are dismissed without parsing.
func (st *scanState) ipv6(p int) {
	t := st.t
	s := p
	for s > 0 && p-s <= 4 && isIPv6Byte(t[s-1]) {
		if t[s-1] == ':' {
			return // not the first colon of the run
		}
		s--
	}
	if s > 0 && isIPv6Byte(t[s-1]) || !freeLeft(t, s) {
		return
	}
	e := p
	colons := 0
	for e < len(t) && e-s <= 45 && isIPv6Byte(t[e]) {
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
	if e-s > 45 || !freeRight(t, e) || e < len(t) && t[e] == '.' && e+1 < len(t) && isHex(t[e+1]) {
		return
	}
	colons, double, group := 0, false, 0
	for k := s; k < e; k++ {
		switch c := t[k]; {
		case c == ':':
			colons++
			if k > s && t[k-1] == ':' {
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
	if validate.IPv6(t[s:e]) {
		st.add(kIP, s, e, p, 0.95, true)
	}
}

// Assignment limits for api_key.
const (
	maxKeyName  = 64
	maxKeyValue = 256
	minKeyValue = 12 // assignment tests the first 12 value bytes at once
	// entropyFloor is the least Shannon entropy, in bits per byte, of an
	// api_key value.
	entropyFloor = 3.0
)

// assignment handles '=' or ':' at t[p]: key = value, key: value and JSON
// "key": "value" pairs whose key name holds a secret-like word. The value is
// reported when it is 12-256 bytes long and its entropy reaches
// entropyFloor.
func (st *scanState) assignment(p int) {
	if !st.e.enabled[kAPIKey] {
		return
	}
	t := st.t
	// A JSON key `"name":` has its verdict cached, and it is the cheaper
	// test then; otherwise the value is tested first.
	known := p >= 16 && t[p-1] == '"'
	if known && !st.keyCache.quotedKey(t, p) {
		return
	}
	v := p + 1
	for v < len(t) && v-p < 8 && t[v] == ' ' {
		v++
	}
	var quote byte
	if v < len(t) && (t[v] == '"' || t[v] == '\'') {
		quote = t[v]
		v++
	}
	// The value needs at least minKeyValue value bytes: test all twelve
	// at once, without a branch per byte.
	if len(t)-v < minKeyValue {
		return
	}
	const _ = uint(minKeyValue-12) + uint(12-minKeyValue) // the test below reads exactly 12
	w := t[v : v+minKeyValue]
	if charClass[w[0]]&charClass[w[1]]&charClass[w[2]]&charClass[w[3]]&charClass[w[4]]&charClass[w[5]]&
		charClass[w[6]]&charClass[w[7]]&charClass[w[8]]&charClass[w[9]]&charClass[w[10]]&charClass[w[11]]&chValue == 0 {
		return
	}
	if !known {
		if ok, _ := secretKeyBefore(t, p); !ok {
			return
		}
	}
	ve := v + minKeyValue
	for ve < len(t) && ve-v <= maxKeyValue && isValueByte(t[ve]) {
		ve++
	}
	if n := ve - v; n > maxKeyValue {
		return
	}
	if quote != 0 && (ve >= len(t) || t[ve] != quote) {
		return
	}
	if isOwnToken(t[v:ve]) {
		return
	}
	if validate.Entropy(t[v:ve]) >= entropyFloor {
		st.add(kAPIKey, v, ve, p, 0.8, false)
	}
}

// isOwnToken reports whether v is a token written by the tokenize transform
// ("tok_" and 16 lowercase hex digits). It stands in for a value that was
// already replaced, so reporting it as a secret again would be a false
// positive on our own output.
func isOwnToken(v []byte) bool {
	if len(v) != 20 || string(v[:4]) != "tok_" {
		return false
	}
	for _, c := range v[4:] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// keyCache remembers secretKeyBefore's verdicts for quoted key names.
// Logs repeat a few key names on every line, so the verdict for
// `"request_id":` is worked out once and then found by the bytes from the
// opening quote to the ':'.
//
// The cache is exact, not a heuristic: for a ':' or '=' right after a
// quote, secretKeyBefore reads only the bytes from the previous quote on
// (that quote stops its walk), and an entry holds all of them (at most
// sixteen); a lookup hits only when they are all equal. A miss (a longer
// key, a collision) falls back to the walk. Entries never go stale: the
// verdict depends on those bytes only, not on the engine or the scan.
type keyCache [keyCacheSize]keyCacheEntry

// keyCacheSize is the number of direct-mapped entries (a power of two).
const keyCacheSize = 256

// keyCacheEntry holds the sixteen bytes before a ':' or '=' as two
// little-endian words, with the bytes before the opening quote zeroed, and
// the verdict: 0 empty, 1 not secret, 2 secret.
type keyCacheEntry struct {
	w0, w1  uint64
	verdict uint8
}

// quotedKey reports whether the key name before the '=' or ':' at t[p] is
// secret-like (secretKeyBefore), using and filling the cache. It needs
// p >= 16 and t[p-1] == '"'.
func (c *keyCache) quotedKey(t []byte, p int) bool {
	const ones, lows, highs = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	w0 := binary.LittleEndian.Uint64(t[p-16:])
	w1 := binary.LittleEndian.Uint64(t[p-8:])
	// High bit of each byte equal to '"' (exact: no carries between
	// bytes); the closing quote t[p-1] (top byte of w1) is left out.
	x0, x1 := w0^'"'*ones, w1^'"'*ones
	q0 := ^((x0&lows + lows) | x0) & highs
	q1 := ^((x1&lows + lows) | x1) & highs &^ (0xff << 56)
	switch {
	case q1 != 0:
		w1 &= ^uint64(0) << ((63 - bits.LeadingZeros64(q1)) &^ 7) // keep the quote and after
		w0 = 0
	case q0 != 0:
		w0 &= ^uint64(0) << ((63 - bits.LeadingZeros64(q0)) &^ 7)
	default:
		ok, _ := secretKeyBefore(t, p)
		return ok
	}
	h := ((w0 + w1) * 0x9e3779b97f4a7c15) >> 56 & (keyCacheSize - 1)
	en := &c[h]
	if en.verdict != 0 && en.w0 == w0 && en.w1 == w1 {
		return en.verdict == 2
	}
	ok, _ := secretKeyBefore(t, p)
	en.w0, en.w1, en.verdict = w0, w1, 1
	if ok {
		en.verdict = 2
	}
	return ok
}

// secretKeyBefore reports whether the key name before the '=' or ':' at
// t[p] is secret-like: up to 8 spaces and one quote may separate them, and
// the name is 3..maxKeyName word bytes, '-' or '.', starting with a letter
// or '_'. It also returns the start k of the name. The walk reads
// t[k-1:p] and nothing else; when k > 0 and p-k <= maxKeyName, t[k-1] is
// the byte that stopped it.
func secretKeyBefore(t []byte, p int) (bool, int) {
	k := p
	for k > 0 && p-k < 8 && t[k-1] == ' ' {
		k--
	}
	if k > 0 && (t[k-1] == '"' || t[k-1] == '\'') {
		k--
	}
	ke := k
	for k > 0 && ke-k <= maxKeyName && charClass[t[k-1]]&chKeyName != 0 {
		k--
	}
	return ke-k >= 3 && ke-k <= maxKeyName && (isAlpha(t[k]) || t[k] == '_') && secretKeyName(t[k:ke]), k
}

// isValueByte reports whether c may appear in an assignment's value: any
// printable byte but space, quotes and the delimiters that end a value in
// URLs, JSON and shell ("&", ",", ";", brackets).
func isValueByte(c byte) bool { return charClass[c]&chValue != 0 }
