package engine

import (
	"testing"

	"github.com/datafog/datafog-api/engine/automaton"
)

// TestSecretKeyName checks the key-word rule: a word counts only at a word
// start, in any case.
func TestSecretKeyName(t *testing.T) {
	e := mustEngine(t, Config{})
	var ms []automaton.Match
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
		got := len(e.words.KeyWords(nil, &ms, []byte(tc.key))) > 0
		if got != tc.want {
			t.Errorf("key words in %q: %v, want %v", tc.key, got, tc.want)
		}
	}
}
