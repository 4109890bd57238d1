package corpus

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// European national identifiers (engine/detect/ids/eu). Each generator
// computes its check characters itself, from the published algorithms,
// independently of package validate; Check recomputes them the same way.

// euDigits returns n random ASCII digits.
func euDigits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = euDigitChars[r.IntN(10)]
	}
	return string(b)
}

// euUpper returns n random upper-case letters.
func euUpper(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = euLetterChars[r.IntN(26)]
	}
	return string(b)
}

// euDigitChars and euLetterChars are the digits and the upper-case
// letters, indexed by value.
const (
	euDigitChars  = "0123456789"
	euLetterChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
)

// euAtoi parses a string of digits (any other byte counts as 0).
func euAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// euWeighted is the sum of the digits of s times w.
func euWeighted(s string, w ...int) int {
	sum := 0
	for i, x := range w {
		sum += int(s[i]-'0') * x
	}
	return sum
}

// euLuhnDigit returns the Luhn check digit for body.
func euLuhnDigit(body string) int {
	sum := 0
	for i := 0; i < len(body); i++ {
		d := int(body[len(body)-1-i] - '0')
		if i%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return (10 - sum%10) % 10
}

// euDate returns a random real date as day, month, year within [from, to].
func euDate(r *rand.Rand, from, to int) (int, int, int) {
	y := from + r.IntN(to-from+1)
	m := 1 + r.IntN(12)
	days := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return 1 + r.IntN(days), m, y
}

// euBreak returns v with its last character changed so that check fails.
func euBreak(r *rand.Rand, v string, check func(string) bool) string {
	alpha := "0123456789"
	if c := v[len(v)-1]; c >= 'A' && c <= 'Z' {
		alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	}
	for k := 0; k < 40; k++ {
		w := v[:len(v)-1] + string(alpha[r.IntN(len(alpha))])
		if !check(w) {
			return w
		}
	}
	return v[:len(v)-1] + "#"
}

const euDNILetters = "TRWAGMYFPDXBNJZSQVHLCKE"

func init() {
	dni := func(r *rand.Rand) string {
		n := euDigits(r, 8)
		v := n + string(euDNILetters[euAtoi(n)%23])
		switch r.IntN(6) {
		case 0:
			return n + "-" + v[8:]
		case 1:
			return n[:2] + "." + n[2:5] + "." + n[5:] + "-" + v[8:]
		case 2:
			k := string("KLM"[r.IntN(3)])
			m := euDigits(r, 7)
			return k + m + string(euDNILetters[euAtoi(m)%23])
		}
		return v
	}
	dniCheck := func(v string) bool {
		c := strings.NewReplacer(".", "", "-", "").Replace(v)
		if len(c) != 9 {
			return false
		}
		num := c[:8]
		if strings.ContainsRune("KLM", rune(c[0])) {
			num = c[1:8]
		}
		return strings.Trim(num, "0123456789") == "" && c[8] == euDNILetters[euAtoi(num)%23]
	}
	RegisterType(TypeGen{
		Type: "es_nif", Valid: dni,
		Invalid: func(r *rand.Rand) string { return euBreak(r, dni(r), dniCheck) },
		Context: []string{"DNI", "NIF", "D.N.I.", "documento nacional de identidad", "número de identificación fiscal"},
		Check:   dniCheck,
	})
	nie := func(r *rand.Rand) string {
		p := r.IntN(3)
		n := euDigits(r, 7)
		v := "XYZ"[p:p+1] + n + string(euDNILetters[euAtoi(strconv.Itoa(p)+n)%23])
		if r.IntN(4) == 0 {
			return v[:1] + "-" + n + "-" + v[8:]
		}
		return v
	}
	nieCheck := func(v string) bool {
		c := strings.ReplaceAll(v, "-", "")
		if len(c) != 9 || c[0] < 'X' || c[0] > 'Z' {
			return false
		}
		return c[8] == euDNILetters[euAtoi(strconv.Itoa(int(c[0]-'X'))+c[1:8])%23]
	}
	RegisterType(TypeGen{
		Type: "es_nie", Valid: nie,
		Invalid: func(r *rand.Rand) string { return euBreak(r, nie(r), nieCheck) },
		Context: []string{"NIE", "N.I.E.", "número de identidad de extranjero", "tarjeta de residencia"},
		Check:   nieCheck,
	})
	RegisterType(TypeGen{
		Type:         "es_passport",
		Valid:        func(r *rand.Rand) string { return euUpper(r, 3) + euDigits(r, 6) },
		Context:      []string{"pasaporte", "número de pasaporte", "passport"},
		NeedsContext: true,
	})
}

// euFmt formats n with at least w digits.
func euFmt(n, w int) string { return fmt.Sprintf("%0*d", w, n) }
