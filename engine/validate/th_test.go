package validate

import "testing"

func TestTHTNIN(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"1101700207030", true},
		{"3100600445635", true},
		{"1101700207031", false},
		{"9101700207036", false}, // category 9
		{"1001700207032", false}, // province 00
		{"110170020703", false},
	}
	for _, tt := range tests {
		if got := THTNIN([]byte(tt.in)); got != tt.want {
			t.Errorf("THTNIN(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// refTHTNIN states the check as the Department of Provincial
// Administration's tables do: x = S mod 11, check 1 - x when x <= 1, else
// 11 - x.
func refTHTNIN(s string) bool {
	v := bigDigits(s)
	if len(v) != 13 || v[0] < 1 || v[0] > 8 || v[1]*10+v[2] < 10 || v[1]*10+v[2] > 96 {
		return false
	}
	x := bigMod(bigWeighted(v, []int{13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2}), 11)
	want := 11 - x
	if x <= 1 {
		want = 1 - x
	}
	return want == v[12]
}

func FuzzTH(f *testing.F) {
	for _, s := range []string{"1101700207030", "3100600445635", "9101700207036", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := THTNIN([]byte(s)), refTHTNIN(s); got != want {
			t.Fatalf("THTNIN(%q) = %v, reference says %v", s, got, want)
		}
	})
}
