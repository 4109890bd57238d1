// Package address holds the street-address detector: rule-based forms of
// the street addresses of the United States, the United Kingdom, Canada,
// Germany, France, Spain, Italy and the Netherlands.
package address

import "github.com/datafog/datafog-api/engine/detect"

// StreetAddress finds street addresses by their published structure:
// a house number and a street whose name carries the country's
// street-type word, then an optional unit, city, region and postcode.
//
//   - Number first (US, Canada, UK, France): "1600 Pennsylvania Avenue NW",
//     "10 Downing Street", "24 Sussex Drive", "55 rue du Faubourg
//     Saint-Honoré" — USPS Publication 28 (Appendix B directionals, C1
//     street suffixes, C2 secondary unit designators), Royal Mail's
//     Programmers' Guide to the PAF (thoroughfare), Canada Post's
//     Addressing Guidelines, La Poste / AFNOR NF Z 10-011 (type de voie).
//   - Number last (Germany, the Netherlands, Spain, Italy):
//     "Hauptstraße 12", "Kalverstraat 92", "Calle de Alcalá 42", "Via del
//     Corso 12" — DIN 5008, PostNL's addressing rules, Correos' and Poste
//     Italiane's address formats.
//
// The anchor is the house number, so the street before it (number last)
// starts at most 72 bytes before it. A postcode alone is not an address:
// it stays a postcode (zip_code and the national postcode types).
var StreetAddress = &detect.Detector{
	Name: "street_address",
	Types: []detect.Type{{
		Name: "street_address", Family: detect.Location, Confidence: 0.85,
		Confirm: "house number and the country's street-type word (USPS suffixes, Royal Mail and Canada Post thoroughfares, Straße, rue, calle, via, straat, ...), with unit, city, region and postcode where present",
	}},
	Source: "USPS Publication 28 (Appendices B, C1, C2); Royal Mail PAF Programmers' Guide; Canada Post Addressing Guidelines; " +
		"DIN 5008; AFNOR NF Z 10-011; Correos and Poste Italiane address formats; PostNL addressing rules",
	Context: []detect.Word{
		{Text: "address", Conf: 0.95}, {Text: "ship to", Conf: 0.95}, {Text: "shipping", Conf: 0.9}, {Text: "billing", Conf: 0.9},
		{Text: "adresse", Conf: 0.95}, {Text: "anschrift", Conf: 0.95}, {Text: "dirección", Conf: 0.95}, {Text: "direccion", Conf: 0.95},
		{Text: "domicilio", Conf: 0.95}, {Text: "indirizzo", Conf: 0.95}, {Text: "adres", Conf: 0.95}, {Text: "residence", Conf: 0.9},
	},
	Digits: &detect.OnDigits{Short: 1<<1 | 1<<2 | 1<<3 | 1<<4 | 1<<5, OnShort: findNumber},
	Examples: []detect.Example{
		{Text: "Ship to 1600 Pennsylvania Avenue NW, Washington, DC 20500 today", Span: "1600 Pennsylvania Avenue NW, Washington, DC 20500", Valid: true},
		{Text: "at 10 Downing Street, London SW1A 2AA.", Span: "10 Downing Street, London SW1A 2AA", Valid: true},
		{Text: "Adresse: Hauptstraße 12, 10115 Berlin", Span: "Hauptstraße 12, 10115 Berlin", Valid: true},
		{Text: "au 12 rue de la Paix, 75002 Paris.", Span: "12 rue de la Paix, 75002 Paris", Valid: true},
		{Text: "en Calle de Alcalá 42, 28014 Madrid.", Span: "Calle de Alcalá 42, 28014 Madrid", Valid: true},
		{Text: "in Via del Corso 12, 00186 Roma", Span: "Via del Corso 12, 00186 Roma", Valid: true},
		{Text: "op Kalverstraat 92, 1012 PH Amsterdam", Span: "Kalverstraat 92, 1012 PH Amsterdam", Valid: true},
		{Text: "zip 20500 only"},
		{Text: "We shipped 12 units to the store."},
		{Text: "See page 12 Street Fighter guide."},
	},
}

// findNumber handles the digit run t[i:j], a possible house number. The
// whole part of a decimal ("0.5", "10.0.0.1") is none: the scan's decimal
// and dotted-quad shortcuts do not offer it, and the exhaustive path must
// agree (FuzzShortcuts seed 024eae6c26650b3f).
func findNumber(s *detect.Scan, i, j int) {
	t := s.T
	if j+1 < len(t) && t[j] == '.' && isDigit(t[j+1]) {
		return
	}
	e := houseEnd(t, j)
	// Cheap rejections first: a street word must stand right before the
	// number, or a word right after it.
	before := i >= 2 && t[i-1] == ' ' && (isLetter(t[i-2]) || t[i-2] >= 0x80 || t[i-2] == '.' || t[i-2] == ',')
	after := e+1 < len(t) && (t[e] == ' ' || t[e] == ',') && (isLetter(t[e+1]) || t[e+1] >= 0x80 || t[e+1] == ' ' || isDigit(t[e+1]))
	if !before && !after {
		return
	}
	start, end, ok := numberLast(t, i, e)
	if !ok {
		if start, end, ok = numberFirst(t, i, e); !ok {
			return
		}
	}
	tl := tail(t, end)
	conf := 0.7
	switch {
	case tl.city && tl.postcode:
		conf = 0.9
	case tl.city || tl.postcode:
		conf = 0.85
	}
	if conf < 0.9 {
		if c := s.Context(start); c > conf {
			conf = c
		}
	}
	s.Add(0, start, tl.end, conf, true)
}

// houseEnd returns the end of the house number that starts with the
// digits ending at t[j]: a letter ("221B", "12a") or a range ("12-14").
func houseEnd(t []byte, j int) int {
	switch {
	case j < len(t) && isLetter(t[j]) && (j+1 == len(t) || !isLetter(t[j+1]) && !isDigit(t[j+1])):
		return j + 1
	case j+1 < len(t) && t[j] == '-' && isDigit(t[j+1]):
		k := j + 1
		for k < len(t) && k-j <= 5 && isDigit(t[k]) {
			k++
		}
		if k-j <= 5 {
			return k
		}
	}
	return j
}

// numberFirst reads "<number> <street>": a prefix type and a name ("12
// rue de la Paix"), or a name and a suffix type with optional
// directionals ("1600 Pennsylvania Avenue NW"). It returns the street's
// span.
func numberFirst(t []byte, i, e int) (int, int, bool) {
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
	if isDigit(t[p]) && !mayBeOrdinal(t, p) {
		return 0, 0, false // a number after the number: no street word, name or ordinal starts the street
	}
	return streetAfter(t, i, p)
}

// streetAfter reads the street that starts at t[p] after the house
// number at t[i]: a prefix type and a name, or a name and a suffix type
// with optional directionals. It returns the span from i.
func streetAfter(t []byte, i, p int) (int, int, bool) {
	prefix, names, end := false, 0, 0
	for k := 0; k < 8 && p < len(t); k++ {
		te := tokEnd(t, p)
		if te == p {
			break
		}
		kind := kindOf(t, p, te)
		switch {
		case k == 0 && kind&prefixType != 0 && !(te-p >= 2 && te-p <= 3 && isUpper(t[p+1])) && !(kind&suffixType != 0 && capital(t, p, te) && nextCapitalSuffix(t, te)):
			prefix = true
		case !prefix && names > 0 && kind&suffixType != 0:
			end = te
			// A directional after the type: "Avenue NW".
			if te+1 < len(t) && t[te] == ' ' {
				if de := tokEnd(t, te+1); de > te+1 && kindOf(t, te+1, de)&directional != 0 && isUpper(t[te+1]) && !isLetterAt(t, de) {
					end = de
				}
			}
			return i, end, true
		case k == 0 && !prefix && kind&directional != 0 && isUpper(t[p]):
		case capital(t, p, te):
			names++
			if prefix {
				end = te
			}
		case kind&particle != 0 && (prefix || names > 0):
		default:
			k = 8
			continue
		}
		if te+1 < len(t) && t[te] == ' ' {
			p = te + 1
			continue
		}
		break
	}
	if prefix && names > 0 {
		return i, end, true
	}
	return 0, 0, false
}

// mayBeOrdinal reports whether the token at t[p], which starts with a
// digit, may be an ordinal: one to three digits and a letter.
func mayBeOrdinal(t []byte, p int) bool {
	q := p
	for q < len(t) && isDigit(t[q]) {
		q++
	}
	return q-p <= 3 && q < len(t) && isLetter(t[q])
}

// nextCapitalSuffix reports whether the token after t[e] is a suffix
// type ("10 Avenue Road": Avenue is the name).
func nextCapitalSuffix(t []byte, e int) bool {
	if e+1 >= len(t) || t[e] != ' ' {
		return false
	}
	te := tokEnd(t, e+1)
	return te > e+1 && kindOf(t, e+1, te)&suffixType != 0
}

// isLetterAt reports whether t[i] is an ASCII letter.
func isLetterAt(t []byte, i int) bool { return i < len(t) && isLetter(t[i]) }

// numberLast reads "<street> <number>": a street word glued to a type
// ("Hauptstraße 12", "Kalverstraat 92"), a name and a type word
// ("Berliner Straße 5"), or a prefix type and a name ("Calle de Alcalá
// 42", "Via Roma 10", "Calle Mayor, 5"). It returns the span from the
// street to the end of the number, e.
func numberLast(t []byte, i, e int) (int, int, bool) {
	if i < 3 || t[i-1] != ' ' {
		return 0, 0, false
	}
	p := i - 1
	comma := t[p-1] == ','
	if comma {
		p--
	}
	if !tokByte(t[p-1]) {
		return 0, 0, false // no token before the number ("(389) 672")
	}
	b := backTokens{t: t, p: p, lim: max(0, i-72)}
	if !b.has(0) {
		return 0, 0, false
	}
	end0 := i - 1
	if comma {
		end0--
	}
	if isDigit(t[b.starts[0]]) && isDigit(t[end0-1]) {
		return 0, 0, false // a number before the number ("6463 1891"): no street, glued or not, and no ordinal
	}
	// A glued or separate suffix type right before the number.
	if !comma {
		s0 := b.starts[0]
		if glued(t, s0, end0) {
			return s0, e, true
		}
		if isGermanDutch(t, s0, end0) && kindOf(t, s0, end0)&suffixType != 0 && b.has(1) && !isDigit(t[b.starts[1]]) && capital(t, b.starts[1], s0-1) {
			return b.starts[1], e, true
		}
	}
	// A prefix type further back, with names (and particles) between.
	names := 0
	for k := 0; b.has(k); k++ {
		s := b.starts[k]
		te := min(tokEnd(t, s), end0)
		switch {
		case capital(t, s, te):
			if k > 0 && names > 0 && kindOf(t, s, te)&prefixType != 0 {
				return s, e, true
			}
			names++
		case k > 0 && kindOf(t, s, te)&particle != 0:
		default:
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// backTokens walks back over the tokens before a number, at most six,
// separated by single spaces, none before lim; it reads them as the
// caller asks for them, so that a number after a lower-case word reads
// one token, not six.
type backTokens struct {
	t      []byte
	p, lim int // the walk's position (the end of the next token) and limit
	n      int
	done   bool
	starts [6]int
}

// has reports whether there is a k-th token (0 the nearest), reading
// back as far as it needs.
func (b *backTokens) has(k int) bool {
	for b.n <= k && !b.done {
		if b.n == len(b.starts) || b.p <= b.lim {
			b.done = true
			break
		}
		s := prevTok(b.t, b.p, b.lim)
		if s < 0 {
			b.done = true
			break
		}
		b.starts[b.n] = s
		b.n++
		if s < 2 || b.t[s-1] != ' ' {
			b.done = true
		}
		b.p = s - 1
	}
	return k < b.n
}

// isGermanDutch reports whether the separate type word t[s:e] is one of
// the German words that follow a name before the number ("Berliner
// Straße 5"); English suffixes do not ("High Street 5" is no English
// form).
func isGermanDutch(t []byte, s, e int) bool {
	switch string(t[s:e]) {
	case "Straße", "Strasse", "Str.", "Weg", "Allee", "Platz", "Gasse", "Ring", "Damm", "Ufer", "Chaussee", "Steig":
		return true
	}
	return false
}

// counters are words before a number that make it a count or a
// reference, not a house number ("page 12 Street Fighter").
var counters = map[string]bool{
	"page": true, "pages": true, "chapter": true, "section": true, "step": true, "version": true, "part": true,
	"vol": true, "volume": true, "no": true, "number": true, "item": true, "line": true, "room": true, "order": true,
	"ticket": true, "case": true, "issue": true, "season": true, "episode": true, "level": true, "figure": true,
	"table": true, "appendix": true, "act": true, "scene": true, "track": true, "rule": true, "article": true,
}

// countedBefore reports whether a counter word stands right before the
// number at t[i].
func countedBefore(t []byte, i int) bool {
	if i < 2 || t[i-1] != ' ' {
		return false
	}
	s := i - 1
	for s > 0 && i-1-s < 10 && isLetter(t[s-1]) {
		s--
	}
	if s == i-1 || i-1-s >= 10 {
		return false
	}
	var buf [10]byte
	for k, c := range t[s : i-1] {
		buf[k] = c | 0x20
	}
	return counters[string(buf[:i-1-s])]
}
