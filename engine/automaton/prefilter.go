package automaton

import (
	"bytes"
	"strings"
)

// A prefilter lets the search skip input that cannot start a match.
//
// For every pattern it picks one "rare" byte at some offset below
// maxPrefilterOffset (the byte with the lowest estimated frequency in
// English prose, both cases when folding). Every occurrence of the pattern
// starting at p contains a byte of the set at p+off, off <= maxOff. So when
// the search is in the root state at position i (no partial match is in
// progress) and the first set byte at or after i is at r, no occurrence
// starts in [i, r-maxOff): the search may resume from the root at
// max(i, r-maxOff). If there is no set byte, r is taken as the end of the
// chunk, which keeps occurrences that begin in the last maxOff bytes and
// finish in a later chunk. The skip never removes a match; it is used only
// when the estimated frequency of the set is low enough to pay off.
type prefilter struct {
	kind   uint8 // preNone, preBytes or preTable
	nbytes uint8 // preBytes: number of bytes in bytes
	maxOff int32
	bytes  [maxLanes]byte
	set    [256]bool
}

const (
	preNone  = 0
	preBytes = 1 // up to maxLanes bytes, searched with bytes.IndexByte
	preTable = 2 // any set, searched with a table loop

	maxLanes           = 8
	maxPrefilterOffset = 16

	// Enable thresholds on the estimated fraction of prose bytes in the set.
	maxBytesFreq = 0.08
	maxTableFreq = 0.05
)

// freq returns an estimate of how often byte b occurs in English prose,
// as a fraction of all bytes.
func freq(b byte) float64 {
	// Letter frequencies (percent of letters) from common English corpora;
	// letters are about 80% of prose bytes.
	const letters = "etaoinshrdlcumwfgypbvkjxqz"
	pct := [...]float64{12.7, 9.1, 8.2, 7.5, 7.0, 6.7, 6.3, 6.1, 6.0, 4.3, 4.0, 2.8, 2.8, 2.4, 2.4, 2.2, 2.0, 2.0, 1.9, 1.5, 1.0, 0.8, 0.15, 0.15, 0.1, 0.07}
	switch {
	case 'a' <= b && b <= 'z':
		return 0.78 * pct[strings.IndexByte(letters, b)] / 100
	case 'A' <= b && b <= 'Z':
		return 0.02 * pct[strings.IndexByte(letters, b+('a'-'A'))] / 100
	case b == ' ':
		return 0.16
	case b == '.' || b == ',' || b == '\n':
		return 0.01
	case '0' <= b && b <= '9':
		return 0.002
	case b == '\'' || b == '"' || b == '-' || b == '(' || b == ')' || b == ':' || b == ';':
		return 0.001
	case b < 0x80:
		return 0.0002
	}
	return 0.0005 // non-ASCII (UTF-8 continuation bytes etc.)
}

// buildPrefilter chooses the rare-byte set for patterns.
func buildPrefilter(patterns []string, fold bool) prefilter {
	var pf prefilter
	if len(patterns) == 0 {
		return pf
	}
	for _, p := range patterns {
		best, bestF := 0, 2.0
		for off := 0; off < len(p) && off < maxPrefilterOffset; off++ {
			f := freq(p[off])
			if fold {
				f = freq(lower(p[off])) + freq(upper(p[off]))
			}
			if f < bestF {
				best, bestF = off, f
			}
		}
		b := p[best]
		if fold {
			pf.set[lower(b)] = true
			pf.set[upper(b)] = true
		} else {
			pf.set[b] = true
		}
		pf.maxOff = max(pf.maxOff, int32(best))
	}
	total, count := 0.0, 0
	for b := 0; b < 256; b++ {
		if pf.set[b] {
			total += freq(byte(b))
			count++
		}
	}
	switch {
	case count <= maxLanes && total <= maxBytesFreq:
		pf.kind = preBytes
		for b := 0; b < 256; b++ {
			if pf.set[b] {
				pf.bytes[pf.nbytes] = byte(b)
				pf.nbytes++
			}
		}
	case total <= maxTableFreq:
		pf.kind = preTable
	default:
		pf = prefilter{}
	}
	return pf
}

// upper maps an ASCII lower-case letter to upper case.
func upper(b byte) byte {
	if 'a' <= b && b <= 'z' {
		return b - ('a' - 'A')
	}
	return b
}

// preCache remembers, for one chunk, where the prefilter last found set
// bytes so repeated calls do not rescan the same input.
type preCache struct {
	hit   int           // index of the first set byte at or after the last query, or len(hay)
	lanes [maxLanes]int // preBytes: next index of each byte, or len(hay)
}

func (c *preCache) reset() {
	c.hit = -1
	for i := range c.lanes {
		c.lanes[i] = -1
	}
}

// skip returns the position, at or after i, from which the root-state search
// must resume in hay.
func (pf *prefilter) skip(c *preCache, hay []byte, i int) int {
	if c.hit < i {
		c.hit = pf.find(c, hay, i)
	}
	if j := c.hit - int(pf.maxOff); j > i {
		return j
	}
	return i
}

// find returns the index of the first set byte at or after i, or len(hay).
func (pf *prefilter) find(c *preCache, hay []byte, i int) int {
	if pf.kind == preBytes {
		r := len(hay)
		for k := 0; k < int(pf.nbytes); k++ {
			if c.lanes[k] < i {
				c.lanes[k] = len(hay)
				if j := bytes.IndexByte(hay[i:], pf.bytes[k]); j >= 0 {
					c.lanes[k] = i + j
				}
			}
			r = min(r, c.lanes[k])
		}
		return r
	}
	set := &pf.set
	for ; i+4 <= len(hay); i += 4 {
		if set[hay[i]] || set[hay[i+1]] || set[hay[i+2]] || set[hay[i+3]] {
			break
		}
	}
	for ; i < len(hay); i++ {
		if set[hay[i]] {
			return i
		}
	}
	return len(hay)
}
