package engine

import "testing"

// TestURLSpans pins the url detector's spans: trailing punctuation and
// unbalanced brackets trimmed, ports, userinfo, schemes in any case, and
// hosts that must carry a real TLD.
func TestURLSpans(t *testing.T) {
	e := mustEngine(t, Config{})
	f := Filter{}.WithMinConfidence(DefaultMinConfidence)
	cases := []struct{ text, want string }{
		{"see https://example.com/a?b=c#d.", "url:https://example.com/a?b=c#d@0.85"},
		{"(see https://example.com/a).", "url:https://example.com/a@0.85"},
		{"wiki https://en.wikipedia.org/wiki/Foo_(bar), ok", "url:https://en.wikipedia.org/wiki/Foo_(bar)@0.85"},
		{"url=https://example.com/a_(b)_c)", "url:https://example.com/a_(b)_c@0.85"},
		{"visit https://www.example.org/path/.", "url:https://www.example.org/path/@0.85"},
		{"VISIT HTTP://WWW.EXAMPLE.ORG!", "url:HTTP://WWW.EXAMPLE.ORG@0.85"},
		{`{"cb":"https://hooks.example.net:8443/cb?x=1&y=2"}`, "url:https://hooks.example.net:8443/cb?x=1&y=2@0.85"},
		{"git clone ssh://git.example.com:2222/repo.git", "url:ssh://git.example.com:2222/repo.git@0.85"},
		{"<a href='https://example.com/x'>", "url:https://example.com/x@0.85"},
		{"cb https://x.io/cb?accessToken=Zx81kLq0PvR7tY3mW9sB&x=1", "url:https://x.io/cb@0.85 api_key:Zx81kLq0PvR7tY3mW9sB@0.8"},
		{"open https://localhost:8080/x", ""},
		{"open https://example.notatld/x", ""},
		{"open foo://example.com/x", ""},
		{"open https://", ""},
		{"path C://example.com", ""},
		// A host that is an IP address is a URL too, but the
		// ip_address finding (0.9) outranks the url (0.85) on the
		// overlap.
		{"ftp://10.0.0.1:2121/pub", "ip_address:10.0.0.1@0.9"},
	}
	for _, c := range cases {
		if got := describe(c.text, e.Scan(nil, []byte(c.text), f)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// TestURLWithCredentials checks the URL whose userinfo holds a password:
// the url detector finds the whole URL at 0.85, below the 0.9 a secret
// detector reporting the password scores, so that the secret wins the
// overlap; the email detector leaves the userinfo alone.
func TestURLWithCredentials(t *testing.T) {
	text := "https://user:pa55w0rd@example.com/x"
	e := mustEngine(t, Config{})
	if got, want := describe(text, e.Scan(nil, []byte(text), Filter{})), "url:https://user:pa55w0rd@example.com/x@0.85"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
