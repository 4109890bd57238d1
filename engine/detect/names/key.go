package names

import (
	"bytes"

	"github.com/datafog/datafog-api/engine/detect"
)

// keyWords start the key names whose values may be a person's name
// (`"first_name":`, `customerName=`, `<nachname>`, `From:`). The engine
// calls findKey when one of them starts a word of the key.
var keyWords = []string{
	"name", "firstname", "lastname", "fullname", "surname", "forename", "givenname", "familyname",
	"nombre", "apellido", "apellidos", "vorname", "nachname", "prenom", "nom", "cognome", "voornaam",
	"achternaam", "naam", "from", "sender", "author", "recipient", "patient", "customer", "contact",
	"signer", "assignee", "reporter",
}

// Key strengths.
const (
	keyNone   = iota // not a person's name ("file_name", "host_name")
	keyMedium        // a person's name or something else ("name", "from"): a known name must confirm
	keyStrong        // a person's name by definition ("first_name", "customer_name")
)

// nameParts make a key a person's name by themselves.
var nameParts = [][]byte{
	[]byte("first"), []byte("last"), []byte("full"), []byte("given"), []byte("family"), []byte("surname"),
	[]byte("fore"), []byte("middle"), []byte("maiden"), []byte("nombre"), []byte("apellido"), []byte("vorname"),
	[]byte("nachname"), []byte("prenom"), []byte("cognome"), []byte("voornaam"), []byte("achternaam"),
}

// personParts make "<part>_name" a person's name.
var personParts = [][]byte{
	[]byte("customer"), []byte("patient"), []byte("employee"), []byte("person"), []byte("holder"),
	[]byte("recipient"), []byte("sender"), []byte("client"), []byte("member"), []byte("applicant"),
	[]byte("beneficiary"), []byte("guardian"), []byte("parent"), []byte("signer"), []byte("billing"),
	[]byte("shipping"), []byte("legal"), []byte("contact"), []byte("passenger"), []byte("student"),
	[]byte("doctor"), []byte("physician"), []byte("spouse"), []byte("owner"), []byte("author"),
}

// notPerson parts make a key name a thing's name.
var notPerson = [][]byte{
	[]byte("file"), []byte("host"), []byte("service"), []byte("app"), []byte("package"), []byte("pkg"),
	[]byte("class"), []byte("table"), []byte("column"), []byte("field"), []byte("event"), []byte("metric"),
	[]byte("domain"), []byte("bucket"), []byte("queue"), []byte("topic"), []byte("cluster"), []byte("node"),
	[]byte("pod"), []byte("container"), []byte("image"), []byte("repo"), []byte("branch"), []byte("func"),
	[]byte("method"), []byte("module"), []byte("type"), []byte("key"), []byte("index"), []byte("schema"),
	[]byte("device"), []byte("product"), []byte("company"), []byte("org"), []byte("team"), []byte("group"),
	[]byte("role"), []byte("project"), []byte("env"), []byte("region"), []byte("zone"), []byte("tag"),
	[]byte("label"), []byte("attr"), []byte("param"), []byte("var"), []byte("plugin"), []byte("job"),
	[]byte("task"), []byte("test"), []byte("feature"), []byte("flag"), []byte("brand"), []byte("store"),
	[]byte("shop"), []byte("city"), []byte("country"), []byte("street"), []byte("state"), []byte("path"),
	[]byte("dir"), []byte("server"), []byte("db"), []byte("bank"), []byte("model"), []byte("version"),
	[]byte("font"), []byte("color"), []byte("theme"), []byte("icon"), []byte("view"), []byte("page"),
	[]byte("route"), []byte("action"), []byte("command"), []byte("process"), []byte("thread"),
	[]byte("channel"), []byte("room"), []byte("workspace"), []byte("nick"), []byte("screen"),
	[]byte("login"), []byte("handle"), []byte("bot"), []byte("script"), []byte("cert"), []byte("vendor"),
}

// keyStrength classifies the key name k.
func keyStrength(k []byte) int {
	if len(k) > 64 {
		return keyNone
	}
	var buf [64]byte
	for i, c := range k {
		buf[i] = lowerASCII(c)
	}
	l := buf[:len(k)]
	for _, p := range notPerson {
		if bytes.Contains(l, p) {
			return keyNone
		}
	}
	for _, p := range nameParts {
		if bytes.Contains(l, p) {
			return keyStrong
		}
	}
	if bytes.Contains(l, []byte("name")) {
		for _, p := range personParts {
			if bytes.Contains(l, p) {
				return keyStrong
			}
		}
	}
	return keyMedium
}

// findKey handles an assignment whose key may name a person: the value
// must be one to five name-shaped words (any case), after an optional
// title, and fill the value (up to its closing quote, or an email in
// angle brackets).
func findKey(s *detect.Scan, a *detect.Assignment) {
	t := s.T
	strength := keyStrength(t[a.KeyStart:a.KeyEnd])
	if strength == keyNone {
		return
	}
	tb := table()
	if tb == nil {
		return
	}
	i := a.Value
	// An optional title: "Dr. Jane Doe", "Mr John".
	if w := scanWord(t, i); w.shape != shapeNone && w.e+1 < len(t) {
		if info, _ := tb.wordInfo(t, w); info&bitTitle != 0 && !isName(info) {
			e := w.e
			if t[e] == '.' {
				e++
			}
			if e < len(t) && t[e] == ' ' {
				i = e + 1
			}
		}
	}
	var names, known, strong, lower int
	start, end := i, i
	var first tok
	for k := 0; k < 5 && i < len(t); k++ {
		if e, ok := initialAt(t, i); ok && names > 0 && lower == 0 {
			end = e
		} else {
			w := scanWord(t, i)
			if w.shape == shapeNone {
				break
			}
			for w.e+1 < len(t) && t[w.e] == '-' { // "Al-Sayed", "Jean-Pierre"
				p := scanWord(t, w.e+1)
				if p.shape == shapeNone {
					break
				}
				w.e = p.e
			}
			if w.e < len(t) && (t[w.e] == '=' || t[w.e] == ':') && names > 0 {
				break // the next key of a key=value line
			}
			info, _ := tb.wordInfo(t, w)
			if info&bitNonName != 0 || info&bitOrg != 0 && !isName(info) {
				return
			}
			x := tok{s: w.s, e: w.e, info: info, shape: w.shape, known: isName(info)}
			switch {
			case info&bitParticle != 0 && w.shape == shapeLower && names > 0 && lower == 0:
			case w.shape == shapeLower && names > 0 && lower == 0:
				k = 5 // a lower-case word after a capitalised name ends it
				continue
			default:
				if names == 0 {
					first = x
				}
				names++
				if x.known {
					known++
					if !weak(&x, names == 1) {
						strong++
					}
				}
				if w.shape == shapeLower {
					lower++
				}
				end = w.e
			}
			if w.e > end {
				end = w.e // a particle: kept only if a name follows
			}
		}
		if end+1 < len(t) && t[end] == ' ' {
			i = end + 1
			continue
		}
		break
	}
	// A particle or initial may not end the name.
	for end > start && t[end-1] != '.' && !isNameEnd(tb, t, start, end) {
		e := end - 1
		for e > start && t[e-1] != ' ' {
			e--
		}
		if e <= start {
			break
		}
		end = e - 1
	}
	if names == 0 || !valueEnd(t, end, a.Quote) {
		return
	}
	var conf float64
	switch {
	case strength == keyStrong && known > 0:
		conf = 0.9
	case strength == keyStrong && lower == 0:
		conf = 0.75
	case strength == keyStrong:
		conf = 0.6
	case names >= 2 && strong > 0:
		conf = 0.85
	case names == 1 && strong > 0 && given(first.info) != 0:
		conf = 0.7
	case known > 0:
		conf = 0.45
	default:
		return
	}
	s.Add(0, start, end, conf, false)
}

// valueEnd reports whether a value quoted by q (0: unquoted, '<': an XML
// element) may end at t[e]: at its closing quote, or before an email in
// angle brackets ("Anna Smith <anna@x.io>"), a comma or the end of the
// line when unquoted.
func valueEnd(t []byte, e int, q byte) bool {
	if e >= len(t) {
		return q == 0
	}
	c := t[e]
	switch {
	case q == '<':
		return c == '<'
	case q != 0 && c == q:
		return true
	case c == ' ' && e+1 < len(t) && (t[e+1] == '<' || t[e+1] == '('):
		return true
	case q == 0:
		return c == ' ' || c == '\n' || c == '\r' || c == ',' || c == ';' || c == '&' || c == '<' || c == '\t' || c == '|'
	}
	return false
}

// isNameEnd reports whether the last word of t[start:end] is a name word
// and not a particle.
func isNameEnd(tb *Table, t []byte, start, end int) bool {
	ps, ok := prevWord(t, end)
	if !ok || ps < start {
		return true
	}
	info, _ := tb.lookup(t[ps:end])
	return info&bitParticle == 0 || t[ps]-'A' < 26
}
