package validate

import (
	"strconv"
	"testing"
)

func TestLuhn(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"4111111111111111", true},
		{"4111111111111112", false},
		{"79927398713", true}, // the ISO/IEC 7812 worked example
		{"79927398710", false},
		{"79927398711", false},
		{"00", true},
		{"0", false}, // too short
		{"", false},
		{"18", true},
		{"4111 1111 1111 1111", false}, // separators are the caller's job
		{"411111111111111a", false},
	}
	for _, tt := range tests {
		if got := Luhn([]byte(tt.in)); got != tt.want {
			t.Errorf("Luhn(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCASIN(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"046454286", true}, // the Canadian SIN example "046 454 286"
		{"046454287", false},
		{"146454286", false},
		{"04645428", false},   // 8 digits
		{"0464542860", false}, // 10 digits, also Luhn-valid
		{"04645428x", false},
	}
	for _, tt := range tests {
		if got := CASIN([]byte(tt.in)); got != tt.want {
			t.Errorf("CASIN(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestNPI(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"1234567893", true}, // the CMS example NPI
		{"1234567890", false},
		{"1234567894", false},
		{"2234567893", false},
		{"123456789", false},
		{"12345678931", false},
		{"123456789a", false},
	}
	for _, tt := range tests {
		if got := NPI([]byte(tt.in)); got != tt.want {
			t.Errorf("NPI(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	// NPI is defined as Luhn over "80840" + the ten digits.
	if !Luhn([]byte("808401234567893")) {
		t.Fatal("Luhn(80840+1234567893) = false; the NPI prefix constant is wrong")
	}
}

// refLuhn is an independent Luhn: parse each digit with strconv, double
// every second digit from the right and add the decimal digits of the
// product by formatting it.
func refLuhn(s string) bool {
	if len(s) < 2 {
		return false
	}
	total := 0
	for i := 0; i < len(s); i++ {
		d, err := strconv.Atoi(s[len(s)-1-i : len(s)-i]) // one byte: "+" and "-" fail too
		if err != nil {
			return false
		}
		if i%2 == 1 {
			for _, c := range strconv.Itoa(2 * d) {
				total += int(c - '0')
			}
		} else {
			total += d
		}
	}
	return total%10 == 0
}

func FuzzLuhn(f *testing.F) {
	for _, s := range []string{"4111111111111111", "79927398713", "79927398710", "0", "", "12a4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Luhn([]byte(s)), refLuhn(s); got != want {
			t.Fatalf("Luhn(%q) = %v, reference says %v", s, got, want)
		}
		if len(s) == 9 {
			if got, want := CASIN([]byte(s)), refLuhn(s); got != want {
				t.Fatalf("CASIN(%q) = %v, reference says %v", s, got, want)
			}
		}
		if len(s) == 10 {
			if got, want := NPI([]byte(s)), refLuhn("80840"+s); got != want {
				t.Fatalf("NPI(%q) = %v, reference says %v", s, got, want)
			}
		}
	})
}
