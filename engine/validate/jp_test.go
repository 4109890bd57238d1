package validate

import "testing"

func TestMyNumber(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"123456789018", true}, // the usual illustration 1234 5678 9018
		{"000000000019", true},
		{"123456789019", false},
		{"12345678901", false},
		{"1234567890189", false},
	}
	for _, tt := range tests {
		if got := MyNumber([]byte(tt.in)); got != tt.want {
			t.Errorf("MyNumber(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// refMyNumber uses the ordinance's weights read from the left, 6 5 4 3 2
// 7 6 5 4 3 2.
func refMyNumber(s string) bool {
	v := bigDigits(s)
	if len(v) != 12 {
		return false
	}
	r := bigMod(bigWeighted(v, []int{6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2}), 11)
	if r <= 1 {
		return v[11] == 0
	}
	return v[11] == 11-r
}

func FuzzJP(f *testing.F) {
	for _, s := range []string{"123456789018", "000000000019", "123456789019", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := MyNumber([]byte(s)), refMyNumber(s); got != want {
			t.Fatalf("MyNumber(%q) = %v, reference says %v", s, got, want)
		}
	})
}
