package apac

import (
	"github.com/datafog/datafog-api/engine/detect"
)

// KRDriverLicense finds Korean driver's licence numbers (운전면허번호;
// Road Traffic Act, Korean National Police Agency): twelve digits written
// RR-YY-SSSSSS-CC, a region code (11 Seoul ... 26 Ulsan, 28 northern
// Gyeonggi), the year of issue, a serial and two check digits whose
// algorithm is not published; older licences name the region in Hangul
// ("서울 12-345678-90"). A context word is required.
var KRDriverLicense = &detect.Detector{
	Name: "kr_driver_license",
	Types: []detect.Type{{
		Name: "kr_driver_license", Family: detect.NationalID, Confidence: 0.8, NeedsContext: true,
		Confirm: "12 digits RR-YY-SSSSSS-CC with a region code 11-26 or 28 (or the region's Hangul name); needs a context word",
	}},
	Source: "Road Traffic Act (Korean National Police Agency), driver's licence number format and region codes",
	Context: []detect.Word{
		{Text: "운전면허번호", Conf: 0.8}, {Text: "운전면허", Conf: 0.8}, {Text: "면허번호", Conf: 0.8},
		{Text: "Korean driver license", Conf: 0.8}, {Text: "Korean driver's license", Conf: 0.8},
		{Text: "driver license", Conf: 0.55}, {Text: "driver's license", Conf: 0.55}, {Text: "driving licence", Conf: 0.55},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 12, OnCompact: krDLCompact,
		GroupFirst: 1 << 2, OnGrouped: krDLGrouped,
	},
	Examples: []detect.Example{
		{Text: "운전면허번호 11-12-345678-90", Span: "11-12-345678-90", Valid: true},
		{Text: "운전면허: 서울 12-345678-90", Span: "서울 12-345678-90", Valid: true},
		{Text: "운전면허 131234567890", Span: "131234567890", Valid: true},
		{Text: "운전면허번호 27-12-345678-90"}, // region 27 does not exist
		{Text: "운전면허번호 11-12-34567-90"},
		{Text: "ref 11-12-345678-90"},
	},
}

// krRegionNames are the Hangul region names of older licences.
var krRegionNames = []string{
	"서울", "부산", "경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남",
	"제주", "대구", "인천", "광주", "대전", "울산",
}

// krDLRegion reports whether the two ASCII digits d are a region code.
func krDLRegion(d []byte) bool {
	r := detect.Atoi(d)
	return r >= 11 && r <= 26 || r == 28
}

// krDLCompact handles twelve bare digits.
func krDLCompact(s *detect.Scan, i, j int) {
	if krDLRegion(s.T[i : i+2]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}

// krDLGrouped handles RR-YY-SSSSSS-CC, and YY-SSSSSS-CC after a Hangul
// region name and a space.
func krDLGrouped(s *detect.Scan, g *detect.Groups) {
	t := s.T
	b := g.S[0]
	switch {
	case g.N >= 4 && g.Len(1) == 2 && g.Len(2) == 6 && g.Len(3) == 2 && g.SameSep(4, "- ") != 0 && groupsAlone(t, g, 4):
		if krDLRegion(t[b : b+2]) {
			if c := s.Context(b); c > 0 {
				s.Add(0, b, g.E[3], c, true)
			}
		}
	case g.N >= 3 && g.Len(1) == 6 && g.Len(2) == 2 && g.SameSep(3, "-") != 0 && groupsAlone(t, g, 3) && b > 0 && t[b-1] == ' ':
		for _, name := range krRegionNames {
			if p := b - 1 - len(name); detect.HasPrefix(t, p, name) && (p == 0 || !detect.IsAlnum(t[p-1]) && t[p-1] < 0x80) {
				if c := s.Context(p); c > 0 {
					s.Add(0, p, g.E[2], c, true)
				}
				return
			}
		}
	}
}
