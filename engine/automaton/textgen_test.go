package automaton

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// proseWords is the vocabulary of the synthetic English-like benchmark text.
var proseWords = strings.Fields(`
the of and to in is was that for it with as his on be at by had are but from or have an they which
one you were her all she there would their we him been has when who will more no if out so said what
up its about into than them can only other new some could time these two may then do first any my now
such like our over man me even most made after also did many before must through back years where much
your way well down should because each just those people how too little state good very make world still
own see men work long get here between both life being under never day same another know while last
might us great old year off come since against go came right used take three states himself few house
use during without again place american around however home small found thought went say part once
general high upon school every does got united left number course war until always away something fact
though water less public put thinking almost hand enough far took head yet government system better set
told nothing night end why called didnt eyes find going look asked later knew point next program city
business give group toward young days let room president side social given present several order national
possible rather second face per among form important often things looked early white case john become
large big need four within felt along children saw best church ever least power development light seemed
family interest want members mind country area others done turned although open problem service certain
kind began different door thus help means sense whole matter perhaps itself york times human law line
above name example action company hands local show whether five history gave today either act feet across
taken past quite anyone having seen death experience body word half really field car words already
information tell together college shall money period held keep sure probably free seems political real
cannot behind miss question air office making brought whose special heard major problems ago became
federal moment study available known result street economic boy position reason change south board
individual job society areas west close turn love community true court force full seem
`)

// genText returns n bytes of deterministic English-like text: sentences of
// common words with, every few dozen sentences, an e-mail address, a phone
// number or a secret-looking keyword.
func genText(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var b strings.Builder
	b.Grow(n + 256)
	inserts := []func() string{
		func() string { return fmt.Sprintf("%s.%s@example.com", pick(r), pick(r)) },
		func() string { return fmt.Sprintf("(555) %03d-%04d", r.IntN(1000), r.IntN(10000)) },
		func() string { return "password: " + pick(r) + fmt.Sprint(r.IntN(100)) },
		func() string { return fmt.Sprintf("api_key=%016x", r.Uint64()) },
		func() string { return fmt.Sprintf("AKIA%016X", r.Uint64()) },
		func() string { return fmt.Sprintf("ghp_%016x%016x", r.Uint64(), r.Uint64()) },
		func() string { return "ssn " + fmt.Sprintf("%03d-%02d-%04d", r.IntN(900), r.IntN(100), r.IntN(10000)) },
		func() string { return "IBAN DE89370400440532013000" },
	}
	for b.Len() < n {
		words := 5 + r.IntN(11)
		for w := 0; w < words; w++ {
			word := pick(r)
			if w == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(word)
			if w > 0 && w < words-1 && r.IntN(12) == 0 {
				b.WriteByte(',')
			}
		}
		if r.IntN(40) == 0 {
			b.WriteByte(' ')
			b.WriteString(inserts[r.IntN(len(inserts))]())
		}
		b.WriteString(". ")
		if r.IntN(8) == 0 {
			b.WriteString("\n")
		}
	}
	return []byte(b.String()[:n])
}

func pick(r *rand.Rand) string { return proseWords[r.IntN(len(proseWords))] }

// genDictionary returns n distinct deterministic terms: pseudo-words built
// from syllables, plus every eighth word of proseWords with at least six
// letters so that the text has hits.
func genDictionary(n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 77))
	syll := strings.Fields("ka lo mi ne ru sa ti vo xe zu bra ple tro qui sna fle gro dwi shu cre")
	seen := map[string]bool{}
	var out []string
	for i, w := range proseWords {
		if len(w) >= 6 && i%8 == 0 && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for len(out) < n {
		var sb strings.Builder
		for k := 2 + r.IntN(3); k > 0; k-- {
			sb.WriteString(syll[r.IntN(len(syll))])
		}
		if r.IntN(3) == 0 {
			sb.WriteByte(byte('0' + r.IntN(10)))
		}
		w := sb.String()
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// piiKeywords are the 24 case-insensitive keywords of benchmark (a).
var piiKeywords = []string{
	"password", "passwd", "api_key", "apikey", "secret", "token", "ssn", "iban", "routing",
	"AKIA", "ASIA", "ghp_", "gho_", "github_pat_", "xoxb-", "xoxp-", "sk_live_", "rk_live_",
	"AIza", "-----BEGIN", "private_key", "credit_card", "aadhaar", "swift",
}
