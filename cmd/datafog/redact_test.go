package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/engine/transform"
)

// TestRedactModesExact pins the output bytes of the keyless modes, on
// standard input and on a named file; the default mode is redact.
func TestRedactModesExact(t *testing.T) {
	const in = sample + "again bob@example.com, then carol@example.org\n"
	f := writeFile(t, t.TempDir(), "in.txt", in)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--mode", "mask"}, "mail ***@*******.*** ssn ***-**-**** card **** **** **** 1111\n" +
			"again ***@*******.***, then *****@*******.***\n"},
		{[]string{"--mode", "redact"}, "mail [REDACTED] ssn [REDACTED] card [REDACTED]\nagain [REDACTED], then [REDACTED]\n"},
		{nil, "mail [REDACTED] ssn [REDACTED] card [REDACTED]\nagain [REDACTED], then [REDACTED]\n"},
		{[]string{"--mode=anonymize"}, "mail <EMAIL_1> ssn <SSN_1> card <CREDIT_CARD_1>\nagain <EMAIL_1>, then <EMAIL_2>\n"},
		{[]string{"--mode", "anonymize", "--entities", "email"}, "mail <EMAIL_1> ssn 123-45-6789 card 4111 1111 1111 1111\nagain <EMAIL_1>, then <EMAIL_2>\n"},
	} {
		name := strings.Join(tc.args, " ")
		r := runCLI(t, strings.NewReader(in), nil, append([]string{"redact"}, tc.args...)...)
		if r.code != exitOK || r.stdout != tc.want || r.stderr != "" {
			t.Errorf("%s (stdin): code %d\nstdout: %q\nwant:   %q\nstderr: %q", name, r.code, r.stdout, tc.want, r.stderr)
		}
		r = runCLI(t, strings.NewReader("ignored bob@example.com"), nil, append(append([]string{"redact"}, tc.args...), f)...)
		if r.code != exitOK || r.stdout != tc.want {
			t.Errorf("%s (file): code %d\nstdout: %q\nwant:   %q", name, r.code, r.stdout, tc.want)
		}
	}
}

// TestRedactKeyedModes checks tokenize and hash against HMAC-SHA256 computed
// here from the published definitions, with the key from --key-file or
// DATAFOG_TOKEN_KEY_FILE (white space around it trimmed): the output is
// deterministic and changes with the key.
func TestRedactKeyedModes(t *testing.T) {
	dir := t.TempDir()
	const key = "0123456789abcdef0123456789abcdef"
	kf := writeFile(t, dir, "key", "  "+key+"\n")
	kf2 := writeFile(t, dir, "key2", "another key of at least sixteen bytes")
	const in = "to bob@example.com ssn 123-45-6789\n"
	mac := func(parts ...string) []byte {
		m := hmac.New(sha256.New, []byte(key))
		for _, p := range parts {
			m.Write([]byte(p))
		}
		return m.Sum(nil)
	}
	tok := func(typ, v string) string { return "tok_" + hex.EncodeToString(mac(typ, "\x00", v))[:16] }
	hsh := func(v string) string { return hex.EncodeToString(mac(v)) }
	want := map[string]string{
		"tokenize": "to " + tok("email", "bob@example.com") + " ssn " + tok("ssn", "123-45-6789") + "\n",
		"hash":     "to " + hsh("bob@example.com") + " ssn " + hsh("123-45-6789") + "\n",
	}
	for _, mode := range []string{"tokenize", "hash"} {
		r1 := runCLI(t, strings.NewReader(in), nil, "redact", "--mode", mode, "--key-file", kf)
		r2 := runCLI(t, strings.NewReader(in), map[string]string{"DATAFOG_TOKEN_KEY_FILE": kf}, "redact", "--mode", mode)
		if r1.code != exitOK || r1.stdout != want[mode] || r1.stderr != "" {
			t.Errorf("%s --key-file: code %d\nstdout: %q\nwant:   %q\nstderr: %q", mode, r1.code, r1.stdout, want[mode], r1.stderr)
		}
		if r2.code != exitOK || r2.stdout != want[mode] {
			t.Errorf("%s DATAFOG_TOKEN_KEY_FILE: code %d stdout %q", mode, r2.code, r2.stdout)
		}
		r3 := runCLI(t, strings.NewReader(in), map[string]string{"DATAFOG_TOKEN_KEY_FILE": kf}, "redact", "--mode", mode, "--key-file", kf2)
		if r3.code != exitOK || r3.stdout == want[mode] || strings.Contains(r3.stdout, "bob@") || !strings.HasPrefix(r3.stdout, "to ") {
			t.Errorf("%s with another key: code %d stdout %q", mode, r3.code, r3.stdout)
		}
	}
}

// TestRedactErrors exits 2 with a message and writes nothing to standard
// output.
func TestRedactErrors(t *testing.T) {
	dir := t.TempDir()
	short := writeFile(t, dir, "short.key", "tooshort\n")
	a := writeFile(t, dir, "a.txt", sample)
	for _, tc := range []struct {
		name   string
		vars   map[string]string
		args   []string
		stderr string
	}{
		{"tokenize without key", nil, []string{"--mode", "tokenize"},
			"datafog redact: mode tokenize needs a key: --key-file FILE or DATAFOG_TOKEN_KEY_FILE\n"},
		{"hash without key", nil, []string{"--mode", "hash"},
			"datafog redact: mode hash needs a key: --key-file FILE or DATAFOG_TOKEN_KEY_FILE\n"},
		{"short key", nil, []string{"--mode", "hash", "--key-file", short},
			"datafog redact: key file " + short + ": need at least 16 bytes, have 8\n"},
		{"missing key file", map[string]string{"DATAFOG_TOKEN_KEY_FILE": dir + "/nokey"}, []string{"--mode", "tokenize"},
			"datafog redact: key file " + dir + "/nokey: no such file or directory\n"},
		{"bad mode", nil, []string{"--mode", "shred"}, "datafog redact: --mode: unknown mode \"shred\" (want mask, redact, tokenize, hash or anonymize)\n"},
		{"bad entity", nil, []string{"--entities", "shoe_size"}, "datafog redact: --entities: unknown entity types \"shoe_size\" (datafog entities lists them)\n"},
		{"missing file", nil, []string{dir + "/nope.txt"}, "datafog redact: open " + dir + "/nope.txt: no such file or directory\n"},
		{"two files", nil, []string{a, a}, "datafog redact: at most one FILE\n"},
		{"bad policy", nil, []string{"--policy", a}, "datafog redact: compiled policy " + a + ":"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, strings.NewReader(sample), tc.vars, append([]string{"redact"}, tc.args...)...)
			if r.code != exitError || r.stdout != "" || !strings.Contains(r.stderr, tc.stderr) {
				t.Fatalf("code %d stdout %q stderr %q (want %q)", r.code, r.stdout, r.stderr, tc.stderr)
			}
		})
	}
}

// genText returns n bytes of deterministic prose with findings of several
// types on about every line, drawn from a bounded set of values (so that
// anonymize numbering stays small) and cut wherever n falls.
func genText(n int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 1))
	words := []string{"lorem", "ipsum", "dolor", "sit", "amet", "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog"}
	values := []func(i int) string{
		func(i int) string { return fmt.Sprintf("user%d@example.com", i%300) },
		func(int) string { return "123-45-6789" },
		func(int) string { return "4111 1111 1111 1111" },
		func(i int) string { return fmt.Sprintf("10.0.%d.%d", i%200, i%250) },
		func(int) string { return "AKIAY34FZKBOKMUTVV7A" },
		func(i int) string { return fmt.Sprintf("+1 415-555-%04d", 1000+i%9000) },
	}
	b := make([]byte, 0, n+128)
	for i := 0; len(b) < n; i++ {
		for k := rng.IntN(12); k >= 0; k-- {
			b = append(b, words[rng.IntN(len(words))]...)
			b = append(b, ' ')
		}
		b = append(b, values[rng.IntN(len(values))](rng.IntN(1<<20))...)
		b = append(b, " ;\n"[rng.IntN(3)])
	}
	return b[:n]
}

// TestRedactLargeMatchesWholeBuffer streams 20 MB through `datafog redact`
// in odd-sized reads and checks the output byte for byte against
// transform.Apply over engine.Scan of the whole buffer, for a stateless mode
// (mask) and for the stateful one (anonymize numbers values across chunks).
func TestRedactLargeMatchesWholeBuffer(t *testing.T) {
	n := 20_000_000
	if testing.Short() {
		n = 2_000_000
	}
	in := genText(n, 7)
	comp, err := loadPolicy("")
	if err != nil {
		t.Fatal(err)
	}
	findings := comp.Engine.Scan(nil, in, engine.Filter{})
	if len(findings) < n/200 {
		t.Fatalf("generator too sparse: %d findings in %d bytes", len(findings), n)
	}
	for _, mode := range []transform.Mode{transform.Mask, transform.Anonymize} {
		tr, err := transform.New(transform.Options{Default: mode})
		if err != nil {
			t.Fatal(err)
		}
		want, _ := tr.Apply(nil, in, findings)
		r := runCLI(t, &chunkReader{bytes.NewReader(in), 65521}, nil, "redact", "--mode", string(mode))
		if r.code != exitOK || r.stderr != "" {
			t.Fatalf("%s: code %d stderr %q", mode, r.code, r.stderr)
		}
		if r.stdout != string(want) {
			i := 0
			for i < len(want) && i < len(r.stdout) && want[i] == r.stdout[i] {
				i++
			}
			t.Fatalf("%s: output differs from the whole-buffer transform at byte %d (got %d bytes, want %d)", mode, i, len(r.stdout), len(want))
		}
	}
}
