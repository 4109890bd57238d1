package validate

import (
	"math/big"
	"strconv"
	"testing"
)

func TestABARouting(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"011000015", true}, // Federal Reserve Bank of Boston
		{"021000021", true}, // JPMorgan Chase, New York
		{"122105155", true}, // a Fed prefix-12 (San Francisco district) bank
		{"322271627", true}, // thrift prefix 32
		{"011000016", false},
		{"021000022", false},
		{"131000025", false}, // checksum-valid, but 13 is not a Fed prefix
		{"400000007", false}, // checksum-valid, prefix 40
		{"02100002", false},
		{"0210000210", false},
		{"02100002a", false},
	}
	for _, tt := range tests {
		if got := ABARouting([]byte(tt.in)); got != tt.want {
			t.Errorf("ABARouting(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestNHSNumber(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"9434765919", true}, // NHS Digital's example "943 476 5919"
		{"9434765918", false},
		{"9434765910", false},
		{"8434765919", false},
		{"4010232137", true},
		{"4010232138", false},
		{"1000000001", true},  // weighted sum 10 → check digit 1
		{"1000000010", false}, // weighted sum 12 ≡ 1 → check "10" is never issued
		{"1000000019", false},
		{"943476591", false},
		{"94347659190", false},
		{"943476591x", false},
	}
	for _, tt := range tests {
		if got := NHSNumber([]byte(tt.in)); got != tt.want {
			t.Errorf("NHSNumber(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestSSN(t *testing.T) {
	tests := []struct {
		area, group, serial string
		want                bool
	}{
		{"123", "45", "6789", true},
		{"078", "05", "1120", true}, // the Woolworth wallet number: syntactically valid
		{"665", "01", "0001", true},
		{"667", "01", "0001", true},
		{"899", "99", "9999", true},
		{"000", "12", "3456", false},
		{"666", "12", "3456", false},
		{"900", "12", "3456", false},
		{"999", "12", "3456", false},
		{"123", "00", "4567", false},
		{"123", "45", "0000", false},
		{"12", "45", "6789", false},
		{"123", "4", "6789", false},
		{"123", "45", "678", false},
		{"12a", "45", "6789", false},
	}
	for _, tt := range tests {
		if got := SSN([]byte(tt.area), []byte(tt.group), []byte(tt.serial)); got != tt.want {
			t.Errorf("SSN(%s-%s-%s) = %v, want %v", tt.area, tt.group, tt.serial, got, tt.want)
		}
	}
}

// refABA computes the 3-7-1 sum with big.Int weights and checks the prefix
// against the Federal Reserve ranges spelled out as a set.
func refABA(s string) bool {
	if len(s) != 9 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	fed := map[string]bool{"80": true}
	for _, r := range [][2]int{{0, 12}, {21, 32}, {61, 72}} {
		for p := r[0]; p <= r[1]; p++ {
			fed[strconv.Itoa(100 + p)[1:]] = true
		}
	}
	if !fed[s[:2]] {
		return false
	}
	weights := []int64{3, 7, 1, 3, 7, 1, 3, 7, 1}
	sum := new(big.Int)
	for i, c := range s {
		term := new(big.Int).Mul(big.NewInt(int64(c-'0')), big.NewInt(weights[i]))
		sum.Add(sum, term)
	}
	return new(big.Int).Mod(sum, big.NewInt(10)).Sign() == 0
}

func FuzzABA(f *testing.F) {
	for _, s := range []string{"011000015", "021000021", "131000025", "02100002a", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ABARouting([]byte(s)), refABA(s); got != want {
			t.Fatalf("ABARouting(%q) = %v, big.Int reference says %v", s, got, want)
		}
	})
}

// refNHS applies the NHS formula directly: check = (11 - Σ d_i·(11-i) mod 11)
// mod 11 for i = 1..9, and a check of 10 means the number is invalid.
func refNHS(s string) bool {
	if len(s) != 10 {
		return false
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil || s[0] == '+' {
		return false
	}
	body, last := n/10, int(n%10)
	sum := 0
	for i := 9; i >= 1; i-- { // walk digits from the ninth back to the first
		sum += int(body%10) * (11 - i)
		body /= 10
	}
	check := (11 - sum%11) % 11
	return check != 10 && check == last
}

func FuzzNHS(f *testing.F) {
	for _, s := range []string{"9434765919", "9434765918", "4010232137", "0000000000", "94347659x9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NHSNumber([]byte(s)), refNHS(s); got != want {
			t.Fatalf("NHSNumber(%q) = %v, reference says %v", s, got, want)
		}
	})
}
