package transport

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/valyala/fasthttp"
)

// Peers maps receipt-id node ids to the base URLs of the replicas that hold
// them, so that GET /v1/receipts/{id} works on any replica of a fleet: a
// replica that does not hold the id forwards the request to the one that
// does, once. The map comes from configuration only; a node id taken from a
// request is never turned into an address unless it is listed, or, with a
// template, is a pod ordinal (decimal digits).
type Peers struct {
	self     string
	urls     map[string]string // node id → base URL, no trailing slash
	template string            // base URL with "{node}", or ""
	client   *fasthttp.Client
}

// forwardedHeader marks a forwarded request so it is never forwarded again.
const forwardedHeader = "X-Datafog-Forwarded"

// maxOrdinalLen bounds the node ids a template accepts (pod ordinals).
const maxOrdinalLen = 5

// PeersFromEnv reads DATAFOG_PEERS ("0=http://host-0:8080,1=http://host-1:8080")
// and DATAFOG_PEER_URL_TEMPLATE ("http://datafog-{node}.datafog-headless:8080").
// self is this replica's node id. It returns nil when neither is set.
func PeersFromEnv(getenv func(string) string, self string) (*Peers, error) {
	list, tmpl := getenv("DATAFOG_PEERS"), getenv("DATAFOG_PEER_URL_TEMPLATE")
	if list == "" && tmpl == "" {
		return nil, nil
	}
	p := &Peers{self: self, urls: map[string]string{}}
	var problems []string
	for _, item := range strings.Split(list, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		node, base, ok := strings.Cut(item, "=")
		if !ok || node == "" {
			problems = append(problems, fmt.Sprintf("DATAFOG_PEERS: item %q: want node=URL", node))
			continue
		}
		if err := checkBaseURL(base); err != nil {
			problems = append(problems, fmt.Sprintf("DATAFOG_PEERS: node %s: %v", node, err))
			continue
		}
		p.urls[node] = strings.TrimRight(base, "/")
	}
	if tmpl != "" {
		if !strings.Contains(tmpl, "{node}") {
			problems = append(problems, "DATAFOG_PEER_URL_TEMPLATE: must contain {node}")
		} else if err := checkBaseURL(strings.ReplaceAll(tmpl, "{node}", "0")); err != nil {
			problems = append(problems, fmt.Sprintf("DATAFOG_PEER_URL_TEMPLATE: %v", err))
		}
		p.template = strings.TrimRight(tmpl, "/")
	}
	if len(problems) > 0 {
		return nil, errors.New("transport: peers: " + strings.Join(problems, "; "))
	}
	p.client = &fasthttp.Client{
		ReadTimeout:         5 * time.Second,
		WriteTimeout:        5 * time.Second,
		MaxConnsPerHost:     64,
		MaxResponseBodySize: 1 << 20,
	}
	return p, nil
}

func checkBaseURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("want an absolute http or https URL")
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return errors.New("want no query or fragment")
	}
	return nil
}

// baseFor returns the base URL of node, or "" when this replica holds node
// or no peer is known for it.
func (p *Peers) baseFor(node string) string {
	if p == nil || node == "" || node == p.self {
		return ""
	}
	if u, ok := p.urls[node]; ok {
		return u
	}
	if p.template == "" || len(node) > maxOrdinalLen {
		return ""
	}
	if _, err := strconv.ParseUint(node, 10, 32); err != nil {
		return ""
	}
	return strings.ReplaceAll(p.template, "{node}", node)
}

// receiptNode returns the node id inside a receipt id of the form
// "rc1_<node>_…", or "" when id is not one. Only ids made wholly of
// receipt-id bytes [a-z0-9_-] qualify: the request path arrives decoded, so
// an id could otherwise carry '?', '#' or "../" into the peer's URL.
func receiptNode(id []byte) string {
	const prefix = "rc1_"
	if len(id) <= len(prefix) || string(id[:len(prefix)]) != prefix {
		return ""
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return ""
		}
	}
	rest := id[len(prefix):]
	if i := bytes.IndexByte(rest, '_'); i > 0 {
		return string(rest[:i])
	}
	return ""
}

// forwardReceipt asks the peer at base for receipt id and copies its status
// and JSON body into the response. It passes on the caller's credentials and
// request id, and marks the request so the peer answers from its own log.
func (c *call) forwardReceipt(base string, id []byte) *apiError {
	req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	defer fasthttp.ReleaseRequest(req)
	defer fasthttp.ReleaseResponse(resp)
	req.SetRequestURI(base + "/v1/receipts/" + string(id))
	req.Header.SetMethod(fasthttp.MethodGet)
	req.Header.Set(forwardedHeader, "1")
	req.Header.Set("X-Request-ID", string(c.rid))
	if v := c.ctx.Request.Header.Peek("Authorization"); len(v) > 0 {
		req.Header.SetBytesV("Authorization", v)
	}
	if v := c.ctx.Request.Header.Peek("X-API-Key"); len(v) > 0 {
		req.Header.SetBytesV("X-API-Key", v)
	}
	if err := c.s.cfg.Peers.client.DoTimeout(req, resp, 5*time.Second); err != nil {
		c.s.cfg.Logger.Error("transport: receipt forward failed", "request_id", b2s(c.rid), "error", err.Error())
		return errPeerUnreachable
	}
	c.out = append(c.out[:0], resp.Body()...)
	c.ctx.SetStatusCode(resp.StatusCode())
	c.ctx.SetContentType(contentTypeJSON)
	c.s.setBody(c.ctx, c.out)
	return nil
}

// errPeerUnreachable answers a receipt lookup whose replica did not answer.
var errPeerUnreachable = &apiError{status: fasthttp.StatusServiceUnavailable, code: CodeReceiptError, message: "the replica holding this receipt did not answer"}
