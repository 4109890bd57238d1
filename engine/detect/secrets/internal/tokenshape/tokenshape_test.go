package tokenshape

import (
	"encoding/base64"
	"testing"

	"github.com/datafog/datafog-api/engine/detect"
)

func TestBody(t *testing.T) {
	tests := []struct {
		text     string
		min, max int
		class    detect.Class
		end      int
		ok       bool
	}{
		{"abc123 x", 6, 6, detect.Alnum, 6, true},
		{"abc123", 6, 6, detect.Alnum, 6, true},
		{"abc1234", 6, 6, detect.Alnum, 7, false},  // too long
		{"abc12", 6, 6, detect.Alnum, 5, false},    // too short
		{"abc123_x", 6, 6, detect.Alnum, 6, false}, // glued to '_'
		{"abc123-x", 6, 6, detect.Alnum, 6, false}, // '-' joins more letters
		{"abc123- x", 6, 6, detect.Alnum, 6, true}, // a trailing dash
		{"abc123/9", 6, 6, detect.Alnum, 6, false}, // '/' joins more digits
		{"abc123.", 6, 6, detect.Alnum, 6, true},   // a full stop
		{"abc-12 x", 6, 6, detect.B64URL, 6, true}, // '-' in the class
		{"abc123==", 6, 6, detect.Alnum, 6, true},  // padding, no letter after
		{"abc123=q", 6, 6, detect.Alnum, 6, false}, // '=' joins a letter
	}
	for _, tt := range tests {
		e, ok := Body([]byte(tt.text), 0, tt.min, tt.max, tt.class)
		if e != tt.end || ok != tt.ok {
			t.Errorf("Body(%q, %d..%d) = %d, %v; want %d, %v", tt.text, tt.min, tt.max, e, ok, tt.end, tt.ok)
		}
	}
}

func TestValueAfterName(t *testing.T) {
	tests := []struct {
		text   string // the name is "KEY"
		v      int
		op, ok bool
	}{
		{"KEY=value", 4, true, true},
		{"KEY = value", 6, true, true},
		{`KEY="value"`, 5, true, true},
		{`"KEY": "value"`, 8, true, true},
		{`\"KEY\":\"value\"`, 10, true, true},
		{"KEY: value", 5, true, true},
		{"KEY := value", 7, true, true},
		{"KEY => value", 7, true, true},
		{"KEY value", 4, false, true},
		{"KEY\tvalue", 4, false, true},
		{"KEY `value`", 5, false, true},
		{"KEYvalue", 3, false, false},     // glued: part of a longer word
		{"KEY_ID=value", 3, false, false}, // a longer name
		{"KEY", 3, false, false},
		{"KEY                            value", 11, false, true},
	}
	for _, tt := range tests {
		text := []byte(tt.text)
		e := 3
		if text[0] == '"' {
			e = 4
		} else if text[0] == '\\' {
			e = 5
		}
		v, op, ok := ValueAfterName(text, e)
		if ok != tt.ok || ok && (v != tt.v || op != tt.op) {
			t.Errorf("ValueAfterName(%q) = %d, %v, %v; want %d, %v, %v", tt.text, v, op, ok, tt.v, tt.op, tt.ok)
		}
	}
}

func TestDecodedPrefix(t *testing.T) {
	src := []byte(base64.RawURLEncoding.EncodeToString([]byte("pypi.org-and-more-bytes")))
	var dst [9]byte
	if !DecodedPrefix(dst[:], src, base64.RawURLEncoding) || string(dst[:]) != "pypi.org-" {
		t.Errorf("DecodedPrefix = %q", dst[:])
	}
	if DecodedPrefix(dst[:], src[:11], base64.RawURLEncoding) {
		t.Error("DecodedPrefix accepted a source shorter than 12 characters")
	}
	if DecodedPrefix(dst[:], []byte("!!!!!!!!!!!!"), base64.RawURLEncoding) {
		t.Error("DecodedPrefix accepted characters outside the alphabet")
	}
}

func TestLowerHex(t *testing.T) {
	for in, want := range map[string]bool{"0af9": true, "0AF9": false, "": false, "0ag9": false} {
		if got := LowerHex([]byte(in)); got != want {
			t.Errorf("LowerHex(%q) = %v", in, got)
		}
	}
}
