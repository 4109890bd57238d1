package corpus

import (
	"bytes"
	"math/big"
	"net/netip"
	"strings"
	"testing"
	"time"
)

var allKinds = append(append([]Kind{}, Kinds...), Clean, Secrets)

func TestGenerateDeterministic(t *testing.T) {
	for _, k := range allKinds {
		a, la := Generate(k, 64<<10, 7)
		b, lb := Generate(k, 64<<10, 7)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: same seed gave different bytes", k)
		}
		if len(la) != len(lb) {
			t.Fatalf("%s: same seed gave %d and %d labels", k, len(la), len(lb))
		}
		for i := range la {
			if la[i] != lb[i] {
				t.Errorf("%s: label %d differs: %+v vs %+v", k, i, la[i], lb[i])
			}
		}
		c, _ := Generate(k, 64<<10, 8)
		if bytes.Equal(a, c) {
			t.Errorf("%s: seeds 7 and 8 gave identical bytes", k)
		}
	}
}

func TestGenerateExactSize(t *testing.T) {
	for _, k := range allKinds {
		for _, n := range []int{0, 1, 5, 99, 100, 4097, 1 << 20} {
			data, labels := Generate(k, n, 1)
			if len(data) != n {
				t.Errorf("%s size %d: got %d bytes", k, n, len(data))
			}
			for _, l := range labels {
				if l.Start < 0 || l.End > n || l.Start >= l.End {
					t.Errorf("%s size %d: label %+v out of range", k, n, l)
				}
			}
		}
	}
}

func TestCleanHasNoLabels(t *testing.T) {
	data, labels := Generate(Clean, 256<<10, 3)
	if len(labels) != 0 {
		t.Fatalf("clean corpus has %d labels", len(labels))
	}
	for i, c := range data {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ' ' || c == '.' || c == '\n') {
			t.Fatalf("clean corpus byte %d is %q", i, c)
		}
	}
}

// TestLabelsPointAtValues checks every label against an independent
// validity check written here, not in the generator.
func TestLabelsPointAtValues(t *testing.T) {
	wantTypes := map[Kind][]string{
		Prose:       {"email", "phone", "ssn", "credit_card", "ip_address", "iban", "api_key", "date", "aws_access_key", "github_token"},
		JSONLogs:    {"email", "phone", "credit_card", "ip_address", "date"},
		CSV:         {"email", "phone", "ssn", "credit_card", "iban", "zip_code", "date"},
		Binary:      {"email", "credit_card"},
		Adversarial: {"email", "phone", "ssn", "credit_card", "iban"},
	}
	for _, k := range Kinds {
		data, labels := Generate(k, 1<<20, 42)
		seen := map[string]bool{}
		seenInvalid := false
		prevEnd := 0
		for _, l := range labels {
			if l.Start < prevEnd {
				t.Fatalf("%s: label %+v overlaps or is out of order (previous end %d)", k, l, prevEnd)
			}
			prevEnd = l.End
			v := string(data[l.Start:l.End])
			if got := checkValue(l.Type, v); got != l.Valid {
				t.Errorf("%s: %s %q labelled valid=%v, independent check says %v", k, l.Type, v, l.Valid, got)
			}
			seen[l.Type] = true
			if !l.Valid {
				seenInvalid = true
			}
		}
		for _, typ := range wantTypes[k] {
			if !seen[typ] {
				t.Errorf("%s: no %s label in 1 MiB", k, typ)
			}
		}
		if k == Adversarial && !seenInvalid {
			t.Errorf("adversarial corpus has no lookalikes")
		}
		if k == Prose {
			per := (1 << 20) / len(labels)
			if per < 800 || per > 3000 {
				t.Errorf("prose: one value per %d bytes, want sparse (800..3000)", per)
			}
		}
	}
}

func TestParseKind(t *testing.T) {
	for _, k := range allKinds {
		got, err := ParseKind(string(k))
		if err != nil || got != k {
			t.Errorf("ParseKind(%q) = %q, %v", k, got, err)
		}
	}
	if _, err := ParseKind("nope"); err == nil || !strings.Contains(err.Error(), `corpus: unknown kind "nope"`) {
		t.Errorf("ParseKind(nope) error = %v", err)
	}
}

func checkValue(typ, v string) bool {
	switch typ {
	case "credit_card":
		d := strings.NewReplacer(" ", "", "-", "").Replace(v)
		return luhnOK(d) && brandOK(d)
	case "ssn":
		if len(v) != 11 || v[3] != '-' || v[6] != '-' {
			return false
		}
		area, group, serial := v[:3], v[4:6], v[7:]
		return area != "000" && area != "666" && area[0] != '9' && group != "00" && serial != "0000"
	case "email":
		at := strings.LastIndexByte(v, '@')
		dot := strings.LastIndexByte(v, '.')
		if at <= 0 || dot < at {
			return false
		}
		switch v[dot+1:] {
		case "com", "org", "net", "io", "de", "uk", "fr", "nl", "ca", "gov", "edu", "dev", "info", "app":
			return true
		}
		return false
	case "phone":
		d := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, v)
		if len(d) != 10 {
			return false
		}
		return d[0] >= '2' && d[3] >= '2' && d[1:3] != "11" && d[4:6] != "11"
	case "ip_address":
		a, err := netip.ParseAddr(v)
		return err == nil && a.Is4()
	case "iban":
		n := new(big.Int)
		var sb strings.Builder
		for _, c := range v[4:] + v[:4] {
			if c >= 'A' && c <= 'Z' {
				sb.WriteString(big.NewInt(int64(c - 'A' + 10)).String())
			} else {
				sb.WriteRune(c)
			}
		}
		n.SetString(sb.String(), 10)
		return new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
	case "date":
		_, err := time.Parse("2006-01-02", v)
		return err == nil
	case "zip_code":
		return len(v) == 5 && strings.Trim(v, "0123456789") == ""
	case "api_key":
		return len(v) == 32 && strings.Trim(v, alnum) == ""
	case "aws_access_key":
		return len(v) == 20 && strings.HasPrefix(v, "AKIA") && strings.Trim(v[4:], base32) == ""
	case "github_token":
		return len(v) == 40 && strings.HasPrefix(v, "ghp_") && strings.Trim(v[4:], alnum) == ""
	}
	return false
}

func luhnOK(d string) bool {
	sum := 0
	for i := range len(d) {
		n := int(d[len(d)-1-i] - '0')
		if i%2 == 1 {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
	}
	return sum%10 == 0
}

func brandOK(d string) bool {
	p := func(n int) int {
		v := 0
		for _, c := range d[:n] {
			v = v*10 + int(c-'0')
		}
		return v
	}
	switch {
	case d[0] == '4' && len(d) == 16:
	case (p(2) >= 51 && p(2) <= 55 || p(4) >= 2221 && p(4) <= 2720) && len(d) == 16:
	case (p(2) == 34 || p(2) == 37) && len(d) == 15:
	case (p(4) == 6011 || p(3) >= 644 && p(3) <= 649 || p(2) == 65) && len(d) == 16:
	case p(4) >= 3528 && p(4) <= 3589 && len(d) == 16:
	case (p(3) >= 300 && p(3) <= 305 || p(2) == 36) && len(d) == 14:
	case p(2) == 62 && len(d) == 16:
	default:
		return false
	}
	return true
}
