package validate

import "testing"

func TestCPF(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"52998224725", true}, // 529.982.247-25
		{"11144477735", true}, // 111.444.777-35
		{"52998224724", false},
		{"52998224735", false},
		{"11111111111", false}, // all the same digit, though the checks hold
		{"5299822472", false},
	}
	for _, tt := range tests {
		if got := CPF([]byte(tt.in)); got != tt.want {
			t.Errorf("CPF(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCNPJ(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"11222333000181", true}, // 11.222.333/0001-81
		{"12ABC34501DE35", true}, // Receita Federal's alphanumeric example 12.ABC.345/01DE-35
		{"11222333000182", false},
		{"11222333000191", false},
		{"00000000000000", false},
		{"12abc34501DE35", false},
		{"1122233300018", false},
	}
	for _, tt := range tests {
		if got := CNPJ([]byte(tt.in)); got != tt.want {
			t.Errorf("CNPJ(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// refCPF and refCNPJ state the check as "S mod 11 below 2 gives 0, else
// 11 minus it", with the weights written out.
func refCPF(s string) bool {
	v := bigDigits(s)
	if len(v) != 11 || bigAllSame(s) {
		return false
	}
	dv := func(n int) int {
		w := make([]int, n)
		for i := range w {
			w[i] = n + 1 - i
		}
		r := bigMod(bigWeighted(v, w), 11)
		if r < 2 {
			return 0
		}
		return 11 - r
	}
	return dv(9) == v[9] && dv(10) == v[10]
}

func refCNPJ(s string) bool {
	if len(s) != 14 || bigAllSame(s) || bigDigits(s[12:]) == nil {
		return false
	}
	v := make([]int, 14)
	for i := 0; i < 14; i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' && i < 12) {
			return false
		}
		v[i] = int(c) - 48
	}
	dv := func(w []int) int {
		r := bigMod(bigWeighted(v, w), 11)
		if r < 2 {
			return 0
		}
		return 11 - r
	}
	return dv([]int{5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}) == v[12] && dv([]int{6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}) == v[13]
}

func FuzzBR(f *testing.F) {
	for _, s := range []string{"52998224725", "11111111111", "11222333000181", "12ABC34501DE35", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CPF([]byte(s)), refCPF(s); got != want {
			t.Fatalf("CPF(%q) = %v, reference says %v", s, got, want)
		}
		if got, want := CNPJ([]byte(s)), refCNPJ(s); got != want {
			t.Fatalf("CNPJ(%q) = %v, reference says %v", s, got, want)
		}
	})
}
