package apac

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// SGUEN finds Singapore Unique Entity Numbers (ACRA, "About UEN"): eight
// digits and a check letter (businesses), a year, five digits and a
// check letter (local companies), or R/S/T, two digits of the year, an
// entity-type code from ACRA's list, four digits and a check letter
// (other entities), each check letter from the format's weights modulo
// 11. One number in eleven passes, so a context word is required.
var SGUEN = &detect.Detector{
	Name: "sg_uen",
	Types: []detect.Type{{
		Name: "sg_uen", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "the three UEN formats (business, local company, other entity with an ACRA entity type) and their mod 11 check letters; needs a context word",
	}},
	Source: "ACRA, Unique Entity Number formats and entity-type indicators",
	Context: []detect.Word{
		{Text: "UEN", Conf: confWord}, {Text: "unique entity number", Conf: confWord}, {Text: "ACRA", Conf: confWord},
		{Text: "company registration number", Conf: confWord}, {Text: "company reg no", Conf: confWord},
	},
	Tokens: &detect.OnToken{MinLen: 10, MaxLen: 10, MinLead: 1, MaxLead: 1, Find: findSGUENOther},
	Digits: &detect.OnDigits{Lead: "0123456789", LeadLen: 1<<8 | 1<<9, LeadNext: detect.Capitals, OnLead: findSGUENDigits},
	Examples: []detect.Example{
		{Text: "UEN 53012345B", Span: "53012345B", Valid: true},
		{Text: "UEN: 197401143C", Span: "197401143C", Valid: true},
		{Text: "ACRA S16FC0121D", Span: "S16FC0121D", Valid: true},
		{Text: "UEN 197401143D"},
		{Text: "UEN S16ZZ0121D"}, // ZZ is no entity type
		{Text: "order 197401143C"},
	},
}

// sgEntityTypes are ACRA's entity-type indicators of "other entity" UENs.
const sgEntityTypes = "CC CD CH CL CM CP CS CX DP FB FC FM FN GA GB GS HS LL LP MB MC MD MH MM MQ NB NR PA PB PF RF RP SM SS TC TU VH XL"

// findSGUENDigits handles eight or nine digits t[i:j] and a letter, a
// business or local company UEN.
func findSGUENDigits(s *detect.Scan, i, j int) {
	t := s.T
	if n := j - i; (n == 8 || n == 9) && detect.IsUpper(t[j]) && detect.FreeRight(t, j+1) {
		sgUEN(s, i, j+1)
	}
}

// findSGUENOther handles the ten-character token t[ts:te] of an other
// entity's UEN.
func findSGUENOther(s *detect.Scan, ts, te int) {
	if sgEntityType(s.T[ts+3], s.T[ts+4]) {
		sgUEN(s, ts, te)
	}
}

// sgUEN reports t[b:e] when it is a UEN and a context word stands before
// it.
func sgUEN(s *detect.Scan, b, e int) {
	if validate.SGUEN(s.T[b:e]) {
		if c := s.Context(b); c > 0 {
			s.Add(0, b, e, c, true)
		}
	}
}

// sgEntityType reports whether ab is an entity-type indicator.
func sgEntityType(a, b byte) bool {
	for k := 0; k+1 < len(sgEntityTypes); k += 3 {
		if sgEntityTypes[k] == a && sgEntityTypes[k+1] == b {
			return true
		}
	}
	return false
}
