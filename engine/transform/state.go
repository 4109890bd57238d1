package transform

import (
	"crypto/sha256"
	"hash"
	"unicode/utf8"

	"github.com/datafog/datafog-api/engine"
)

// redacted is the replacement written by the redact mode.
const redacted = "[REDACTED]"

// tokenPrefix starts every tokenize output.
const tokenPrefix = "tok_"

// tokenHexDigits is the number of hex digits of the HMAC kept in a token.
const tokenHexDigits = 16

// typeCount is one entry of a state's per-type counters.
type typeCount struct {
	typ engine.EntityType
	n   int
}

// state is the mutable part of one transform (an Apply call or a Writer
// stream): the HMAC, scratch space, anonymize labels and counters. It is
// not safe for concurrent use.
type state struct {
	mac     hash.Hash // nil when the Transformer has no key
	sum     [sha256.Size]byte
	scratch []byte

	anon anonState

	counts      []typeCount
	transformed int
	modes       uint8
}

// reset clears st for the next transform, keeping its allocations except a
// large anonymize map (see anonState.reset).
func (st *state) reset() {
	st.anon.reset()
	st.counts = st.counts[:0]
	st.transformed = 0
	st.modes = 0
}

// stats returns the counters as a Stats value.
func (st *state) stats() Stats {
	if st.transformed == 0 {
		return Stats{}
	}
	by := make(map[engine.EntityType]int, len(st.counts))
	for _, c := range st.counts {
		by[c.typ] = c.n
	}
	return Stats{Transformed: st.transformed, ByType: by, Modes: modeSets[st.modes]}
}

// count records one replaced finding of type typ in mode m.
func (st *state) count(typ engine.EntityType, m Mode) {
	st.transformed++
	st.modes |= m.bit()
	for i := range st.counts {
		if st.counts[i].typ == typ {
			st.counts[i].n++
			return
		}
	}
	st.counts = append(st.counts, typeCount{typ: typ, n: 1})
}

// replace appends the replacement of value (a finding of type typ) in mode m.
func (st *state) replace(dst []byte, typ engine.EntityType, value []byte, m Mode) []byte {
	st.count(typ, m)
	switch m {
	case Mask:
		return appendMask(dst, value, typ == engine.CreditCard)
	case Tokenize:
		st.mac.Reset()
		st.scratch = append(append(st.scratch[:0], typ...), 0)
		st.mac.Write(st.scratch)
		st.mac.Write(value)
		sum := st.mac.Sum(st.sum[:0])
		dst = append(dst, tokenPrefix...)
		return appendHex(dst, sum[:tokenHexDigits/2])
	case Hash:
		st.mac.Reset()
		st.mac.Write(value)
		return appendHex(dst, st.mac.Sum(st.sum[:0]))
	case Anonymize:
		return st.anon.appendLabel(dst, typ, value)
	default: // Redact; New admits no other mode.
		return append(dst, redacted...)
	}
}

// appendMask appends value with letters and digits replaced by '*'. When
// keepLast4 is set and value holds at least eight ASCII digits, its last
// four digits are kept.
func appendMask(dst, value []byte, keepLast4 bool) []byte {
	keepFrom := len(value)
	if keepLast4 {
		digits, total := 0, 0
		for _, c := range value {
			if '0' <= c && c <= '9' {
				total++
			}
		}
		if total >= 8 {
			for i := len(value) - 1; i >= 0; i-- {
				if c := value[i]; '0' <= c && c <= '9' {
					digits++
					if digits == 4 {
						keepFrom = i
						break
					}
				}
			}
		}
	}
	for i := 0; i < len(value); {
		c := value[i]
		if c >= utf8.RuneSelf {
			_, size := utf8.DecodeRune(value[i:])
			dst = append(dst, '*')
			i += size
			continue
		}
		if i < keepFrom && isAlnum(c) {
			c = '*'
		}
		dst = append(dst, c)
		i++
	}
	return dst
}

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// appendHex appends the lowercase hex encoding of b.
func appendHex(dst, b []byte) []byte {
	const digits = "0123456789abcdef"
	for _, c := range b {
		dst = append(dst, digits[c>>4], digits[c&15])
	}
	return dst
}
