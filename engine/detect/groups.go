package detect

// MaxRun is the longest digit run that can hold (or start) a numeric
// candidate. Longer runs are skipped whole.
const MaxRun = 24

// MaxLeadTok is the largest OnDigits.LeadTok.
const MaxLeadTok = 32

// Groups is a number written as digit groups joined by single separators:
// "4111 1111 1111 1111", "123-45-6789", "192.168.0.1", "02/29/2024". The
// numeric trigger parses it once and hands it to every detector that asks
// for grouped numbers (OnDigits.Grouped).
type Groups struct {
	N    int
	S, E [8]int  // group k is t[S[k]:E[k]]
	Sep  [8]byte // Sep[k] joins group k and k+1
}

// Parse reads the groups starting with the digit run t[i:j]: each further
// group is a separator of class GroupSep and a digit run.
func (g *Groups) Parse(t []byte, i, j int) {
	g.N = 1
	g.S[0], g.E[0] = i, j
	for g.N < len(g.S) {
		e := g.E[g.N-1]
		if e+1 >= len(t) {
			break
		}
		c := t[e]
		if charClass[c]&GroupSep == 0 || !IsDigit(t[e+1]) {
			break
		}
		k := min(DigitEnd(t, e+1), e+1+MaxRun)
		g.Sep[g.N-1] = c
		g.S[g.N], g.E[g.N] = e+1, k
		g.N++
	}
}

// Len returns the length of group k.
func (g *Groups) Len(k int) int { return g.E[k] - g.S[k] }

// SameSep returns the separator joining groups 0..k-1 when it is the same
// throughout and one of allowed, or 0.
func (g *Groups) SameSep(k int, allowed string) byte {
	c := g.Sep[0]
	for x := 1; x < k-1; x++ {
		if g.Sep[x] != c {
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

// Shape reports whether the first len(lens) groups have exactly these
// lengths.
func (g *Groups) Shape(lens ...int) bool {
	if g.N < len(lens) {
		return false
	}
	for k, l := range lens {
		if g.Len(k) != l {
			return false
		}
	}
	return true
}

// Concat copies the digits of groups 0..k-1 into buf and returns them, or
// nil when they do not fit.
func (g *Groups) Concat(t []byte, k int, buf *[40]byte) []byte {
	d := buf[:0]
	for x := 0; x < k; x++ {
		if len(d)+g.Len(x) > len(buf) {
			return nil
		}
		d = append(d, t[g.S[x]:g.E[x]]...)
	}
	return d
}

// Digits returns the total number of digits in groups 0..k-1.
func (g *Groups) Digits(k int) int {
	n := 0
	for x := 0; x < k; x++ {
		n += g.Len(x)
	}
	return n
}
