package engine

import (
	"encoding/binary"
	"math/bits"

	"github.com/datafog/datafog-api/engine/detect"
)

// Assignments: a key name, an operator and a value. The parser finds the
// key name once, looks its words up in the word automaton, and calls the
// key detectors whose words it holds (detect.OnKey). The forms:
//
//	key = value      key: value      "key": "value"      key := value
//	key ::= value    key ?= value    key .= value        key += value
//	key => value     key = `value`   <key>value</key>    f("key", "value")
//
// Comparisons ("==", "!=", "<=", ">=") are not assignments. A value that
// is a base64 blob is also decoded and scanned (base64.go), whatever its
// key.

// maxKeyName is the longest key name, in bytes.
const maxKeyName = 64

// assignment handles a trigger byte of an assignment at t[p]: '=' or ':'
// (an operator), '>' (the end of an XML start tag) or '(' (a call's
// first argument).
func (st *scanState) assignment(p int) {
	t := st.s.T
	switch t[p] {
	case '>':
		st.xmlElement(p)
		return
	case '(':
		st.callArgs(p)
		return
	}
	op := p // where the operator starts: the key name ends before it
	switch {
	case p+1 < len(t) && t[p+1] == '=':
		return // "==", ":=" and "::=" are handled at their '='
	case t[p] == ':':
		if p+1 < len(t) && t[p+1] == ':' || p > 0 && t[p-1] == ':' {
			return // "::", a scope operator or IPv6
		}
	case p > 0:
		switch t[p-1] {
		case '=', '!', '<', '>':
			return // a comparison
		case ':':
			op = p - 1
			if op > 0 && t[op-1] == ':' {
				op--
			}
		case '?', '.', '+':
			op = p - 1
		}
	}
	v := p + 1
	if t[p] == '=' && v < len(t) && t[v] == '>' {
		v++ // "=>"
	}
	for v < len(t) && v-p < 8 && t[v] == ' ' {
		v++
	}
	var quote byte
	if v < len(t) && (t[v] == '"' || t[v] == '\'' || t[v] == '`') {
		quote = t[v]
		v++
	}
	if !st.nested {
		st.base64Value(p, v)
	}
	if !valueRun(t, v, st.e.dispatch.keys.minValue) {
		return
	}
	k, ke, ok := keyBefore(t, op)
	if !ok {
		return
	}
	st.callKeys(k, ke, p, v, quote)
}

// callKeys calls the key detectors whose words the key name t[k:ke]
// holds, for the value at t[v] (after its opening quote, if any) of the
// assignment anchored at t[p].
func (st *scanState) callKeys(k, ke, p, v int, quote byte) {
	t := st.s.T
	st.keyDets = st.e.words.KeyWords(st.keyDets[:0], &st.keyMs, t[k:ke])
	if len(st.keyDets) == 0 {
		return
	}
	st.a = detect.Assignment{KeyStart: k, KeyEnd: ke, Op: p, Value: v, Quote: quote}
	for _, idx := range st.keyDets {
		bd := &st.e.dispatch.bound[idx]
		st.s.Enter(&bd.b, p)
		bd.d.Keys.Find(&st.s, &st.a)
	}
}

// xmlElement handles '>' at t[p] closing a start tag without attributes,
// "<apiKey>": the element's text is the value, ending at '<'.
func (st *scanState) xmlElement(p int) {
	t := st.s.T
	ke := p
	k := ke
	for k > 0 && ke-k <= maxKeyName && detect.Is(t[k-1], detect.KeyName) {
		k--
	}
	if k < 1 || t[k-1] != '<' || ke-k < 3 || ke-k > maxKeyName || !(detect.IsAlpha(t[k]) || t[k] == '_') {
		return
	}
	if !valueRun(t, p+1, st.e.dispatch.keys.minValue) {
		return
	}
	st.callKeys(k, ke, p, p+1, '<')
}

// callArgs handles '(' at t[p] opening a call whose first argument is a
// quoted key name and whose second is a quoted value:
// setProperty("X_TOKEN", "…"), getenv('api_token', '…').
func (st *scanState) callArgs(p int) {
	t := st.s.T
	if p+1 >= len(t) || t[p+1] != '"' && t[p+1] != '\'' {
		return
	}
	q := t[p+1]
	k := p + 2
	ke := detect.Span(t, k, maxKeyName+1, detect.KeyName)
	if ke-k < 3 || ke-k > maxKeyName || ke >= len(t) || t[ke] != q || !(detect.IsAlpha(t[k]) || t[k] == '_') {
		return
	}
	v := ke + 1
	for v < len(t) && v-ke <= 4 && t[v] == ' ' {
		v++
	}
	if v >= len(t) || t[v] != ',' {
		return
	}
	v++
	for v < len(t) && v-ke <= 8 && t[v] == ' ' {
		v++
	}
	if v >= len(t) || t[v] != '"' && t[v] != '\'' {
		return
	}
	quote := t[v]
	v++
	if !st.nested {
		st.base64Value(p, v)
	}
	if !valueRun(t, v, st.e.dispatch.keys.minValue) {
		return
	}
	st.callKeys(k, ke, p, v, quote)
}

// valueRun reports whether t[v:] starts with at least n value bytes (class
// Value). Twelve, the common case, are tested at once without a branch
// per byte.
func valueRun(t []byte, v, n int) bool {
	if len(t)-v < n {
		return false
	}
	if n == 12 {
		w := t[v : v+12]
		return detect.ClassOf(w[0])&detect.ClassOf(w[1])&detect.ClassOf(w[2])&detect.ClassOf(w[3])&
			detect.ClassOf(w[4])&detect.ClassOf(w[5])&detect.ClassOf(w[6])&detect.ClassOf(w[7])&
			detect.ClassOf(w[8])&detect.ClassOf(w[9])&detect.ClassOf(w[10])&detect.ClassOf(w[11])&detect.Value != 0
	}
	return detect.All(t[v:v+n], detect.Value)
}

// keyBefore finds the key name before the '=' or ':' at t[p]: up to 8
// spaces and one quote may separate them, and the name is 3..maxKeyName
// word bytes, '-' or '.', starting with a letter or '_'. It returns
// t[k:ke]. The walk reads t[k-1:p] and nothing else; when k > 0 and
// ke-k <= maxKeyName, t[k-1] is the byte that stopped it.
func keyBefore(t []byte, p int) (k, ke int, ok bool) {
	k = p
	for k > 0 && p-k < 8 && t[k-1] == ' ' {
		k--
	}
	if k > 0 && (t[k-1] == '"' || t[k-1] == '\'') {
		k--
	}
	ke = k
	for k > 0 && ke-k <= maxKeyName && detect.Is(t[k-1], detect.KeyName) {
		k--
	}
	return k, ke, ke-k >= 3 && ke-k <= maxKeyName && (detect.IsAlpha(t[k]) || t[k] == '_')
}

// keyCache remembers, for quoted key names, whether any key detector
// takes the key. Logs repeat a few key names on every line, so the verdict
// for `"request_id":` is worked out once and then found by the bytes from
// the opening quote to the ':'.
//
// The cache is exact, not a heuristic: for a ':' or '=' right after a
// quote, keyBefore reads only the bytes from the previous quote on (that
// quote stops its walk), and an entry holds all of them (at most sixteen);
// a lookup hits only when they are all equal. A miss (a longer key, a
// collision) falls back to the walk. Entries never go stale within one
// engine: the verdict depends on those bytes and the engine's key words,
// and a cache lives in a scan state that belongs to one engine.
type keyCache [keyCacheSize]keyCacheEntry

// keyCacheSize is the number of direct-mapped entries (a power of two).
const keyCacheSize = 256

// keyCacheEntry holds the sixteen bytes before a ':' or '=' as two
// little-endian words, with the bytes before the opening quote zeroed, and
// the verdict: 0 empty, 1 no key detector, 2 some key detector.
type keyCacheEntry struct {
	w0, w1  uint64
	verdict uint8
}

// quotedKey reports whether some key detector takes the key name before
// the '=' or ':' at t[p], using and filling the cache. It needs p >= 16
// and t[p-1] == '"'.
func (c *keyCache) quotedKey(st *scanState, t []byte, p int) bool {
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
		return st.keyTaken(t, p)
	}
	h := ((w0 + w1) * 0x9e3779b97f4a7c15) >> 56 & (keyCacheSize - 1)
	en := &c[h]
	if en.verdict != 0 && en.w0 == w0 && en.w1 == w1 {
		return en.verdict == 2
	}
	ok := st.keyTaken(t, p)
	en.w0, en.w1, en.verdict = w0, w1, 1
	if ok {
		en.verdict = 2
	}
	return ok
}

// keyTaken reports whether some key detector takes the key name before
// t[p] (the uncached verdict).
func (st *scanState) keyTaken(t []byte, p int) bool {
	k, ke, ok := keyBefore(t, p)
	if !ok {
		return false
	}
	st.keyDets = st.e.words.KeyWords(st.keyDets[:0], &st.keyMs, t[k:ke])
	return len(st.keyDets) > 0
}

// valueStart reports whether b may follow the '=' or ':' of an assignment
// (assignment): spaces or a quote before the value, the '>' of "=>", or
// the value's first byte, which base64Value and valueRun both need to be
// a value or base64 byte.
func valueStart(b byte) bool {
	return b == ' ' || b == '"' || b == '\'' || b == '`' || b == '>' || detect.Is(b, detect.Value|detect.B64|detect.B64URL)
}
