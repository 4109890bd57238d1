package eu

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// EUVATID finds EU VAT identification numbers: the two-letter prefix of
// a member state (EL for Greece, XI for Northern Ireland) and the
// national number in that state's format with its published check
// (European Commission, VIES, "VAT number validation" and its FAQ on the
// format of each member state's number; each state's check is cited in
// engine/validate/euvat.go). Compact ("ATU13585627", "FR40303265045"),
// after one space ("NL 004495445B01"), and in the usual groups of Belgium
// ("BE 0403.019.261") and France ("FR 40 303 265 045"). The prefix and
// the check confirm it without a context word. Romanian numbers of fewer
// than six digits (the oldest registrations; "RO27" passes its check) are
// not looked for. German and Italian numbers are de_vat_id's and
// it_vat_code's, and are not reported here.
var EUVATID = &detect.Detector{
	Name: "eu_vat_id",
	Types: []detect.Type{{
		Name: "eu_vat_id", Family: detect.NationalID, Confidence: confCheck,
		Confirm: "member-state prefix (not DE or IT) and the national VAT number's format and check (VIES formats; each state's algorithm)",
	}},
	Source: "European Commission, VIES VAT number validation and format FAQ; national check algorithms (engine/validate/euvat.go)",
	Context: words(confWord, "vat", "vat no", "vat no.", "vat number", "vat id", "vat reg no", "vat registration number",
		"eu vat", "intra-community vat", "ust-idnr", "ust-idnr.", "ust-id", "uid", "uid-nummer", "tva", "n° tva",
		"numéro de tva", "tva intracommunautaire", "btw", "btw-nummer", "btw-id", "btw nummer", "iva", "nif-iva",
		"moms", "momsnummer", "momsregistreringsnummer", "cvr", "alv", "alv-numero", "y-tunnus", "dič", "ič dph",
		"ic dph", "pvm", "pvm kodas", "pvn", "kmkr", "áfa", "adószám", "oib", "pdv", "ddv", "id za ddv", "cui",
		"cod fiscal", "dds", "ддс", "φπα", "αφμ"),
	Tokens: &detect.OnToken{MinLen: 8, MaxLen: 14, MinLead: 1, MaxLead: 4, Find: vatToken},
	Digits: &detect.OnDigits{
		Compact: 0x1f << 8, OnCompact: vatSpaced, // 8 to 12 digits
		Short: 1<<7 | 1<<8 | 1<<9, ShortNext: detect.Capitals, OnShort: vatSpacedLetter,
		GroupFirst: 1<<2 | 1<<4, OnGrouped: vatGrouped,
	},
	Examples: []detect.Example{
		{Text: "VAT ATU13585627", Span: "ATU13585627", Valid: true},
		{Text: "supplier FR40303265045.", Span: "FR40303265045", Valid: true},
		{Text: "BTW NL004495445B01", Span: "NL004495445B01", Valid: true},
		{Text: "seller NL 004495445B01", Span: "NL 004495445B01", Valid: true},
		{Text: "TVA BE 0403.019.261", Span: "BE 0403.019.261", Valid: true},
		{Text: "n° TVA FR 40 303 265 045", Span: "FR 40 303 265 045", Valid: true},
		{Text: "VAT ESX1234567L", Span: "ESX1234567L", Valid: true},
		{Text: "VAT SE556016068001", Span: "SE556016068001", Valid: true},
		{Text: "UID ATU 13585627", Span: "ATU 13585627", Valid: true},
		{Text: "NIF-IVA ES A58818501", Span: "ES A58818501", Valid: true},
		{Text: "VAT ATU13585626"},
		{Text: "VAT FR41303265045"},
		{Text: "VAT DE136695976"},   // de_vat_id's
		{Text: "VAT IT00743110157"}, // it_vat_code's
		{Text: "VAT RO27"},          // a Romanian number of two digits is not looked for
	},
}

// vatLengths are the lengths a member state's number may have after its
// prefix: a bit set, bit n for n characters.
var vatLengths = map[[2]byte]uint32{
	{'A', 'T'}: 1 << 9, {'B', 'E'}: 1 << 10, {'B', 'G'}: 1<<9 | 1<<10, {'C', 'Y'}: 1 << 9,
	{'C', 'Z'}: 1<<8 | 1<<9 | 1<<10, {'D', 'K'}: 1 << 8, {'E', 'E'}: 1 << 9, {'E', 'L'}: 1 << 9,
	{'E', 'S'}: 1 << 9, {'F', 'I'}: 1 << 8, {'F', 'R'}: 1 << 11, {'H', 'R'}: 1 << 11, {'H', 'U'}: 1 << 8,
	{'I', 'E'}: 1<<8 | 1<<9, {'L', 'T'}: 1<<9 | 1<<12, {'L', 'U'}: 1 << 8, {'L', 'V'}: 1 << 11,
	{'M', 'T'}: 1 << 8, {'N', 'L'}: 1 << 12, {'P', 'L'}: 1 << 10, {'P', 'T'}: 1 << 9,
	{'R', 'O'}: 0x1ff << 2, {'S', 'E'}: 1 << 12, {'S', 'I'}: 1 << 8, {'S', 'K'}: 1 << 10, {'X', 'I'}: 1<<9 | 1<<12,
}

// vatLens is vatLengths as a table indexed by the prefix's two letters
// (26 * first + second), 0 for a prefix that is not ours.
var vatLens = func() (tab [26 * 26]uint32) {
	for cc, l := range vatLengths {
		tab[int(cc[0]-'A')*26+int(cc[1]-'A')] = l
	}
	return tab
}()

// vatCheck reports the VAT number with prefix cc and number num, written
// as t[b:e]: confirmed by its check, or vetoed when a context word names
// it and its length fits the member state.
func vatCheck(s *detect.Scan, cc [2]byte, num []byte, b, e int) {
	lens := vatLens[int(cc[0]-'A')*26+int(cc[1]-'A')]
	if len(num) > 31 || lens&(1<<uint(len(num))) == 0 {
		return
	}
	if valid, _ := validate.EUVAT(cc, num); !valid {
		vetoIfWord(s, b, e)
		return
	}
	checked(s, 0, b, e)
}

// vatToken handles a token of a prefix and the number, compact, and the
// Belgian "BE0403.019.261" and French "FR40 303 265 045"; and a number
// that starts with one letter after its prefix and a space ("AT
// U13585627", "ES B58818501").
func vatToken(s *detect.Scan, ts, te int) {
	t := s.T
	if !detect.IsUpper(t[ts]) {
		return
	}
	if !detect.IsUpper(t[ts+1]) {
		if ts >= 3 && t[ts-1] == ' ' && isUpper2(t, ts-3) && detect.FreeLeft(t, ts-3) {
			vatCheck(s, [2]byte{t[ts-3], t[ts-2]}, t[ts:te], ts-3, te)
		}
		return
	}
	cc := [2]byte{t[ts], t[ts+1]}
	var buf [16]byte
	switch {
	case cc == [2]byte{'B', 'E'} && te-ts == 6 && digitsAt(t, ts+2, 4):
		if e, ok := dotted33(t, te); ok {
			num := append(append(buf[:0], t[ts+2:te]...), t[te+1:te+4]...)
			vatCheck(s, cc, append(num, t[te+5:te+8]...), ts, e)
			return
		}
	case cc == [2]byte{'F', 'R'} && te-ts == 4 && digitsAt(t, ts+2, 2):
		if e, ok := spaced333(t, te); ok {
			vatCheck(s, cc, frNumber(t, ts+2, te, &buf), ts, e)
			return
		}
	}
	vatCheck(s, cc, t[ts+2:te], ts, te)
}

// dotted33 reports whether t[p:] is ".ddd.ddd" ending a number, and its
// end.
func dotted33(t []byte, p int) (int, bool) {
	ok := p+8 <= len(t) && t[p] == '.' && digitsAt(t, p+1, 3) && t[p+4] == '.' && digitsAt(t, p+5, 3) && detect.NumRight(t, p+8)
	return p + 8, ok
}

// spaced333 reports whether t[p:] is " ddd ddd ddd" ending a number, and
// its end.
func spaced333(t []byte, p int) (int, bool) {
	for k := 0; k < 3; k++ {
		if p+4 > len(t) || t[p] != ' ' || !digitsAt(t, p+1, 3) {
			return 0, false
		}
		p += 4
	}
	return p, detect.NumRight(t, p)
}

// frNumber joins the key t[k:ke] and the three groups of " ddd" after it.
func frNumber(t []byte, k, ke int, buf *[16]byte) []byte {
	num := append(buf[:0], t[k:ke]...)
	for g := 0; g < 3; g++ {
		num = append(num, t[ke+1+4*g:ke+4+4*g]...)
	}
	return num
}

// vatSpacedLetter handles a number of seven to nine digits and letters
// after its prefix and one space: "NL 004495445B01", "IE 6433435F", "CY
// 10259033P", "ES 12345678Z".
func vatSpacedLetter(s *detect.Scan, i, j int) {
	t := s.T
	if j >= len(t) || !detect.IsUpper(t[j]) || i < 3 || t[i-1] != ' ' {
		return
	}
	e := detect.Span(t, j, 4, detect.Upper|detect.Digit)
	if detect.FreeRight(t, e) {
		vatSpaced(s, i, e)
	}
}

// vatSpaced handles a number t[i:e] after its prefix and one space: "DK
// 13585628", the number ending a token ("NL 004495445B01"), and the
// Austrian "ATU 13585627".
func vatSpaced(s *detect.Scan, i, e int) {
	t := s.T
	if i < 3 || t[i-1] != ' ' || !isUpper2(t, i-3) || e-i > 12 {
		return
	}
	if detect.FreeLeft(t, i-3) {
		vatCheck(s, [2]byte{t[i-3], t[i-2]}, t[i:e], i-3, e)
		return
	}
	if i >= 4 && t[i-4] == 'A' && t[i-3] == 'T' && t[i-2] == 'U' && detect.FreeLeft(t, i-4) && e-i == 8 {
		var num [9]byte
		num[0] = 'U'
		copy(num[1:], t[i:e])
		vatCheck(s, [2]byte{'A', 'T'}, num[:], i-4, e)
	}
}

// vatGrouped handles "BE 0403.019.261" and "FR 40 303 265 045".
func vatGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	i := g.S[0]
	if i < 3 || t[i-1] != ' ' || !isUpper2(t, i-3) || !detect.FreeLeft(t, i-3) {
		return
	}
	cc := [2]byte{t[i-3], t[i-2]}
	var buf [40]byte
	switch {
	case cc == [2]byte{'B', 'E'} && g.N == 3 && g.Shape(4, 3, 3) && g.SameSep(3, ".") != 0 && detect.NumRight(t, g.E[2]):
		vatCheck(s, cc, g.Concat(t, 3, &buf), i-3, g.E[2])
	case cc == [2]byte{'F', 'R'} && g.N == 4 && g.Shape(2, 3, 3, 3) && g.SameSep(4, " ") != 0 && detect.NumRight(t, g.E[3]):
		vatCheck(s, cc, g.Concat(t, 4, &buf), i-3, g.E[3])
	}
}
