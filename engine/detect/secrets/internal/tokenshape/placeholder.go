package tokenshape

import (
	"strings"

	"github.com/datafog/datafog-api/engine/detect"
)

// Placeholder reports exactly what detect.SecretPlaceholder reports (a
// documentation example or template value rather than a credential), in
// one cheap pass: a marker word is looked for only where the two bytes
// at hand, folded to lower case, start one (a bit set of those pairs),
// and the runs of equal or consecutive bytes are counted with one
// counter. On the GitHub tokens of the prose benchmark corpus it runs
// about ten times fewer instructions than SecretPlaceholder (callgrind);
// FuzzPlaceholder holds the two equal.
func Placeholder(v []byte) bool {
	n := len(v)
	for i := 0; i < n; i++ {
		c := v[i]
		if c == '<' || c == '>' {
			return true
		}
		if i+1 < n {
			k := uint16(foldByte[c])<<8 | uint16(foldByte[v[i+1]])
			if markerPairs[k>>6]&(1<<(k&63)) != 0 && markerAt(v, i) {
				return true
			}
		}
	}
	if n > 5 && detect.HasPrefixFold(v, n-4, "here") && detect.IsAlpha(v[n-5]) {
		return true
	}
	if repetitive6(v) {
		return true
	}
	return detect.FewDistinctInBody(v)
}

// placeholderMarkers are detect.SecretPlaceholder's marker words
// (detect.PlaceholderWords) of two bytes or more, lower case; its one-byte
// markers, '<' and '>', Placeholder tests directly.
var placeholderMarkers = func() (ws []string) {
	for _, w := range detect.PlaceholderWords {
		switch {
		case len(w) >= 2:
			ws = append(ws, strings.ToLower(w))
		case w != "<" && w != ">":
			panic("tokenshape: a one-byte placeholder word Placeholder does not test: " + w)
		}
	}
	return ws
}()

// foldByte maps ASCII upper-case letters to lower case and every other
// byte to itself.
var foldByte = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = byte(c + 'a' - 'A')
	}
	return t
}()

// markerPairs is the set of the first two bytes of the marker words, as
// a bit set over the 16-bit pair.
var markerPairs = func() (t [1 << 16 / 64]uint64) {
	for _, w := range placeholderMarkers {
		k := uint16(w[0])<<8 | uint16(w[1])
		t[k>>6] |= 1 << (k & 63)
	}
	return t
}()

// markerAt reports whether a marker word starts at v[i].
func markerAt(v []byte, i int) bool {
	for _, w := range placeholderMarkers {
		if detect.HasPrefixFold(v, i, w) {
			return true
		}
	}
	return false
}

// runKind[c] is 1 for an ASCII digit, 2 for an upper-case and 3 for a
// lower-case letter, 0 for any other byte: two neighbours continue an
// ascending or descending run only within one kind.
var runKind = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = 2
		t[c+'a'-'A'] = 3
	}
	return t
}()

// repetitive6 reports what detect.Repetitive(v, 6) reports: a run of six
// or more equal bytes, or of six or more consecutive ascending or
// descending digits or same-case letters. Only one such run can be
// under way at a byte (equal, up and down neighbours exclude each
// other), so one counter and the step that started it suffice;
// FuzzRepetitive holds the two equal.
func repetitive6(v []byte) bool {
	run := 1
	var step byte
	for i := 1; i < len(v); i++ {
		p, c := v[i-1], v[i]
		d := c - p
		ok := d == 0 || (d == 1 || d == 0xff) && runKind[c] != 0 && runKind[c] == runKind[p]
		switch {
		case !ok:
			run = 1
		case run > 1 && d == step:
			run++
		default:
			run = 2
		}
		step = d
		if run >= 6 {
			return true
		}
	}
	return false
}
