package validate

import "unsafe"

// b2s returns a string that shares b's memory, without copying. The string
// is valid only while b is neither modified nor reused, so it must not be
// retained past the call it is passed to.
func b2s(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}
