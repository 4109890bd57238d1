package validate

import "testing"

func TestILID(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"000000018", true},
		{"123456782", true},
		{"039337423", true},
		{"123456789", false},
		{"12345678", false},
		{"1234567820", false},
	}
	for _, tt := range tests {
		if got := ILID([]byte(tt.in)); got != tt.want {
			t.Errorf("ILID(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// refILID doubles every second digit and subtracts 9 from doubled
// digits above 9, as the Population Authority's form validation does.
func refILID(s string) bool {
	v := bigDigits(s)
	if len(v) != 9 {
		return false
	}
	sum := 0
	for i, x := range v {
		if i%2 == 1 {
			x *= 2
			if x > 9 {
				x -= 9
			}
		}
		sum += x
	}
	return sum%10 == 0
}

func FuzzIL(f *testing.F) {
	for _, s := range []string{"000000018", "039337423", "123456789", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ILID([]byte(s)), refILID(s); got != want {
			t.Fatalf("ILID(%q) = %v, reference says %v", s, got, want)
		}
	})
}
