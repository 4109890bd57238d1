package address

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// numberLastRef is numberLast as first written (every token read back
// before any is looked at), the reference for the lazy walk.
func numberLastRef(t []byte, i, e int) (int, int, bool) {
	if i < 3 || t[i-1] != ' ' {
		return 0, 0, false
	}
	p := i - 1
	comma := t[p-1] == ','
	if comma {
		p--
	}
	lim := max(0, i-72)
	var starts [6]int
	n := 0
	for n < len(starts) && p > lim {
		s := prevTok(t, p, lim)
		if s < 0 {
			break
		}
		starts[n] = s
		n++
		if s < 2 || t[s-1] != ' ' {
			break
		}
		p = s - 1
	}
	if n == 0 {
		return 0, 0, false
	}
	end0 := i - 1
	if comma {
		end0--
	}
	// A glued or separate suffix type right before the number.
	if !comma {
		s0 := starts[0]
		if glued(t, s0, end0) {
			return s0, e, true
		}
		if k := kindOf(t, s0, end0); k&suffixType != 0 && n > 1 && !isDigit(t[starts[1]]) && capital(t, starts[1], starts[0]-1) && isGermanDutch(t, s0, end0) {
			return starts[1], e, true
		}
	}
	// A prefix type further back, with names (and particles) between.
	names := 0
	for k := 0; k < n; k++ {
		s := starts[k]
		te := tokEnd(t, s)
		if te > end0 {
			te = end0
		}
		kind := kindOf(t, s, te)
		switch {
		case k > 0 && names > 0 && kind&prefixType != 0 && capital(t, s, te):
			return s, e, true
		case capital(t, s, te):
			names++
		case kind&particle != 0 && k > 0:
		default:
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// numberFirstRef is numberFirst as first written, without the early
// return for a number after the number.
func numberFirstRef(t []byte, i, e int) (int, int, bool) {
	if i > 0 && (isLetter(t[i-1]) || t[i-1] == '.' || t[i-1] == '-' || t[i-1] == '/' || t[i-1] == '#' || t[i-1] == '$') {
		return 0, 0, false
	}
	p := e
	if p < len(t) && t[p] == ',' {
		p++
	}
	if p+1 >= len(t) || t[p] != ' ' || countedBefore(t, i) {
		return 0, 0, false
	}
	p++
	return streetAfter(t, i, p)
}

// kindOfRef is kindOf without the wordStarts filter.
func kindOfRef(t []byte, s, e int) uint8 {
	if e > s && t[e-1] == '.' {
		e--
	}
	if e-s > 24 || e == s {
		return 0
	}
	return words[strings.ToLower(string(t[s:e]))]
}

// streetText returns text of street words, names, particles, numbers
// and punctuation in random order.
func streetText(r *rand.Rand, n int) []byte {
	var ws []string
	for w := range words {
		ws = append(ws, w, strings.ToUpper(w[:1])+w[1:])
	}
	ws = append(ws, "Haupt", "Main", "Berliner", "Kalverstraat", "Hauptstraße", "Musterstr.", "units", "page", "5th", "42nd",
		"12", "7", "1600", "221B", "12-14", "Élysées", "l'Église", "São", "NW", "", "x", "ABC")
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(ws[r.IntN(len(ws))])
		b.WriteString([]string{" ", " ", " ", ", ", ".", "\n", "-", " ", "  "}[r.IntN(9)])
		if r.IntN(3) == 0 {
			b.WriteString([]string{"12", "7", "1600", "42", "5", "99999", "3rd", "12a", "1234x", "123rd", "42nd"}[r.IntN(11)])
			b.WriteString(" ")
		}
	}
	return []byte(b.String())
}

// TestNumberLastMatchesReference holds numberLast and numberFirst to
// their references at every digit run of random street text, and kindOf
// to a plain map lookup at every token. No street word starts with a
// digit (numberFirst's early return relies on it).
func TestNumberLastMatchesReference(t *testing.T) {
	for w := range words {
		if isDigit(w[0]) {
			t.Fatalf("street word %q starts with a digit", w)
		}
	}
	r := rand.New(rand.NewPCG(4, 5))
	found := 0
	for k := 0; k < 600; k++ {
		text := streetText(r, 2000)
		for i := range text {
			if isDigit(text[i]) && (i == 0 || !isDigit(text[i-1])) {
				j := i
				for j < len(text) && isDigit(text[j]) {
					j++
				}
				e := houseEnd(text, j)
				s1, e1, ok1 := numberLast(text, i, e)
				s2, e2, ok2 := numberLastRef(text, i, e)
				if s1 != s2 || e1 != e2 || ok1 != ok2 {
					t.Fatalf("numberLast(%q) = %d, %d, %v; want %d, %d, %v", text[max(0, i-60):e], s1, e1, ok1, s2, e2, ok2)
				}
				s1, e1, ok1 = numberFirst(text, i, e)
				s2, e2, ok2 = numberFirstRef(text, i, e)
				if s1 != s2 || e1 != e2 || ok1 != ok2 {
					t.Fatalf("numberFirst(%q) = %d, %d, %v; want %d, %d, %v", text[i:min(len(text), e+60)], s1, e1, ok1, s2, e2, ok2)
				}
				if ok1 {
					found++
				}
			}
			if te := tokEnd(text, i); te > i {
				if got, want := kindOf(text, i, te), kindOfRef(text, i, te); got != want {
					t.Fatalf("kindOf(%q) = %d, want %d", text[i:te], got, want)
				}
			}
		}
	}
	if found < 600 {
		t.Fatalf("only %d streets before a number in the random text", found)
	}
}
