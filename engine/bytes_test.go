package engine

import "testing"

// TestCharClass pins every table-driven byte predicate to its definition by
// comparisons, for all 256 bytes.
func TestCharClass(t *testing.T) {
	in := func(c byte, set string) bool {
		for i := 0; i < len(set); i++ {
			if set[i] == c {
				return true
			}
		}
		return false
	}
	for i := 0; i < 256; i++ {
		c := byte(i)
		digit, lower, upper := c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z'
		alnum := digit || lower || upper
		hex := digit || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
		for _, p := range []struct {
			name      string
			got, want bool
		}{
			{"isLower", isLower(c), lower},
			{"isUpper", isUpper(c), upper},
			{"isAlpha", isAlpha(c), lower || upper},
			{"isAlnum", isAlnum(c), alnum},
			{"isWord", isWord(c), alnum || c == '_'},
			{"isHex", isHex(c), hex},
			{"isB64URL", isB64URL(c), alnum || c == '-' || c == '_'},
			{"isNumGlue", isNumGlue(c), in(c, ".,-/:")},
			{"isLocal", isLocal(c), alnum || in(c, "._%+-")},
			{"isIPv6Byte", isIPv6Byte(c), hex || c == ':' || c == '.'},
			{"isValueByte", isValueByte(c), c > ' ' && c < 0x7f && !in(c, "\"'`,;&()[]{}<>")},
			{"keyName", charClass[c]&chKeyName != 0, alnum || in(c, "_-.")},
			{"groupSep", charClass[c]&chGroupSep != 0, in(c, " -./")},
		} {
			if p.got != p.want {
				t.Errorf("%s(%q) = %v, want %v", p.name, c, p.got, p.want)
			}
		}
	}
}

// TestSecretKeyName checks the key-word rule: a word counts only at a word
// start, in any case.
func TestSecretKeyName(t *testing.T) {
	for _, tc := range []struct {
		key  string
		want bool
	}{
		{"api_key", true}, {"apiKey", true}, {"APIKEY", true}, {"x-api-token", true},
		{"db.password", true}, {"passwd", true}, {"client_secret", true}, {"aws2Secret", true},
		{"Credentials", true}, {"pwd", true}, {"my_passphrase", true},
		{"monkey", false}, {"tokenizer", true}, {"request_id", false}, {"user_agent", false},
		{"keystone", true}, {"turkey", false}, {"secretary", true}, {"path", false}, {"ke", false},
		{"KEY", true}, {"xKey", true}, {"XKEY", false},
	} {
		if got := secretKeyName([]byte(tc.key)); got != tc.want {
			t.Errorf("secretKeyName(%q) = %v, want %v", tc.key, got, tc.want)
		}
	}
}
