package apac

import "github.com/datafog/datafog-api/engine/detect"

// INVehicleRegistration finds Indian vehicle registration marks (Central
// Motor Vehicles Rules 1989 r. 50 and the Ministry of Road Transport and
// Highways' state codes): a state or union territory code, the RTO
// district (1-99), a series of one to three letters and a four-digit
// number ("MH 12 AB 1234", "DL3CAB1234"), or the Bharat series of 2021
// ("22 BH 1234 AA": year, BH, number, two letters other than I and O).
// Spaces or dashes may separate the parts; a one-digit district ("DL 3C
// AB 1234") is found only compact ("DL3CAB1234"), since a trigger on
// every one-digit run costs more than it finds. There is no check
// character, so a context word is required.
var INVehicleRegistration = &detect.Detector{
	Name: "in_vehicle_registration",
	Types: []detect.Type{{
		Name: "in_vehicle_registration", Family: detect.Vehicle, Confidence: 0.8, NeedsContext: true,
		Confirm: "state code, RTO district, 1-3 series letters, 4 digits (or the BH series); needs a context word",
	}},
	Source: "Central Motor Vehicles Rules 1989 r. 50; MoRTH state codes and the BH series notification (G.S.R. 594(E), 2021)",
	Context: []detect.Word{
		{Text: "vehicle registration", Conf: 0.8}, {Text: "vehicle number", Conf: 0.8}, {Text: "vehicle no", Conf: 0.8},
		{Text: "number plate", Conf: 0.8}, {Text: "RTO", Conf: 0.8}, {Text: "registration number", Conf: 0.55},
		{Text: "वाहन पंजीकरण संख्या", Conf: 0.8}, {Text: "वाहन संख्या", Conf: 0.8},
	},
	Tokens: &detect.OnToken{MinLen: 4, MaxLen: 10, MinLead: 2, MaxLead: 2, Find: findINPlateToken},
	Digits: &detect.OnDigits{Short: 1 << 2, ShortNext: " -" + detect.Capitals, OnShort: findINPlateRun, Lead: "23", LeadLen: 1 << 2, LeadNext: "B", OnLead: findINBharat},
	Examples: []detect.Example{
		{Text: "vehicle no MH 12 AB 1234", Span: "MH 12 AB 1234", Valid: true},
		{Text: "vehicle number: KA05MN4321.", Span: "KA05MN4321", Valid: true},
		{Text: "RTO DL3CAB1234", Span: "DL3CAB1234", Valid: true},
		{Text: "RTO DL 03 AB 1234", Span: "DL 03 AB 1234", Valid: true},
		{Text: "number plate 22 BH 1234 AA", Span: "22 BH 1234 AA", Valid: true},
		{Text: "vehicle no ZZ 12 AB 1234"}, // no such state
		{Text: "vehicle no MH 12 AB 0000"},
		{Text: "vehicle no 22 BH 1234 IO"},
		{Text: "flight MH 12 AB 1234"},
	},
}

// inStates are the state and union territory codes, current and former
// (OR, UA) that plates still carry.
var inStates = map[[2]byte]bool{}

func init() {
	for _, c := range []string{
		"AN", "AP", "AR", "AS", "BR", "CG", "CH", "DD", "DL", "DN", "GA", "GJ", "HP", "HR", "JH", "JK",
		"KA", "KL", "LA", "LD", "MH", "ML", "MN", "MP", "MZ", "NL", "OD", "OR", "PB", "PY", "RJ", "SK",
		"TN", "TR", "TS", "UA", "UK", "UP", "WB",
	} {
		inStates[[2]byte{c[0], c[1]}] = true
	}
}

// inSep skips one optional space or dash at t[k].
func inSep(t []byte, k int) int {
	if k < len(t) && (t[k] == ' ' || t[k] == '-') {
		return k + 1
	}
	return k
}

// inRun returns the end of the run of bytes of class m at t[k], reading
// at most max.
func inRun(t []byte, k, max int, m detect.Class) int { return detect.Span(t, k, max+1, m) }

// inPlate returns the end of a registration mark that starts with the
// state code at t[p], or -1.
func inPlate(t []byte, p int) int {
	if p+2 > len(t) || !inStates[[2]byte{t[p], t[p+1]}] {
		return -1
	}
	k := inSep(t, p+2)
	e := inRun(t, k, 2, detect.Digit)
	if e == k || e-k > 2 || detect.Atoi(t[k:e]) == 0 {
		return -1
	}
	k = inSep(t, e)
	letters := 0
	for g := 0; g < 2; g++ {
		e = inRun(t, k, 3, detect.Upper)
		letters += e - k
		if e == k || letters > 3 {
			break
		}
		k = inSep(t, e)
	}
	if letters == 0 || letters > 3 {
		return -1
	}
	return inNumber(t, k, 4)
}

// inNumber returns the end of the n digits at t[k], not all zero and
// ending the mark, or -1.
func inNumber(t []byte, k, n int) int {
	e := inRun(t, k, n, detect.Digit)
	if e-k != n || detect.Atoi(t[k:e]) == 0 || !detect.FreeRight(t, e) || !detect.NumRight(t, e) {
		return -1
	}
	return e
}

// inBharat returns the end of a BH-series mark "YY BH NNNN LL" that
// starts at t[p], or -1.
func inBharat(t []byte, p int) int {
	if p+2 > len(t) || detect.Atoi(t[p:p+2]) < 21 {
		return -1
	}
	k := inSep(t, p+2)
	if !detect.HasPrefix(t, k, "BH") {
		return -1
	}
	k = inSep(t, k+2)
	e := inRun(t, k, 4, detect.Digit)
	if e-k != 4 || detect.Atoi(t[k:e]) == 0 {
		return -1
	}
	k = inSep(t, e)
	if k+2 > len(t) || !detect.IsUpper(t[k]) || !detect.IsUpper(t[k+1]) || !detect.FreeRight(t, k+2) {
		return -1
	}
	for _, c := range t[k : k+2] {
		if c == 'I' || c == 'O' {
			return -1
		}
	}
	return k + 2
}

// inPlateAt reports the mark t[p:e] when a context word stands before it.
func inPlateAt(s *detect.Scan, p, e int) {
	if e > p {
		if c := s.Context(p); c > 0 {
			s.Add(0, p, e, c, true)
		}
	}
}

// findINPlateToken handles a token that is a whole mark ("MH12AB1234",
// "DL3CAB1234"); marks with separators are found from their number.
func findINPlateToken(s *detect.Scan, ts, te int) {
	if e := inPlate(s.T, ts); e == te {
		inPlateAt(s, ts, e)
	}
}

// findINBharat handles a two-digit run glued to "BH" ("22BH1234AA"), a
// year of the 2020s or 2030s (the series began in 2021).
func findINBharat(s *detect.Scan, i, j int) {
	t := s.T
	if j-i == 2 && j+1 < len(t) && t[j] == 'B' && t[j+1] == 'H' {
		inPlateAt(s, i, inBharat(t, i))
	}
}

// findINPlateRun handles a two-digit run: the district of a mark
// written with separators when a state code and a space or dash stand
// before it ("MH 12 AB 1234", "MH-12-AB-1234"), or the year of a BH mark
// when " BH" follows ("22 BH 1234 AA"). It is called for every short
// run, so it looks at the byte before first.
func findINPlateRun(s *detect.Scan, i, j int) {
	t := s.T
	if i < 3 {
		return
	}
	if c := t[i-1]; (c == ' ' || c == '-') && detect.IsUpper(t[i-2]) && detect.IsUpper(t[i-3]) && detect.FreeLeft(t, i-3) {
		inPlateAt(s, i-3, inPlate(t, i-3))
		return
	}
	if j-i == 2 && j+2 < len(t) && t[j+1] == 'B' && t[j+2] == 'H' && (t[j] == ' ' || t[j] == '-') {
		inPlateAt(s, i, inBharat(t, i))
	}
}
