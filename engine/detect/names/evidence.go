package names

// evidence is what stands right before a chain.
type evidence struct {
	title, strongTitle bool // "Dr. ", "Mr ", "Frau "
	cue                bool // "Dear ", "From: ", "Signed by ", "Regards,\n"
	preposition        bool // "in ", "on ", "since ": a month after it is a month
	place              bool // "St ", "San ", "Lake ": a place's name follows
	greeting           bool // "Dear ", "Hi "
}

// cueBits mark the words that stand before a name as evidence, even when
// a list also has them as names ("Dear", "Best", "Bay").
const cueBits = bitGreeting | bitSignoff | bitHeader | bitTitle

// prepositions before a month name.
var prepositions = map[string]bool{
	"in": true, "on": true, "since": true, "until": true, "till": true, "by": true, "of": true, "from": true,
	"during": true, "before": true, "after": true, "through": true, "mid": true, "early": true, "late": true,
	"next": true, "last": true, "this": true, "each": true, "every": true, "to": true, "and": true,
}

// before reads the evidence before the chain that starts at t[s].
func (tb *Table) before(t []byte, s int) evidence {
	var ev evidence
	if s < 2 {
		return ev
	}
	switch t[s-1] {
	case ' ':
		e := s - 1
		if t[e-1] == ':' { // "From: Anna Smith"
			ev.cue = tb.wordHas(t, e-1, bitHeader)
			return ev
		}
		if t[e-1] == ',' { // "Thanks, Anna"
			ev.cue = tb.wordHas(t, e-1, bitSignoff)
			return ev
		}
		dot := t[e-1] == '.'
		if dot {
			e--
		}
		ps, ok := prevWord(t, e)
		if !ok {
			return ev
		}
		info, _ := tb.lookup(t[ps:e])
		ev.place = info&bitPlacePrefix != 0 && t[ps]-'A' < 26
		ev.title = info&bitTitle != 0 && !ev.place
		ev.strongTitle = info&bitStrongTitle != 0
		if dot {
			return ev
		}
		ev.cue = info&bitGreeting != 0
		ev.greeting = ev.cue
		if e-ps == 2 && lowerASCII(t[ps]) == 'b' && lowerASCII(t[ps+1]) == 'y' && ps >= 2 && t[ps-1] == ' ' {
			ev.cue = tb.wordHas(t, ps-1, bitHeader) // "Signed by", "Authored by"
		}
		if n := e - ps; n <= 8 {
			var buf [8]byte
			for i, ch := range t[ps:e] {
				buf[i] = lowerASCII(ch)
			}
			ev.preposition = prepositions[string(buf[:n])]
		}
	case ':': // "From:Anna"
		ev.cue = tb.wordHas(t, s-1, bitHeader)
	case '\n': // "Best regards,\nAnna"
		e := s - 1
		if e > 0 && t[e-1] == '\r' {
			e--
		}
		if e > 0 && t[e-1] == ',' {
			ev.cue = tb.wordHas(t, e-1, bitSignoff)
		}
	}
	return ev
}

// wordHas reports whether the word that ends at t[e] has any of bits.
func (tb *Table) wordHas(t []byte, e int, bits uint32) bool {
	ps, ok := prevWord(t, e)
	if !ok {
		return false
	}
	info, _ := tb.lookup(t[ps:e])
	return info&bits != 0
}

// capitalWordAt reports whether " X" follows t[:e], X a capitalised word
// of two letters or more (the chain stopped before it: not a name).
func capitalWordAt(t []byte, e int) bool {
	if e+2 >= len(t) || t[e] != ' ' {
		return false
	}
	w := scanWord(t, e+1)
	return w.shape == shapeTitle || w.shape == shapeUpper
}

// weak reports whether a known name word is more likely something else
// in the first (given name) or last (surname) place of a name: a place,
// a month, an ambiguous word, or a common English word that is not a
// frequent name in that place.
func weak(k *tok, first bool) bool {
	if !k.known || k.info&(bitAmbiguous|bitPlace|bitMonth|bitNonName) != 0 {
		return true
	}
	if k.info&bitCommon == 0 {
		return false
	}
	if first {
		return !(given(k.info) >= 1 && given(k.info) <= 2)
	}
	return !(surname(k.info) >= 1 && surname(k.info) <= 3)
}

// score returns the confidence of chain c with evidence ev (0: not a
// name); it may drop leading words of c that are not part of the name.
func (tb *Table) score(t []byte, c *chain, ev evidence) float64 {
	if (c.org || ev.place) && !ev.title {
		return 0
	}
	// "CALL JOHN SMITH": a common word before a whole name is not in it.
	for c.names() >= 3 && c.toks[0].kind == kindName && (weak(&c.toks[0], true) || given(c.toks[0].info) == 0) {
		copy(c.toks[:], c.toks[1:c.n])
		c.n--
	}
	var names, known, initials int
	var f, l, second *tok
	upper := true
	for k := range c.toks[:c.n] {
		x := &c.toks[k]
		switch x.kind {
		case kindInitial:
			initials++
		case kindName:
			names++
			if x.known {
				known++
			}
			if f == nil {
				f = x
			} else if second == nil {
				second = x
			}
			l = x
			upper = upper && x.shape == shapeUpper
		}
	}
	if f.info&bitMonth != 0 && ev.preposition {
		return 0 // "in May Johnson ..."
	}
	var conf float64
	switch {
	case names >= 2 && known == names:
		wf, wl := weak(f, true), weak(l, false)
		switch {
		case wl && wf:
			conf = 0.3
		case wl && (surname(l.info) == 0 || surname(l.info) > 4 || l.info&(bitAmbiguous|bitPlace|bitMonth) != 0):
			conf = 0.45
		case given(f.info) == 0:
			if given(l.info) != 0 && !wf && !weak(l, true) {
				conf = 0.7 // "SMITH John", "Garcia Maria"
			} else {
				conf = 0.45
			}
		case wf || wl:
			conf = 0.65
		case names >= 3 || initials > 0:
			conf = 0.9
		default:
			conf = 0.85
		}
		if info, ok := tb.lookupJoin(t[f.s:f.e], ' ', t[second.s:second.e]); ok && info&bitBrand != 0 {
			conf = min(conf, 0.4)
		}
	case names == 2 && f.known && f.shape == shapeTitle && given(f.info) != 0 && !weak(f, true) && l.info == 0 && l.shape == shapeTitle:
		conf = 0.6 // a given name and a word no list has ("Priya Ramaswamy")
	case names == 2 && f.info == 0 && f.shape == shapeTitle && l.known && surname(l.info) != 0 && !weak(l, false):
		conf = 0.6 // a word no list has and a surname ("Jürgen Schmidt")
	case names >= 2:
		conf = 0.3
	case initials > 0 && l.known && surname(l.info) != 0:
		conf = 0.75
		if weak(l, false) {
			conf = 0.45
		}
	case l.known:
		conf = 0.3
		if weak(l, true) && weak(l, false) {
			conf = 0.2
		}
	}
	switch {
	case ev.title && known > 0:
		if names == 1 && initials == 0 && weak(l, false) {
			conf = max(conf, 0.75)
		} else {
			conf = max(conf, 0.9)
		}
	case ev.title && ev.strongTitle:
		conf = max(conf, 0.65)
	case ev.greeting && names == 1 && known == 0 && f.info == 0 && f.shape == shapeTitle:
		conf = max(conf, 0.55) // "Dear Jürgen," with a name no list has
	case ev.cue && known > 0 && f.known:
		if names == 1 {
			if weak(f, true) {
				conf = max(conf, 0.55)
			} else {
				conf = max(conf, 0.75)
			}
		} else {
			conf = max(conf, 0.85)
		}
	}
	if upper && !ev.title && !ev.cue {
		conf *= 0.85
	}
	if !ev.title && !ev.cue && c.n > 0 && capitalWordAt(t, c.toks[c.n-1].e) {
		conf -= 0.25 // a run of capitalised words: a heading, a title or a place
	}
	return conf
}
