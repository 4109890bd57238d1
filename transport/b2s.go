package transport

import "unsafe"

// b2s views b as a string without copying. The string is valid only while b
// is neither modified nor reused; callers use it for lookups and for
// appending to another buffer, never to retain.
func b2s(b []byte) string {
	// #nosec G103 -- zero-copy view: the string aliases b only while b is unmodified and is never retained (see the doc comment).
	return unsafe.String(unsafe.SliceData(b), len(b))
}
