package validate

import (
	"strings"
	"testing"
)

func TestTLD(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"com", true}, {"COM", true}, {"Com", true}, {"org", true}, {"uk", true},
		{"io", true}, {"dev", true}, {"museum", true}, {"xn--p1ai", true},
		{"XN--VERMGENSBERATER-CTB", true}, {"xn--vermgensberatung-pwb", true},
		{"arpa", true}, {"zw", true}, {"aaa", true},
		{"co", true}, {"c", false}, {"comm", false}, {"", false},
		{"localhost", false}, {"local", false}, {"example", false}, {"invalid", false},
		{"corp", false}, {"home", false}, {"txt", false}, {"jpg", false},
		{"com.", false}, {".com", false}, {"co m", false},
		{"xn--vermgensberater-ctbx", false}, // one past TLDMaxLen
		{strings.Repeat("a", 100), false},
	}
	for _, tt := range tests {
		if got := TLD([]byte(tt.in)); got != tt.want {
			t.Errorf("TLD(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestTLDList(t *testing.T) {
	if got, want := TLDVersion(), "Version 2024110800, Last Updated Fri Nov  8 07:07:01 2024 UTC"; got != want {
		t.Errorf("TLDVersion() = %q, want %q", got, want)
	}
	if got := TLDCount(); got != 1445 {
		t.Errorf("TLDCount() = %d, want 1445", got)
	}
	if tlds.maxLen != TLDMaxLen {
		t.Errorf("longest TLD has %d bytes, TLDMaxLen = %d", tlds.maxLen, TLDMaxLen)
	}
	for label := range tlds.set {
		if label != strings.ToLower(label) {
			t.Errorf("TLD %q is not lowercase", label)
		}
		for i := 0; i < len(label); i++ {
			if !IsTLDChar(label[i]) {
				t.Errorf("TLD %q has byte %q that IsTLDChar rejects", label, label[i])
			}
		}
	}
}

func TestParseTLDs(t *testing.T) {
	l := parseTLDs("# comment\n# Version 1, Last Updated now\nCOMX\n\n  abc  \n#zzz\n")
	if l.version != "Version 1, Last Updated now" {
		t.Errorf("version = %q", l.version)
	}
	if len(l.set) != 2 || l.maxLen != 4 {
		t.Errorf("parsed %d labels, max %d; want 2, 4", len(l.set), l.maxLen)
	}
	if _, ok := l.set["abc"]; !ok {
		t.Error(`"abc" missing`)
	}
}

func TestIsTLDChar(t *testing.T) {
	for c := 0; c < 256; c++ {
		want := strings.IndexByte("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", byte(c)) >= 0
		if got := IsTLDChar(byte(c)); got != want {
			t.Errorf("IsTLDChar(%q) = %v, want %v", byte(c), got, want)
		}
	}
}
