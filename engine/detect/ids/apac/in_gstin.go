package apac

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// INGSTIN finds Indian GST identification numbers (GSTN, "GSTIN format";
// CGST Rules 2017 r. 10 and the state code list): a state code, the
// holder's PAN, an entity number, Z and a check character computed mod 36
// (characters valued in base 36 and weighted 1, 2 alternately, each
// product adding its base-36 digits; the check is 36 minus the sum mod
// 36).
var INGSTIN = &detect.Detector{
	Name: "in_gstin",
	Types: []detect.Type{{
		Name: "in_gstin", Family: detect.NationalID, Confidence: confAlone,
		Confirm: "15 characters: state code, PAN, entity number, Z, mod 36 check character",
	}},
	Source: "GSTN, GSTIN structure (CGST Rules 2017 r. 10); mod 36 check character",
	Context: []detect.Word{
		{Text: "GSTIN", Conf: confWord}, {Text: "GST number", Conf: confWord}, {Text: "GST no", Conf: confWord},
		{Text: "GST registration", Conf: confWord}, {Text: "जीएसटीआईएन", Conf: confWord}, {Text: "जीएसटी", Conf: confWord},
	},
	Digits: &detect.OnDigits{Lead: "01239", LeadLen: 1 << 2, LeadNext: detect.Capitals, OnLead: findGSTIN},
	Examples: []detect.Example{
		{Text: "GSTIN 27AAPFU0939F1ZV", Span: "27AAPFU0939F1ZV", Valid: true},
		{Text: "supplier 27AAPFU0939F1ZV, Pune", Span: "27AAPFU0939F1ZV", Valid: true},
		{Text: "GSTIN 27AAPFU0939F1ZO"},
		{Text: "GSTIN 39AAPFU0939F1ZV"},
	},
}

// findGSTIN checks the fifteen characters that start with the state code
// t[i:j] and a letter.
func findGSTIN(s *detect.Scan, i, j int) {
	t := s.T
	ts, te := i, i+15
	if j-i != 2 || te > len(t) || !detect.IsUpper(t[j]) || !detect.FreeRight(t, te) {
		return
	}
	if validate.GSTIN(t[ts:te]) {
		if c := s.Context(ts); c > 0 {
			s.Add(0, ts, te, c, true)
		} else {
			s.Add(0, ts, te, confAlone, true)
		}
		return
	}
	if s.Context(ts) > 0 {
		s.Veto(ts, te, confVeto)
	}
}
