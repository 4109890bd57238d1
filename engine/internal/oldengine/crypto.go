package oldengine

import "github.com/datafog/datafog-api/engine/validate"

// Detectors anchored on the digits of an identifier that mixes letters and
// digits: IBAN, bitcoin and ethereum addresses.

// maxIBAN is the longest IBAN in compact form.
const maxIBAN = 34

// iban handles "CCdd..." where t[i-2:i] are upper-case letters and t[i] a
// digit: compact (GB82WEST12345698765432) or in groups of four separated by
// single spaces (GB82 WEST 1234 5698 7654 32). The longest valid form wins.
func (st *scanState) iban(i int) {
	t := st.t
	s := i - 2
	if i+1 >= len(t) || !isDigit(t[i+1]) {
		return
	}
	// Compact.
	e := s
	for e < len(t) && e-s <= maxIBAN && (isUpper(t[e]) || isDigit(t[e])) {
		e++
	}
	if e-s >= 15 && e-s <= maxIBAN && freeRight(t, e) {
		if validate.IBAN(t[s:e]) {
			st.add(kIBAN, s, e, i, 0.99, true)
		}
		return
	}
	if e-s != 4 || e >= len(t) || t[e] != ' ' {
		return
	}
	// Groups of four.
	var buf [maxIBAN + 4]byte
	var ends [10]int
	d := append(buf[:0], t[s:e]...)
	ng := 0
	for e < len(t) && t[e] == ' ' && ng < len(ends) {
		k := e + 1
		for k < len(t) && k-e <= 4 && (isUpper(t[k]) || isDigit(t[k])) {
			k++
		}
		l := k - e - 1
		if l == 0 || l > 4 || len(d)+l > maxIBAN || !freeRight(t, k) {
			break
		}
		d = append(d, t[e+1:k]...)
		e = k
		ends[ng] = len(d)
		ng++
		if l < 4 {
			break
		}
	}
	for ; ng > 0; ng-- {
		n := ends[ng-1]
		if n < 15 {
			return
		}
		if validate.IBAN(d[:n]) {
			// Locate the end in t: 4 chars, then groups of " xxxx".
			end := s + 4 + (ng-1)*5 + 1 + (n - 4 - (ng-1)*4)
			st.add(kIBAN, s, end, i, 0.99, true)
			return
		}
	}
}

// bech32 handles "bc1..."/"tb1..." where t[i] is the '1'.
func (st *scanState) bech32(i int) {
	t := st.t
	s := i - 2
	h0, h1 := t[s]|0x20, t[s+1]|0x20
	if !(h0 == 'b' && h1 == 'c' || h0 == 't' && h1 == 'b') {
		return
	}
	e := i
	for e < len(t) && e-s <= 90 && isAlnum(t[e]) {
		e++
	}
	if e-s < 14 || e-s > 90 || !freeRight(t, e) {
		return
	}
	if validate.Bech32(t[s:e]) {
		st.add(kBTC, s, e, i, 0.95, true)
	}
}

// base58 handles a legacy bitcoin address starting with '1' or '3' at t[i].
func (st *scanState) base58(i int) {
	t := st.t
	// The address has at least 25 characters: t[i+24] must be one.
	if len(t)-i < 25 || !validate.LooksBase58(t[i+24]) {
		return
	}
	e := i
	for e < len(t) && e-i <= 35 && validate.LooksBase58(t[e]) {
		e++
	}
	if e-i < 25 || e-i > 35 || !freeRight(t, e) {
		return
	}
	if validate.Base58Check(t[i:e]) {
		st.add(kBTC, i, e, i, 0.95, true)
	}
}

// ethereum handles "0x" + 40 hex digits at t[i]. Mixed case must carry a
// valid EIP-55 checksum.
func (st *scanState) ethereum(i int) {
	t := st.t
	e := i + 42
	if e > len(t) || !freeRight(t, e) {
		return
	}
	h := t[i+2 : e]
	for _, c := range h {
		if !isHex(c) {
			return
		}
	}
	if validate.EIP55(h) {
		st.add(kETH, i, e, i, 0.95, true)
	}
}
