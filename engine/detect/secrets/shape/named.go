package shape

import "github.com/datafog/datafog-api/engine/detect"

// Credentials without a format of their own (a Datadog API key is 32 hex
// digits, a Twilio auth token too) are known by the name they are stored
// under. Named finds them two ways, each a trigger of the detector:
//
//   - after one of the provider's variable names, as a literal prefix
//     ("DD_API_KEY", "TWILIO_AUTH_TOKEN"; every such name holds '_' or
//     '-', so it costs one table lookup at those bytes), followed by an
//     assignment operator or just a space: "DD_API_KEY=…", `"DD_API_KEY":
//     "…"`, "export DD_API_KEY='…'", "DD_API_KEY …" in a log line;
//   - as the value of an assignment (detect.OnKey) whose key name holds
//     the provider's name (Provider: `datadogApiKey: "…"`, "dd.api_key:
//     …"), or one of the detector's other key words with a context word
//     within 64 bytes before the value ("sasl.password" near
//     "confluent.cloud").
//
// Key words are provider names, not "key" or "token": every assignment
// with a generic key name would otherwise call every such detector.
// Either way the value must have the credential's exact shape (Value);
// its confidence is Conf, or the context word's. A credential whose own
// lower-case prefix names the provider ("dapi…", "sl.…", "dp.st.…") has
// no trigger byte of its own, so it is found this way after any
// secret-like key, with no context word (Self).

// maxNameTail is how many name bytes may follow a literal variable name
// ("DD_API_KEY_PROD").
const maxNameTail = 40

// Named is the shared reading of a credential known by its name.
type Named struct {
	// Type is the index, in the detector's Types, of the type reported.
	Type int
	// Value reads a value at t[v] and returns the credential's span in it
	// (after an authorization scheme such as "Bearer ", say) and whether
	// it has the credential's shape.
	Value func(t []byte, v int) (start, end int, ok bool)
	// Key, when set, reports whether a key or variable name (the whole
	// name, such as "TWILIO_API_SECRET") fits this credential rather
	// than another one of the same provider.
	Key func(name []byte) bool
	// Conf is the confidence of a value found after a variable name.
	Conf float64
	// Provider are the words (lower case) that name the provider in a key
	// name; a key that starts a word with one needs no context word.
	Provider []string
	// Self is true when the value's own prefix names the provider (a
	// Databricks "dapi…" token, a Dropbox "sl.…" one): after any key
	// whose words the detector asked for, it is then reported at Conf
	// without a context word.
	Self bool
}

// FindName is an OnPrefix Find for variable names: the literal t[b:p] is
// the start of a name that names the provider.
func (n *Named) FindName(s *detect.Scan, b, p int) {
	t := s.T
	if b > 0 && detect.IsAlnum(t[b-1]) {
		return // inside another name ("ADD_API_KEY")
	}
	ne, v, ok := p, p, p < len(t)
	header := t[p-1] == ' ' // a literal that ends in a space ("Authorization: Bearer ") is followed by its value
	if !header {
		ne, v, ok = ValueAfterName(t, p)
	}
	if !ok || v-s.Anchor() > detect.AnchorSpan || n.Key != nil && !n.Key(t[b:ne]) {
		return
	}
	if vs, e, ok := n.Value(t, v); ok {
		s.Add(n.Type, vs, e, n.Conf, true)
	} else if !header {
		VetoValue(s, v) // a header carries every provider's tokens
	}
}

// FindKey is an OnKey Find: the value of an assignment, when a context
// word stands in its key name or before it.
func (n *Named) FindKey(s *detect.Scan, a *detect.Assignment) {
	t := s.T
	if n.Key != nil && !n.Key(t[a.KeyStart:a.KeyEnd]) {
		return
	}
	vs, e, ok := n.Value(t, a.Value)
	names := n.namesProvider(t[a.KeyStart:a.KeyEnd])
	switch {
	case !ok && names:
		VetoValue(s, a.Value)
	case !ok:
	case n.Self || names:
		s.Add(n.Type, vs, e, n.Conf, true)
	default:
		if c := s.Context(a.Value); c > 0 {
			s.Add(n.Type, vs, e, c, true)
		}
	}
}

// maxVetoed is the longest value VetoValue covers: the generic api_key's
// longest value.
const maxVetoed = 256

// VetoValue vetoes the value at t[v] (its run of assignment-value bytes,
// up to maxVetoed) for a detector whose own variable name, key name or
// value prefix names the credential, but whose check the value fails: a
// "TWITCH_CLIENT_SECRET" of the wrong length or alphabet, an "hvs." token
// too short. Such a value is a lookalike (a truncated or mistyped copy, a
// template) of that credential, so it is not reported, and it must not
// fall through to the generic api_key either, as a number labelled "NHS
// number" that fails the NHS check does not fall through to phone
// (detect.Scan.Veto). The veto's confidence is detect.WeakVetoConf, so a
// valid credential of another provider under the name ("DD_API_KEY="
// followed by a GitHub token) is still reported. A longer value is left
// alone.
func VetoValue(s *detect.Scan, v int) {
	t := s.T
	e := detect.Span(t, v, maxVetoed+1, detect.Value)
	if e > v && e-v <= maxVetoed {
		s.Veto(v, e, detect.WeakVetoConf)
	}
}

// namesProvider reports whether one of n.Provider starts a word of the
// key name, by the rule the engine's key words follow (at its start,
// after a byte that is not a letter, or at a lower-to-upper case
// change).
func (n *Named) namesProvider(name []byte) bool {
	for _, w := range n.Provider {
		for i := 0; i+len(w) <= len(name); i++ {
			if detect.HasPrefixFold(name, i, w) && (i == 0 || !detect.IsAlpha(name[i-1]) || detect.IsLower(name[i-1]) && detect.IsUpper(name[i])) {
				return true
			}
		}
	}
	return false
}

// ValueAfterName finds the value that follows a name whose first bytes
// end at t[p]: the rest of the name (up to maxNameTail word bytes, '-' or
// '.'), a closing quote, spaces, an assignment operator ("=", ":", ":=",
// "::=", "?=", "=>"), spaces and an opening quote, each optional, but at
// least an operator or a space. It returns the end of the name and the
// index of the value's first byte.
func ValueAfterName(t []byte, p int) (ne, v int, ok bool) {
	ne = detect.Span(t, p, maxNameTail+1, detect.KeyName)
	if ne-p > maxNameTail {
		return 0, 0, false
	}
	i := ne
	if i < len(t) && (t[i] == '"' || t[i] == '\'' || t[i] == '`') {
		i++
	}
	i0 := i
	i = skipBlanks(t, i)
	sep := i > i0
	for _, op := range [...]string{"::=", ":=", "?=", "=>", "=", ":"} {
		if detect.HasPrefix(t, i, op) {
			i += len(op)
			sep = true
			break
		}
	}
	i = skipBlanks(t, i)
	if i < len(t) && (t[i] == '"' || t[i] == '\'' || t[i] == '`') {
		i++
	}
	return ne, i, sep && i < len(t)
}

// skipBlanks skips up to eight spaces or tabs at t[i].
func skipBlanks(t []byte, i int) int {
	for k := 0; k < 8 && i < len(t) && (t[i] == ' ' || t[i] == '\t'); k++ {
		i++
	}
	return i
}

// HasWord reports whether name holds w (lower case) as a word: at its
// start or after a byte that is not a letter, or at a lower-to-upper case
// change, and followed by its end, a byte that is not a lower-case letter
// or an upper-case letter where w began lower-case after one
// ("apiSecret" holds "secret", "secretary" does not).
func HasWord(name []byte, w string) bool {
	for i := 0; i+len(w) <= len(name); i++ {
		if !detect.HasPrefixFold(name, i, w) {
			continue
		}
		if i > 0 && detect.IsAlpha(name[i-1]) && !(detect.IsLower(name[i-1]) && detect.IsUpper(name[i])) {
			continue
		}
		e := i + len(w)
		if e < len(name) && (detect.IsLower(name[e]) || detect.IsUpper(name[e]) && detect.IsUpper(name[e-1])) {
			continue
		}
		return true
	}
	return false
}

// Hex returns a Value that reads n lower-case hexadecimal digits, with a
// letter and a digit among them.
func Hex(n int) func(t []byte, v int) (int, int, bool) {
	return func(t []byte, v int) (int, int, bool) {
		return v, v + n, HexAt(t, v, n) && Mixed(t[v:v+n])
	}
}

// Run returns a Value that reads lo to hi bytes of class m that end the
// token, with two of upper-case letters, lower-case letters and digits
// among them (Varied).
func Run(lo, hi int, m detect.Class) func(t []byte, v int) (int, int, bool) {
	return func(t []byte, v int) (int, int, bool) {
		e, ok := Body(t, v, lo, hi, m)
		return v, e, ok && Varied(t[v:e])
	}
}

// Scheme returns the index after an HTTP authorization scheme that
// stands at t[v] ("Bearer ", "Token ", "Bot ", "SSWS ", "ApiKey ", the
// first two in either case), or v when none does.
func Scheme(t []byte, v int) int {
	if v >= len(t) {
		return v
	}
	var sc string
	switch t[v] {
	case 'B':
		sc = "Bearer "
		if detect.HasPrefix(t, v, "Bot ") {
			return v + 4
		}
	case 'b':
		sc = "bearer "
	case 'T':
		sc = "Token "
	case 't':
		sc = "token "
	case 'S':
		sc = "SSWS "
	case 'A':
		sc = "ApiKey "
	default:
		return v
	}
	if detect.HasPrefix(t, v, sc) {
		return v + len(sc)
	}
	return v
}
