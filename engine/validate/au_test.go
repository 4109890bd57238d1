package validate

import "testing"

func TestAU(t *testing.T) {
	tests := []struct {
		name string
		f    func([]byte) bool
		in   string
		want bool
	}{
		{"TFN", AUTFN, "123456782", true}, // the ATO's illustration 123 456 782
		{"TFN", AUTFN, "876543210", true},
		{"TFN", AUTFN, "123456783", false},
		{"TFN", AUTFN, "12345678", false},
		{"ABN", AUABN, "51824753556", true}, // the ABR's example 51 824 753 556
		{"ABN", AUABN, "53004085616", true},
		{"ABN", AUABN, "51824753557", false},
		{"ABN", AUABN, "01824753556", false},
		{"ACN", AUACN, "004085616", true}, // ASIC's example 004 085 616
		{"ACN", AUACN, "010499966", true},
		{"ACN", AUACN, "004085617", false},
		{"Medicare", AUMedicare, "2123456701", true},
		{"Medicare", AUMedicare, "2123456711", false},
		{"Medicare", AUMedicare, "7123456701", false}, // first digit 7
		{"Medicare", AUMedicare, "2123456700", false}, // issue number 0
		{"Medicare", AUMedicare, "212345670", false},
	}
	for _, tt := range tests {
		if got := tt.f([]byte(tt.in)); got != tt.want {
			t.Errorf("AU%s(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}

// refAU transcribes the four rules with big.Int sums.
func refAUTFN(s string) bool {
	v := bigDigits(s)
	return len(v) == 9 && bigMod(bigWeighted(v, []int{1, 4, 3, 7, 5, 8, 6, 9, 10}), 11) == 0
}

func refAUABN(s string) bool {
	v := bigDigits(s)
	if len(v) != 11 || v[0] == 0 {
		return false
	}
	v[0]--
	return bigMod(bigWeighted(v, []int{10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19}), 89) == 0
}

func refAUACN(s string) bool {
	v := bigDigits(s)
	if len(v) != 9 {
		return false
	}
	r := bigMod(bigWeighted(v, []int{8, 7, 6, 5, 4, 3, 2, 1}), 10)
	return (10-r)%10 == v[8]
}

func refAUMedicare(s string) bool {
	v := bigDigits(s)
	if len(v) != 10 || v[0] < 2 || v[0] > 6 || v[9] == 0 {
		return false
	}
	return bigMod(bigWeighted(v, []int{1, 3, 7, 9, 1, 3, 7, 9}), 10) == v[8]
}

func FuzzAU(f *testing.F) {
	for _, s := range []string{"123456782", "51824753556", "004085616", "2123456701", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range []struct {
			name      string
			got, want bool
		}{
			{"AUTFN", AUTFN([]byte(s)), refAUTFN(s)},
			{"AUABN", AUABN([]byte(s)), refAUABN(s)},
			{"AUACN", AUACN([]byte(s)), refAUACN(s)},
			{"AUMedicare", AUMedicare([]byte(s)), refAUMedicare(s)},
		} {
			if c.got != c.want {
				t.Fatalf("%s(%q) = %v, reference says %v", c.name, s, c.got, c.want)
			}
		}
	})
}
