package world

import "github.com/datafog/datafog-api/engine/detect"

// TRLicensePlate finds Turkish vehicle registration plates (plaka;
// Karayolları Trafik Kanunu No. 2918 art. 23 and the Karayolları Trafik
// Yönetmeliği): a province code 01-81, one to three letters of the
// plate alphabet (A-Z without Q, W and X) and two to five digits, one
// letter taking four or five digits, two letters three or four, three
// letters two or three ("34 ABC 123", "06 A 1234", or without spaces
// "34ABC123"). There is no check character, so a context word is
// required.
var TRLicensePlate = &detect.Detector{
	Name: "tr_license_plate",
	Types: []detect.Type{{
		Name: "tr_license_plate", Family: detect.Vehicle, Confidence: 0.8, NeedsContext: true,
		Confirm: "province code 01-81, 1-3 plate letters, 2-5 digits by the letter count; needs a context word",
	}},
	Source: "Karayolları Trafik Kanunu No. 2918 art. 23; Karayolları Trafik Yönetmeliği (plate format, province codes 01-81)",
	Context: []detect.Word{
		{Text: "plaka", Conf: 0.8}, {Text: "plakası", Conf: 0.8}, {Text: "plaka no", Conf: 0.8}, {Text: "araç plakası", Conf: 0.8},
		{Text: "plaka numarası", Conf: 0.8}, {Text: "license plate", Conf: 0.8}, {Text: "number plate", Conf: 0.8},
		{Text: "plate", Conf: 0.55},
	},
	Digits: &detect.OnDigits{
		Short: 1 << 2, ShortNext: " -", OnShort: trPlateRun,
		Lead: "012345678", LeadLen: 1 << 2, LeadNext: detect.Capitals, OnLead: trPlateLead,
	},
	Examples: []detect.Example{
		{Text: "plaka 34 ABC 123", Span: "34 ABC 123", Valid: true},
		{Text: "araç plakası: 06 A 1234.", Span: "06 A 1234", Valid: true},
		{Text: "plaka 34-AB-1234", Span: "34-AB-1234", Valid: true},
		{Text: "plaka 34ABC12", Span: "34ABC12", Valid: true},
		{Text: "plaka 82 ABC 123"}, // no province 82
		{Text: "plaka 34 AQ 123"},  // Q is not a plate letter
		{Text: "plaka 34 A 123"},   // one letter takes four or five digits
		{Text: "flight 34 ABC 123"},
	},
}

// trLetter reports whether c is a plate letter.
func trLetter(c byte) bool { return c >= 'A' && c <= 'Z' && c != 'Q' && c != 'W' && c != 'X' }

// trPlate returns the end of the plate that starts with the province
// code at t[p], or -1: code, optional space or dash, letters, optional
// space or dash (the same as the first), digits.
func trPlate(t []byte, p int) int {
	if p+2 > len(t) || !detect.IsDigit(t[p]) || !detect.IsDigit(t[p+1]) {
		return -1
	}
	if code := detect.Atoi(t[p : p+2]); code < 1 || code > 81 {
		return -1
	}
	k := p + 2
	var sep byte
	if k < len(t) && (t[k] == ' ' || t[k] == '-') {
		sep = t[k]
		k++
	}
	l := k
	for l < len(t) && l-k < 4 && trLetter(t[l]) {
		l++
	}
	n := l - k
	if n == 0 || n > 3 || l < len(t) && detect.IsUpper(t[l]) {
		return -1
	}
	k = l
	if sep != 0 {
		if k >= len(t) || t[k] != sep {
			return -1
		}
		k++
	}
	e := k
	for e < len(t) && e-k < 6 && detect.IsDigit(t[e]) {
		e++
	}
	d := e - k
	if !trDigits(n, d) || !detect.FreeRight(t, e) || !detect.NumRight(t, e) || detect.Atoi(t[k:e]) == 0 {
		return -1
	}
	return e
}

// trDigits reports whether a plate with n letters may have d digits.
func trDigits(n, d int) bool {
	switch n {
	case 1:
		return d == 4 || d == 5
	case 2:
		return d == 3 || d == 4
	case 3:
		return d == 2 || d == 3
	}
	return false
}

// trPlateAt reports the plate t[p:e] when a context word stands before
// it. A plate that a group of capitals precedes or follows ("MH 06 HA
// 9097", "22 BH 8579 PB": the middle of an Indian mark) is not one, but
// for the "TR" of the plate's blue band.
func trPlateAt(s *detect.Scan, p, e int) {
	t := s.T
	if p >= 2 && (t[p-1] == ' ' || t[p-1] == '-') && detect.IsUpper(t[p-2]) && !(p >= 3 && t[p-2] == 'R' && t[p-3] == 'T' && detect.FreeLeft(t, p-3)) {
		return
	}
	if e+2 < len(t) && (t[e] == ' ' || t[e] == '-') && detect.IsUpper(t[e+1]) {
		return
	}
	if c := s.Context(p); c > 0 {
		s.Add(0, p, e, c, true)
	}
}

// trPlateRun handles a two-digit run followed by a space or dash and a
// plate letter: the province code of a plate written with separators.
func trPlateRun(s *detect.Scan, i, j int) {
	t := s.T
	if j+2 >= len(t) || t[j] != ' ' && t[j] != '-' || !trLetter(t[j+1]) {
		return
	}
	if e := trPlate(t, i); e > 0 {
		trPlateAt(s, i, e)
	}
}

// trPlateLead handles a province code glued to the letters ("34ABC123").
func trPlateLead(s *detect.Scan, i, j int) {
	if j-i != 2 || !trLetter(s.T[j]) {
		return
	}
	if e := trPlate(s.T, i); e > 0 {
		trPlateAt(s, i, e)
	}
}
