package corpus

import (
	"fmt"
	"math/rand/v2"
)

// The national identifiers and plates of engine/detect/ids/world:
// Türkiye, Nigeria, South Africa, Brazil, Mexico and Israel.

// trPlateLetters are the letters of Turkish plates.
const trPlateLetters = "ABCDEFGHIJKLMNOPRSTUVYZ"

// trPlate returns a Turkish plate with spaces, dashes or none.
func trPlate(r *rand.Rand, province int) string {
	n := 1 + r.IntN(3)
	digits := map[int][]int{1: {4, 5}, 2: {3, 4}, 3: {2, 3}}[n][r.IntN(2)]
	num := fmt.Sprint(1 + r.IntN(9))
	num += digitStr(r, digits-1)
	sep := []string{" ", " ", "-", ""}[r.IntN(4)]
	return fmt.Sprintf("%02d%s%s%s%s", province, sep, letters(r, n, trPlateLetters), sep, num)
}

// curp returns a CURP.
func curp(r *rand.Rand) string {
	return retry(func() string {
		y, m, d := 1930+r.IntN(90), 1+r.IntN(12), 1+r.IntN(28)
		diff := fmt.Sprint(r.IntN(10))
		if y >= 2000 {
			diff = letters(r, 1, upper)
		}
		p := letters(r, 1, upper) + letters(r, 1, "AEIOUX") + letters(r, 2, upper) +
			fmt.Sprintf("%02d%02d%02d", y%100, m, d) + letters(r, 1, "HM") + mxStateCodes[3*r.IntN(33):][:2] +
			letters(r, 3, "BCDFGHJKLMNPQRSTVWXYZ") + diff
		return completeWith(r, p, "0123456789", curpOK)
	})
}

// rfc returns an RFC of a person (13 characters) or a company (12).
func rfc(r *rand.Rand) string {
	return retry(func() string {
		y, m, d := r.IntN(100), 1+r.IntN(12), 1+r.IntN(28)
		name := letters(r, 3+r.IntN(2), upper)
		p := name + fmt.Sprintf("%02d%02d%02d", y, m, d) + letters(r, 1, "123456789ABCDEFGHIJKLMNPQRSTUV") + letters(r, 1, "123456789ABCDEFGHIJKLMNPQRSTUVWXYZ")
		return completeWith(r, p, "0123456789A", rfcOK)
	})
}

func init() {
	RegisterType(TypeGen{
		Type: "tr_national_id", NeedsContext: true, Context: []string{"T.C. Kimlik No", "TC Kimlik", "TCKN", "kimlik numarası"},
		Valid: func(r *rand.Rand) string { return checkedDigits(r, fmt.Sprint(1+r.IntN(9)), 11, tcknOK) },
		Invalid: func(r *rand.Rand) string {
			return breakCheck(r, checkedDigits(r, fmt.Sprint(1+r.IntN(9)), 11, tcknOK), "0123456789", tcknOK)
		},
		Check: tcknOK,
	})
	RegisterType(TypeGen{
		Type: "tr_license_plate", NeedsContext: true, Context: []string{"plaka", "araç plakası", "plaka numarası", "license plate"},
		Valid:   func(r *rand.Rand) string { return trPlate(r, 1+r.IntN(81)) },
		Invalid: func(r *rand.Rand) string { return trPlate(r, 82+r.IntN(18)) },
	})
	RegisterType(TypeGen{
		Type: "ng_nin", NeedsContext: true, Context: []string{"NIN", "national identification number", "NIMC"},
		Valid: func(r *rand.Rand) string { return digitStr(r, 11) },
	})
	RegisterType(TypeGen{
		Type: "ng_vehicle_registration", NeedsContext: true, Context: []string{"plate number", "number plate", "vehicle registration"},
		Valid: func(r *rand.Rand) string {
			return letters(r, 3, upper) + []string{"-", " ", ""}[r.IntN(3)] + fmt.Sprintf("%03d", 1+r.IntN(999)) + letters(r, 2, upper)
		},
	})
	RegisterType(TypeGen{
		Type: "za_id_number", NeedsContext: true, Context: []string{"ID number", "identity number", "South African ID", "identiteitsnommer"},
		Valid: func(r *rand.Rand) string {
			d, _ := birth(r)
			return checkedDigits(r, d+digitStr(r, 4)+fmt.Sprint(r.IntN(2))+"8", 13, zaIDOK)
		},
		Invalid: func(r *rand.Rand) string {
			d, _ := birth(r)
			return breakCheck(r, checkedDigits(r, d+digitStr(r, 4)+"08", 13, zaIDOK), "0123456789", zaIDOK)
		},
		Check: zaIDOK,
	})
	RegisterType(TypeGen{
		Type: "br_cpf", Context: []string{"CPF", "CPF/MF", "cadastro de pessoas físicas"},
		Valid: func(r *rand.Rand) string {
			return retry(func() string {
				v := digitStr(r, 9)
				v = completeWith(r, v, "0123456789", func(s string) bool { return mod11BR(digitsOf(s), []int{10, 9, 8, 7, 6, 5, 4, 3, 2}) == int(s[9]-'0') })
				v = completeWith(r, v, "0123456789", cpfOK)
				if v == "" {
					return ""
				}
				return v[:3] + "." + v[3:6] + "." + v[6:9] + "-" + v[9:]
			})
		},
		Invalid: func(r *rand.Rand) string { return "529.982.247-" + []string{"24", "15", "35", "26"}[r.IntN(4)] },
		Check:   cpfOK,
	})
	RegisterType(TypeGen{
		Type: "br_cnpj", Context: []string{"CNPJ", "CNPJ/MF", "cadastro nacional da pessoa jurídica"},
		Valid: func(r *rand.Rand) string {
			return retry(func() string {
				v := digitStr(r, 8) + fmt.Sprintf("%04d", 1+r.IntN(20))
				v = completeWith(r, v, "0123456789", func(s string) bool {
					return mod11BR(digitsOf(s), []int{5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}) == int(s[12]-'0')
				})
				v = completeWith(r, v, "0123456789", cnpjOK)
				if v == "" {
					return ""
				}
				return v[:2] + "." + v[2:5] + "." + v[5:8] + "/" + v[8:12] + "-" + v[12:]
			})
		},
		Invalid: func(r *rand.Rand) string { return "11.222.333/0001-" + []string{"82", "71", "91", "80"}[r.IntN(4)] },
		Check:   cnpjOK,
	})
	RegisterType(TypeGen{
		Type: "mx_curp", Context: []string{"CURP", "clave única de registro de población"},
		Valid:   curp,
		Invalid: func(r *rand.Rand) string { return breakCheck(r, curp(r), "0123456789", curpOK) },
		Check:   curpOK,
	})
	RegisterType(TypeGen{
		Type: "mx_rfc", Context: []string{"RFC", "registro federal de contribuyentes"},
		Valid:   rfc,
		Invalid: func(r *rand.Rand) string { return breakCheck(r, rfc(r), "0123456789A", rfcOK) },
		Check:   rfcOK,
	})
	RegisterType(TypeGen{
		Type: "il_id", NeedsContext: true, Context: []string{"תעודת זהות", "מספר זהות", "teudat zehut", "mispar zehut"},
		Valid: func(r *rand.Rand) string {
			v := checkedDigits(r, "", 9, ilIDOK)
			return []string{v, v[:8] + "-" + v[8:]}[r.IntN(2)]
		},
		Invalid: func(r *rand.Rand) string { return breakCheck(r, checkedDigits(r, "", 9, ilIDOK), "0123456789", ilIDOK) },
		Check:   ilIDOK,
	})
}
