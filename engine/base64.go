package engine

import (
	"encoding/base64"

	"github.com/datafog/datafog-api/engine/detect"
)

// Secrets inside base64. Kubernetes Secret manifests, CI variables and
// configuration files carry credentials base64-encoded, where no detector
// can see them. An assignment's value that is a base64 blob is decoded
// and the decoded text scanned, once (a blob inside a blob is not
// opened); the strongest finding inside is reported over the whole
// encoded value, with the inner finding's type and its confidence less
// encodedDiscount: a detector that recognises the encoded form itself (an
// Amazon Bedrock key is base64 of a URL that names an access key id)
// knows more than a guess at what the blob wraps.
//
// A blob qualifies when it is 24 to maxBlob characters of the standard or
// URL-safe alphabet with padding at most at the end, mixes upper- and
// lower-case letters and digits (hex ids and words do not), ends the
// value, and decodes to text (at least 90% printable ASCII).

// Limits on blobs. maxBlob keeps the encoded span within detect.Reach of
// the anchor (the value starts at most 10 bytes after it).
const (
	encodedDiscount = 0.02

	minBlob = 24
	maxBlob = detect.Reach - 16
)

// base64Value scans the value at t[v] of the assignment anchored at t[p]
// when it is a base64 blob.
func (st *scanState) base64Value(p, v int) {
	t := st.s.T
	if v+minBlob > len(t) || !detect.Is(t[v], detect.B64|detect.B64URL) {
		return
	}
	e := v
	var seen detect.Class
	for e < len(t) && e-v <= maxBlob {
		c := detect.ClassOf(t[e])
		if c&(detect.B64|detect.B64URL) == 0 {
			break
		}
		seen |= c
		e++
	}
	n := e - v
	if n < minBlob || n > maxBlob || seen&detect.Upper == 0 || seen&detect.Lower == 0 || seen&detect.Digit == 0 {
		return
	}
	for k := 0; k < 2 && e < len(t) && t[e] == '='; k++ {
		e++
	}
	if e < len(t) && detect.IsWord(t[e]) {
		return
	}
	enc := base64.RawStdEncoding
	for _, c := range t[v : v+n] {
		if c == '-' || c == '_' {
			enc = base64.RawURLEncoding
			break
		}
	}
	dec := st.s.Scratch(enc.DecodedLen(n))
	m, err := enc.Decode(dec, t[v:v+n])
	if err != nil || !mostlyText(dec[:m]) {
		return
	}
	st.scanInner(dec[:m], p, v, e)
}

// mostlyText reports whether at least 90% of b is printable ASCII or
// white space. It stops at the first byte too many: decoded random bytes
// (a key, not a wrapped text) fail within a few dozen.
func mostlyText(b []byte) bool {
	bad, limit := 0, len(b)/10
	for _, c := range b {
		bad += int(notText[c])
		if bad > limit {
			return false
		}
	}
	return true
}

// notText is 1 for the bytes mostlyText counts against a text: control
// bytes but tab, line feed and carriage return, DEL and non-ASCII bytes.
var notText = func() (t [256]uint8) {
	for c := range t {
		if c < ' ' && c != '\n' && c != '\r' && c != '\t' || c > '~' {
			t[c] = 1
		}
	}
	return t
}()

// scanInner scans the decoded bytes of the blob t[v:e] anchored at t[p]
// and reports its strongest finding over the blob.
func (st *scanState) scanInner(dec []byte, p, v, e int) {
	in := st.inner
	if in == nil {
		in = &scanState{nested: true}
		st.inner = in
	}
	in.reset(st.e, st.s.MinConf)
	in.detect(dec, 0, 0, len(dec))
	n := in.resolve()
	best := -1
	for i := 0; i < n; i++ {
		c := &in.s.Cands[i]
		if !in.keep[i] || c.Hidden {
			continue
		}
		if best < 0 || outranks(c, &in.s.Cands[best], st.e.kinds) {
			best = i
		}
	}
	in.s.T = nil
	if best < 0 {
		return
	}
	c := in.s.Cands[best]
	st.s.Cands = append(st.s.Cands, detect.Cand{
		Start: st.s.Base + int64(v), End: st.s.Base + int64(e), Anchor: st.s.Base + int64(p),
		Conf: c.Conf - encodedDiscount, Kind: c.Kind, Validated: c.Validated,
	})
}
