package validate

import "testing"

func TestVerhoeff(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"2363", true}, // Verhoeff's worked example: 236 → check digit 3
		{"2364", false},
		{"2263", false},
		{"3263", false},  // adjacent transposition of 2 and 3
		{"123451", true}, // 12345 → 1
		{"123452", false},
		{"1234567890120", true}, // 123456789012 → 0
		{"1234567890121", false},
		{"04", true}, // 0 → check digit 4
		{"00", false},
		{"5", false},
		{"", false},
		{"23a3", false},
	}
	for _, tt := range tests {
		if got := Verhoeff([]byte(tt.in)); got != tt.want {
			t.Errorf("Verhoeff(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestAadhaar(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"234123412346", true}, // the UIDAI-style sample "2341 2341 2346"
		{"234123412347", false},
		{"234123412336", false},
		{"999941057058", true},
		{"999941057059", false},
		{"123456789010", false}, // first digit 1 is never issued
		{"023412341234", false},
		{"23412341234", false},
		{"2341234123460", false},
	}
	for _, tt := range tests {
		if got := Aadhaar([]byte(tt.in)); got != tt.want {
			t.Errorf("Aadhaar(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// d5 is an element of the dihedral group D5: rotation r (0-4) followed by a
// reflection when s is 1. Verhoeff numbers the rotations 0-4 and the
// reflections 5-9.
type d5 struct{ r, s int }

func d5Of(n int) d5 { return d5{n % 5, n / 5} }

func (a d5) num() int { return a.r + 5*a.s }

// mul composes two symmetries: a reflection reverses the direction of the
// rotation that follows it, so (r1,s1)(r2,s2) = (r1 + (-1)^s1·r2, s1 xor s2).
func (a d5) mul(b d5) d5 {
	r := a.r + b.r
	if a.s == 1 {
		r = a.r - b.r
	}
	return d5{((r % 5) + 5) % 5, a.s ^ b.s}
}

// sigma is Verhoeff's position permutation, built from its cycle notation
// (0 1 5 8 9 4 2 7)(3 6).
var sigma = func() [10]int {
	var p [10]int
	for _, cycle := range [][]int{{0, 1, 5, 8, 9, 4, 2, 7}, {3, 6}} {
		for i, v := range cycle {
			p[v] = cycle[(i+1)%len(cycle)]
		}
	}
	return p
}()

// refVerhoeff folds the digits from the right: c ← c · σ^i(digit) in D5,
// and the number is valid when c ends as the identity.
func refVerhoeff(s string) bool {
	if len(s) < 2 {
		return false
	}
	c := d5Of(0)
	for i := 0; i < len(s); i++ {
		ch := s[len(s)-1-i]
		if ch < '0' || ch > '9' {
			return false
		}
		d := int(ch - '0')
		for k := 0; k < i; k++ {
			d = sigma[d]
		}
		c = c.mul(d5Of(d))
	}
	return c.num() == 0
}

func TestVerhoeffTablesMatchDefinition(t *testing.T) {
	for j := 0; j < 10; j++ {
		for k := 0; k < 10; k++ {
			if got, want := int(verhoeffMul[j][k]), d5Of(j).mul(d5Of(k)).num(); got != want {
				t.Errorf("verhoeffMul[%d][%d] = %d, D5 product is %d", j, k, got, want)
			}
		}
	}
	for i := 0; i < 8; i++ {
		for n := 0; n < 10; n++ {
			want := n
			for k := 0; k < i; k++ {
				want = sigma[want]
			}
			if got := int(verhoeffPerm[i][n]); got != want {
				t.Errorf("verhoeffPerm[%d][%d] = %d, σ^%d(%d) = %d", i, n, got, i, n, want)
			}
		}
	}
}

func FuzzVerhoeff(f *testing.F) {
	for _, s := range []string{"2363", "2364", "234123412346", "1234567890120", "9", "12a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Verhoeff([]byte(s)), refVerhoeff(s); got != want {
			t.Fatalf("Verhoeff(%q) = %v, D5 reference says %v", s, got, want)
		}
		if len(s) == 12 {
			want := s[0] >= '2' && s[0] <= '9' && refVerhoeff(s)
			if got := Aadhaar([]byte(s)); got != want {
				t.Fatalf("Aadhaar(%q) = %v, reference says %v", s, got, want)
			}
		}
	})
}
