package transport

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"strings"

	"github.com/valyala/fasthttp"

	"github.com/datafog/datafog-api/receipts"
)

// tokenSet is the API tokens in force: the SHA-256 digest of each token and
// the name a receipt gives it. Only digests are kept. A presented token is
// hashed and its digest looked up; the lookup's timing can depend on the
// digest, which says nothing usable about any token (finding a token from
// its digest is a preimage attack on SHA-256). A set is never changed once
// built: a reload swaps in a new one.
type tokenSet struct {
	names map[[sha256.Size]byte]string
}

// envTokenName is the name of DATAFOG_API_TOKEN in receipts.
const envTokenName = "default"

// Limits of a tokens file.
const (
	minTokenLen       = 16
	maxTokenLen       = 4096
	maxTokensFileSize = 1 << 20
)

var bearerPrefix = []byte("Bearer ")

// check looks at the request's credentials, "Authorization: Bearer
// <token>" and "X-API-Key: <token>": ok reports whether they name a token
// of the set, and name is that token's name. When both headers are
// present both must carry the same token, so a proxy that adds one cannot
// mask a wrong other one. An Authorization header that is not a bearer
// token fails. It allocates nothing.
func (t *tokenSet) check(h *fasthttp.RequestHeader) (name string, ok bool) {
	authz := h.Peek(fasthttp.HeaderAuthorization)
	key := h.Peek("X-API-Key")
	if len(authz) == 0 && len(key) == 0 {
		return "", false
	}
	if len(authz) > 0 {
		if len(authz) < len(bearerPrefix) || !bytes.EqualFold(authz[:len(bearerPrefix)], bearerPrefix) {
			return "", false
		}
		n, found := t.lookup(authz[len(bearerPrefix):])
		if !found {
			return "", false
		}
		name = n
	}
	if len(key) > 0 {
		n, found := t.lookup(key)
		if !found || (name != "" && n != name) {
			return "", false
		}
		name = n
	}
	return name, true
}

func (t *tokenSet) lookup(token []byte) (string, bool) {
	name, ok := t.names[sha256.Sum256(token)]
	return name, ok
}

// parseTokens reads a tokens file: one "NAME TOKEN" pair a line, separated
// by spaces or tabs; blank lines and lines starting with '#' are skipped.
// A name is 1-64 characters of [A-Za-z0-9._-] (receipts show it); a token
// is 16 to 4096 characters of visible ASCII. Names and tokens are unique,
// and envToken (DATAFOG_API_TOKEN, when set) joins the set as "default".
// Every problem is listed by line number; a problem never quotes a token
// or a line (a line may be a token in the wrong column), only names that
// passed their check.
func parseTokens(data []byte, envToken string) (*tokenSet, []string) {
	var problems []string
	if len(data) > maxTokensFileSize {
		return nil, []string{fmt.Sprintf("larger than %d bytes", maxTokensFileSize)}
	}
	set := &tokenSet{names: map[[sha256.Size]byte]string{}}
	nameLine := map[string]int{}
	tokenLine := map[[sha256.Size]byte]int{}
	if envToken != "" {
		d := sha256.Sum256([]byte(envToken))
		set.names[d] = envTokenName
		nameLine[envTokenName], tokenLine[d] = 0, 0
	}
	where := func(line int) string {
		if line == 0 {
			return "DATAFOG_API_TOKEN"
		}
		return fmt.Sprintf("line %d", line)
	}
	for i, raw := range strings.Split(string(data), "\n") {
		n := i + 1
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 2 {
			problems = append(problems, fmt.Sprintf("line %d: want NAME TOKEN", n))
			continue
		}
		name, token := fields[0], fields[1]
		if !receipts.ValidTokenName(name) {
			problems = append(problems, fmt.Sprintf("line %d: the name must be 1-64 characters of [A-Za-z0-9._-]", n))
			continue
		}
		if len(token) < minTokenLen || len(token) > maxTokenLen {
			problems = append(problems, fmt.Sprintf("line %d: the token of %s must be %d to %d characters", n, name, minTokenLen, maxTokenLen))
			continue
		}
		if !visibleASCII(token) {
			problems = append(problems, fmt.Sprintf("line %d: the token of %s has characters outside visible ASCII", n, name))
			continue
		}
		if first, dup := nameLine[name]; dup {
			problems = append(problems, fmt.Sprintf("line %d: the name %s is already used by %s", n, name, where(first)))
			continue
		}
		d := sha256.Sum256([]byte(token))
		if first, dup := tokenLine[d]; dup {
			problems = append(problems, fmt.Sprintf("line %d: the token of %s is the same as the token of %s", n, name, where(first)))
			continue
		}
		nameLine[name], tokenLine[d] = n, n
		set.names[d] = name
	}
	if len(set.names) == 0 && len(problems) == 0 {
		problems = append(problems, "no tokens")
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return set, nil
}

// singleToken is the set of DATAFOG_API_TOKEN alone.
func singleToken(token string) *tokenSet {
	return &tokenSet{names: map[[sha256.Size]byte]string{sha256.Sum256([]byte(token)): envTokenName}}
}

func visibleASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}
