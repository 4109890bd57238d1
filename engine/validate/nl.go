package validate

// DutchBSN reports whether d is a burgerservicenummer: nine ASCII digits,
// not all zero, that pass the eleven test: the first eight weighted 9
// down to 2, minus the last, is a multiple of 11 (Wet algemene bepalingen
// burgerservicenummer; Rijksdienst voor Identiteitsgegevens, "Logisch
// Ontwerp BSN", the 11-proef).
func DutchBSN(d []byte) bool {
	if len(d) != 9 || !allDigits(d) || string(d) == "000000000" {
		return false
	}
	sum := 0
	for k := 0; k < 8; k++ {
		sum += int(d[k]-'0') * (9 - k)
	}
	return (sum-int(d[8]-'0'))%11 == 0
}
