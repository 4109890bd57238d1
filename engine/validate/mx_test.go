package validate

import (
	"strings"
	"testing"
)

func TestCURP(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"BOXW310820HNERXN09", true}, // python-stdnum's mx.curp example
		{"HEGG560427MVZRRL04", true},
		{"BOXW310820HNERXN08", false},
		{"BOXW310832HNERXN02", false}, // 32 August
		{"BOXW310820ZNERXN05", false}, // sex Z
		{"BBXW310820HNERXN06", false}, // second letter not a vowel
		{"BOXW310820HNERXN0", false},
	}
	for _, tt := range tests {
		if got := CURP([]byte(tt.in)); got != tt.want {
			t.Errorf("CURP(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestRFC(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"GODE561231GR8", true}, // python-stdnum's mx.rfc examples
		{"MAB9307148T4", true},
		{"VACE460910SX6", false}, // stdnum's example of a wrong check digit
		{"GODE561231GR9", false},
		{"GODE561331GR8", false}, // month 13
		{"GODE561231ZR8", false}, // homoclave starting above V
		{"GODE561231", false},
	}
	for _, tt := range tests {
		if got := RFC([]byte(tt.in)); got != tt.want {
			t.Errorf("RFC(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// refMXAlphabet is the check digit alphabet with Ñ written as &.
const refMXAlphabet = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ"

// refCURP transcribes RENAPO's structure and check digit.
func refCURP(s string) bool {
	const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	if len(s) != 18 || strings.Trim(s[:4], letters) != "" || bigDigits(s[4:10]) == nil || strings.Trim(s[11:16], letters) != "" {
		return false
	}
	if !strings.Contains("AEIOUX", s[1:2]) || !strings.Contains("HMX", s[10:11]) || strings.ContainsAny(s[13:16], "AEIOU") {
		return false
	}
	d := bigDigits(s[4:10])
	century := 1900
	switch {
	case strings.Contains(letters, s[16:17]):
		century = 2000
	case bigDigits(s[16:17]) == nil:
		return false
	}
	if !refDate(century+d[0]*10+d[1], d[2]*10+d[3], d[4]*10+d[5]) || bigDigits(s[17:]) == nil {
		return false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(refMXAlphabet, s[i]) * (18 - i)
	}
	return (10-sum%10)%10 == int(s[17]-'0')
}

// refRFC pads a company's code with a space on the left to twelve
// characters before weighting them 13 down to 2.
func refRFC(s string) bool {
	if len(s) != 12 && len(s) != 13 {
		return false
	}
	name := len(s) - 9
	if strings.Trim(s[:name], "ABCDEFGHIJKLMNOPQRSTUVWXYZ&") != "" {
		return false
	}
	d := bigDigits(s[name : name+6])
	if d == nil || !refDate(2000+d[0]*10+d[1], d[2]*10+d[3], d[4]*10+d[5]) {
		return false
	}
	h := s[len(s)-3:]
	if !strings.Contains("123456789ABCDEFGHIJKLMNPQRSTUV", h[:1]) || !strings.Contains("123456789ABCDEFGHIJKLMNPQRSTUVWXYZ", h[1:2]) {
		return false
	}
	p := (" " + s[:len(s)-1])[len(s)-12:]
	if len(s) == 13 {
		p = s[:12]
	}
	sum := 0
	for i := 0; i < 12; i++ {
		sum += strings.IndexByte(refMXAlphabet, p[i]) * (13 - i)
	}
	return h[2] == "0123456789A"[(11-sum%11)%11]
}

func FuzzMX(f *testing.F) {
	for _, s := range []string{"BOXW310820HNERXN09", "HEGG560427MVZRRL04", "GODE561231GR8", "MAB9307148T4", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CURP([]byte(s)), refCURP(s); got != want {
			t.Fatalf("CURP(%q) = %v, reference says %v", s, got, want)
		}
		if got, want := RFC([]byte(s)), refRFC(s); got != want {
			t.Fatalf("RFC(%q) = %v, reference says %v", s, got, want)
		}
	})
}
