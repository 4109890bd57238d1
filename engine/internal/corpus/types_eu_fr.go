package corpus

import (
	"math/big"
	"math/rand/v2"
	"strings"
)

// French, Dutch, Belgian and Polish identifiers for the type corpus (see
// types_eu.go).

// euMod returns the decimal number s mod m, through math/big.
func euMod(s string, m int64) int64 {
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return -1
	}
	return new(big.Int).Mod(n, big.NewInt(m)).Int64()
}

// euNIRKey returns the key of the first thirteen characters of a NIR.
func euNIRKey(v string) int64 {
	n := strings.NewReplacer("2A", "19", "2B", "18").Replace(v[:13])
	return 97 - euMod(n, 97)
}

func init() {
	nir := func(r *rand.Rand) string {
		dept := euFmt(1+r.IntN(95), 2)
		if r.IntN(8) == 0 {
			dept = "2" + string("AB"[r.IntN(2)])
		}
		v := string("12"[r.IntN(2)]) + euDigits(r, 2) + euFmt(1+r.IntN(12), 2) + dept +
			euFmt(1+r.IntN(999), 3) + euFmt(1+r.IntN(999), 3)
		v += euFmt(int(euNIRKey(v)), 2)
		if r.IntN(2) == 0 {
			return v[:1] + " " + v[1:3] + " " + v[3:5] + " " + v[5:7] + " " + v[7:10] + " " + v[10:13] + " " + v[13:]
		}
		return v
	}
	nirCheck := func(v string) bool {
		c := strings.ReplaceAll(v, " ", "")
		return len(c) == 15 && strings.ContainsRune("12", rune(c[0])) && euAtoi(c[3:5]) >= 1 && euAtoi(c[3:5]) <= 12 &&
			int64(euAtoi(c[13:])) == euNIRKey(c)
	}
	RegisterType(TypeGen{
		Type: "fr_nir", Valid: nir,
		Invalid:      func(r *rand.Rand) string { return euBreak(r, nir(r), nirCheck) },
		Context:      []string{"NIR", "numéro de sécurité sociale", "n° de sécurité sociale", "numéro INSEE", "carte Vitale"},
		NeedsContext: true,
		Check:        nirCheck,
	})
	siren := func(r *rand.Rand) string {
		b := euFmt(1+r.IntN(99_999_999), 8)
		return b + euFmt(euLuhnDigit(b), 1)
	}
	sirenCheck := func(v string) bool {
		c := strings.ReplaceAll(v, " ", "")
		return len(c) == 9 && euLuhnDigit(c[:8]) == int(c[8]-'0')
	}
	RegisterType(TypeGen{
		Type: "fr_siren",
		Valid: func(r *rand.Rand) string {
			v := siren(r)
			if r.IntN(2) == 0 {
				return v[:3] + " " + v[3:6] + " " + v[6:]
			}
			return v
		},
		Invalid:      func(r *rand.Rand) string { return euBreak(r, siren(r), sirenCheck) },
		Context:      []string{"SIREN", "n° SIREN", "numéro SIREN"},
		NeedsContext: true,
		Check:        sirenCheck,
	})
	siret := func(r *rand.Rand) string {
		b := siren(r) + euFmt(1+r.IntN(9999), 4)
		v := b + euFmt(euLuhnDigit(b), 1)
		if r.IntN(2) == 0 {
			return v[:3] + " " + v[3:6] + " " + v[6:9] + " " + v[9:]
		}
		return v
	}
	siretCheck := func(v string) bool {
		c := strings.ReplaceAll(v, " ", "")
		if len(c) != 14 || euLuhnDigit(c[:8]) != int(c[8]-'0') {
			return false
		}
		if c[:9] == "356000000" {
			sum := 0
			for _, d := range c {
				sum += int(d - '0')
			}
			return sum%5 == 0
		}
		return euLuhnDigit(c[:13]) == int(c[13]-'0')
	}
	RegisterType(TypeGen{
		Type: "fr_siret", Valid: siret,
		Invalid:      func(r *rand.Rand) string { return euBreak(r, siret(r), siretCheck) },
		Context:      []string{"SIRET", "n° SIRET", "numéro SIRET"},
		NeedsContext: true,
		Check:        siretCheck,
	})
}
