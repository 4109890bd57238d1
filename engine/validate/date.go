package validate

// Date reports whether year-month-day is a real day of the proleptic
// Gregorian calendar with year in 1..9999.
func Date(year, month, day int) bool {
	if year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 {
		return false
	}
	return day <= DaysIn(year, month)
}

// DaysIn returns the number of days in month (1-12) of year in the proleptic
// Gregorian calendar, or 0 for a month outside 1-12.
func DaysIn(year, month int) int {
	switch month {
	case 1, 3, 5, 7, 8, 10, 12:
		return 31
	case 4, 6, 9, 11:
		return 30
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	}
	return 0
}

var monthNames = [12]string{
	"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december",
}

// ParseMonthName returns the month number (1-12) for an English month name,
// either in full ("September") or as its first three letters ("Sep"), in any
// ASCII case. Anything else, including "Sept", returns (0, false).
func ParseMonthName(b []byte) (int, bool) {
	if len(b) < 3 || len(b) > 9 {
		return 0, false
	}
	for m, name := range monthNames {
		if len(b) != 3 && len(b) != len(name) {
			continue
		}
		if equalFoldLower(b, name[:len(b)]) {
			return m + 1, true
		}
	}
	return 0, false
}

// equalFoldLower reports whether b equals the lowercase ASCII string s under
// ASCII case folding.
func equalFoldLower(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := 0; i < len(b); i++ {
		if lower(b[i]) != s[i] {
			return false
		}
	}
	return true
}

// lower folds an ASCII upper-case letter to lower case.
func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
