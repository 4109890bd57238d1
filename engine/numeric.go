package engine

import "github.com/datafog/datafog-api/engine/validate"

// Kind indexes of the built-in detectors; they equal the positions in
// BuiltinTypes (a test pins this).
const (
	kEmail = iota
	kPhone
	kSSN
	kCard
	kAPIKey
	kIP
	kDate
	kZip
	kIBAN
	kRouting
	kMAC
	kAWS
	kGitHub
	kSlack
	kStripe
	kGoogle
	kPEM
	kJWT
	kBTC
	kETH
	kNHS
	kSIN
	kNPI
	kAadhaar
)

// maxRun is the longest digit run that can hold (or start) a numeric
// candidate. Longer runs are skipped whole.
const maxRun = 24

// groups is a number written as digit groups joined by single separators:
// "4111 1111 1111 1111", "123-45-6789", "192.168.0.1", "02/29/2024".
type groups struct {
	n    int
	s, e [8]int
	sep  [8]byte // sep[k] joins group k and k+1
}

// parse reads the groups starting with the digit run t[i:j].
func (g *groups) parse(t []byte, i, j int) {
	g.n = 1
	g.s[0], g.e[0] = i, j
	for g.n < len(g.s) {
		e := g.e[g.n-1]
		if e+1 >= len(t) {
			break
		}
		c := t[e]
		if charClass[c]&chGroupSep == 0 || !isDigit(t[e+1]) {
			break
		}
		k := min(digitEnd(t, e+1), e+1+maxRun)
		g.sep[g.n-1] = c
		g.s[g.n], g.e[g.n] = e+1, k
		g.n++
	}
}

// len returns the length of group k.
func (g *groups) len(k int) int { return g.e[k] - g.s[k] }

// sameSep returns the separator joining groups 0..k-1 when it is the same
// throughout and one of allowed, or 0.
func (g *groups) sameSep(k int, allowed string) byte {
	c := g.sep[0]
	for x := 1; x < k-1; x++ {
		if g.sep[x] != c {
			return 0
		}
	}
	for x := 0; x < len(allowed); x++ {
		if allowed[x] == c {
			return c
		}
	}
	return 0
}

// shape reports whether the first len(lens) groups have exactly these
// lengths.
func (g *groups) shape(lens ...int) bool {
	if g.n < len(lens) {
		return false
	}
	for k, l := range lens {
		if g.len(k) != l {
			return false
		}
	}
	return true
}

// concat copies the digits of groups 0..k-1 into buf and returns them.
func (g *groups) concat(t []byte, k int, buf *[40]byte) []byte {
	d := buf[:0]
	for x := 0; x < k; x++ {
		if len(d)+g.len(x) > len(buf) {
			return nil
		}
		d = append(d, t[g.s[x]:g.e[x]]...)
	}
	return d
}

// digits handles the digit run t[i:j] (t[i-1] is not a digit): every
// numeric detector and the letter-prefixed forms that contain digits.
func (st *scanState) digits(i, j int) {
	t := st.t
	if j-i > maxRun {
		return
	}
	if i >= 2 && isAlpha(t[i-1]) {
		if isUpper(t[i-1]) && isUpper(t[i-2]) && freeLeft(t, i-2) {
			st.iban(i)
		}
		if t[i] == '1' && freeLeft(t, i-2) {
			st.bech32(i)
		}
		return
	}
	if !numLeft(t, i) {
		return
	}
	// base58's first tests, made here to save the call: an address has at
	// least 25 characters, so t[i+24] and, the run being shorter, the byte
	// after the run must be base58 characters.
	if (t[i] == '1' || t[i] == '3') && len(t)-i >= 25 && validate.LooksBase58(t[j]) && validate.LooksBase58(t[i+24]) {
		st.base58(i)
	}
	if t[i] == '0' && j == i+1 && j < len(t) && t[j] == 'x' {
		st.ethereum(i)
		return
	}
	if i > 0 && t[i-1] == '+' {
		var g groups
		g.parse(t, i, j)
		st.e164(&g, i)
		return
	}
	if i > 0 && t[i-1] == '(' {
		st.parenPhone(i, j)
	}
	if plainDecimal(t, j) {
		return
	}
	if e, ok := dottedQuad(t, i, j); ok {
		// Only IPv4 can come of a dotted quad (see dottedQuad).
		if (numRight(t, e) || portOrPrefix(t, e)) && validate.IPv4(t[i:e]) {
			st.add(kIP, i, e, i, 0.9, true)
		}
		return
	}
	st.compact(i, j)
	// A second group needs a separator and a digit right after the run.
	if j+1 < len(t) && charClass[t[j]]&chGroupSep != 0 && isDigit(t[j+1]) {
		var g groups
		g.parse(t, i, j)
		st.grouped(&g)
	}
	if j-i <= 2 {
		st.monthDate(i, j)
	}
}

// plainDecimal reports whether the digit run ending at t[j] is followed
// by '.' and one more digit run that ends the number (no separator and
// digit after it), as in "23638.69". Nothing numeric comes of such a
// number: compact needs the run to end it, and grouped has no two-group
// form with a '.' (ZIP+4 needs '-', cards a space or dash), and monthDate
// needs a space or comma after the run.
func plainDecimal(t []byte, j int) bool {
	if j+1 >= len(t) || t[j] != '.' || !isDigit(t[j+1]) {
		return false
	}
	e := digitEnd(t, j+2)
	return !(e+1 < len(t) && charClass[t[e]]&chGroupSep != 0 && isDigit(t[e+1]))
}

// dottedQuad reports whether the digit run t[i:j] starts exactly four
// groups of one to three digits joined by '.', with no fifth group after
// them (a group separator and a digit), and returns the end of the fourth.
// For such a number digits can find only an IPv4 address: compact needs
// the run to end the number; grouped's three-group forms need it to end
// after the third group, its dates and ZIP+4 a group of four or five
// digits, its phones and cards a space or dash; monthDate needs a space or
// comma after the run; base58 and "0x" stop at the '.'.
func dottedQuad(t []byte, i, j int) (int, bool) {
	if j-i > 3 {
		return 0, false
	}
	k := j
	for g := 1; g < 4; g++ {
		if k+1 >= len(t) || t[k] != '.' || !isDigit(t[k+1]) {
			return 0, false
		}
		e := digitEnd(t, k+2)
		if e-k > 4 {
			return 0, false
		}
		k = e
	}
	if k+1 < len(t) && charClass[t[k]]&chGroupSep != 0 && isDigit(t[k+1]) {
		return 0, false
	}
	return k, true
}

// compact handles a number written without separators, t[i:j].
func (st *scanState) compact(i, j int) {
	t := st.t
	if !numRight(t, j) {
		return
	}
	d := t[i:j]
	switch len(d) {
	case 5:
		st.zip(i, j)
	case 9:
		if validate.SSN(d[0:3], d[3:5], d[5:9]) && st.ctx(i)&ctxSSN != 0 {
			st.add(kSSN, i, j, i, 0.9, true)
		}
		if validate.ABARouting(d) && st.ctx(i)&ctxRouting != 0 {
			st.add(kRouting, i, j, i, 0.95, true)
		}
		if validate.CASIN(d) && st.ctx(i)&ctxSIN != 0 {
			st.add(kSIN, i, j, i, 0.95, true)
		}
	case 10:
		if validate.NANP(d) {
			st.add(kPhone, i, j, i, 0.6, true)
		}
		if validate.NHSNumber(d) && st.ctx(i)&ctxNHS != 0 {
			st.add(kNHS, i, j, i, 0.95, true)
		}
		if validate.NPI(d) && st.ctx(i)&ctxNPI != 0 {
			st.add(kNPI, i, j, i, 0.95, true)
		}
	case 11:
		if d[0] == '1' && validate.NANP(d[1:]) {
			st.add(kPhone, i, j, i, 0.6, true)
		}
	case 12:
		if validate.Aadhaar(d) && st.ctx(i)&ctxAadhaar != 0 {
			st.add(kAadhaar, i, j, i, 0.95, true)
		}
	}
	if len(d) >= 13 && len(d) <= 19 {
		st.card(d, i, j)
	}
}

// card adds a credit_card candidate t[s:e] with the given digits when the
// brand's IIN range and length match and the Luhn check holds.
func (st *scanState) card(d []byte, s, e int) bool {
	if _, ok := validate.CardBrand(d); ok && validate.Luhn(d) {
		st.add(kCard, s, e, s, 0.99, true)
		return true
	}
	return false
}

// zip adds a zip_code candidate t[s:e] (5 digits or ZIP+4).
func (st *scanState) zip(s, e int) {
	if string(st.t[s:s+5]) == "00000" {
		return
	}
	conf := 0.3
	if st.ctx(s)&ctxZip != 0 {
		conf = 0.9
	}
	st.add(kZip, s, e, s, conf, false)
}

// grouped handles numbers of two or more separated groups.
func (st *scanState) grouped(g *groups) {
	t := st.t
	s := g.s[0]
	var buf [40]byte
	// Three groups: SSN, NANP phone, NHS, SIN, Aadhaar, dates.
	if g.n >= 3 {
		e := g.e[2]
		right := numRight(t, e)
		if right && g.shape(3, 2, 4) && g.sameSep(3, "- ") != 0 {
			if validate.SSN(t[g.s[0]:g.e[0]], t[g.s[1]:g.e[1]], t[g.s[2]:g.e[2]]) {
				conf := 0.95
				if g.sep[0] == ' ' {
					conf = 0.85
				}
				st.add(kSSN, s, e, s, conf, true)
			}
		}
		if right && g.shape(3, 3, 4) {
			if sep := g.sameSep(3, "-. "); sep != 0 {
				d := g.concat(t, 3, &buf)
				if validate.NANP(d) {
					st.add(kPhone, s, e, s, 0.85, true)
				}
				if sep != '.' && validate.NHSNumber(d) && st.ctx(s)&ctxNHS != 0 {
					st.add(kNHS, s, e, s, 0.95, true)
				}
			}
		}
		if right && g.shape(3, 3, 3) && g.sameSep(3, "- ") != 0 {
			if d := g.concat(t, 3, &buf); validate.CASIN(d) && st.ctx(s)&ctxSIN != 0 {
				st.add(kSIN, s, e, s, 0.95, true)
			}
		}
		if right && g.shape(4, 4, 4) && g.sameSep(3, "- ") != 0 {
			if d := g.concat(t, 3, &buf); validate.Aadhaar(d) && st.ctx(s)&ctxAadhaar != 0 {
				st.add(kAadhaar, s, e, s, 0.95, true)
			}
		}
		st.numericDate(g)
	}
	if g.n >= 4 {
		e := g.e[3]
		if g.shape(1, 3, 3, 4) && t[s] == '1' && g.sameSep(4, "-. ") != 0 && numRight(t, e) {
			if d := g.concat(t, 4, &buf); validate.NANP(d[1:]) {
				st.add(kPhone, s, e, s, 0.85, true)
			}
		}
		if g.sameSep(4, ".") != 0 && (numRight(t, e) || portOrPrefix(t, e)) && validate.IPv4(t[s:e]) {
			st.add(kIP, s, e, s, 0.9, true)
		}
	}
	if g.n >= 2 && g.shape(5, 4) && g.sep[0] == '-' && numRight(t, g.e[1]) {
		st.zip(s, g.e[1])
	}
	// Every card form needs a space or dash between the first two groups
	// (groupedCard's sameSep tests it first).
	if g.sep[0] == ' ' || g.sep[0] == '-' {
		st.groupedCard(g)
	}
}

// portOrPrefix reports whether t[e:] continues an IPv4 address with a port
// (":8080") or a CIDR prefix length ("/24").
func portOrPrefix(t []byte, e int) bool {
	return e+1 < len(t) && (t[e] == ':' || t[e] == '/') && isDigit(t[e+1])
}

// groupedCard tries card numbers written in groups: groups of four with a
// shorter last group (13-19 digits), or Amex 4-6-5 and Diners 4-6-4, with
// one separator (space or dash) throughout. The longest valid form wins.
func (st *scanState) groupedCard(g *groups) {
	t := st.t
	var buf [40]byte
	// Two groups hold at most 4+4 digits, too few for any card, so k
	// stops at 3.
	for k := min(g.n, 5); k >= 3; k-- {
		if g.sameSep(k, " -") == 0 || !numRight(t, g.e[k-1]) {
			continue
		}
		ok := g.shape(4, 6, 5) && k == 3 || g.shape(4, 6, 4) && k == 3
		if !ok {
			ok = true
			total := 0
			for x := 0; x < k; x++ {
				l := g.len(x)
				total += l
				if x < k-1 && l != 4 || l < 1 || l > 4 {
					ok = false
				}
			}
			ok = ok && total >= 13 && total <= 19
		}
		if ok && st.card(g.concat(t, k, &buf), g.s[0], g.e[k-1]) {
			return
		}
	}
}

// numericDate adds ISO (2024-02-29), US (02/29/2024) and EU (29.02.2024,
// 29/02/2024 when the day is above 12) dates that exist in the calendar.
func (st *scanState) numericDate(g *groups) {
	t := st.t
	l0, l1, l2 := g.len(0), g.len(1), g.len(2)
	if l1 < 1 || l1 > 2 {
		return
	}
	s, e := g.s[0], g.e[2]
	a, b, c := atoi(t[g.s[0]:g.e[0]]), atoi(t[g.s[1]:g.e[1]]), atoi(t[g.s[2]:g.e[2]])
	switch {
	case l0 == 4 && l2 >= 1 && l2 <= 2:
		if g.sameSep(3, "-/") == 0 {
			return
		}
		isoTime := e+1 < len(t) && t[e] == 'T' && isDigit(t[e+1])
		if (numRight(t, e) || isoTime) && validate.Date(a, b, c) {
			st.add(kDate, s, e, s, 0.95, true)
		}
	case l0 >= 1 && l0 <= 2 && l2 == 4:
		sep := g.sameSep(3, "/-.")
		if sep == 0 || !numRight(t, e) {
			return
		}
		var y, m, d int
		switch {
		case sep == '.' || a > 12:
			y, m, d = c, b, a // EU day-month-year
		default:
			y, m, d = c, a, b // US month/day/year
		}
		if validate.Date(y, m, d) {
			st.add(kDate, s, e, s, 0.9, true)
		}
	}
}

// atoi parses a short run of ASCII digits.
func atoi(d []byte) int {
	n := 0
	for _, c := range d {
		n = n*10 + int(c-'0')
	}
	return n
}

// monthDate adds month-name dates around the day number t[i:j]:
// "Feb 29, 2024", "February 29 2024", "Feb. 29, 2024" and "29 February 2024".
func (st *scanState) monthDate(i, j int) {
	t := st.t
	day := atoi(t[i:j])
	// Month before the day.
	if i >= 4 && t[i-1] == ' ' {
		me := i - 1
		if t[me-1] == '.' {
			me--
		}
		ms := me
		for ms > 0 && me-ms < 10 && isAlpha(t[ms-1]) {
			ms--
		}
		if m, ok := validate.ParseMonthName(t[ms:me]); ok && freeLeft(t, ms) && (me == i-1 || me-ms == 3) {
			k := j
			if k < len(t) && t[k] == ',' {
				k++
			}
			if y, e, ok := year(t, k); ok && validate.Date(y, m, day) {
				st.add(kDate, ms, e, i, 0.9, true)
			}
		}
	}
	// Month after the day.
	if j+4 < len(t) && t[j] == ' ' && isAlpha(t[j+1]) {
		ms := j + 1
		me := ms
		for me < len(t) && me-ms < 10 && isAlpha(t[me]) {
			me++
		}
		m, ok := validate.ParseMonthName(t[ms:me])
		if !ok {
			return
		}
		k := me
		if k < len(t) && t[k] == '.' && me-ms == 3 {
			k++
		}
		if k < len(t) && t[k] == ',' {
			k++
		}
		if y, e, ok := year(t, k); ok && validate.Date(y, m, day) {
			st.add(kDate, i, e, i, 0.9, true)
		}
	}
}

// year reads " YYYY" at t[k:] and returns the year and the end offset.
func year(t []byte, k int) (int, int, bool) {
	if k+5 > len(t) || t[k] != ' ' {
		return 0, 0, false
	}
	d := t[k+1 : k+5]
	for _, c := range d {
		if !isDigit(c) {
			return 0, 0, false
		}
	}
	e := k + 5
	if !numRight(t, e) {
		return 0, 0, false
	}
	return atoi(d), e, true
}

// e164 handles "+" followed by the groups g: an E.164 number of 8-15
// digits with a real country calling code. The longest valid form wins.
func (st *scanState) e164(g *groups, i int) {
	t := st.t
	if !numLeft(t, i-1) {
		return
	}
	var buf [40]byte
	for k := g.n; k >= 1; k-- {
		if k > 1 && g.sep[k-2] == '/' || !numRight(t, g.e[k-1]) {
			continue
		}
		d := g.concat(t, k, &buf)
		if len(d) >= 8 && len(d) <= 15 && validate.E164(d) {
			if d[0] == '1' && !validate.NANP(d[1:]) {
				continue
			}
			st.add(kPhone, i-1, g.e[k-1], i, 0.9, true)
			return
		}
	}
}

// parenPhone handles "(212) 555-1234" with t[i:j] the area code.
func (st *scanState) parenPhone(i, j int) {
	t := st.t
	if j-i != 3 || j >= len(t) || t[j] != ')' || !numLeft(t, i-1) {
		return
	}
	k := j + 1
	if k < len(t) && t[k] == ' ' {
		k++
	}
	if k+8 > len(t) {
		return
	}
	x := t[k : k+8]
	if !isDigit(x[0]) || !isDigit(x[1]) || !isDigit(x[2]) || !(x[3] == '-' || x[3] == '.' || x[3] == ' ') ||
		!isDigit(x[4]) || !isDigit(x[5]) || !isDigit(x[6]) || !isDigit(x[7]) {
		return
	}
	if !numRight(t, k+8) {
		return
	}
	var d [10]byte
	copy(d[:3], t[i:j])
	copy(d[3:6], x[0:3])
	copy(d[6:], x[4:8])
	if validate.NANP(d[:]) {
		st.add(kPhone, i-1, k+8, i, 0.85, true)
	}
}
