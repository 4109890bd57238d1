package apac

import "github.com/datafog/datafog-api/engine/detect"

// KRFRN finds Korean foreigner registration numbers (외국인등록번호;
// Immigration Act art. 31, Ministry of Justice): YYMMDD-GSSSSSC like a
// resident registration number, with a gender and century digit 5-8 and
// a check digit (13 - S mod 11) mod 10 over the first twelve digits
// weighted 2-9, 2-5. Numbers assigned since the numbering of 5 October
// 2020 carry random digits instead, whatever the birth date, so a dashed
// number whose check digit fails is still reported with a context word,
// on its shape; bare digits need a context word and a check digit.
var KRFRN = &detect.Detector{
	Name: "kr_frn",
	Types: []detect.Type{{
		Name: "kr_frn", Family: detect.NationalID, Confidence: confAlone,
		Confirm: "YYMMDD-GSSSSSC: a real birth date, gender digit 5-8, check digit (13 - S mod 11) mod 10; without it (numbers since 2020) a context word is needed",
	}},
	Source: "Immigration Act art. 31 (Ministry of Justice); registration number format of the Resident Registration Act, Enforcement Rule art. 2",
	Context: []detect.Word{
		{Text: "외국인등록번호", Conf: confWord}, {Text: "외국인번호", Conf: confWord}, {Text: "외국인등록", Conf: confWord},
		{Text: "foreigner registration number", Conf: confWord}, {Text: "alien registration number", Conf: confWord},
		{Text: "FRN", Conf: confWord},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 13, OnCompact: func(s *detect.Scan, i, j int) { krCompact(s, i, j, true) },
		GroupFirst: 1 << 6, OnGrouped: func(s *detect.Scan, g *detect.Groups) { krGrouped(s, g, true) },
	},
	Examples: []detect.Example{
		{Text: "외국인등록번호 911124-5678906", Span: "911124-5678906", Valid: true},
		{Text: "holder 050912-6000012 signed", Span: "050912-6000012", Valid: true},
		{Text: "FRN 0509126000012", Span: "0509126000012", Valid: true},
		{Text: "외국인등록번호 911124-5678901", Span: "911124-5678901", Valid: true}, // a number since 2020: no check digit
		{Text: "holder 911124-5678901"},
		{Text: "외국인등록번호 911324-5678906"}, // month 13
		{Text: "FRN 0509126000013"},      // bare, wrong check digit
		{Text: "외국인등록번호 971013-9019902"}, // a citizen's number
	},
}
