package transport

import (
	"github.com/valyala/fasthttp"

	"github.com/datafog/datafog-api/receipts"
)

// caller returns who asked, for the request's receipt: the name of its
// token, its identity and its client address. The identity is the
// identity header's value when DATAFOG_IDENTITY_HEADER is set and the TCP
// peer is a trusted proxy, else the SPIFFE ID or subject of the verified
// client certificate of its connection. The receipt log stores the
// identity and the address as keyed digests (receipts.Caller); they are
// never logged.
func (c *call) caller() *receipts.Caller {
	cl := &receipts.Caller{Token: c.token}
	if c.client.IsValid() {
		cl.Address = c.client.String()
	}
	if id, ok := c.s.sec.headerIdentity(c.ctx); ok {
		cl.IdentitySource, cl.Identity = receipts.IdentityHeader, id
	} else if pc, isPeer := c.ctx.Conn().(*peerConn); isPeer {
		if verified, id := pc.peer(); verified && id != "" {
			cl.IdentitySource, cl.Identity = receipts.IdentityMTLS, id
		}
	}
	return cl
}

// maxIdentityLen is the longest identity header value taken; receipts
// refuse longer identities.
const maxIdentityLen = 4096

// headerIdentity returns the identity header's value when the TCP peer is
// a trusted proxy and it sent the header once, non-empty and at most
// maxIdentityLen bytes. The header from any other peer is ignored and
// counted (datafog_identity_header_ignored_total): a caller cannot name
// itself.
func (s *security) headerIdentity(ctx *fasthttp.RequestCtx) (string, bool) {
	if s.identityHeader == "" {
		return "", false
	}
	values := ctx.Request.Header.PeekAll(s.identityHeader)
	if len(values) == 0 {
		return "", false
	}
	if !s.trusted(peerAddr(ctx.RemoteAddr())) {
		s.identityIgnored.Add(1)
		return "", false
	}
	v := trimOWS(values[0])
	if len(values) != 1 || len(v) == 0 || len(v) > maxIdentityLen {
		s.identityIgnored.Add(1)
		return "", false
	}
	return string(v), true
}
