package oldengine

import (
	"fmt"

	"github.com/datafog/datafog-api/engine/automaton"
)

// Context-word classes. A detector that needs (or is raised by) a context
// word asks for the classes present in the 64 bytes before its candidate.
const (
	ctxSSN uint32 = 1 << iota
	ctxZip
	ctxRouting
	ctxNHS
	ctxSIN
	ctxNPI
	ctxAadhaar
)

// contextWindow is how far before a candidate a context word may stand: the
// whole word must lie in [start-contextWindow, start).
const contextWindow = 64

// contextWords maps each context word (matched in any ASCII case) to its
// classes.
var contextWords = []struct {
	word string
	mask uint32
}{
	{"ssn", ctxSSN}, {"social security", ctxSSN},
	{"zip", ctxZip}, {"zipcode", ctxZip}, {"zip code", ctxZip}, {"postal", ctxZip}, {"postcode", ctxZip},
	{"routing", ctxRouting}, {"aba", ctxRouting}, {"rtn", ctxRouting}, {"transit", ctxRouting},
	{"nhs", ctxNHS}, {"national health", ctxNHS},
	{"sin", ctxSIN}, {"social insurance", ctxSIN},
	{"npi", ctxNPI}, {"national provider", ctxNPI},
	{"aadhaar", ctxAadhaar}, {"aadhar", ctxAadhaar}, {"uidai", ctxAadhaar},
}

// keyWords are the words that make an assignment's key name secret-like
// for api_key. A word counts when it starts the key name or follows a
// separator ('_', '-', '.') or a lower-to-upper case change.
var keyWords = []string{
	"key", "apikey", "token", "secret", "password", "passwd", "pwd",
	"passphrase", "credential", "credentials",
}

// compileBuiltins compiles the context-word automaton.
func (e *Engine) compileBuiltins() error {
	words := make([]string, len(contextWords))
	for i, w := range contextWords {
		words[i] = w.word
	}
	var err error
	e.ctx, err = automaton.Compile(words, automaton.Options{CaseInsensitive: true, Kind: automaton.Overlapping})
	if err != nil {
		return fmt.Errorf("engine: compile context words: %w", err)
	}
	return nil
}

// contextMask returns the context classes whose words stand within
// contextWindow bytes before t[s]. A word stands alone when the byte before
// it is not an ASCII letter or digit, and the byte after it is neither a
// digit nor a letter of the same case as the word's last letter (so
// "routingNumber" counts, "SINGLE" and "using" do not).
func (e *Engine) contextMask(t []byte, s int) uint32 {
	ws := s - contextWindow
	if ws < 0 {
		ws = 0
	}
	var buf [16]automaton.Match
	ms := e.ctx.FindAll(buf[:0], t[ws:s])
	var mask uint32
	for _, m := range ms {
		a, b := ws+int(m.Start), ws+int(m.End)
		if a > 0 && isAlnum(t[a-1]) {
			continue
		}
		if b < len(t) {
			c := t[b]
			if isDigit(c) || isLower(c) && isLower(t[b-1]) || isUpper(c) && isUpper(t[b-1]) {
				continue
			}
		}
		mask |= contextWords[m.Pattern].mask
	}
	return mask
}

// keyWordFirst has bit c-'a' set for the first letter c of each key word.
var keyWordFirst = func() (m uint32) {
	for _, w := range keyWords {
		m |= 1 << (w[0] - 'a')
	}
	return m
}()

// secretKeyName reports whether key (an assignment's key name) contains a
// key word, in any ASCII case, starting at a word start: the start of key,
// after '_', '-', '.' or a digit, or at a lower-to-upper case change.
// Key names are short and have few word starts, so trying the ten words at
// each start is cheaper than an automaton pass.
func secretKeyName(key []byte) bool {
	for a := 0; a < len(key); a++ {
		c := key[a] | 0x20 // ASCII letters fold to lower case; nothing else becomes one
		if c < 'a' || c > 'z' || keyWordFirst&(1<<(c-'a')) == 0 {
			continue
		}
		if a > 0 {
			p := key[a-1]
			if !(p == '_' || p == '-' || p == '.' || isDigit(p) || isLower(p) && isUpper(key[a])) {
				continue
			}
		}
		for _, w := range keyWords {
			if w[0] == c && hasPrefixFold(key[a:], w) {
				return true
			}
		}
	}
	return false
}

// hasPrefixFold reports whether b starts with the lower-case ASCII word w
// under ASCII case folding.
func hasPrefixFold(b []byte, w string) bool {
	if len(b) < len(w) {
		return false
	}
	for x := 0; x < len(w); x++ {
		if b[x]|0x20 != w[x] {
			return false
		}
	}
	return true
}
