package validate

// IMEI reports whether b is a 15-digit International Mobile Equipment
// Identity whose last digit is the Luhn check digit over the first 14
// (3GPP TS 23.003 §6.2.1 and Annex B).
func IMEI(b []byte) bool {
	return len(b) == 15 && Luhn(b)
}
