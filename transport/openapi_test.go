package transport

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// loadOpenAPI parses and validates the served document with kin-openapi.
func loadOpenAPI(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(OpenAPI())
	if err != nil {
		t.Fatalf("load openapi.json: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI document: %v", err)
	}
	if !doc.IsOpenAPI31OrLater() {
		t.Fatalf("openapi.json is OpenAPI %s, want 3.1", doc.OpenAPI)
	}
	return doc
}

// TestOpenAPIDocumentIsValid: the document kin-openapi validates is the one
// GET /openapi.json serves.
func TestOpenAPIDocumentIsValid(t *testing.T) {
	loadOpenAPI(t)
	_, base := startServer(t, testConfig(), nil)
	r := do(t, testClient(), "GET", base+"/openapi.json", nil, nil)
	if r.status != 200 || r.header.Get("Content-Type") != "application/json" || r.body != string(OpenAPI()) {
		t.Fatalf("GET /openapi.json: %d %q, %d bytes", r.status, r.header.Get("Content-Type"), len(r.body))
	}
}

// TestOpenAPIRoutesMatchServer: every route the server serves is in the
// document with its method, and the document has no other operation.
func TestOpenAPIRoutesMatchServer(t *testing.T) {
	doc := loadOpenAPI(t)
	var server, documented []string
	for r := routeNotFound + 1; r < numRoutes; r++ {
		server = append(server, routeMethod(r)+" "+routeNames[r])
	}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			documented = append(documented, method+" "+path)
		}
	}
	sort.Strings(server)
	sort.Strings(documented)
	if strings.Join(server, "\n") != strings.Join(documented, "\n") {
		t.Fatalf("routes differ\nserver:\n%s\n\ndocument:\n%s", strings.Join(server, "\n"), strings.Join(documented, "\n"))
	}
	// And every documented path is routed: matchRoute knows it.
	for path := range doc.Paths.Map() {
		concrete := strings.ReplaceAll(path, "{id}", "rc1_0_00000001_00000001_0000000000000000")
		if r, _ := matchRoute([]byte(concrete)); r == routeNotFound {
			t.Errorf("%s is documented but not routed", path)
		}
	}
}

// exchange is one request sent to the server for response validation.
type exchange struct {
	name   string
	method string
	path   string
	body   string
	hdr    map[string]string
	status int
	// validRequest: the request itself must validate against the document
	// (an error case may send what the document forbids).
	validRequest bool
}

// TestOpenAPIResponsesValidate sends real requests to every route,
// successes and errors, JSON and stream routes, and validates each
// response (status, headers, content type and body) against the document
// with openapi3filter; the successful requests are validated too.
func TestOpenAPIResponsesValidate(t *testing.T) {
	doc := loadOpenAPI(t)
	doc.Servers = nil // match paths on the test server's own port
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	openapi3filter.RegisterBodyDecoder("application/x-ndjson", ndjsonDecoder)
	defer openapi3filter.UnregisterBodyDecoder("application/x-ndjson")

	store := newFakeStore()
	cfg := testConfig()
	cfg.MaxBodyBytes = 4096
	cfg.MaxInflightBytes = 1 << 30
	_, base := startServer(t, cfg, store)
	c := testClient()

	// A receipt to fetch.
	rd := do(t, c, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"file.write"},"text":"ssn 123-45-6789"}`), jsonHdr)
	var dec struct {
		ReceiptID string `json:"receipt_id"`
	}
	if err := json.Unmarshal([]byte(rd.body), &dec); err != nil || dec.ReceiptID == "" {
		t.Fatalf("decide: %s", rd.body)
	}
	text := "mail bob@example.com <tag> & card 4111 1111 1111 1111, ssn 123-45-6789"
	big := `{"text":"` + strings.Repeat("a", 5000) + `"}`
	cases := []exchange{
		{"health", "GET", "/health", "", nil, 200, true},
		{"metrics text", "GET", "/metrics", "", nil, 200, true},
		{"metrics json", "GET", "/metrics", "", hdrs("Accept", "application/json"), 200, true},
		{"openapi", "GET", "/openapi.json", "", nil, 200, true},
		{"policy version", "GET", "/v1/policy/version", "", nil, 200, true},
		{"entities", "GET", "/v1/entities", "", nil, 200, true},
		{"receipt", "GET", "/v1/receipts/" + dec.ReceiptID, "", nil, 200, true},
		{"receipt missing", "GET", "/v1/receipts/rcpt-999", "", nil, 404, true},
		{"scan", "POST", "/v1/scan", `{"text":"` + text + `","include_values":true,"entity_types":["email","ssn"],"request_id":"r1"}`, jsonHdr, 200, true},
		{"scan unknown member", "POST", "/v1/scan", `{"text":"x","entity_type":["ssn"]}`, jsonHdr, 400, false},
		{"scan unknown type", "POST", "/v1/scan", `{"text":"x","entity_types":["nope"]}`, jsonHdr, 400, true},
		{"scan too large", "POST", "/v1/scan", big, jsonHdr, 413, true},
		{"scan wrong type", "POST", "/v1/scan", `{"text":"x"}`, hdrs("Content-Type", "text/plain"), 415, false},
		{"scan wrong method", "GET", "/v1/scan", "", nil, 405, false},
		{"decide", "POST", "/v1/decide", `{"action":{"type":"file.write","resource":"/tmp/x"},"text":"` + text + `","tenant_id":"t"}`, jsonHdr, 200, true},
		{"decide with findings", "POST", "/v1/decide", `{"action":{"type":"shell.exec"},"findings":[{"entity_type":"aws_access_key","start":0,"end":20,"value":"AKIAIOSFODNN7EXAMPLE"}],"include_values":true}`, jsonHdr, 200, true},
		{"decide no action", "POST", "/v1/decide", `{"text":"x"}`, jsonHdr, 400, false},
		{"transform", "POST", "/v1/transform", `{"text":"` + text + `","mode":"mask","entity_modes":{"email":"redact"}}`, jsonHdr, 200, true},
		{"transform bad mode", "POST", "/v1/transform", `{"text":"x","mode":"blur"}`, jsonHdr, 400, false},
		{"anonymize", "POST", "/v1/anonymize", `{"text":"` + text + `"}`, jsonHdr, 200, true},
		{"idempotency conflict 1", "POST", "/v1/scan", `{"text":"a","idempotency_key":"k1"}`, jsonHdr, 200, true},
		{"idempotency conflict 2", "POST", "/v1/scan", `{"text":"b","idempotency_key":"k1"}`, jsonHdr, 409, true},
		{"scan stream", "POST", "/v1/scan/stream?entity_types=email,ssn", text, hdrs("Content-Type", "text/plain"), 200, true},
		{"scan stream bad query", "POST", "/v1/scan/stream?entity_type=email", text, nil, 400, false},
		{"scan stream multipart", "POST", "/v1/scan/stream", "--x--", hdrs("Content-Type", "multipart/form-data; boundary=x"), 415, false},
		{"redact stream octets", "POST", "/v1/redact/stream?mode=mask", text, hdrs("Content-Type", "application/octet-stream"), 200, true},
		{"redact stream text", "POST", "/v1/redact/stream", text, hdrs("Content-Type", "text/plain; charset=utf-8"), 200, true},
		{"not found", "GET", "/v1/nowhere", "", nil, 404, false},
	}
	for _, x := range cases {
		t.Run(x.name, func(t *testing.T) {
			var body io.Reader
			if x.body != "" {
				body = strings.NewReader(x.body)
			}
			r := do(t, c, x.method, base+x.path, body, x.hdr)
			if r.status != x.status {
				t.Fatalf("status %d, want %d: %s", r.status, x.status, r.body)
			}
			validateExchange(t, router, base, x, r)
		})
	}

	// The streams' error endings: a scan stream cut mid-body ends with an
	// error line, which the document's line schema allows.
	t.Run("scan stream truncated gzip", func(t *testing.T) {
		var gz bytes.Buffer
		zw := gzip.NewWriter(&gz)
		_, _ = zw.Write(bytes.Repeat([]byte("mail bob@example.com\n"), 8000))
		_ = zw.Close()
		cut := gz.Bytes()[:gz.Len()/2]
		x := exchange{"truncated", "POST", "/v1/scan/stream", string(cut), hdrs("Content-Encoding", "gzip", "Content-Type", "application/octet-stream"), 0, true}
		req, err := http.NewRequest("POST", base+x.path, bytes.NewReader(cut))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Encoding", "gzip")
		req.Header.Set("Content-Type", "application/octet-stream")
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := readAllErr(res) // the body is cut after the error line
		r := resp{res.StatusCode, res.Header, string(b)}
		if r.status != 200 || !strings.HasSuffix(r.body, "}}\n") || !strings.Contains(r.body, `{"error":{"code":"invalid_request"`) {
			t.Fatalf("truncated stream: %d, ends %q", r.status, r.body[max(0, len(r.body)-200):])
		}
		x.status = r.status
		validateExchange(t, router, base, x, r)
	})

	// A response fasthttp answers before the handler: oversized headers.
	t.Run("headers too large", func(t *testing.T) {
		conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
		fmt.Fprintf(conn, "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: %s\r\n\r\n", strings.Repeat("a", 40<<10))
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		validateExchange(t, router, base, exchange{"431", "GET", "/health", "", nil, res.StatusCode, false},
			resp{res.StatusCode, res.Header, string(b)})
	})
}

// validateExchange validates x's response r (and, when x.validRequest,
// the request) against the document.
func validateExchange(t *testing.T, router routers.Router, base string, x exchange, r resp) {
	t.Helper()
	var body io.Reader = http.NoBody
	if x.body != "" {
		body = strings.NewReader(x.body)
	}
	req, err := http.NewRequest(x.method, base+x.path, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range x.hdr {
		req.Header.Set(k, v)
	}
	route, params, err := router.FindRoute(req)
	if err != nil {
		var re *routers.RouteError
		errors.As(err, &re)
		if x.status == 404 && re != nil && re.Reason == routers.ErrPathNotFound.Error() {
			// An unknown path has no operation; its body is the Error schema.
			validateErrorBody(t, r)
			return
		}
		if x.status == 405 && re != nil && re.Reason == routers.ErrMethodNotAllowed.Error() {
			validateErrorBody(t, r)
			return
		}
		t.Fatalf("no documented route for %s %s: %v", x.method, x.path, err)
	}
	opts := &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true,
		AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}
	if x.validRequest {
		if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
			t.Errorf("request does not validate: %v", err)
		}
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: r.status, Header: r.header,
		Body: io.NopCloser(strings.NewReader(r.body)), Options: opts}
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		t.Errorf("response %d %q does not validate: %v\n%.400s", r.status, r.header.Get("Content-Type"), err, r.body)
	}
}

// validateErrorBody checks a response that has no documented operation
// against the Error schema.
func validateErrorBody(t *testing.T, r resp) {
	t.Helper()
	doc := loadOpenAPI(t)
	var v any
	if err := json.Unmarshal([]byte(r.body), &v); err != nil {
		t.Fatalf("error body %q: %v", r.body, err)
	}
	if err := doc.Components.Schemas["Error"].Value.VisitJSON(v, openapi3.EnableJSONSchema2020()); err != nil {
		t.Errorf("error body %q does not validate: %v", r.body, err)
	}
}

// ndjsonDecoder decodes an application/x-ndjson body into the array of its
// lines, which the document's schema describes.
func ndjsonDecoder(body io.Reader, _ http.Header, _ *openapi3.SchemaRef, _ openapi3filter.EncodingFn) (any, error) {
	var lines []any
	sc := bufio.NewScanner(body)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		var v any
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, fmt.Errorf("NDJSON line %d: %w", len(lines)+1, err)
		}
		lines = append(lines, v)
	}
	return lines, sc.Err()
}
