package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The Asia-Pacific national identifiers of engine/detect/ids/apac.

const upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// letters returns n random upper-case letters from alphabet.
func letters(r *rand.Rand, n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// digitStr returns n random digits.
func digitStr(r *rand.Rand, n int) string { return gen{r}.digits(n) }

// completeWith appends the character of alphabet that makes ok true (the
// first, from a random start), or "" when none does.
func completeWith(r *rand.Rand, prefix, alphabet string, ok func(string) bool) string {
	k := r.IntN(len(alphabet))
	for i := range alphabet {
		if s := prefix + string(alphabet[(k+i)%len(alphabet)]); ok(s) {
			return s
		}
	}
	return ""
}

// breakCheck replaces the last character by one of alphabet that makes ok
// false.
func breakCheck(r *rand.Rand, v, alphabet string, ok func(string) bool) string {
	return completeWith(r, v[:len(v)-1], alphabet, func(s string) bool { return !ok(s) })
}

// retry calls f until it returns a non-empty string.
func retry(f func() string) string {
	for {
		if s := f(); s != "" {
			return s
		}
	}
}

// birth returns a random date YYMMDD between 1930 and 2019 and its
// century's first two digits.
func birth(r *rand.Rand) (string, int) {
	for {
		y, m, d := 1930+r.IntN(90), 1+r.IntN(12), 1+r.IntN(31)
		if realDate(y, m, d) {
			return fmt.Sprintf("%02d%02d%02d", y%100, m, d), y / 100
		}
	}
}

// krReg returns a Korean registration number YYMMDD-GSSSSSC.
func krReg(r *rand.Rand, foreign bool) string {
	return retry(func() string {
		d, c := birth(r)
		g := 1 + r.IntN(2)
		if c == 20 {
			g += 2
		}
		if foreign {
			g += 4
		}
		return completeWith(r, fmt.Sprintf("%s-%d%s", d, g, digitStr(r, 5)), "0123456789", func(s string) bool { return krRegOK(s, foreign) })
	})
}

// sep3 joins the digits of v in groups of the given sizes with sep.
func sep3(v, sep string, sizes ...int) string {
	var parts []string
	for _, n := range sizes {
		parts = append(parts, v[:n])
		v = v[n:]
	}
	return strings.Join(parts, sep)
}

func init() {
	RegisterType(TypeGen{
		Type: "kr_rrn", Context: []string{"주민등록번호", "주민번호", "resident registration number", "RRN"},
		Valid: func(r *rand.Rand) string { return krReg(r, false) },
		Invalid: func(r *rand.Rand) string {
			return breakCheck(r, krReg(r, false), "0123456789", func(s string) bool { return krRegOK(s, false) })
		},
		Check: func(v string) bool { return krRegOK(v, false) },
	})
	RegisterType(TypeGen{
		Type: "kr_frn", Context: []string{"외국인등록번호", "외국인번호", "foreigner registration number", "FRN"},
		Valid: func(r *rand.Rand) string { return krReg(r, true) },
		// A foreigner number whose check digit fails may be one of the
		// numbers assigned since October 2020; the lookalike has no real
		// birth date instead.
		Invalid: func(r *rand.Rand) string { v := krReg(r, true); return v[:2] + "13" + v[4:] },
		Check:   func(v string) bool { return krRegOK(v, true) },
	})
	RegisterType(TypeGen{
		Type: "kr_brn", NeedsContext: true, Context: []string{"사업자등록번호", "사업자번호", "business registration number", "BRN"},
		Valid: func(r *rand.Rand) string {
			v := retry(func() string {
				return completeWith(r, fmt.Sprint(101+r.IntN(899))+digitStr(r, 6), "0123456789", krBRNOK)
			})
			if r.IntN(2) == 0 {
				return v
			}
			return sep3(v, "-", 3, 2, 5)
		},
		Invalid: func(r *rand.Rand) string {
			v := retry(func() string {
				return completeWith(r, fmt.Sprint(101+r.IntN(899))+digitStr(r, 6), "0123456789", krBRNOK)
			})
			return sep3(breakCheck(r, v, "0123456789", krBRNOK), "-", 3, 2, 5)
		},
		Check: krBRNOK,
	})
	RegisterType(TypeGen{
		Type: "kr_passport", NeedsContext: true, Context: []string{"여권번호", "여권", "Korean passport"},
		Valid: func(r *rand.Rand) string {
			p := letters(r, 1, "MSROD")
			if r.IntN(2) == 0 {
				return p + digitStr(r, 8)
			}
			return p + digitStr(r, 3) + letters(r, 1, upper) + digitStr(r, 4)
		},
	})
	RegisterType(TypeGen{
		Type: "kr_driver_license", NeedsContext: true, Context: []string{"운전면허번호", "운전면허", "면허번호", "Korean driver license"},
		Valid: func(r *rand.Rand) string {
			region := []string{"11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "28"}[r.IntN(17)]
			v := region + digitStr(r, 10)
			if r.IntN(2) == 0 {
				return v
			}
			return sep3(v, "-", 2, 2, 6, 2)
		},
		Invalid: func(r *rand.Rand) string {
			return sep3([]string{"10", "27", "29", "30", "99"}[r.IntN(5)]+digitStr(r, 10), "-", 2, 2, 6, 2)
		},
	})
	registerIndia()
	registerSingaporeAustralia()
	registerEastAsia()
}

// inStateCodes are state codes for Indian registration marks.
var inStateCodes = []string{"MH", "KA", "DL", "TN", "UP", "GJ", "RJ", "WB", "KL", "AP", "TS", "HR", "PB", "MP", "BR"}

// inPlate returns an Indian registration mark in one of its written
// forms.
func inPlate(r *rand.Rand) string {
	st := inStateCodes[r.IntN(len(inStateCodes))]
	dist := fmt.Sprintf("%02d", 1+r.IntN(60))
	series := letters(r, 1+r.IntN(2), upper)
	num := fmt.Sprintf("%04d", 1+r.IntN(9999))
	switch r.IntN(4) {
	case 0:
		return st + " " + dist + " " + series + " " + num
	case 1:
		return st + dist + series + num
	case 2:
		return st + "-" + dist + "-" + series + "-" + num
	}
	return fmt.Sprintf("%02d BH %04d %s", 21+r.IntN(5), 1+r.IntN(9999), letters(r, 2, "ABCDEFGHJKLMNPQRSTUVWXYZ"))
}

// pan returns a PAN with the given holder type letter.
func pan(r *rand.Rand, holder string) string {
	return letters(r, 3, upper) + holder + letters(r, 1, upper) + fmt.Sprintf("%04d", 1+r.IntN(9999)) + letters(r, 1, upper)
}

// gstin returns a GSTIN.
func gstin(r *rand.Rand) string {
	return retry(func() string {
		p := fmt.Sprintf("%02d", 1+r.IntN(37)) + pan(r, letters(r, 1, "ABCFGHJKLPT")) + letters(r, 1, "123456789ABCDEFGHJ") + "Z"
		return completeWith(r, p, "0123456789"+upper, gstinOK)
	})
}

func registerIndia() {
	RegisterType(TypeGen{
		Type: "in_pan", NeedsContext: true, Context: []string{"PAN", "permanent account number", "PAN card", "स्थायी खाता संख्या"},
		Valid:   func(r *rand.Rand) string { return pan(r, letters(r, 1, "ABCFGHJKLPT")) },
		Invalid: func(r *rand.Rand) string { return pan(r, letters(r, 1, "DEIMNOQRSUVWXYZ")) },
		Check:   panShape,
	})
	RegisterType(TypeGen{
		Type: "in_gstin", Context: []string{"GSTIN", "GST number", "GST no"},
		Valid:   gstin,
		Invalid: func(r *rand.Rand) string { return breakCheck(r, gstin(r), "0123456789"+upper, gstinOK) },
		Check:   gstinOK,
	})
	RegisterType(TypeGen{
		Type: "in_passport", NeedsContext: true, Context: []string{"Indian passport", "पासपोर्ट"},
		Valid:   func(r *rand.Rand) string { return letters(r, 1, upper) + fmt.Sprint(1+r.IntN(9)) + digitStr(r, 6) },
		Invalid: func(r *rand.Rand) string { return letters(r, 1, upper) + "0" + digitStr(r, 6) },
	})
	RegisterType(TypeGen{
		Type: "in_voter", NeedsContext: true, Context: []string{"voter id", "EPIC", "voter card", "मतदाता पहचान पत्र"},
		Valid: func(r *rand.Rand) string { return letters(r, 3, upper) + digitStr(r, 7) },
	})
	RegisterType(TypeGen{
		Type: "in_vehicle_registration", NeedsContext: true, Context: []string{"vehicle registration", "vehicle number", "RTO", "number plate"},
		Valid: inPlate,
		Invalid: func(r *rand.Rand) string {
			return []string{"ZZ", "QX", "AA"}[r.IntN(3)] + " " + fmt.Sprintf("%02d", 1+r.IntN(60)) + " " + letters(r, 2, upper) + " " + fmt.Sprintf("%04d", 1+r.IntN(9999))
		},
	})
}
