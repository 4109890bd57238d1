package oldengine

import (
	"bytes"

	"github.com/datafog/datafog-api/engine/validate"
)

// Detectors for tokens and keys with a literal prefix. Each fires on a rare
// byte of its prefix ('-', '_', 'A', 'J') and checks the rest in place.

// dash handles '-' at t[p]: PEM private keys, Slack tokens and
// dash-separated MAC addresses.
func (st *scanState) dash(p int) {
	t := st.t
	if p+1 >= len(t) || t[p+1] == '-' {
		if p == 0 || t[p-1] != '-' {
			st.pem(p)
		}
		return
	}
	if p >= 4 && t[p-4] == 'x' && t[p-3] == 'o' && t[p-2] == 'x' {
		switch t[p-1] {
		case 'b', 'p', 'a', 'r', 's':
			st.slack(p)
		}
		return
	}
	if p >= 2 && isHex(t[p-1]) && isHex(t[p-2]) {
		st.mac(p, '-')
	}
}

// slack handles "xoxb-" (and p/a/r/s) with t[p] the dash: the token is
// letters, digits and dashes, 10-255 bytes after the prefix, with at least
// one more dash.
func (st *scanState) slack(p int) {
	t := st.t
	s := p - 4
	if !freeLeft(t, s) {
		return
	}
	e := p + 1
	dashes := 0
	for e < len(t) && e-p <= 256 && (isAlnum(t[e]) || t[e] == '-') {
		if t[e] == '-' {
			dashes++
		}
		e++
	}
	for e > p+1 && t[e-1] == '-' {
		e--
		dashes--
	}
	n := e - p - 1
	if n < 10 || n > 255 || dashes < 1 || !freeRight(t, e) || e < len(t) && t[e] == '-' {
		return
	}
	st.add(kSlack, s, e, p, 0.97, true)
}

// pem handles "-----BEGIN <label>PRIVATE KEY-----" at t[p]. The block runs
// to the matching "-----END <label>PRIVATE KEY-----"; the first "-----"
// after the BEGIN line must start that END line. A block longer than
// pemMax bytes is not reported. When t ends before the block is decided,
// p is recorded as pending (used only by the streaming Scanner).
func (st *scanState) pem(p int) {
	t := st.t
	const begin = "-----BEGIN "
	if !hasPrefix(t, p, begin) {
		if len(t)-p < len(begin) && begin[:len(t)-p] == string(t[p:]) {
			st.pending(p)
		}
		return
	}
	hs := p + len(begin)
	limit := min(len(t), hs+64)
	he := bytes.Index(t[hs:limit], []byte("-----"))
	if he < 0 {
		if limit == len(t) && len(t)-hs < 64 {
			st.pending(p)
		}
		return
	}
	header := t[hs : hs+he]
	if !bytes.HasSuffix(header, []byte("PRIVATE KEY")) || len(header) > len("PRIVATE KEY") && header[len(header)-12] != ' ' {
		return
	}
	body := hs + he + 5
	end := min(len(t), p+pemMax)
	r := bytes.Index(t[body:end], []byte("-----"))
	if r < 0 {
		if end == len(t) && len(t) < p+pemMax {
			st.pending(p)
		}
		return
	}
	r += body
	need := r + len("-----END ") + len(header) + 5
	if need > end {
		if need <= p+pemMax && end == len(t) {
			st.pending(p)
		}
		return
	}
	if !hasPrefix(t, r, "-----END ") || !bytes.Equal(t[r+9:r+9+len(header)], header) || !hasPrefix(t, need-5, "-----") {
		return
	}
	st.add(kPEM, p, need, p, 1.0, true)
}

// pending records an undecided PEM block at t[p].
func (st *scanState) pending(p int) {
	if st.pemPending < 0 || p < st.pemPending {
		st.pemPending = p
	}
}

// underscore handles '_' at t[p]: GitHub tokens (ghp_, gho_, ghu_, ghs_,
// ghr_, github_pat_) and Stripe keys (sk_live_, rk_live_, sk_test_,
// rk_test_).
func (st *scanState) underscore(p int) {
	t := st.t
	if p < 2 {
		return
	}
	switch {
	case p >= 3 && t[p-3] == 'g' && t[p-2] == 'h':
		switch t[p-1] {
		case 'p', 'o', 'u', 's', 'r':
			s := p - 3
			e := p + 37
			if !freeLeft(t, s) || e > len(t) || !freeRight(t, e) {
				return
			}
			for _, c := range t[p+1 : e] {
				if !isAlnum(c) {
					return
				}
			}
			st.add(kGitHub, s, e, p, 0.99, true)
		}
	case p >= 6 && t[p-1] == 'b' && hasPrefix(t, p-6, "github_pat_"):
		s := p - 6
		if !freeLeft(t, s) {
			return
		}
		b := p + 5
		e := b
		for e < len(t) && e-b <= 255 && isWord(t[e]) {
			e++
		}
		if n := e - b; n < 22 || n > 255 {
			return
		}
		st.add(kGitHub, s, e, p, 0.99, true)
	case t[p-1] == 'k' && (t[p-2] == 's' || t[p-2] == 'r'):
		s := p - 2
		if !freeLeft(t, s) || !(hasPrefix(t, p+1, "live_") || hasPrefix(t, p+1, "test_")) {
			return
		}
		b := p + 6
		e := b
		for e < len(t) && e-b <= 247 && isAlnum(t[e]) {
			e++
		}
		if n := e - b; n < 16 || n > 247 || !freeRight(t, e) {
			return
		}
		st.add(kStripe, s, e, p, 0.99, true)
	}
}

// awsPrefixes are the second to fourth letters of AWS access key IDs.
var awsPrefixes = [...]string{"KIA", "SIA", "GPA", "IDA", "ROA", "NPA", "NVA", "IPA"}

// upperA handles 'A' at t[p]: AWS access key IDs (AKIA... + 16 base32
// characters) and Google API keys (AIza + 35 characters).
func (st *scanState) upperA(p int) {
	t := st.t
	// Every prefix has an upper-case second letter; "After" and "An" stop
	// here.
	if p+20 > len(t) || !isUpper(t[p+1]) || !freeLeft(t, p) {
		return
	}
	if hasPrefix(t, p+1, "Iza") {
		e := p + 39
		if e > len(t) || e < len(t) && isB64URL(t[e]) {
			return
		}
		for _, c := range t[p+4 : e] {
			if !isB64URL(c) {
				return
			}
		}
		st.add(kGoogle, p, e, p, 0.99, true)
		return
	}
	pre := string(t[p+1 : p+4])
	for _, a := range awsPrefixes {
		if pre != a {
			continue
		}
		e := p + 20
		if !freeRight(t, e) {
			return
		}
		for _, c := range t[p+4 : e] {
			if !(isUpper(c) || c >= '2' && c <= '7') {
				return
			}
		}
		st.add(kAWS, p, e, p, 0.99, true)
		return
	}
}

// jwt handles the 'J' of "eyJ" at t[p]: three base64url segments joined by
// dots (the last may be empty, as with "alg":"none"), at most maxJWT bytes,
// whose first segment decodes to a JSON object with "alg".
func (st *scanState) jwt(p int) {
	t := st.t
	s := p - 2
	if s < 0 || t[s] != 'e' || t[s+1] != 'y' || s > 0 && (isB64URL(t[s-1]) || t[s-1] == '.') {
		return
	}
	var dots [2]int
	nd := 0
	e := s
	for e < len(t) && e-s <= maxJWT {
		c := t[e]
		if c == '.' {
			if nd == 2 {
				break
			}
			dots[nd] = e
			nd++
		} else if !isB64URL(c) {
			break
		}
		e++
	}
	if nd != 2 || e-s > maxJWT || dots[1]-dots[0] < 2 || e < len(t) && (isB64URL(t[e]) || t[e] == '.') {
		return
	}
	if validate.JWTHeader(t[s:dots[0]]) {
		st.add(kJWT, s, e, p, 0.99, true)
	}
}
