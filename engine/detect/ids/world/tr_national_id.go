package world

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// TRNationalID finds Turkish identity numbers (T.C. Kimlik No; Nüfus ve
// Vatandaşlık İşleri Genel Müdürlüğü, Population Services Law No. 5490):
// eleven digits, the first not 0, the tenth (7 × the sum of the odd
// positions - the sum of the even ones) mod 10 and the eleventh the sum
// of the first ten mod 10. Eleven-digit numbers abound (phones, account
// numbers), so a context word is required.
var TRNationalID = &detect.Detector{
	Name: "tr_national_id",
	Types: []detect.Type{{
		Name: "tr_national_id", Family: detect.NationalID, Confidence: confWord, NeedsContext: true,
		Confirm: "11 digits, first not 0, two NVİ check digits; needs a context word",
	}},
	Source: "Nüfus ve Vatandaşlık İşleri Genel Müdürlüğü, T.C. Kimlik Numarası (Law No. 5490); check digit rules",
	Context: []detect.Word{
		{Text: "T.C. Kimlik No", Conf: confWord}, {Text: "TC Kimlik", Conf: confWord}, {Text: "T.C. Kimlik", Conf: confWord},
		{Text: "TCKN", Conf: confWord}, {Text: "TCKNO", Conf: confWord}, {Text: "kimlik no", Conf: confWord},
		{Text: "kimlik numarası", Conf: confWord}, {Text: "TC no", Conf: confWord}, {Text: "Turkish ID", Conf: confWord},
		{Text: "Turkish identity number", Conf: confWord},
	},
	Digits: &detect.OnDigits{Compact: 1 << 11, OnCompact: trIDCompact},
	Examples: []detect.Example{
		{Text: "T.C. Kimlik No: 10000000146", Span: "10000000146", Valid: true},
		{Text: "TCKN 12345678950", Span: "12345678950", Valid: true},
		{Text: "T.C. Kimlik No: 10000000147"},
		{Text: "ref 10000000146"},
	},
}

// trIDCompact handles eleven bare digits.
func trIDCompact(s *detect.Scan, i, j int) {
	if validate.TRKimlik(s.T[i:j]) {
		if c := s.Context(i); c > 0 {
			s.Add(0, i, j, c, true)
		}
	}
}
