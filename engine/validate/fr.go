package validate

// French identifiers: the NIR, the number of a person in the Répertoire
// national d'identification des personnes physiques (décret n° 82-103 du
// 22 janvier 1982, art. 4; INSEE, "NIR" XML schema, xml.insee.fr), and
// the SIREN and SIRET numbers of businesses and their establishments
// (INSEE, Répertoire Sirene; Luhn check digits).

// FrenchNIR reports whether v is a NIR with its key: fifteen characters,
// upper case, of which
//   - the sex (1 or 2; 3, 4, 7 or 8 for provisional numbers),
//   - the year of birth (two digits),
//   - the month of birth (01-12, or 20-99 when the civil status was
//     incomplete),
//   - the département (01-99, or 2A and 2B for Corsica),
//   - the commune or country (three digits),
//   - the order number (001-999),
//   - the key (01-97): 97 minus the first thirteen characters as a number
//     mod 97, with 2A read as 19 and 2B as 18.
func FrenchNIR(v []byte) bool {
	if len(v) != 15 || !allDigits(v[:5]) || !allDigits(v[7:]) {
		return false
	}
	switch v[0] {
	case '1', '2', '3', '4', '7', '8':
	default:
		return false
	}
	month := int(v[3]-'0')*10 + int(v[4]-'0')
	if month == 0 || month > 12 && month < 20 {
		return false
	}
	var dept int
	switch {
	case v[5] == '2' && v[6] == 'A':
		dept = 19
	case v[5] == '2' && v[6] == 'B':
		dept = 18
	case IsDigit(v[5]) && IsDigit(v[6]):
		dept = int(v[5]-'0')*10 + int(v[6]-'0')
		if dept == 0 {
			return false
		}
	default:
		return false
	}
	if string(v[10:13]) == "000" {
		return false
	}
	n := 0
	for k := 0; k < 13; k++ {
		d := int(v[k]) - '0'
		switch k {
		case 5:
			d = dept / 10
		case 6:
			d = dept % 10
		}
		n = (n*10 + d) % 97
	}
	key := int(v[13]-'0')*10 + int(v[14]-'0')
	return key == 97-n
}

// laPosteSIREN is the SIREN of La Poste, whose establishments' SIRET
// numbers follow a rule of their own (INSEE): the sum of the fourteen
// digits is a multiple of 5.
const laPosteSIREN = "356000000"

// SIREN reports whether d is a SIREN: nine ASCII digits, not all zero,
// with a Luhn check digit.
func SIREN(d []byte) bool {
	return len(d) == 9 && string(d) != "000000000" && luhnSum(d)%10 == 0
}

// SIRET reports whether d is a SIRET: fourteen ASCII digits, a SIREN and
// the five-digit number of the establishment (NIC), the whole with a Luhn
// check digit, or, for La Poste, a digit sum that is a multiple of 5.
func SIRET(d []byte) bool {
	if len(d) != 14 || !allDigits(d) || !SIREN(d[:9]) {
		return false
	}
	if string(d[:9]) == laPosteSIREN {
		sum := 0
		for _, c := range d {
			sum += int(c - '0')
		}
		return sum%5 == 0
	}
	return luhnSum(d)%10 == 0
}
