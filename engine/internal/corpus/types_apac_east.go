package corpus

import (
	"fmt"
	"math/rand/v2"
)

// Singapore, Australia, Thailand, the Philippines, Japan and China
// (engine/detect/ids/apac).

// nric returns a Singapore NRIC or FIN.
func nric(r *rand.Rand) string {
	return retry(func() string { return completeWith(r, letters(r, 1, "STFGM")+digitStr(r, 7), upper, nricOK) })
}

// uen returns a UEN in one of its three formats.
func uen(r *rand.Rand) string {
	return retry(func() string {
		var p string
		switch r.IntN(3) {
		case 0:
			p = digitStr(r, 8)
		case 1:
			p = fmt.Sprint(1950+r.IntN(75)) + digitStr(r, 5)
		default:
			ty := sgEntityTypes[3*r.IntN(38):]
			p = letters(r, 1, "RST") + digitStr(r, 2) + ty[:2] + digitStr(r, 4)
		}
		return completeWith(r, p, upper, uenOK)
	})
}

// checkedDigits returns n-1 random digits after first and the check digit
// that makes ok true.
func checkedDigits(r *rand.Rand, first string, n int, ok func(string) bool) string {
	return retry(func() string { return completeWith(r, first+digitStr(r, n-1-len(first)), "0123456789", ok) })
}

// medicare returns a Medicare card number (ten digits).
func medicare(r *rand.Rand) string {
	return retry(func() string {
		p := fmt.Sprint(2+r.IntN(5)) + digitStr(r, 7)
		for c := '0'; c <= '9'; c++ {
			if s := p + string(c) + fmt.Sprint(1+r.IntN(9)); medicareOK(s) {
				return s
			}
		}
		return ""
	})
}

func registerSingaporeAustralia() {
	RegisterType(TypeGen{
		Type: "sg_nric_fin", Context: []string{"NRIC", "FIN", "IC number", "kad pengenalan"},
		Valid:   nric,
		Invalid: func(r *rand.Rand) string { return breakCheck(r, nric(r), upper, nricOK) },
		Check:   nricOK,
	})
	RegisterType(TypeGen{
		Type: "sg_uen", NeedsContext: true, Context: []string{"UEN", "unique entity number", "ACRA"},
		Valid:   uen,
		Invalid: func(r *rand.Rand) string { return breakCheck(r, uen(r), upper, uenOK) },
		Check:   uenOK,
	})
	RegisterType(TypeGen{
		Type: "au_tfn", NeedsContext: true, Context: []string{"TFN", "tax file number"},
		Valid: func(r *rand.Rand) string {
			v := checkedDigits(r, "", 9, tfnOK)
			return []string{v, sep3(v, " ", 3, 3, 3)}[r.IntN(2)]
		},
		Invalid: func(r *rand.Rand) string {
			return sep3(breakCheck(r, checkedDigits(r, "", 9, tfnOK), "0123456789", tfnOK), " ", 3, 3, 3)
		},
		Check: tfnOK,
	})
	RegisterType(TypeGen{
		Type: "au_abn", Context: []string{"ABN", "Australian business number"},
		Valid: func(r *rand.Rand) string {
			return sep3(checkedDigits(r, fmt.Sprint(1+r.IntN(9)), 11, abnOK), " ", 2, 3, 3, 3)
		},
		Invalid: func(r *rand.Rand) string {
			v := checkedDigits(r, fmt.Sprint(1+r.IntN(9)), 11, abnOK)
			return sep3(breakCheck(r, v, "0123456789", abnOK), " ", 2, 3, 3, 3)
		},
		Check: abnOK,
	})
	RegisterType(TypeGen{
		Type: "au_acn", NeedsContext: true, Context: []string{"ACN", "Australian company number"},
		Valid: func(r *rand.Rand) string {
			v := checkedDigits(r, "", 9, acnOK)
			return []string{v, sep3(v, " ", 3, 3, 3)}[r.IntN(2)]
		},
		Invalid: func(r *rand.Rand) string {
			return sep3(breakCheck(r, checkedDigits(r, "", 9, acnOK), "0123456789", acnOK), " ", 3, 3, 3)
		},
		Check: acnOK,
	})
	RegisterType(TypeGen{
		Type: "au_medicare", NeedsContext: true, Context: []string{"Medicare", "Medicare number", "medicare card"},
		Valid: func(r *rand.Rand) string {
			v := medicare(r)
			return []string{v, sep3(v, " ", 4, 5, 1)}[r.IntN(2)]
		},
		Invalid: func(r *rand.Rand) string {
			v := medicare(r)
			bad := completeWith(r, v[:8], "0123456789", func(s string) bool { return !medicareOK(s + v[9:]) }) + v[9:]
			return sep3(bad, " ", 4, 5, 1)
		},
		Check: medicareOK,
	})
}

// tnin returns a Thai national identification number (13 digits).
func tnin(r *rand.Rand) string {
	return checkedDigits(r, fmt.Sprint(1+r.IntN(8))+fmt.Sprint(10+r.IntN(87)), 13, tninOK)
}

// cnID returns a Chinese citizen identity number.
func cnID(r *rand.Rand) string {
	return retry(func() string {
		y := 1940 + r.IntN(80)
		m, d := 1+r.IntN(12), 1+r.IntN(28)
		p := cnProvinceCodes[r.IntN(len(cnProvinceCodes))] + fmt.Sprintf("%04d%04d%02d%02d%s", 100+r.IntN(9000), y, m, d, digitStr(r, 3))
		return completeWith(r, p, "0123456789X", cnIDOK)
	})
}

func registerEastAsia() {
	RegisterType(TypeGen{
		Type: "th_tnin", Context: []string{"เลขประจำตัวประชาชน", "เลขบัตรประชาชน", "Thai ID", "Thai national ID"},
		Valid: func(r *rand.Rand) string {
			return sep3(tnin(r), []string{" ", "-"}[r.IntN(2)], 1, 4, 5, 2, 1)
		},
		Invalid: func(r *rand.Rand) string {
			return sep3(breakCheck(r, tnin(r), "0123456789", tninOK), "-", 1, 4, 5, 2, 1)
		},
		Check: tninOK,
	})
	RegisterType(TypeGen{
		Type: "ph_tin", NeedsContext: true, Context: []string{"TIN", "taxpayer identification number", "BIR"},
		Valid: func(r *rand.Rand) string {
			v := digitStr(r, 9)
			switch r.IntN(3) {
			case 0:
				return sep3(v, "-", 3, 3, 3) + "-000"
			case 1:
				return sep3(v, "-", 3, 3, 3) + "-" + digitStr(r, 5)
			}
			return v + "000"
		},
	})
	RegisterType(TypeGen{
		Type: "jp_my_number", NeedsContext: true, Context: []string{"マイナンバー", "個人番号", "My Number"},
		Valid: func(r *rand.Rand) string {
			v := checkedDigits(r, "", 12, myNumberOK)
			return []string{v, sep3(v, " ", 4, 4, 4), sep3(v, "-", 4, 4, 4)}[r.IntN(3)]
		},
		Invalid: func(r *rand.Rand) string {
			return sep3(breakCheck(r, checkedDigits(r, "", 12, myNumberOK), "0123456789", myNumberOK), " ", 4, 4, 4)
		},
		Check: myNumberOK,
	})
	RegisterType(TypeGen{
		Type: "cn_resident_id", Context: []string{"身份证", "身份证号码", "居民身份证", "公民身份号码"},
		Valid:   cnID,
		Invalid: func(r *rand.Rand) string { return breakCheck(r, cnID(r), "0123456789X", cnIDOK) },
		Check:   cnIDOK,
	})
}
