package validate

import "testing"

func TestKRRegistrationCheck(t *testing.T) {
	tests := []struct {
		in      string
		foreign bool
		want    bool
	}{
		{"9710139019902", false, true}, // python-stdnum's kr.rrn example 971013-9019902
		{"9710139019903", false, false},
		{"8001011234561", false, false},
		{"9111245678906", true, true}, // an FRN: (13 - S mod 11) mod 10
		{"9111245678906", false, false},
		{"0509126000012", true, true},
		{"0509126000013", true, false},
		{"971013901990", false, false},
		{"97101390199021", false, false},
		{"971013-019902", false, false},
	}
	for _, tt := range tests {
		if got := KRRegistrationCheck([]byte(tt.in), tt.foreign); got != tt.want {
			t.Errorf("KRRegistrationCheck(%q, %v) = %v, want %v", tt.in, tt.foreign, got, tt.want)
		}
	}
}

func TestKRBirthDate(t *testing.T) {
	tests := []struct {
		in      string
		y, m, d int
		ok      bool
	}{
		{"9710139", 1897, 10, 13, true},
		{"0002293", 2000, 2, 29, true},
		{"0002291", 1900, 2, 29, false},
		{"8012317", 2080, 12, 31, true},
		{"8013011", 1980, 13, 1, false},
		{"123456", 0, 0, 0, false},
	}
	for _, tt := range tests {
		y, m, d, ok := KRBirthDate([]byte(tt.in))
		if ok != tt.ok || ok && (y != tt.y || m != tt.m || d != tt.d) {
			t.Errorf("KRBirthDate(%q) = %d-%d-%d %v, want %d-%d-%d %v", tt.in, y, m, d, ok, tt.y, tt.m, tt.d, tt.ok)
		}
	}
}

func TestKRBRN(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"1168200276", true}, // python-stdnum's kr.brn examples
		{"1348672683", true},
		{"1168200277", false},
		{"1008200270", false}, // tax office 100 is below 101
		{"116820027", false},
		{"11682002761", false},
		{"116-820027", false},
	}
	for _, tt := range tests {
		if got := KRBRN([]byte(tt.in)); got != tt.want {
			t.Errorf("KRBRN(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// refKRCheck transcribes the registration number check: the weights are
// i+2 for the first eight digits and i-6 for the next four; the check is
// (11 - S mod 11) mod 10, or (13 - S mod 11) mod 10 for foreigners.
func refKRCheck(s string, foreign bool) bool {
	v := bigDigits(s)
	if len(v) != 13 {
		return false
	}
	w := make([]int, 12)
	for i := range w {
		if i < 8 {
			w[i] = i + 2
		} else {
			w[i] = i - 6
		}
	}
	r := bigMod(bigWeighted(v, w), 11)
	base := 11
	if foreign {
		base = 13
	}
	return (base-r)%10 == v[12]
}

// refKRBRN transcribes the National Tax Service's rule.
func refKRBRN(s string) bool {
	v := bigDigits(s)
	if len(v) != 10 || s[:3] < "101" {
		return false
	}
	sum := bigWeighted(v, []int{1, 3, 7, 1, 3, 7, 1, 3, 5})
	r := (bigMod(sum, 10) + (v[8]*5)/10) % 10
	return (10-r)%10 == v[9]
}

func FuzzKR(f *testing.F) {
	for _, s := range []string{"9710139019902", "9111245678906", "1168200276", "1008200270", "0002293000000", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, foreign := range []bool{false, true} {
			if got, want := KRRegistrationCheck([]byte(s), foreign), refKRCheck(s, foreign); got != want {
				t.Fatalf("KRRegistrationCheck(%q, %v) = %v, reference says %v", s, foreign, got, want)
			}
		}
		if got, want := KRBRN([]byte(s)), refKRBRN(s); got != want {
			t.Fatalf("KRBRN(%q) = %v, reference says %v", s, got, want)
		}
		y, m, d, ok := KRBirthDate([]byte(s))
		if len(s) >= 7 && bigDigits(s[:7]) != nil {
			v := bigDigits(s[:7])
			c := map[int]int{1: 1900, 2: 1900, 5: 1900, 6: 1900, 3: 2000, 4: 2000, 7: 2000, 8: 2000, 9: 1800, 0: 1800}[v[6]]
			wy, wm, wd := c+v[0]*10+v[1], v[2]*10+v[3], v[4]*10+v[5]
			if ok != refDate(wy, wm, wd) || ok && (y != wy || m != wm || d != wd) {
				t.Fatalf("KRBirthDate(%q) = %d-%d-%d %v, reference says %d-%d-%d %v", s, y, m, d, ok, wy, wm, wd, refDate(wy, wm, wd))
			}
		} else if ok {
			t.Fatalf("KRBirthDate(%q) accepted a string without seven leading digits", s)
		}
	})
}
