package validate

import (
	"strings"
	"testing"
)

func TestNANP(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"2125551234", true},
		{"4155550100", true},
		{"9876543210", true},
		{"1125551234", false}, // area starts with 1
		{"0125551234", false}, // area starts with 0
		{"2121551234", false}, // exchange starts with 1
		{"2120551234", false}, // exchange starts with 0
		{"9115551234", false}, // N11 area
		{"4112345678", false},
		{"2129111234", false}, // N11 exchange
		{"2124111234", false},
		{"2122111234", false},
		{"2101551234", false},
		{"212555123", false},
		{"12125551234", false}, // leading 1 belongs to the caller
		{"212555123a", false},
	}
	for _, tt := range tests {
		if got := NANP([]byte(tt.in)); got != tt.want {
			t.Errorf("NANP(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestE164(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"14155552671", true},       // +1 415 555 2671
		{"442071838750", true},      // +44 20 7183 8750
		{"493012345678", true},      // +49
		{"861012345678", true},      // +86
		{"35312345678", true},       // +353
		{"97312345678", true},       // +973
		{"8001234567", true},        // +800 freephone
		{"1234567", false},          // 7 digits: too short
		{"1234567890123456", false}, // 16 digits: too long
		{"123456789012345", true},   // 15 digits
		{"28012345678", false},      // 28x is spare
		{"21012345678", false},      // 210 is spare
		{"42212345678", false},      // 422 is spare
		{"69312345678", false},      // 693 is spare
		{"85112345678", false},      // 851 is spare
		{"99912345678", false},      // 999 is reserved
		{"01234567890", false},      // no code starts with 0
		{"4420718387a0", false},
	}
	for _, tt := range tests {
		if got := E164([]byte(tt.in)); got != tt.want {
			t.Errorf("E164(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCountryCodeLen(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"1", 1}, {"14155552671", 1}, {"7", 1}, {"79161234567", 1},
		{"44", 2}, {"4", 0}, {"442071838750", 2}, {"20", 2}, {"2", 0},
		{"211", 3}, {"21", 0}, {"35312345678", 3}, {"380", 3}, {"38", 0},
		{"8", 0}, {"80", 0}, {"800", 3}, {"801", 0}, {"886", 3},
		{"0", 0}, {"", 0}, {"4x", 0}, {"x44", 0},
	}
	for _, tt := range tests {
		if got := CountryCodeLen([]byte(tt.in)); got != tt.want {
			t.Errorf("CountryCodeLen(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestCallingCodesArePrefixFree checks the property CountryCodeLen relies on
// and that every entry is 1-3 digits and appears once.
func TestCallingCodesArePrefixFree(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range callingCodes {
		if len(a.code) < 1 || len(a.code) > 3 || strings.Trim(a.code, "0123456789") != "" || a.code[0] == '0' {
			t.Errorf("bad calling code %q (%s)", a.code, a.name)
		}
		if seen[a.code] {
			t.Errorf("calling code %s listed twice", a.code)
		}
		seen[a.code] = true
		for _, b := range callingCodes {
			if a.code != b.code && strings.HasPrefix(b.code, a.code) {
				t.Errorf("calling code %s (%s) is a prefix of %s (%s)", a.code, a.name, b.code, b.name)
			}
		}
	}
	if len(callingCodes) != 219 {
		t.Errorf("len(callingCodes) = %d, want 219", len(callingCodes))
	}
}
