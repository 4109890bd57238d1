package detect

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
			{"isLower", IsLower(c), lower},
			{"isUpper", IsUpper(c), upper},
			{"isAlpha", IsAlpha(c), lower || upper},
			{"isAlnum", IsAlnum(c), alnum},
			{"isWord", IsWord(c), alnum || c == '_'},
			{"isHex", IsHex(c), hex},
			{"isB64URL", IsB64URL(c), alnum || c == '-' || c == '_'},
			{"isNumGlue", IsNumGlue(c), in(c, ".,-/:")},
			{"isLocal", Is(c, Local), alnum || in(c, "._%+-")},
			{"isIPv6Byte", Is(c, IPv6Byte), hex || c == ':' || c == '.'},
			{"isValueByte", Is(c, Value), c > ' ' && c < 0x7f && !in(c, "\"'`,;&()[]{}<>")},
			{"keyName", Is(c, KeyName), alnum || in(c, "_-.")},
			{"groupSep", Is(c, GroupSep), in(c, " -./")},
			{"label", Is(c, Label), alnum || c == '-'},
			{"b64", Is(c, B64), alnum || in(c, "+/")},
			{"colon", Is(c, Colon), c == ':'},
			{"dash", Is(c, Dash), c == '-'},
			{"IsDigit", IsDigit(c), digit},
		} {
			if p.got != p.want {
				t.Errorf("%s(%q) = %v, want %v", p.name, c, p.got, p.want)
			}
		}
	}
}
