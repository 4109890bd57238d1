package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The German types of issue 15. Valid values and checks are written here
// from the published algorithms (ISO/IEC 7064, ICAO 9303, VKVV, GKV,
// KBV), independently of package validate and the de detectors.

func init() {
	RegisterType(TypeGen{
		Type: "de_tax_id", NeedsContext: true,
		Context: []string{"Steuer-ID", "Steueridentifikationsnummer", "IdNr", "tax ID"},
		Valid: func(r *rand.Rand) string {
			v := deTaxID(r)
			if r.IntN(2) == 0 {
				return v[:2] + " " + v[2:5] + " " + v[5:8] + " " + v[8:]
			}
			return v
		},
		Invalid: func(r *rand.Rand) string {
			v := deTaxID(r)
			return v[:10] + string(digitChars[(int(v[10]-'0')+1+r.IntN(9))%10])
		},
		Check: func(v string) bool { return deTaxIDCheck(strings.ReplaceAll(v, " ", "")) },
	})
	RegisterType(TypeGen{
		Type: "de_tax_number", NeedsContext: true,
		Context: []string{"Steuernummer", "St.-Nr.", "StNr", "Steuer-Nr."},
		Valid: func(r *rand.Rand) string {
			switch r.IntN(5) {
			case 0: // Bayern
				return fmt.Sprintf("%d%s/%s/%s", 1+r.IntN(2), usDigits(r, 2), usDigits(r, 3), usDigits(r, 5))
			case 1: // Berlin, Baden-Württemberg
				return fmt.Sprintf("%s/%s/%s", usDigits(r, 2), usDigits(r, 3), usDigits(r, 5))
			case 2: // Nordrhein-Westfalen
				return fmt.Sprintf("%s/%s/%s", usDigits(r, 3), usDigits(r, 4), usDigits(r, 4))
			case 3: // Rheinland-Pfalz
				return fmt.Sprintf("%s/%s/%s/%s", usDigits(r, 2), usDigits(r, 3), usDigits(r, 4), usDigits(r, 1))
			default: // the unified 13-digit form
				return fmt.Sprint(1+r.IntN(9)) + usDigits(r, 12)
			}
		},
	})
	RegisterType(TypeGen{
		Type:    "de_vat_id",
		Context: []string{"USt-IdNr.", "VAT ID", "Umsatzsteuer-ID"},
		Valid: func(r *rand.Rand) string {
			v := "DE" + deWithMod1110(string(digitChars[1+r.IntN(9)])+usDigits(r, 7))
			if r.IntN(4) == 0 {
				return v[:2] + " " + v[2:]
			}
			return v
		},
		Invalid: func(r *rand.Rand) string {
			v := deWithMod1110(string(digitChars[1+r.IntN(9)]) + usDigits(r, 7))
			return "DE" + v[:8] + string(digitChars[(int(v[8]-'0')+1+r.IntN(9))%10])
		},
		Check: func(v string) bool {
			v = strings.ReplaceAll(v, " ", "")
			return len(v) == 11 && v[:2] == "DE" && allASCIIDigits(v[2:]) && v[2] != '0' && deMod1110OK(v[2:])
		},
	})
	RegisterType(TypeGen{
		Type: "de_id_card", NeedsContext: true,
		Context: []string{"Personalausweis", "Ausweisnummer", "Personalausweisnummer"},
		Valid:   func(r *rand.Rand) string { return deDocument(r, "LMNPRTVWXY", 0) },
		Invalid: func(r *rand.Rand) string { return deDocument(r, "LMNPRTVWXY", 1) },
		Check:   func(v string) bool { return deDocumentCheck(v, "LMNPRTVWXY") },
	})
	RegisterType(TypeGen{
		Type: "de_passport", NeedsContext: true,
		Context: []string{"Reisepass", "Passnummer", "Reisepassnummer"},
		Valid:   func(r *rand.Rand) string { return deDocument(r, "CFGHJK", 0) },
		Invalid: func(r *rand.Rand) string { return deDocument(r, "CFGHJK", 1) },
		Check:   func(v string) bool { return deDocumentCheck(v, "CFGHJK") },
	})
	RegisterType(TypeGen{
		Type: "de_social_security", NeedsContext: true,
		Context: []string{"Sozialversicherungsnummer", "Rentenversicherungsnummer", "SV-Nummer"},
		Valid: func(r *rand.Rand) string {
			v := deRVNR(r, true)
			if r.IntN(2) == 0 {
				return v[:2] + " " + v[2:8] + " " + v[8:9] + " " + v[9:]
			}
			return v
		},
		Invalid: func(r *rand.Rand) string { return deRVNR(r, false) },
		Check: func(v string) bool {
			return deRVNRCheck(strings.ReplaceAll(v, " ", ""))
		},
	})
	RegisterType(TypeGen{
		Type: "de_health_insurance", NeedsContext: true,
		Context: []string{"Krankenversichertennummer", "KVNR", "Versichertennummer"},
		Valid:   func(r *rand.Rand) string { return deKVNR(r, true) },
		Invalid: func(r *rand.Rand) string { return deKVNR(r, false) },
		Check:   deKVNRCheck,
	})
	RegisterType(TypeGen{
		Type: "de_lanr", NeedsContext: true,
		Context: []string{"LANR", "Arztnummer", "lebenslange Arztnummer"},
		Valid:   func(r *rand.Rand) string { return deLANR(r, true) },
		Invalid: func(r *rand.Rand) string { return deLANR(r, false) },
		Check:   deLANRCheck,
	})
	RegisterType(TypeGen{
		Type: "de_bsnr", NeedsContext: true,
		Context: []string{"BSNR", "Betriebsstättennummer"},
		Valid: func(r *rand.Rand) string {
			kv := []string{"01", "02", "03", "17", "20", "38", "46", "51", "52", "71", "72", "73", "78", "83", "88", "93", "98"}
			return kv[r.IntN(len(kv))] + usDigits(r, 7)
		},
	})
	RegisterType(TypeGen{
		Type: "de_fuehrerschein", NeedsContext: true,
		Context: []string{"Führerscheinnummer", "Führerschein", "Fuehrerschein-Nr"},
		Valid: func(r *rand.Rand) string {
			const an = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
			b := []byte{upperChars[r.IntN(26)]}
			for len(b) < 9 {
				b = append(b, an[r.IntN(len(an))])
			}
			return string(b) + usDigits(r, 2)
		},
	})
	RegisterType(TypeGen{
		Type: "de_kfz", NeedsContext: true,
		Context: []string{"Kennzeichen", "Kfz-Kennzeichen", "Nummernschild"},
		Valid:   func(r *rand.Rand) string { return deKfz(r, deKfzDistricts) },
		Invalid: func(r *rand.Rand) string { return deKfz(r, []string{"XX", "QY", "JJ", "ZZ", "XQ"}) },
	})
	RegisterType(TypeGen{
		Type: "de_plz", NeedsContext: true,
		Context: []string{"PLZ", "Postleitzahl"},
		Valid:   func(r *rand.Rand) string { return fmt.Sprintf("%05d", 1001+r.IntN(98998)) },
	})
	RegisterType(TypeGen{
		Type: "de_handelsregister", NeedsContext: true,
		Context: []string{"Amtsgericht München", "Handelsregister", "Registergericht Berlin"},
		Valid: func(r *rand.Rand) string {
			v := []string{"HRA", "HRB"}[r.IntN(2)] + " " + fmt.Sprint(1+r.IntN(299999))
			if r.IntN(4) == 0 {
				v += " B"
			}
			return v
		},
	})
}

// deMod1110Product returns ISO/IEC 7064 MOD 11,10's running product after
// the digits d.
func deMod1110Product(d string) int {
	p := 10
	for _, c := range []byte(d) {
		s := (p + int(c-'0')) % 10
		if s == 0 {
			s = 10
		}
		p = s * 2 % 11
	}
	return p
}

// deWithMod1110 appends the MOD 11,10 check digit to d.
func deWithMod1110(d string) string {
	c := 11 - deMod1110Product(d)
	if c == 10 {
		c = 0
	}
	return d + fmt.Sprint(c)
}

// deMod1110OK checks the last digit of d.
func deMod1110OK(d string) bool { return deWithMod1110(d[:len(d)-1]) == d }

// deTaxID returns a valid Steuer-IdNr: ten digits, the first not 0, in
// which one digit appears twice (and the others at most once), and the
// check digit.
func deTaxID(r *rand.Rand) string {
	for {
		perm := r.Perm(10)
		d := make([]byte, 10)
		for i := 0; i < 9; i++ {
			d[i] = digitChars[perm[i]]
		}
		d[9] = d[r.IntN(9)] // repeat one of the nine
		r.Shuffle(10, func(i, j int) { d[i], d[j] = d[j], d[i] })
		if d[0] == '0' {
			continue
		}
		return deWithMod1110(string(d))
	}
}

// deTaxIDCheck is §139b AO's structure (one digit twice or three times,
// not three in a row) and the check digit.
func deTaxIDCheck(v string) bool {
	if len(v) != 11 || !allASCIIDigits(v) || v[0] == '0' || !deMod1110OK(v) {
		return false
	}
	counts := map[byte]int{}
	for _, c := range []byte(v[:10]) {
		counts[c]++
	}
	multi := 0
	for c, n := range counts {
		if n > 3 {
			return false
		}
		if n > 1 {
			multi++
			if n == 3 && strings.Contains(v[:10], strings.Repeat(string(c), 3)) {
				return false
			}
		}
	}
	return multi == 1
}

// deDocAlphabet is the alphabet of German ID card and passport serials.
const deDocAlphabet = "0123456789CFGHJKLMNPRTVWXYZ"

// deICAO is the ICAO 9303 check digit (weights 7 3 1; A=10).
func deICAO(s string) int {
	sum := 0
	for i, c := range []byte(s) {
		v := int(c - '0')
		if c >= 'A' {
			v = int(c-'A') + 10
		}
		sum += v * []int{7, 3, 1}[i%3]
	}
	return sum % 10
}

// deDocument returns a serial with a first letter of first and, half the
// time, its check digit; with bad == 1 the check digit is always there
// and wrong. Like the Bundesdruckerei's specimens (L01X00T47, C01X00T47,
// T22000129), the authority code's second and third characters are
// digits.
func deDocument(r *rand.Rand, first string, bad int) string {
	b := []byte{first[r.IntN(len(first))], digitChars[r.IntN(10)], digitChars[r.IntN(10)]}
	for len(b) < 9 {
		b = append(b, deDocAlphabet[r.IntN(len(deDocAlphabet))])
	}
	s := string(b)
	if bad == 0 && r.IntN(2) == 0 {
		return s
	}
	c := deICAO(s)
	if bad == 1 {
		c = (c + 1 + r.IntN(9)) % 10
	}
	return s + fmt.Sprint(c)
}

// deDocumentCheck checks a serial's alphabet, first letter and, with ten
// characters, check digit.
func deDocumentCheck(v, first string) bool {
	if len(v) != 9 && len(v) != 10 || strings.IndexByte(first, v[0]) < 0 {
		return false
	}
	for _, c := range []byte(v[:9]) {
		if strings.IndexByte(deDocAlphabet, c) < 0 {
			return false
		}
	}
	return len(v) == 9 || fmt.Sprint(deICAO(v[:9])) == v[9:]
}

// deCrossSum is the sum of the decimal digits of n.
func deCrossSum(n int) int { return n/10 + n%10 }

// deRVNRDigit is the pension insurance number's check digit of the first
// eleven characters v (VKVV §2).
func deRVNRDigit(v string) int {
	l := int(v[8]-'A') + 1
	d := []int{int(v[0] - '0'), int(v[1] - '0'), int(v[2] - '0'), int(v[3] - '0'), int(v[4] - '0'), int(v[5] - '0'),
		int(v[6] - '0'), int(v[7] - '0'), l / 10, l % 10, int(v[9] - '0'), int(v[10] - '0')}
	w := []int{2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1}
	sum := 0
	for i := range d {
		sum += deCrossSum(d[i] * w[i])
	}
	return sum % 10
}

// deRVNR returns a pension insurance number with a right (or wrong)
// check digit.
func deRVNR(r *rand.Rand, ok bool) string {
	v := fmt.Sprintf("%02d%02d%02d%02d%c%02d", 2+r.IntN(80), 1+r.IntN(28), 1+r.IntN(12), r.IntN(100), 'A'+r.IntN(26), r.IntN(100))
	c := deRVNRDigit(v)
	if !ok {
		c = (c + 1 + r.IntN(9)) % 10
	}
	return v + fmt.Sprint(c)
}

// deRVNRCheck checks the structure, the date and the check digit.
func deRVNRCheck(v string) bool {
	if len(v) != 12 || !allASCIIDigits(v[:8]) || v[8] < 'A' || v[8] > 'Z' || !allASCIIDigits(v[9:]) || v[:2] == "00" {
		return false
	}
	day, month := int(v[2]-'0')*10+int(v[3]-'0'), int(v[4]-'0')*10+int(v[5]-'0')
	year := int(v[6]-'0')*10 + int(v[7]-'0')
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	days := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
	if month == 2 && year%4 == 0 {
		days = 29
	}
	return day <= days && fmt.Sprint(deRVNRDigit(v)) == v[11:]
}

// deKVNRDigit is the health insurance number's check digit of a letter
// and eight digits (GKV-Spitzenverband, Anlage 1).
func deKVNRDigit(v string) int {
	l := int(v[0]-'A') + 1
	d := []int{l / 10, l % 10}
	for _, c := range []byte(v[1:9]) {
		d = append(d, int(c-'0'))
	}
	sum := 0
	for i, x := range d {
		sum += deCrossSum(x * (1 + i%2))
	}
	return sum % 10
}

// deKVNR returns a health insurance number with a right (or wrong) check
// digit.
func deKVNR(r *rand.Rand, ok bool) string {
	v := string(upperChars[r.IntN(26)]) + usDigits(r, 8)
	c := deKVNRDigit(v)
	if !ok {
		c = (c + 1 + r.IntN(9)) % 10
	}
	return v + fmt.Sprint(c)
}

// deKVNRCheck checks a health insurance number.
func deKVNRCheck(v string) bool {
	return len(v) == 10 && v[0] >= 'A' && v[0] <= 'Z' && allASCIIDigits(v[1:]) && fmt.Sprint(deKVNRDigit(v)) == v[9:]
}

// deLANRDigit is the LANR's check digit over its first six digits (KBV).
func deLANRDigit(v string) int {
	sum := 0
	for i, c := range []byte(v[:6]) {
		sum += int(c-'0') * []int{4, 9}[i%2]
	}
	return (10 - sum%10) % 10
}

// deLANR returns a LANR with a right (or wrong) check digit.
func deLANR(r *rand.Rand, ok bool) string {
	v := usDigits(r, 6)
	c := deLANRDigit(v)
	if !ok {
		c = (c + 1 + r.IntN(9)) % 10
	}
	return v + fmt.Sprint(c) + usDigits(r, 2)
}

// deLANRCheck checks a LANR.
func deLANRCheck(v string) bool {
	return len(v) == 9 && allASCIIDigits(v) && fmt.Sprint(deLANRDigit(v)) == v[6:7]
}

// deKfzDistricts are Unterscheidungszeichen (FZV Anlage 1) for valid
// registrations.
var deKfzDistricts = strings.Fields("B M HH K F S D BAD DÜW KA HD LB WOB MYK EMS NVP OHZ")

// deKfz returns a registration with a district of ds.
func deKfz(r *rand.Rand, ds []string) string {
	d := ds[r.IntN(len(ds))]
	letters := 1 + r.IntN(2)
	n := len([]rune(d)) + letters
	digits := 1 + r.IntN(min(4, 8-n))
	b := []byte{}
	for i := 0; i < letters; i++ {
		b = append(b, upperChars[r.IntN(26)])
	}
	num := fmt.Sprint(1+r.IntN(9)) + usDigits(r, digits-1)
	v := d + "-" + string(b) + " " + num
	if r.IntN(6) == 0 {
		v += "E"
	}
	return v
}
