package validate

import (
	"strings"
	"testing"
)

func TestINPAN(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"ACUPA7085R", true}, // python-stdnum's in_.pan example
		{"AAPPV8261K", true},
		{"AAPFU0939F", true},
		{"ABMXA3211G", false}, // X is no holder type
		{"ABMPA32111", false}, // the last character is a letter
		{"ABMPA0000G", false}, // serial 0000
		{"abmpa3211g", false},
		{"ABMPA3211", false},
	}
	for _, tt := range tests {
		if got := INPAN([]byte(tt.in)); got != tt.want {
			t.Errorf("INPAN(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestGSTIN(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"27AAPFU0939F1ZV", true}, // python-stdnum's in_.gstin example
		{"27AAPFU0939F1ZO", false},
		{"27AAPFU0939F1Z", false},
		{"39AAPFU0939F1ZV", false}, // state 39 does not exist
		{"27AAPXU0939F1ZV", false}, // X is no PAN holder type
		{"27AAPFU0939F0ZV", false}, // entity number 0
		{"27AAPFU0939F1YV", false},
		{"369296450896540", false},
	}
	for _, tt := range tests {
		if got := GSTIN([]byte(tt.in)); got != tt.want {
			t.Errorf("GSTIN(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// refGSTIN transcribes GSTN's check as Luhn mod 36 read from the right:
// every second character before the check is doubled, and a product adds
// its base-36 digits.
func refGSTIN(s string) bool {
	const alpha = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	if len(s) != 15 {
		return false
	}
	st := s[:2]
	if !(st >= "01" && st <= "38" || st == "97" || st == "99") || len(bigDigits(st)) != 2 {
		return false
	}
	if !refPAN(s[2:12]) || !strings.Contains(alpha[1:], s[12:13]) || s[13] != 'Z' {
		return false
	}
	sum := 0
	for k := 1; k <= 15; k++ { // k counts from the right, the check at k = 1
		v := strings.IndexByte(alpha, s[15-k])
		if v < 0 {
			return false
		}
		if k%2 == 0 {
			v *= 2
			v = v/36 + v%36
		}
		sum += v
	}
	return sum%36 == 0
}

// refPAN checks the PAN's structure with string functions.
func refPAN(s string) bool {
	if len(s) != 10 || strings.Trim(s[:5], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" || !strings.Contains("ABCFGHJKLPT", s[3:4]) {
		return false
	}
	return len(bigDigits(s[5:9])) == 4 && s[5:9] != "0000" && strings.Trim(s[9:], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

func FuzzIN(f *testing.F) {
	for _, s := range []string{"27AAPFU0939F1ZV", "27AAPFU0939F1ZO", "ACUPA7085R", "99AAAAA0001AZZ0", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := INPAN([]byte(s)), refPAN(s); got != want {
			t.Fatalf("INPAN(%q) = %v, reference says %v", s, got, want)
		}
		if got, want := GSTIN([]byte(s)), refGSTIN(s); got != want {
			t.Fatalf("GSTIN(%q) = %v, reference says %v", s, got, want)
		}
	})
}
