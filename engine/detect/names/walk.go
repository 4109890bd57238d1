package names

// chainStart walks back from the name or initial at t[a] over the name
// words, initials and particles that join it into one chain, at most
// maxBack bytes, and returns the chain's first byte.
func (tb *Table) chainStart(t []byte, a int) int {
	start := a
	for toks := 0; toks < maxTokens && a-start < maxBack && start >= 2; toks++ {
		switch t[start-1] {
		case '-': // a later part of a hyphenated name
			ps, ok := prevWord(t, start-1)
			if !ok {
				return start
			}
			start = ps
			continue
		case ' ':
		default:
			return start
		}
		e := start - 1
		dot := t[e-1] == '.'
		if dot {
			e--
		}
		ps, ok := prevWord(t, e)
		if !ok || a-ps > maxBack {
			return start
		}
		if e-ps == 1 && t[ps]-'A' < 26 {
			if end, ok := initialAt(t, ps); ok && (end == e+1 && dot || end == e && !dot && tb.nameBefore(t, ps)) {
				start = ps
				continue
			}
			return start
		}
		if dot {
			return start
		}
		w, h, hashed := scanWordHash(t, ps)
		if w.e != e {
			return start
		}
		info := tb.infoOf(t, w, h, hashed)
		switch {
		case (w.shape == shapeTitle || w.shape == shapeUpper) && isName(info) && info&cueBits == 0 && freeBefore(t, ps):
			// The first part of a hyphenated name is found by the '-' case.
			start = ps
		case w.shape == shapeTitle && info == 0 && freeBefore(t, ps) && toks == 0 && tb.strongSurnameAt(t, a):
			// A word no list has, neither a name nor an English word,
			// before a known surname: a given name the lists lack
			// ("Jürgen Schmidt"). The walk stops there.
			return ps
		case w.shape == shapeLower && info&bitParticle != 0 && ps >= 2 && t[ps-1] == ' ':
			if pw, ok := prevWord(t, ps-1); ok {
				if pw2, ph, hashed := scanWordHash(t, pw); isName(tb.infoOf(t, pw2, ph, hashed)) && t[pw]-'A' < 26 {
					start = ps
					continue
				}
			}
			return start
		default:
			return start
		}
	}
	return start
}

// strongSurnameAt reports whether the word at t[a] is a surname that is
// not more likely something else.
func (tb *Table) strongSurnameAt(t []byte, a int) bool {
	k, ok := tb.compound(t, a)
	return ok && k.known && surname(k.info) != 0 && !weak(&k, false)
}

// nameBefore reports whether a capitalised known name stands right
// before t[i] ("John F Kennedy": the initial F is a middle initial).
func (tb *Table) nameBefore(t []byte, i int) bool {
	if i < 2 || t[i-1] != ' ' {
		return false
	}
	ps, ok := prevWord(t, i-1)
	if !ok {
		return false
	}
	w, h, hashed := scanWordHash(t, ps)
	return w.e == i-1 && (w.shape == shapeTitle || w.shape == shapeUpper) && isName(tb.infoOf(t, w, h, hashed))
}

// build reads into c (empty) the chain that starts at t[i] (a name
// word, an initial, or the word after a title).
func (tb *Table) build(c *chain, t []byte, i int) {
	for c.n < maxTokens && i < len(t) {
		if end, ok := initialAt(t, i); ok && (c.n > 0 || t[end-1] == '.') {
			c.toks[c.n] = tok{s: i, e: end, kind: kindInitial}
			c.n++
			i = end
			if i < len(t) && t[i] == ' ' {
				i++
			}
			continue
		}
		k, w, ok := tb.compoundWord(t, i)
		if ok && c.n == 0 && k.info&cueBits != 0 && k.e+1 < len(t) && t[k.e] == ' ' {
			i = k.e + 1 // "Dear Anna": the greeting is evidence, not the name
			continue
		}
		if !ok {
			if w.shape != shapeLower {
				break
			}
			if info, _ := tb.wordInfo(t, w); info&bitParticle == 0 || w.e+1 >= len(t) || t[w.e] != ' ' || c.names() == 0 && !capitalAt(t, w.e+1) {
				break
			}
			c.toks[c.n] = tok{s: i, e: w.e, kind: kindParticle}
			c.n++
			i = w.e + 1
			continue
		}
		switch {
		case k.info&bitOrg != 0 && (!k.known || k.info&bitCommon != 0) && c.names() > 0:
			c.org = true
		case k.info&bitSuffix != 0 && c.names() > 0:
			k.kind = kindSuffix
			if k.e < len(t) && t[k.e] == '.' {
				k.e++
			}
			c.toks[c.n] = k
			c.n++
		case k.info&(bitNonName|bitTitle) == 0 || k.known && k.info&bitNonName == 0 && c.n > 0:
			if !freeAfter(t, k.e) {
				c.n = 0 // glued to code or a number: no name here
				return
			}
			c.toks[c.n] = k
			c.n++
			if k.e+1 < len(t) && t[k.e] == ' ' {
				i = k.e + 1
				continue
			}
		}
		break
	}
	// Drop trailing particles and initials ("Smith J." is a name and an
	// initial of something else, "van" alone ends nothing).
	for c.n > 0 && (c.toks[c.n-1].kind == kindParticle || c.toks[c.n-1].kind == kindInitial && c.names() > 0 && c.lastName() < c.n-1) {
		c.n--
	}
	if c.n > 0 && c.toks[c.n-1].kind == kindInitial {
		c.n = 0 // initials alone
	}
}

// capitalAt reports whether t[i] is an ASCII capital.
func capitalAt(t []byte, i int) bool { return i < len(t) && t[i]-'A' < 26 }

// names counts the name words of c.
func (c *chain) names() int {
	n := 0
	for _, k := range c.toks[:c.n] {
		if k.kind == kindName {
			n++
		}
	}
	return n
}

// lastName returns the index of the last name word, or -1.
func (c *chain) lastName() int {
	for i := c.n - 1; i >= 0; i-- {
		if c.toks[i].kind == kindName {
			return i
		}
	}
	return -1
}

// span returns the chain's bytes.
func (c *chain) span() (int, int) { return c.toks[0].s, c.toks[c.n-1].e }
