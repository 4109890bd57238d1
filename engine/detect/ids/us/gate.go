package us

import "github.com/datafog/datafog-api/engine/detect"

// afterLabel reports whether t[i] follows a label: past at most four
// separator bytes (space, ':', '=', '.', '-', quotes, '#'), either one of
// them is '#' or the word before them ends with one of the lower-case
// suffixes (in any ASCII case). It is a cheap test that runs before
// Scan.Context for the shape-only forms that plain numbers take (a
// seven-digit run is everywhere), so that only a number written right
// after a label such as "license", "no" or "account" costs a context
// look-up. ends lists the suffixes' last bytes, the first test.
func afterLabel(t []byte, i int, ends string, suffixes []string) bool {
	k := i
	for n := 0; n < 4 && k > 0; n++ {
		switch t[k-1] {
		case '#':
			return true
		case ' ', ':', '=', '.', '-', '"', '\'':
			k--
			continue
		}
		break
	}
	if k == 0 {
		return false
	}
	last := t[k-1] | 0x20
	hit := false
	for x := 0; x < len(ends); x++ {
		hit = hit || ends[x] == last
	}
	if !hit {
		return false
	}
	for _, s := range suffixes {
		if k >= len(s) && detect.HasPrefixFold(t, k-len(s), s) {
			return true
		}
	}
	return false
}
