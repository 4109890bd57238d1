package apac

import "github.com/datafog/datafog-api/engine/detect"

// KRRRN finds Korean resident registration numbers (주민등록번호;
// Resident Registration Act and its Enforcement Rule, art. 2, Ministry of
// the Interior and Safety): YYMMDD-GSSSSSC, a birth date, a gender and
// century digit (1-4, 9 or 0 for citizens) and, for numbers assigned
// before 5 October 2020, a check digit (11 - S mod 11) mod 10 over the
// first twelve digits weighted 2-9, 2-5. Numbers of births from September
// 2020 on have six random digits instead and need a context word; so do
// thirteen bare digits.
var KRRRN = &detect.Detector{
	Name: "kr_rrn",
	Types: []detect.Type{{
		Name: "kr_rrn", Family: detect.NationalID, Confidence: confAlone,
		Confirm: "YYMMDD-GSSSSSC: a real birth date, gender digit 1-4, 9 or 0, check digit (none since the 2020 rule: context word needed); bare digits need a context word",
	}},
	Source: "Resident Registration Act and Enforcement Rule art. 2 (Ministry of the Interior and Safety, numbering of 5 Oct 2020)",
	Context: []detect.Word{
		{Text: "주민등록번호", Conf: confWord}, {Text: "주민번호", Conf: confWord}, {Text: "주민등록", Conf: confWord},
		{Text: "resident registration number", Conf: confWord}, {Text: "resident registration no", Conf: confWord},
		{Text: "RRN", Conf: confWord},
	},
	Digits: &detect.OnDigits{
		Compact: 1 << 13, OnCompact: func(s *detect.Scan, i, j int) { krCompact(s, i, j, false) },
		GroupFirst: 1 << 6, OnGrouped: func(s *detect.Scan, g *detect.Groups) { krGrouped(s, g, false) },
	},
	Examples: []detect.Example{
		{Text: "주민등록번호 971013-9019902", Span: "971013-9019902", Valid: true},
		{Text: "holder 800101-1000008 signed", Span: "800101-1000008", Valid: true},
		{Text: "RRN: 8001011000008", Span: "8001011000008", Valid: true},
		{Text: "주민등록번호 211005-3123456", Span: "211005-3123456", Valid: true}, // born after the 2020 rule
		{Text: "주민등록번호 971013-9019903"},                                      // wrong check digit
		{Text: "주민등록번호 971313-9019902"},                                      // month 13
		{Text: "holder 211005-3123456"},                                      // no check digit, no context word
		{Text: "id 8001011000008"},                                           // bare, no context word
		{Text: "주민등록번호 800101-5000001"},                                      // a foreigner's number
	},
}
