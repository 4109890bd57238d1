package validate

import (
	"strconv"
	"testing"
)

func TestISO7064Mod1110(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"86095742719", true}, // BZSt's example Steuer-IdNr
		{"47036892816", true},
		{"123456788", true}, // DE123456788
		{"86095742718", false},
		{"123456789", false},
		{"1", false},
		{"12a", false},
	}
	for _, tt := range tests {
		if got := ISO7064Mod1110([]byte(tt.in)); got != tt.want {
			t.Errorf("ISO7064Mod1110(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestDETaxID(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"86095742719", true},
		{"47036892816", true},
		{"86095742718", false}, // check digit
		{"12345678903", false}, // no digit repeated (check digit right)
		{"11145678908", false}, // three 1s in a row (check digit right)
		{"06095742719", false}, // leading 0
		{"8609574271", false},
		{"860957427190", false},
	}
	for _, tt := range tests {
		if got := DETaxID([]byte(tt.in)); got != tt.want {
			t.Errorf("DETaxID(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	// Three times, not in a row, is allowed.
	if d := refWithMod1110("1213456789"[:10]); !DETaxID([]byte(d)) {
		t.Errorf("DETaxID(%q) = false, want true (1 three times, apart)", d)
	}
}

func TestDEVATID(t *testing.T) {
	for in, want := range map[string]bool{"123456788": true, "812345673": true, "123456789": false, "023456785": false, "12345678": false} {
		if got := DEVATID([]byte(in)); got != want {
			t.Errorf("DEVATID(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestICAOCheck(t *testing.T) {
	for in, want := range map[string]int{"C01X00T47": 8, "T22000129": 3, "L01X00T47": 1, "D23145890": 7, "L898902C<": 3, "a": -1} {
		if got := ICAOCheck([]byte(in)); got != want {
			t.Errorf("ICAOCheck(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestDEDocumentNumber(t *testing.T) {
	tests := []struct {
		in   string
		kind byte
		want bool
	}{
		{"C01X00T478", 'P', true}, // passport specimen (Erika Mustermann)
		{"C01X00T47", 'P', true},
		{"T220001293", 'I', true}, // identity card specimen
		{"L01X00T471", 'I', true},
		{"C01X00T479", 'P', false},
		{"C01X00T478", 'I', false}, // a passport letter on an ID card
		{"T220001293", 'P', false},
		{"LA1X00T47", 'I', false}, // A is not in the alphabet
		{"L01X00T4", 'I', false},
		{"L01X00T47", 'X', false},
	}
	for _, tt := range tests {
		if got := DEDocumentNumber([]byte(tt.in), tt.kind); got != tt.want {
			t.Errorf("DEDocumentNumber(%q, %c) = %v, want %v", tt.in, tt.kind, got, tt.want)
		}
	}
}

func TestDEInsuranceNumbers(t *testing.T) {
	for in, want := range map[string]bool{
		"15070649C103": true, // DRV's example Versicherungsnummer
		"65170839J003": true,
		"15070649C104": false,
		"15310249C107": false, // 31 February
		"00070649C103": false,
		"15070649c103": false,
		"1507064C103":  false,
	} {
		if got := DESocialSecurity([]byte(in)); got != want {
			t.Errorf("DESocialSecurity(%q) = %v, want %v", in, got, want)
		}
	}
	for in, want := range map[string]bool{"A123456780": true, "A123456781": false, "a123456780": false, "A12345678": false} {
		if got := DEHealthInsurance([]byte(in)); got != want {
			t.Errorf("DEHealthInsurance(%q) = %v, want %v", in, got, want)
		}
	}
	for in, want := range map[string]bool{"123456601": true, "987654450": true, "123456701": false, "12345660": false} {
		if got := DELANR([]byte(in)); got != want {
			t.Errorf("DELANR(%q) = %v, want %v", in, got, want)
		}
	}
}

// refWithMod1110 appends the ISO/IEC 7064 MOD 11,10 check digit to d,
// transcribed from the standard's description of the hybrid system: for
// each digit, add it to the previous remainder (10 at the start), reduce
// modulo 10 (0 counts as 10), double and reduce modulo 11; the check
// digit brings the last (remainder + check) to 1 modulo 10.
func refWithMod1110(d string) string {
	r := 10
	for i := 0; i < len(d); i++ {
		x, _ := strconv.Atoi(d[i : i+1])
		m := (r + x) % 10
		if m == 0 {
			m = 10
		}
		r = (m * 2) % 11
	}
	for c := 0; c <= 9; c++ {
		if (r+c)%10 == 1 {
			return d + strconv.Itoa(c)
		}
	}
	return ""
}

// refTaxID is §139b AO: 11 digits, no leading 0, exactly one digit
// repeated twice or thrice (never three adjacent), MOD 11,10.
func refTaxID(s string) bool {
	if len(s) != 11 || s[0] == '0' {
		for _, c := range s {
			if c < '0' || c > '9' {
				return false
			}
		}
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	seen := map[rune]int{}
	for _, c := range s[:10] {
		seen[c]++
	}
	rep := 0
	for c, n := range seen {
		switch {
		case n == 2:
			rep++
		case n == 3:
			rep++
			for i := 0; i+3 <= 10; i++ {
				if s[i:i+3] == string([]rune{c, c, c}) {
					return false
				}
			}
		case n > 3:
			return false
		}
	}
	return rep == 1 && refWithMod1110(s[:10]) == s
}

func FuzzISO7064Mod1110(f *testing.F) {
	for _, s := range []string{"86095742719", "47036892816", "123456788", "11145678908", "0", "9x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := len(s) >= 2 && refWithMod1110(s[:len(s)-1]) == s
		for _, c := range s {
			if c < '0' || c > '9' {
				want = false
			}
		}
		if got := ISO7064Mod1110([]byte(s)); got != want {
			t.Fatalf("ISO7064Mod1110(%q) = %v, reference says %v", s, got, want)
		}
		if got, want := DETaxID([]byte(s)), refTaxID(s); got != want {
			t.Fatalf("DETaxID(%q) = %v, reference says %v", s, got, want)
		}
		if len(s) == 9 {
			if got, want := DEVATID([]byte(s)), s[0] != '0' && want; got != want {
				t.Fatalf("DEVATID(%q) = %v, reference says %v", s, got, want)
			}
		}
	})
}

// refICAO is ICAO 9303 Part 3 §4.9: values 0-9, A-Z = 10-35, < = 0;
// weights 7, 3, 1 repeating; the sum modulo 10.
func refICAO(s string) int {
	weights := []int{7, 3, 1}
	total := 0
	for i, c := range s {
		v := 0
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c >= 'A' && c <= 'Z':
			v = 10 + int(c-'A')
		case c == '<':
			v = 0
		default:
			return -1
		}
		total += v * weights[i%3]
	}
	return total % 10
}

func FuzzICAOCheck(f *testing.F) {
	for _, s := range []string{"C01X00T478", "T220001293", "L01X00T47", "<<", "a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ICAOCheck([]byte(s)), refICAO(s); got != want {
			t.Fatalf("ICAOCheck(%q) = %d, reference says %d", s, got, want)
		}
		for _, kind := range []byte{'I', 'P'} {
			first := "LMNPRTVWXY"
			if kind == 'P' {
				first = "CFGHJK"
			}
			want := (len(s) == 9 || len(s) == 10) && containsByte(first, s[0])
			for i := 0; want && i < 9; i++ {
				want = containsByte("0123456789CFGHJKLMNPRTVWXYZ", s[i])
			}
			if want && len(s) == 10 {
				want = strconv.Itoa(refICAO(s[:9])) == s[9:]
			}
			if got := DEDocumentNumber([]byte(s), kind); got != want {
				t.Fatalf("DEDocumentNumber(%q, %c) = %v, reference says %v", s, kind, got, want)
			}
		}
	})
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// refDigitSum is the cross sum of n.
func refDigitSum(n int) int {
	s := 0
	for _, c := range strconv.Itoa(n) {
		s += int(c - '0')
	}
	return s
}

// refRVNR is VKVV §2: the area (not 00), a real DDMMYY, a capital, a
// serial, and the check digit over the digits with the letter as 01-26.
func refRVNR(s string) bool {
	if len(s) != 12 {
		return false
	}
	for i, c := range s {
		if i == 8 {
			if c < 'A' || c > 'Z' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	if s[:2] == "00" {
		return false
	}
	dd, _ := strconv.Atoi(s[2:4])
	mm, _ := strconv.Atoi(s[4:6])
	yy, _ := strconv.Atoi(s[6:8])
	if !Date(2000+yy, mm, dd) {
		return false
	}
	digits := s[:8] + strconv.Itoa(100 + int(s[8]-'A') + 1)[1:] + s[9:11]
	weights := []int{2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1}
	sum := 0
	for i := range weights {
		sum += refDigitSum(int(digits[i]-'0') * weights[i])
	}
	return strconv.Itoa(sum%10) == s[11:]
}

// refKVNR is the GKV check: the letter as 01-26, then eight digits,
// weighted 1, 2, 1, 2, ..., cross sums, modulo 10.
func refKVNR(s string) bool {
	if len(s) != 10 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	digits := strconv.Itoa(100 + int(s[0]-'A') + 1)[1:] + s[1:9]
	sum := 0
	for i := range digits {
		sum += refDigitSum(int(digits[i]-'0') * (1 + i%2))
	}
	return strconv.Itoa(sum%10) == s[9:]
}

// refLANR is the KBV check: weights 4 9 4 9 4 9, check = (10 - sum mod
// 10) mod 10 in position 7.
func refLANR(s string) bool {
	if len(s) != 9 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	sum := 0
	for i, w := range []int{4, 9, 4, 9, 4, 9} {
		sum += int(s[i]-'0') * w
	}
	return strconv.Itoa((10-sum%10)%10) == s[6:7]
}

func FuzzDEInsurance(f *testing.F) {
	for _, s := range []string{"15070649C103", "65170839J003", "A123456780", "123456601", "29020049A000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := DESocialSecurity([]byte(s)), refRVNR(s); got != want {
			t.Fatalf("DESocialSecurity(%q) = %v, reference says %v", s, got, want)
		}
		if got, want := DEHealthInsurance([]byte(s)), refKVNR(s); got != want {
			t.Fatalf("DEHealthInsurance(%q) = %v, reference says %v", s, got, want)
		}
		if got, want := DELANR([]byte(s)), refLANR(s); got != want {
			t.Fatalf("DELANR(%q) = %v, reference says %v", s, got, want)
		}
	})
}
