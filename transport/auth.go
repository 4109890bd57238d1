package transport

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"net"
	"net/netip"
	"strings"

	"github.com/valyala/fasthttp"
)

// authenticator checks the API token. It keeps only the token's SHA-256
// digest and compares digests with crypto/subtle, so neither the comparison
// time nor the digest length depends on the token or on what the caller
// sent.
type authenticator struct {
	enabled bool
	digest  [sha256.Size]byte
}

func newAuthenticator(token string) authenticator {
	if token == "" {
		return authenticator{}
	}
	return authenticator{enabled: true, digest: sha256.Sum256([]byte(token))}
}

var bearerPrefix = []byte("Bearer ")

// check reports whether the request carries the token. Either header may
// carry it; when both are present both must match, so a proxy that adds one
// cannot mask a wrong other one.
func (a *authenticator) check(h *fasthttp.RequestHeader) bool {
	if !a.enabled {
		return true
	}
	authz := h.Peek(fasthttp.HeaderAuthorization)
	key := h.Peek("X-API-Key")
	if len(authz) == 0 && len(key) == 0 {
		return false
	}
	ok := 1
	if len(authz) > 0 {
		if len(authz) < len(bearerPrefix) || !bytes.EqualFold(authz[:len(bearerPrefix)], bearerPrefix) {
			return false
		}
		ok &= a.match(authz[len(bearerPrefix):])
	}
	if len(key) > 0 {
		ok &= a.match(key)
	}
	return ok == 1
}

func (a *authenticator) match(token []byte) int {
	sum := sha256.Sum256(token)
	return subtle.ConstantTimeCompare(sum[:], a.digest[:])
}

// isLoopbackAddr reports whether a listen address binds only loopback
// interfaces. An empty host ("" or ":8080") binds every interface.
func isLoopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	return ip.IsLoopback()
}
