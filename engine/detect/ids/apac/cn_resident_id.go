package apac

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// CNResidentID finds Chinese citizen identity numbers (公民身份号码, GB
// 11643-1999; Resident Identity Card Law): a six-digit address code whose
// first two digits name a province-level division (GB/T 2260), a birth
// date YYYYMMDD, a sequence number and an ISO 7064 MOD 11-2 check
// character (0-9 or X). Compact, or 6-8-4 with spaces; the date, region
// and check together let a valid number stand alone.
var CNResidentID = &detect.Detector{
	Name: "cn_resident_id",
	Types: []detect.Type{{
		Name: "cn_resident_id", Family: detect.NationalID, Confidence: confAlone,
		Confirm: "18 characters: province code (GB/T 2260), real birth date, ISO 7064 MOD 11-2 check character (0-9, X)",
	}},
	Source: "GB 11643-1999 Citizen identification number; GB/T 2260 province codes; ISO/IEC 7064 MOD 11-2",
	Context: []detect.Word{
		{Text: "身份证", Conf: confWord}, {Text: "居民身份证", Conf: confWord}, {Text: "身份证号", Conf: confWord},
		{Text: "身份证号码", Conf: confWord}, {Text: "公民身份号码", Conf: confWord}, {Text: "身份號碼", Conf: confWord},
		{Text: "resident identity card", Conf: confWord}, {Text: "Chinese ID", Conf: confWord}, {Text: "PRC ID", Conf: confWord},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 18, OnCompact: cnCompact,
		Lead: "12345678", LeadLen: 1 << 17, LeadNext: "Xx", OnLead: cnLead,
		GroupFirst: 1 << 6, GroupSecond: 1 << 8, OnGrouped: cnGrouped,
	},
	Examples: []detect.Example{
		{Text: "身份证号码：11010519491231002X", Span: "11010519491231002X", Valid: true},
		{Text: "holder 440524188001010014 signed", Span: "440524188001010014", Valid: true},
		{Text: "身份证 110105 19491231 002x", Span: "110105 19491231 002x", Valid: true},
		{Text: "身份证号码：110105194912310021"},
		{Text: "身份证号码：11010519490231002X"},  // 31 February
		{Text: "holder 990524188001010014"}, // no province 99
	},
}

// cnProvinces marks the two-digit province-level codes of GB/T 2260,
// with 71 (Taiwan), 81 (Hong Kong), 82 (Macao) and 83 (residence
// permits of Taiwan residents).
var cnProvinces = func() (m [100]bool) {
	for _, p := range []int{11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
		41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83} {
		m[p] = true
	}
	return m
}()

// cnID decides the eighteen characters v found at t[b:e].
func cnID(s *detect.Scan, v []byte, b, e int) {
	if !cnProvinces[detect.Atoi(v[:2])] {
		return
	}
	if validate.CNResidentID(v) {
		s.Add(0, b, e, max(s.Context(b), confAlone), true)
		return
	}
	y := detect.Atoi(v[6:10])
	if y >= 1850 && y <= 2099 && validate.Date(y, detect.Atoi(v[10:12]), detect.Atoi(v[12:14])) && s.Context(b) > 0 {
		s.Veto(b, e, confVeto)
	}
}

// cnCompact handles eighteen bare digits.
func cnCompact(s *detect.Scan, i, j int) { cnID(s, s.T[i:j], i, j) }

// cnLead handles seventeen digits followed by X or x.
func cnLead(s *detect.Scan, i, j int) {
	t := s.T
	if j-i == 17 && (t[j] == 'X' || t[j] == 'x') && detect.FreeRight(t, j+1) {
		cnID(s, t[i:j+1], i, j+1)
	}
}

// cnGrouped handles 6-8-4 (or 6-8-3 and X) joined by spaces.
func cnGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	if g.N < 3 || g.Len(1) != 8 || g.SameSep(3, " ") == 0 {
		return
	}
	e := g.E[2]
	switch {
	case g.Len(2) == 3 && e < len(t) && (t[e] == 'X' || t[e] == 'x'):
		e++
		if !detect.FreeRight(t, e) {
			return
		}
	case g.Len(2) != 4 || !groupsAlone(t, g, 3):
		return
	}
	var buf [40]byte
	d := g.Concat(t, 3, &buf)
	if len(d) == 17 {
		d = append(d, t[e-1])
	}
	cnID(s, d, g.S[0], e)
}
