package validate

import (
	_ "embed"
	"strings"
)

// tldsText is the IANA list of top-level domains (tlds.txt): one lowercase
// label per line, '#' starts a comment line, and the first comment line from
// IANA carries the list's version and date.
//
//go:embed tlds.txt
var tldsText string

// TLDMaxLen is the length of the longest label in the embedded TLD list
// ("xn--vermgensberater-ctb" and "xn--vermgensberatung-pwb"); a test keeps
// it in step with tlds.txt. Detectors may use it to bound a TLD scan.
const TLDMaxLen = 24

// tldList is the parsed embedded list.
type tldList struct {
	set     map[string]struct{} // every label, lowercase
	version string              // IANA's "Version …" line
	maxLen  int                 // longest label
}

var tlds = parseTLDs(tldsText)

// parseTLDs reads the tlds.txt format described at tldsText.
func parseTLDs(text string) tldList {
	l := tldList{set: make(map[string]struct{}, 1600)}
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if v, ok := strings.CutPrefix(line, "# Version "); ok {
			l.version = "Version " + v
		}
		if line == "" || line[0] == '#' {
			continue
		}
		l.set[line] = struct{}{}
		l.maxLen = max(l.maxLen, len(line))
	}
	return l
}

// TLDVersion returns the IANA version line of the embedded list, for example
// "Version 2024110800, Last Updated Fri Nov  8 07:07:01 2024 UTC".
func TLDVersion() string { return tlds.version }

// TLDCount returns the number of TLDs in the embedded list.
func TLDCount() int { return len(tlds.set) }

// IsTLDChar reports whether c may appear in a TLD label of the embedded
// list: an ASCII letter, a digit or '-' (as in IDNA "xn--" labels).
func IsTLDChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

// TLD reports whether label, compared under ASCII case folding, is a
// top-level domain in the embedded IANA list. Unicode TLDs are matched in
// their IDNA "xn--" form only. It lowers the label into a stack buffer and
// does not allocate; labels longer than TLDMaxLen are rejected up front.
func TLD(label []byte) bool {
	var buf [TLDMaxLen]byte
	if len(label) == 0 || len(label) > len(buf) {
		return false
	}
	for i, c := range label {
		buf[i] = lower(c)
	}
	_, ok := tlds.set[string(buf[:len(label)])]
	return ok
}
