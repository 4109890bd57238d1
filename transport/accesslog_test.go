package transport

import (
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestAccessLogCarriesNoRequestContent drives every route with canaries in
// the body, the query string, the path and the headers (Authorization,
// X-API-Key, Cookie and a custom header), with the access log on and the
// server log at debug level, and then checks that:
//   - no log line holds any canary;
//   - every request has exactly one access line, with exactly the fields
//     method, route, status, bytes, duration_ms, request_id and client.
func TestAccessLogCarriesNoRequestContent(t *testing.T) {
	const (
		email  = "canary.person@example.com"
		ssn    = "123-45-6789"
		secret = "Zq8sK2pLm9XvB4tR7wYcQ"
		token  = "tok-Hd83kLm2Pq9Zx7Vb"
	)
	canaries := []string{email, ssn, secret, token, "canary", "Zq8sK2pLm9"}
	text := "mail " + email + " ssn " + ssn + " password=" + secret
	var logs, access syncBuffer
	cfg := testConfig()
	cfg.Logger = slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	cfg.AccessLog = slog.New(slog.NewJSONHandler(&access, nil))
	cfg.APIToken = token
	_, base := startServer(t, cfg, nil)
	c := testClient()
	auth := map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + token,
		"Cookie": "session=" + secret, "X-Custom": email}

	type sent struct {
		method, path, body string
		hdr                map[string]string
		status             int
		route              string
	}
	reqs := []sent{
		{"POST", "/v1/scan?q=" + secret, `{"text":"` + text + `","include_values":true}`, auth, 200, "/v1/scan"},
		{"POST", "/v1/transform", `{"text":"` + text + `","mode":"mask"}`, auth, 200, "/v1/transform"},
		{"POST", "/v1/anonymize", `{"text":"` + text + `"}`, auth, 200, "/v1/anonymize"},
		{"POST", "/v1/decide", `{"action":{"type":"file.write","resource":"/home/` + email + `"},"text":"` + text + `"}`, auth, 200, "/v1/decide"},
		{"POST", "/v1/scan", `{"text":"` + text + `","` + secret + `":1}`, auth, 400, "/v1/scan"},
		{"POST", "/v1/scan", `{"text":"` + text + `"}`, map[string]string{"Content-Type": "application/json", "X-API-Key": secret}, 401, "/v1/scan"},
		{"GET", "/v1/receipts/" + secret, "", auth, 404, "/v1/receipts/{id}"},
		{"GET", "/" + email, "", auth, 404, "/_not_found"},
		{"POST", "/v1/scan/stream?entity_types=email&min_confidence=0.1", text, map[string]string{"Authorization": "Bearer " + token, "X-Custom": secret}, 200, "/v1/scan/stream"},
		{"POST", "/v1/redact/stream?mode=" + secret, text, map[string]string{"Authorization": "Bearer " + token}, 400, "/v1/redact/stream"},
		{"POST", "/v1/redact/stream", text, map[string]string{"Authorization": "Bearer " + token}, 200, "/v1/redact/stream"},
		{"GET", "/health", "", map[string]string{"Authorization": "Bearer " + secret}, 200, "/health"},
		{"HEAD", "/v1/entities", "", auth, 200, "/v1/entities"},
		{"PATCH", "/v1/policy/version", "", auth, 405, "/v1/policy/version"},
	}
	var rids []string
	for _, q := range reqs {
		var body io.Reader
		if q.body != "" {
			body = strings.NewReader(q.body)
		}
		r := do(t, c, q.method, base+q.path, body, q.hdr)
		if r.status != q.status {
			t.Fatalf("%s %s: %d %s", q.method, q.path, r.status, r.body)
		}
		rids = append(rids, r.header.Get("X-Request-ID"))
	}
	// A request whose headers exceed the limit is answered by connError.
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	_, _ = io.WriteString(conn, "GET /health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "+token+"\r\nX-Big: "+secret+strings.Repeat("a", 20<<10)+"\r\n\r\n")
	_, _ = io.ReadAll(conn)
	conn.Close()

	// Lines are written when the response ends; streams end after do
	// returns, so wait for every line.
	deadline := time.Now().Add(3 * time.Second)
	for strings.Count(access.String(), "\n") < len(reqs)+1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	all := logs.String() + access.String()
	for _, cn := range canaries {
		if strings.Contains(all, cn) {
			t.Errorf("a log line holds the canary %q", cn)
		}
	}
	lines := strings.Split(strings.TrimSpace(access.String()), "\n")
	if len(lines) != len(reqs)+1 {
		t.Fatalf("%d access lines for %d requests:\n%s", len(lines), len(reqs)+1, access.String())
	}
	byID := map[string]map[string]any{}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("access line %q: %v", l, err)
		}
		var keys []string
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if got := strings.Join(keys, ","); got != "bytes,client,duration_ms,level,method,msg,request_id,route,status,time" {
			t.Errorf("access line fields %s", got)
		}
		if m["msg"] != "access" || m["level"] != "INFO" || m["client"] != "127.0.0.1" {
			t.Errorf("access line %s", l)
		}
		byID[m["request_id"].(string)] = m
	}
	for i, q := range reqs {
		m := byID[rids[i]]
		if m == nil {
			t.Errorf("%s %s: no access line for request id %s", q.method, q.path, rids[i])
			continue
		}
		method := q.method
		if method == "PATCH" {
			method = "OTHER"
		}
		if m["method"] != method || m["route"] != q.route || m["status"] != float64(q.status) {
			t.Errorf("%s %s: access line %v", q.method, q.path, m)
		}
		if b := m["bytes"].(float64); (q.method == "HEAD") != (b == 0) {
			t.Errorf("%s %s: bytes %v", q.method, q.path, b)
		}
	}
}

// TestAccessLogOffByDefault: without Config.AccessLog there is no access
// line, even at debug level.
func TestAccessLogOffByDefault(t *testing.T) {
	var logs syncBuffer
	cfg := testConfig()
	cfg.Logger = slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	_, base := startServer(t, cfg, nil)
	res, err := http.Get(base + "/health")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if strings.Contains(logs.String(), `"msg":"access"`) {
		t.Fatalf("access line without the access log:\n%s", logs.String())
	}
}
