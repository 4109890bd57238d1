package validate

import (
	"net/netip"
	"testing"
)

func TestIPv4(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"192.168.1.1", true}, {"0.0.0.0", true}, {"255.255.255.255", true},
		{"10.0.0.254", true}, {"8.8.8.8", true}, {"1.2.3.4", true},
		{"256.1.1.1", false}, {"1.2.3.256", false}, {"1.2.3", false},
		{"1.2.3.4.5", false}, {"01.2.3.4", false}, {"1.2.3.04", false},
		{"1.2.3.00", false}, {"1..2.3", false}, {".1.2.3", false},
		{"1.2.3.4.", false}, {"1.2.3.-4", false}, {"1.2.3.4a", false},
		{"1234.1.1.1", false}, {"", false}, {"1.2.3.4 ", false}, {"::1", false},
	}
	for _, tt := range tests {
		if got := IPv4([]byte(tt.in)); got != tt.want {
			t.Errorf("IPv4(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestIPv6(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"::1", true}, {"::", true}, {"2001:db8::1", true}, {"2001:DB8::1", true},
		{"fe80::1ff:fe23:4567:890a", true}, {"2001:0db8:85a3:0000:0000:8a2e:0370:7334", true},
		{"::ffff:192.0.2.1", true}, {"64:ff9b::192.0.2.33", true},
		{"1.2.3.4", false},           // IPv4 alone
		{"fe80::1%eth0", false},      // zone
		{"2001:db8::g", false},       // not hex
		{"2001:db8:::1", false},      // triple colon
		{"1:2:3:4:5:6:7:8:9", false}, // nine groups
		{"12345::1", false},          // group too long
		{":", false}, {"", false}, {"abc", false},
	}
	for _, tt := range tests {
		if got := IPv6([]byte(tt.in)); got != tt.want {
			t.Errorf("IPv6(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzIPv4(f *testing.F) {
	for _, s := range []string{"192.168.1.1", "256.1.1.1", "01.2.3.4", "1.2.3", "::ffff:1.2.3.4", "0.0.0.0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := netip.ParseAddr(s)
		want := err == nil && a.Is4()
		if got := IPv4([]byte(s)); got != want {
			t.Fatalf("IPv4(%q) = %v, net/netip says %v (err %v)", s, got, want, err)
		}
		want6 := err == nil && a.Is6() && a.Zone() == ""
		if got := IPv6([]byte(s)); got != want6 {
			t.Fatalf("IPv6(%q) = %v, net/netip says %v (err %v)", s, got, want6, err)
		}
	})
}
