package corpus

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
)

// The text around the secrets corpus's values: placeholders of a value's
// shape, and ordinary lines of code, configuration and logs.

// placeholderOf returns a placeholder of v's shape, for documentation and
// templates: the prefix kept and the rest filled with x, or ending in
// EXAMPLE, or a template variable.
func placeholderOf(r *rand.Rand, typ, v string) string {
	switch {
	case strings.HasPrefix(v, "-----BEGIN "):
		head, _, _ := strings.Cut(v, "\n")
		tail := v[strings.LastIndexByte(v, '\n')+1:]
		return head + "\n<your private key here>\n" + tail
	case typ == "jwt":
		// The jwt.io example, in every tutorial.
		return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
	case typ == "aws_access_key" && r.IntN(2) == 0:
		return "AKIAIOSFODNN7EXAMPLE" // AWS's documentation example
	}
	// The prefix: up to the last '_', '-' or '.' in the first 16 bytes,
	// else the leading capitals (AKIA).
	p := 0
	for i := 0; i < len(v) && i < 16; i++ {
		if c := v[i]; c == '_' || c == '-' || c == '.' || c == ':' || c == '/' {
			p = i + 1
		}
	}
	if p == 0 {
		for p < len(v) && p < 4 && v[p] >= 'A' && v[p] <= 'Z' {
			p++
		}
	}
	body := []byte(v[p:])
	switch r.IntN(3) {
	case 0:
		for i, c := range body {
			if isAlnumByte(c) {
				body[i] = 'x'
			}
		}
		return v[:p] + string(body)
	case 1:
		if len(body) > 7 {
			copy(body[len(body)-7:], "EXAMPLE")
			return v[:p] + string(body)
		}
	}
	return []string{"${", "{{ ", "<"}[r.IntN(3)] + strings.ToUpper(identOf(typ)) + []string{"}", " }}", ">"}[r.IntN(3)]
}

func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// ordinary appends a line of code, configuration or log text with no
// credential in it, but with the random-looking strings real files hold.
func (g *gen) ordinary(s *seg) {
	hex := func(n int) string { return string(g.chars(nil, hexLow, n)) }
	switch g.rng.IntN(10) {
	case 0:
		s.text(fmt.Sprintf("func (s *%sService) %s(ctx context.Context, id string) error {\n", g.title(), g.title()))
	case 1:
		s.text(fmt.Sprintf("\tif err := s.store.Put(ctx, %q, %d); err != nil {\n\t\treturn fmt.Errorf(\"put %%s: %%w\", id, err)\n\t}\n", g.pick(words), g.rng.IntN(1000)))
	case 2:
		s.text(fmt.Sprintf("commit %s\nAuthor: %s %s <%s@users.noreply.invalid>\n", hex(40), g.title(), g.title(), g.pick(firstNames)))
	case 3:
		s.text(fmt.Sprintf("    \"integrity\": \"sha512-%s\",\n", base64.StdEncoding.EncodeToString(g.chars(nil, alnum, 64))))
	case 4:
		s.text(fmt.Sprintf("github.com/%s/%s v1.%d.%d h1:%s\n", g.pick(firstNames), g.pick(words), g.rng.IntN(20), g.rng.IntN(10),
			base64.StdEncoding.EncodeToString(g.chars(nil, alnum, 32))))
	case 5:
		s.text(fmt.Sprintf("%sT%02d:%02d:%02d.%03dZ INFO request_id=%s-%s-4%s-a%s-%s method=GET path=/api/v2/%s status=%d duration_ms=%d\n",
			g.isoDay(), g.rng.IntN(24), g.rng.IntN(60), g.rng.IntN(60), g.rng.IntN(1000), hex(8), hex(4), hex(3), hex(3), hex(12),
			g.pick(words), []int{200, 201, 204, 404, 500}[g.rng.IntN(5)], g.rng.IntN(900)))
	case 6:
		s.text(fmt.Sprintf("replicas: %d\nimage: registry.internal/%s:%d.%d.%d\nlog_level: %s\ntimeout: %ds\n", 1+g.rng.IntN(9), g.pick(words),
			g.rng.IntN(5), g.rng.IntN(20), g.rng.IntN(10), g.pick([]string{"info", "debug", "warn"}), 5+g.rng.IntN(60)))
	case 7:
		s.text(fmt.Sprintf("sha256:%s  %s.tar.gz\n", hex(64), g.pick(words)))
	case 8:
		s.text(fmt.Sprintf("token_endpoint = \"https://auth.%s.invalid/oauth/token\"\nkey_file = \"/etc/ssl/private/%s.key\"\npassword_min_length = %d\n",
			g.pick(words), g.pick(words), 8+g.rng.IntN(8)))
	default:
		g.sentence(s)
		s.text("\n")
	}
}

// title returns a capitalised word.
func (g *gen) title() string {
	w := g.pick(words)
	return strings.ToUpper(w[:1]) + w[1:]
}
