package financial

import "github.com/datafog/datafog-api/engine/detect"

// digitBytes is an OnDigits.Lead that takes every digit: the detectors
// whose codes may start with digits (LEI, CUSIP) take such tokens
// through OnLead rather than OnToken.DigitFirst, so that a token whose
// first digit run has a length no numeric detector takes is not
// dismissed before the token dispatch sees it.
const digitBytes = "0123456789"

// upperToken returns the end of the token that starts with the digit run
// t[i:j] when it is exactly n upper-case letters and digits long and
// free on the right (the byte after it is not a word byte), else 0. The
// byte at t[j] is a letter (OnLead's form); a lower-case one ends the
// search at once.
func upperToken(t []byte, i, j, n int) int {
	if !detect.IsUpper(t[j]) {
		return 0
	}
	te := detect.Span(t, j, i+n+1-j, detect.Upper|detect.Digit)
	if te-i != n || !detect.FreeRight(t, te) {
		return 0
	}
	return te
}
