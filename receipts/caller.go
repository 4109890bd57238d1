package receipts

import (
	"fmt"
	"net/netip"
)

// Caller is who asked for a decision (receipt version 3). The server fills
// it from the request's credentials and connection; the log stores Identity
// and Address as "hmac-sha256:" + hex HMAC-SHA256 under the caller key
// (HMAC-SHA256(key, "datafog receipts caller v1")), so a Record read back
// holds their digests, never the raw values. Token is a name the operator
// chose, stored as given.
type Caller struct {
	// Token is the name of the API token the request carried: its name in
	// DATAFOG_API_TOKENS_FILE, or "default" for DATAFOG_API_TOKEN. Empty
	// when the request carried no token. 1-64 bytes of [A-Za-z0-9._-].
	Token string `json:"token,omitempty"`
	// IdentitySource says where Identity came from: "mtls" (the client
	// certificate the connection was verified with) or "header" (the
	// identity header a trusted proxy set). Set exactly when Identity is.
	IdentitySource string `json:"identity_source,omitempty"`
	// Identity is the caller's identity: the SPIFFE ID or subject of its
	// client certificate, or the identity header's value. At most
	// maxIdentityLen bytes before digesting.
	Identity string `json:"identity,omitempty"`
	// Address is the client's IP address (behind trusted proxies, the one
	// they reported). Append requires an address netip parses.
	Address string `json:"address,omitempty"`
}

// Identity sources a Caller may name.
const (
	IdentityMTLS   = "mtls"
	IdentityHeader = "header"
)

// Limits on a Caller's fields.
const (
	maxTokenNameLen = 64
	maxIdentityLen  = 4096
)

// callerLabel derives the key of the caller digests from the receipt key.
// It is a key of its own so that a caller's address digest never equals
// the value_hash of the same address found in a request's text.
const callerLabel = "datafog receipts caller v1"

// CallerDigest returns the stored form of a caller identity or address,
// "hmac-sha256:" + hex HMAC-SHA256 under the caller key derived from the
// receipt key key: what a version 3 receipt holds in caller.identity or
// caller.address for value. Whoever holds the key can thus find the
// receipts of one client or identity without the log storing it.
func CallerDigest(key []byte, value string) string {
	p := newMacPool(deriveKey(key, callerLabel))
	return string(p.appendHexString([]byte(digestPrefix), value))
}

// ValidTokenName reports whether name can name a token in a receipt:
// 1-64 bytes of ASCII letters, digits, '.', '_' and '-'.
func ValidTokenName(name string) bool {
	if len(name) == 0 || len(name) > maxTokenNameLen {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// validate checks what Append requires of a caller.
func (c *Caller) validate() error {
	if c.Token != "" && !ValidTokenName(c.Token) {
		return fmt.Errorf("caller.token is not 1-64 bytes of [A-Za-z0-9._-]")
	}
	switch {
	case c.IdentitySource == "" && c.Identity != "":
		return fmt.Errorf("caller.identity without identity_source")
	case c.IdentitySource != "" && c.Identity == "":
		return fmt.Errorf("caller.identity_source without identity")
	case c.IdentitySource != "" && c.IdentitySource != IdentityMTLS && c.IdentitySource != IdentityHeader:
		return fmt.Errorf("caller.identity_source is not %q or %q", IdentityMTLS, IdentityHeader)
	case len(c.Identity) > maxIdentityLen:
		return fmt.Errorf("caller.identity is longer than %d bytes", maxIdentityLen)
	}
	if c.Address != "" {
		if _, err := netip.ParseAddr(c.Address); err != nil {
			return fmt.Errorf("caller.address is not an IP address")
		}
	}
	return nil
}

// appendCaller appends ,"caller":{…} in encoding/json's field order, with
// identity and address replaced by their digests (computed by digest).
func appendCaller(dst []byte, c *Caller, digest func(dst []byte, s string) []byte) []byte {
	dst = append(dst, `,"caller":{`...)
	start := len(dst)
	sep := func(dst []byte) []byte {
		if len(dst) > start {
			dst = append(dst, ',')
		}
		return dst
	}
	if c.Token != "" {
		dst = append(dst, `"token":`...)
		dst = appendString(dst, c.Token)
	}
	if c.IdentitySource != "" {
		dst = sep(dst)
		dst = append(dst, `"identity_source":`...)
		dst = appendString(dst, c.IdentitySource)
	}
	if c.Identity != "" {
		dst = sep(dst)
		dst = append(dst, `"identity":"`...)
		dst = digest(dst, c.Identity)
		dst = append(dst, '"')
	}
	if c.Address != "" {
		dst = sep(dst)
		dst = append(dst, `"address":"`...)
		dst = digest(dst, c.Address)
		dst = append(dst, '"')
	}
	return append(dst, '}')
}
