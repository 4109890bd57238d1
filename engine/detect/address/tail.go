package address

// tailInfo is what follows a street: where the address ends and whether
// it has a city and a postcode.
type tailInfo struct {
	end            int
	city, postcode bool
}

// tail reads the unit, city, region, postcode and country after the
// street (or number) that ends at t[e]: components separated by ", ",
// a newline or (before a postcode or region code, and after a
// postcode) a space.
func tail(t []byte, e int) tailInfo {
	ti := tailInfo{end: e}
	afterPost, unit := false, false
	for k := 0; k < 6 && e < len(t); k++ {
		q := e
		comma := false
		if t[q] == ',' {
			comma = true
			q++
		}
		nl := false
		switch {
		case q < len(t) && t[q] == ' ':
			q++
		case q < len(t) && t[q] == '\n':
			nl = true
			q++
		case q < len(t) && t[q] == '\r' && q+1 < len(t) && t[q+1] == '\n':
			nl = true
			q += 2
		case !comma:
			return ti
		}
		if q >= len(t) {
			return ti
		}
		if pe := postcode(t, q); pe > 0 {
			e, ti.postcode, afterPost = pe, true, true
			ti.end = e
			continue
		}
		if pe := unitAt(t, q); pe > 0 && !unit && !ti.city {
			e, unit = pe, true
			ti.end = e
			continue
		}
		if q+2 <= len(t) && isUpper(t[q]) && q+1 < len(t) && isUpper(t[q+1]) && (q+2 == len(t) || !isLetter(t[q+2])) && usStates[string(t[q:q+2])] && ti.city {
			e = q + 2
			ti.end = e
			continue
		}
		if ce := city(t, q, afterPost); ce > 0 && (comma || nl || afterPost) {
			if kindOf(t, q, tokEnd(t, q))&countryWord == 0 {
				ti.city = true
			}
			e = ce
			ti.end = e
			afterPost = false
			continue
		}
		return ti
	}
	return ti
}

// unitAt reads a secondary unit ("Apt 4B", "Suite 200", "#12", "Flat 3",
// "3º B") at t[q] and returns its end, or 0.
func unitAt(t []byte, q int) int {
	if t[q] == '#' {
		e := q + 1
		for e < len(t) && e-q <= 8 && (isDigit(t[e]) || isLetter(t[e])) {
			e++
		}
		if e > q+1 {
			return e
		}
		return 0
	}
	te := tokEnd(t, q)
	if te == q || kindOf(t, q, te)&unitWord == 0 {
		return 0
	}
	if te < len(t) && t[te] == '.' {
		te++
	}
	if te+1 >= len(t) || t[te] != ' ' {
		return 0
	}
	ve := te + 1
	for ve < len(t) && ve-te <= 8 && (isDigit(t[ve]) || isUpper(t[ve]) || t[ve] == '-') {
		ve++
	}
	if ve == te+1 || !isDigit(t[te+1]) && ve-te > 3 {
		return 0
	}
	return ve
}

// city reads one to three capitalised words (a city, or a country) at
// t[q], which must then end the address: a comma, a full stop, a
// newline, the text's end, or a space before a postcode or region code
// (or any space when the city follows a postcode).
func city(t []byte, q int, afterPost bool) int {
	e := q
	for w := 0; w < 3; w++ {
		te := tokEnd(t, e)
		if te == e || !capital(t, e, te) || isDigit(t[e]) {
			break
		}
		e = te
		if e+1 < len(t) && t[e] == ' ' && capitalWord(t, e+1) && postcode(t, e+1) == 0 {
			e++
			continue
		}
		break
	}
	if e == q {
		return 0
	}
	if t[e-1] == '.' {
		e-- // the sentence's full stop, not the city's
	}
	if e >= len(t) {
		return e
	}
	switch t[e] {
	case ',', '.', '\n', '\r', ';', ')', '"', '<', '|', '\t':
		return e
	case ' ':
		if afterPost {
			return e // "75002 Paris as requested": a word after a postcode is its city
		}
		if e+1 < len(t) && (postcode(t, e+1) > 0 || e+3 <= len(t) && isUpper(t[e+1]) && isUpper(t[e+2]) && (e+3 == len(t) || !isLetter(t[e+3]))) {
			return e
		}
	}
	return 0
}

// capitalWord reports whether a capitalised word that is not a region
// code starts at t[i].
func capitalWord(t []byte, i int) bool {
	te := tokEnd(t, i)
	return te-i >= 2 && capital(t, i, te) && !isDigit(t[i]) && !(te-i == 2 && isUpper(t[i+1]))
}
