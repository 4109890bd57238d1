package validate

import (
	"strconv"
	"strings"
	"testing"
)

func TestITINAndEIN(t *testing.T) {
	for in, want := range map[string]bool{
		"912701234": true, "999940001": true, "950501234": true, "988881234": true,
		"912451234": false, "912931234": false, "912891234": false, "812701234": false,
	} {
		if got := ITIN([]byte(in[:3]), []byte(in[3:5]), []byte(in[5:])); got != want {
			t.Errorf("ITIN(%q) = %v, want %v", in, got, want)
		}
	}
	for in, want := range map[string]bool{
		"123456789": true, "013456789": true, "993456789": true, "313456789": true,
		"003456789": false, "073456789": false, "493456789": false, "963456789": false, "12345678": false,
	} {
		if got := EIN([]byte(in)); got != want {
			t.Errorf("EIN(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestDEA(t *testing.T) {
	for in, want := range map[string]bool{
		"AB1234563": true, "FJ9876547": true, "M91234563": true,
		"AB1234564": false, "IB1234563": false, "Ab1234563": false, "AB123456": false,
	} {
		if got := DEA([]byte(in)); got != want {
			t.Errorf("DEA(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestMBI(t *testing.T) {
	for in, want := range map[string]bool{
		"1EG4TE5MK73": true, // CMS's example, 1EG4-TE5-MK73
		"9AA0AA0AA00": true,
		"0EG4TE5MK73": false, "1SG4TE5MK73": false, "1EG4TE5MK7": false, "1EGATE5MK73": false, "1EG4TE5MK7A": false,
	} {
		if got := MBI([]byte(in)); got != want {
			t.Errorf("MBI(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestNINO(t *testing.T) {
	for in, want := range map[string]bool{
		"AB123456C": true, "JG103756A": true, "ZX123456D": true,
		"GB123456A": false, "AO123456A": false, "DA123456A": false, "AB123456E": false, "QQ123456C": false, "AB12345C": false,
	} {
		if got := NINO([]byte(in)); got != want {
			t.Errorf("NINO(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestUKDrivingLicence(t *testing.T) {
	for in, want := range map[string]bool{
		"MORGA753116SM9IJ": true, // the DVLA's specimen licence
		"LEE99862241AB9CD": true,
		"MORGA733116SM9IJ": false, // month 33
		"MORGA752306SM9IJ": false, // 30 February
		"MORGA702296SM9IJ": true,  // 29 February 1976, a leap year
		"MORGA702297SM9IJ": false, // 29 February 1977
		"MO9GA753116SM9IJ": false, // a letter after the padding
		"MORGA753116SM9I":  false,
	} {
		if got := UKDrivingLicence([]byte(in)); got != want {
			t.Errorf("UKDrivingLicence(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestUKVehicleRegistration(t *testing.T) {
	for in, want := range map[string]bool{
		"BD51SMR": true, // INF104's example
		"LB07SEO": true, "A123BCD": true, "A1BCD": true, "ABC123D": true, "ABC1D": true,
		"IB51SMR": false, "BD50SMR": false, "BD01SMR": false, "BD51SQR": false, "BZ51SMR": false,
		"A012BCD": false, "I123BCD": false, "ABC012D": false, "ABC123I": false, "QBC123D": false,
	} {
		if got := UKVehicleRegistration([]byte(in)); got != want {
			t.Errorf("UKVehicleRegistration(%q) = %v, want %v", in, got, want)
		}
	}
}

// refDEA transcribes the DEA rule.
func refDEA(s string) bool {
	if len(s) != 9 || !strings.ContainsRune("ABCDEFGHJKLMPRSTUX", rune(s[0])) || !(s[1] == '9' || s[1] >= 'A' && s[1] <= 'Z') {
		return false
	}
	n := make([]int, 7)
	for i := range n {
		c := s[2+i]
		if c < '0' || c > '9' {
			return false
		}
		n[i] = int(c - '0')
	}
	return strconv.Itoa(n[0] + n[2] + n[4] + 2*(n[1]+n[3]+n[5]))[len(strconv.Itoa(n[0]+n[2]+n[4]+2*(n[1]+n[3]+n[5])))-1:] == strconv.Itoa(n[6])
}

// refMBI transcribes CMS's position table.
func refMBI(s string) bool {
	kinds := "CAPNAPNAANN" // C 1-9, A letter, P letter or digit, N digit
	if len(s) != 11 {
		return false
	}
	for i := range kinds {
		c := s[i]
		letter := c >= 'A' && c <= 'Z' && !strings.ContainsRune("SLOIBZ", rune(c))
		digit := c >= '0' && c <= '9'
		switch kinds[i] {
		case 'C':
			if c < '1' || c > '9' {
				return false
			}
		case 'A':
			if !letter {
				return false
			}
		case 'N':
			if !digit {
				return false
			}
		case 'P':
			if !letter && !digit {
				return false
			}
		}
	}
	return true
}

// refNINO transcribes NIM39110.
func refNINO(s string) bool {
	if len(s) != 9 {
		return false
	}
	for _, c := range s[2:8] {
		if c < '0' || c > '9' {
			return false
		}
	}
	a, b := s[0], s[1]
	if a < 'A' || a > 'Z' || b < 'A' || b > 'Z' || strings.ContainsRune("DFIQUV", rune(a)) || strings.ContainsRune("DFIQUVO", rune(b)) {
		return false
	}
	for _, p := range []string{"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"} {
		if s[:2] == p {
			return false
		}
	}
	return s[8] >= 'A' && s[8] <= 'D'
}

// refITIN transcribes the IRS ranges.
func refITIN(s string) bool {
	if len(s) != 9 || s[0] != '9' {
		return false
	}
	if _, err := strconv.ParseUint(s, 10, 64); err != nil || strings.ContainsAny(s, "+-") {
		return false
	}
	g, _ := strconv.Atoi(s[3:5])
	return (50 <= g && g <= 65) || (70 <= g && g <= 88) || (90 <= g && g <= 92) || (94 <= g && g <= 99)
}

func FuzzUSUKIDs(f *testing.F) {
	for _, s := range []string{"AB1234563", "1EG4TE5MK73", "AB123456C", "912701234", "MORGA753116SM9IJ", "BD51SMR"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := DEA([]byte(s)), refDEA(s); got != want {
			t.Fatalf("DEA(%q) = %v, reference says %v", s, got, want)
		}
		if got, want := MBI([]byte(s)), refMBI(s); got != want {
			t.Fatalf("MBI(%q) = %v, reference says %v", s, got, want)
		}
		if got, want := NINO([]byte(s)), refNINO(s); got != want {
			t.Fatalf("NINO(%q) = %v, reference says %v", s, got, want)
		}
		if len(s) == 9 {
			if got, want := ITIN([]byte(s[:3]), []byte(s[3:5]), []byte(s[5:])), refITIN(s); got != want {
				t.Fatalf("ITIN(%q) = %v, reference says %v", s, got, want)
			}
		}
	})
}
