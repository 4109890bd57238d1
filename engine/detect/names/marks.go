package names

import "strings"

// stripMarks returns s with the diacritics of Latin letters removed
// ("García" → "Garcia", "Łukasz" → "Lukasz", "Straße" → "Strasse"),
// the spelling many systems store names in.
func stripMarks(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r >= 0xC0 }) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if p, ok := plainLetter[r]; ok {
			b.WriteString(p)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plainLetter maps Latin-1 and Latin Extended-A letters to their base
// letters.
var plainLetter = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'Æ': "AE", 'œ': "oe", 'Œ': "OE", 'þ': "th", 'Þ': "TH", 'ð': "d", 'Ð': "D", 'ł': "l", 'Ł': "L", 'đ': "d", 'Đ': "D", 'ı': "i", 'İ': "I", 'ø': "o", 'Ø': "O", 'ħ': "h", 'Ħ': "H"}
	for base, variants := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ď", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥ",
		"i": "ìíîïĩīĭį", "j": "ĵ", "k": "ķ", "l": "ĺļľŀ", "n": "ñńņňŉ", "o": "òóôõöōŏő",
		"r": "ŕŗř", "s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	} {
		for _, r := range variants {
			m[r] = base
			if u := strings.ToUpper(string(r)); u != string(r) && len([]rune(u)) == 1 {
				m[[]rune(u)[0]] = strings.ToUpper(base)
			}
		}
	}
	return m
}()
