package transform

import (
	"fmt"
	"strings"
)

// Mode names a transform applied to a finding's value.
type Mode string

// The supported modes. See the package documentation for the exact output
// of each.
const (
	Mask      Mode = "mask"
	Redact    Mode = "redact"
	Tokenize  Mode = "tokenize"
	Hash      Mode = "hash"
	Anonymize Mode = "anonymize"
)

// modeOrder lists every mode in sorted (string) order; modeBit indexes it.
var modeOrder = [...]Mode{Anonymize, Hash, Mask, Redact, Tokenize}

// Modes returns every supported mode in sorted order. The slice is freshly
// allocated.
func Modes() []Mode {
	return append([]Mode(nil), modeOrder[:]...)
}

// ParseMode returns the mode named s. Surrounding white space and ASCII case
// are ignored; an unknown name is an error naming the accepted ones. The
// result is always one of the package's constants and never shares memory
// with s, so s may be a zero-copy view of a buffer that is reused later.
func ParseMode(s string) (Mode, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	for _, m := range modeOrder {
		if string(m) == name {
			return m, nil
		}
	}
	return "", fmt.Errorf("transform: unknown mode %q (want mask, redact, tokenize, hash or anonymize)", truncate(s, 32))
}

// Valid reports whether m is one of the supported modes (exact spelling).
func (m Mode) Valid() bool {
	return m.bit() != 0
}

// needsKey reports whether m uses the HMAC key.
func (m Mode) needsKey() bool {
	return m == Tokenize || m == Hash
}

// bit returns m's bit in a mode set, or 0 for an unknown mode.
func (m Mode) bit() uint8 {
	for i, o := range modeOrder {
		if o == m {
			return 1 << i
		}
	}
	return 0
}

// modeSets holds, for every subset of modeOrder (as a bitmask), the sorted
// list of its modes. Slices are capacity-limited so that an append by a
// caller copies instead of overwriting a neighbour.
var modeSets = func() (sets [1 << len(modeOrder)][]Mode) {
	for mask := range sets {
		var list []Mode
		for i, m := range modeOrder {
			if mask&(1<<i) != 0 {
				list = append(list, m)
			}
		}
		sets[mask] = list[:len(list):len(list)]
	}
	return sets
}()

// truncate shortens s for use in an error message.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
