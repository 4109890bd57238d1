package transport

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

func envMap(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

// TestPeersFromEnv parses DATAFOG_PEERS and DATAFOG_PEER_URL_TEMPLATE and
// rejects bad items with one error naming each.
func TestPeersFromEnv(t *testing.T) {
	p, err := PeersFromEnv(envMap(nil), "0")
	if p != nil || err != nil {
		t.Fatalf("unset: %v %v", p, err)
	}
	p, err = PeersFromEnv(envMap(map[string]string{
		"DATAFOG_PEERS": " 0=http://a:8080/ , 1=https://b.example:8443/base,, ",
	}), "0")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.urls) != 2 || p.urls["0"] != "http://a:8080" || p.urls["1"] != "https://b.example:8443/base" || p.template != "" || p.self != "0" {
		t.Fatalf("peers: %+v", p)
	}
	p, err = PeersFromEnv(envMap(map[string]string{"DATAFOG_PEER_URL_TEMPLATE": "http://datafog-{node}.datafog-headless:8080/"}), "2")
	if err != nil || p.template != "http://datafog-{node}.datafog-headless:8080" || len(p.urls) != 0 {
		t.Fatalf("template: %+v %v", p, err)
	}
	for _, tc := range []struct {
		vars map[string]string
		want string
	}{
		{map[string]string{"DATAFOG_PEERS": "0http://a"}, `DATAFOG_PEERS: item "0http://a": want node=URL`},
		{map[string]string{"DATAFOG_PEERS": "=http://a"}, `DATAFOG_PEERS: item "": want node=URL`},
		{map[string]string{"DATAFOG_PEERS": "1=ftp://a"}, "DATAFOG_PEERS: node 1: want an absolute http or https URL"},
		{map[string]string{"DATAFOG_PEERS": "1=/relative"}, "DATAFOG_PEERS: node 1: want an absolute http or https URL"},
		{map[string]string{"DATAFOG_PEERS": "1=http://a/?x=1"}, "DATAFOG_PEERS: node 1: want no query or fragment"},
		{map[string]string{"DATAFOG_PEER_URL_TEMPLATE": "http://datafog.headless:8080"}, "DATAFOG_PEER_URL_TEMPLATE: must contain {node}"},
		{map[string]string{"DATAFOG_PEER_URL_TEMPLATE": "datafog-{node}:8080"}, "DATAFOG_PEER_URL_TEMPLATE: want an absolute http or https URL"},
	} {
		p, err := PeersFromEnv(envMap(tc.vars), "0")
		if p != nil || err == nil || err.Error() != "transport: peers: "+tc.want {
			t.Errorf("%v: %v, %v; want %q", tc.vars, p, err, tc.want)
		}
	}
	// Every problem at once.
	_, err = PeersFromEnv(envMap(map[string]string{"DATAFOG_PEERS": "x,2=ftp://b", "DATAFOG_PEER_URL_TEMPLATE": "http://h"}), "0")
	if err == nil || strings.Count(err.Error(), "; ") != 2 {
		t.Errorf("several problems: %v", err)
	}
}

// TestPeersBaseFor checks which node ids map to an address: listed ones,
// and with a template only short decimal ordinals; never this replica's own.
func TestPeersBaseFor(t *testing.T) {
	listed, err := PeersFromEnv(envMap(map[string]string{"DATAFOG_PEERS": "0=http://h0:1,1=http://h1:2,web-a=http://wa:3"}), "1")
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := PeersFromEnv(envMap(map[string]string{
		"DATAFOG_PEERS":             "special=http://sp:9",
		"DATAFOG_PEER_URL_TEMPLATE": "http://datafog-{node}.datafog-headless:8080",
	}), "0")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		p    *Peers
		node string
		want string
	}{
		{listed, "0", "http://h0:1"},
		{listed, "web-a", "http://wa:3"},
		{listed, "1", ""}, // self
		{listed, "2", ""}, // not listed, no template
		{listed, "", ""},
		{tmpl, "special", "http://sp:9"},
		{tmpl, "3", "http://datafog-3.datafog-headless:8080"},
		{tmpl, "12345", "http://datafog-12345.datafog-headless:8080"},
		{tmpl, "123456", ""}, // longer than an ordinal
		{tmpl, "0", ""},      // self
		{tmpl, "web-a", ""},  // not decimal
		{tmpl, "1.2", ""},
		{tmpl, "-1", ""},
		{tmpl, "+1", ""},
		{nil, "0", ""},
	} {
		if got := tc.p.baseFor(tc.node); got != tc.want {
			t.Errorf("baseFor(%q) = %q, want %q", tc.node, got, tc.want)
		}
	}
}

// TestReceiptNode extracts the node id of a receipt id, or "".
func TestReceiptNode(t *testing.T) {
	for id, want := range map[string]string{
		"rc1_0_00000001_00000048_0011223344556677": "0",
		"rc1_web-a_x":    "web-a",
		"rc1_12345_":     "12345",
		"rc1_":           "",
		"rc1__x":         "",
		"rc1_0":          "",
		"rc1_Web_x":      "",
		"rc1_a.b_x":      "",
		"rc1_../x_y":     "",
		"rc2_0_x":        "",
		"RC1_0_x":        "",
		"":               "",
		"rcpt-1":         "",
		"rc1_%2e%2e_abc": "",
		"rc1_b_x?y=1":    "", // the path is decoded: %3F arrives as '?'
		"rc1_b_x#frag":   "",
		"rc1_b_x/../y":   "",
		"rc1_b_x y":      "",
		"rc1_b_X":        "",
	} {
		if got := receiptNode([]byte(id)); got != want {
			t.Errorf("receiptNode(%q) = %q, want %q", id, got, want)
		}
	}
}

// fakePeer is a replica stand-in that records the receipt lookups it gets.
type fakePeer struct {
	srv *httptest.Server

	mu     sync.Mutex
	got    []*http.Request
	status int
	body   string
}

func newFakePeer(t *testing.T, status int, body string) *fakePeer {
	f := &fakePeer{status: status, body: body}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.got = append(f.got, r.Clone(r.Context()))
		f.mu.Unlock()
		w.Header().Set("Content-Type", "text/plain") // replaced by the forwarder
		w.WriteHeader(f.status)
		_, _ = w.Write([]byte(f.body))
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakePeer) requests() []*http.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]*http.Request(nil), f.got...)
}

// TestForwardReceipt runs a server for node "a" whose peers are a fake
// replica "b" (listed) and ordinals through a template: a lookup of a "b" or
// ordinal id is forwarded once, to the right path, with the caller's
// credentials and request id and the forwarded mark, and the peer's status
// and body come back as JSON; a forwarded, own or unknown id is answered
// locally; an unreachable peer gives 503; a caller without the token is
// refused before anything is forwarded.
func TestForwardReceipt(t *testing.T) {
	const token = "peer-test-token"
	const peerBody = `{"receipt_id":"rc1_b_00000001_00000048_0011223344556677","node_id":"b"}` + "\n"
	peer := newFakePeer(t, 200, peerBody)
	down := httptest.NewServer(http.NotFoundHandler())
	downURL := down.URL
	down.Close()
	cfg := testConfig()
	cfg.APIToken = token
	var err error
	cfg.Peers, err = PeersFromEnv(envMap(map[string]string{
		"DATAFOG_PEERS":             "b=" + peer.srv.URL + ",gone=" + downURL,
		"DATAFOG_PEER_URL_TEMPLATE": peer.srv.URL + "/ord{node}",
	}), "a")
	if err != nil {
		t.Fatal(err)
	}
	_, base := startServer(t, cfg, nil)
	c := testClient()
	const bID = "rc1_b_00000001_00000048_0011223344556677"

	r := do(t, c, "GET", base+"/v1/receipts/"+bID, nil, hdrs("Authorization", "Bearer "+token, "X-Request-ID", "rid-forward-1"))
	if r.status != 200 || r.body != peerBody || r.header.Get("Content-Type") != "application/json" || r.header.Get("X-Request-ID") != "rid-forward-1" {
		t.Fatalf("forwarded: %d %q %v", r.status, r.body, r.header)
	}
	got := peer.requests()
	if len(got) != 1 {
		t.Fatalf("peer got %d requests", len(got))
	}
	if g := got[0]; g.Method != "GET" || g.URL.Path != "/v1/receipts/"+bID || g.Header.Get("Authorization") != "Bearer "+token ||
		g.Header.Get("X-Datafog-Forwarded") != "1" || g.Header.Get("X-Request-ID") != "rid-forward-1" {
		t.Fatalf("peer saw %s %s %v", g.Method, g.URL.Path, g.Header)
	}

	// X-API-Key is passed on too; the peer's error status and body come back.
	peer.mu.Lock()
	peer.status, peer.body = 404, `{"error":{"code":"not_found","message":"receipt not found","request_id":"x"}}`+"\n"
	peer.mu.Unlock()
	r = do(t, c, "GET", base+"/v1/receipts/"+bID, nil, hdrs("X-API-Key", token))
	if r.status != 404 || r.body != `{"error":{"code":"not_found","message":"receipt not found","request_id":"x"}}`+"\n" {
		t.Fatalf("peer 404: %d %q", r.status, r.body)
	}
	if got := peer.requests(); len(got) != 2 || got[1].Header.Get("X-API-Key") != token || got[1].Header.Get("Authorization") != "" {
		t.Fatalf("X-API-Key not passed on: %v", got[len(got)-1].Header)
	}

	// A template ordinal goes to the template's URL.
	r = do(t, c, "GET", base+"/v1/receipts/rc1_7_00000001_00000048_0011223344556677", nil, hdrs("X-API-Key", token))
	if got := peer.requests(); r.status != 404 || len(got) != 3 || got[2].URL.Path != "/ord7/v1/receipts/rc1_7_00000001_00000048_0011223344556677" {
		t.Fatalf("template: %d, peer saw %d requests", r.status, len(got))
	}

	// Answered locally, never forwarded: a forwarded request, this node's own
	// id, an unknown non-ordinal node, a malformed id, and a caller without
	// the token.
	auth := hdrs("X-API-Key", token)
	for _, tc := range []struct {
		id     string
		hdr    map[string]string
		status int
		code   string
		msg    string
	}{
		{bID, hdrs("X-API-Key", token, "X-Datafog-Forwarded", "1"), 404, CodeNotFound, "receipt not found"},
		{"rc1_a_00000001_00000048_0011223344556677", auth, 404, CodeNotFound, "receipt not found"},
		{"rc1_zz_00000001_00000048_0011223344556677", auth, 404, CodeNotFound, "receipt not found"},
		{"rc1_B_00000001_00000048_0011223344556677", auth, 404, CodeNotFound, "receipt not found"},
		{"rc1_b_00000001%3Fx=1", auth, 404, CodeNotFound, "receipt not found"},
		{"rc1_b_00000001%23top", auth, 404, CodeNotFound, "receipt not found"},
		{bID, nil, 401, CodeUnauthorized, "missing or invalid API token"},
		{bID, hdrs("Authorization", "Bearer nope"), 401, CodeUnauthorized, "missing or invalid API token"},
	} {
		wantError(t, do(t, c, "GET", base+"/v1/receipts/"+tc.id, nil, tc.hdr), tc.status, tc.code, tc.msg)
	}
	if got := peer.requests(); len(got) != 3 {
		t.Fatalf("peer got %d requests, want still 3", len(got))
	}

	// A listed peer that does not answer.
	wantError(t, do(t, c, "GET", base+"/v1/receipts/rc1_gone_00000001_00000048_0011223344556677", nil, auth),
		503, CodeReceiptError, "the replica holding this receipt did not answer")
}
