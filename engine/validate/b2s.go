package validate

import "unsafe"

// b2s returns a string that shares b's memory, without copying. The string
// is valid only while b is neither modified nor reused, so it must not be
// retained past the call it is passed to.
func b2s(b []byte) string {
	// #nosec G103 -- zero-copy view: the string aliases b only for the duration of one validator call, and b is not modified during it (see the doc comment).
	return unsafe.String(unsafe.SliceData(b), len(b))
}
