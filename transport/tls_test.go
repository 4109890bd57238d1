package transport

import (
	"crypto/tls"
	"crypto/x509/pkix"
	"io"
	"net/http"
	"net/http/httptrace"
	"strings"
	"testing"
	"time"
)

// scanBody is a small /v1/scan request.
const scanBody = `{"text":"mail bob@example.com"}`

// tlsRequest sends POST /v1/scan on c and returns the status, the serial
// of the server certificate the connection saw, and whether the request
// reused a kept-alive connection.
func tlsRequest(t *testing.T, c *http.Client, base string, hdr map[string]string) (status int, serial int64, reused bool) {
	t.Helper()
	req, err := http.NewRequest("POST", base+"/v1/scan", strings.NewReader(scanBody))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	req = req.WithContext(httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{
		GotConn: func(info httptrace.GotConnInfo) { reused = info.Reused },
	}))
	res, err := c.Do(req)
	if err != nil {
		t.Fatalf("POST /v1/scan: %v", err)
	}
	defer res.Body.Close()
	if _, err := io.Copy(io.Discard, res.Body); err != nil {
		t.Fatal(err)
	}
	if res.TLS == nil || len(res.TLS.PeerCertificates) == 0 {
		t.Fatal("response not over TLS")
	}
	return res.StatusCode, res.TLS.PeerCertificates[0].SerialNumber.Int64(), reused
}

// TestHTTPSReloadsCertificate serves HTTPS with a generated certificate,
// keeps a client's keep-alive connection open while the certificate and
// key files are replaced (key first, so one poll may see a mismatched
// pair and must refuse it), and checks: the open connection keeps working
// with the certificate it was set up with, and a new connection sees the
// new certificate.
func TestHTTPSReloadsCertificate(t *testing.T) {
	dir := t.TempDir()
	ca := newTestCA(t, "test CA")
	certFile, keyFile, _ := tlsFiles(t, dir, ca, 1)
	cfg := testConfig()
	cfg.TLSCertFile, cfg.TLSKeyFile = certFile, keyFile
	cfg.CredentialPollInterval = 5 * time.Millisecond
	s, base := startTLSServer(t, cfg, nil)
	if !strings.HasPrefix(base, "https://127.0.0.1:") {
		t.Fatalf("base %s", base)
	}

	kept := tlsClient(ca.pool())
	if st, serial, _ := tlsRequest(t, kept, base, nil); st != 200 || serial != 1 {
		t.Fatalf("before rotation: status %d, serial %d", st, serial)
	}

	newCert, newKey := ca.issue(t, leafSpec{serial: 2, subject: pkix.Name{CommonName: "datafog"}, server: true})
	replaceFile(t, keyFile, newKey)
	time.Sleep(20 * time.Millisecond) // let polls see the new key beside the old certificate
	replaceFile(t, certFile, newCert)
	waitFor(t, "the new certificate", func() bool { return s.sec.gen.Load().leaf.SerialNumber.Int64() == 2 })

	for i := range 3 {
		st, serial, reused := tlsRequest(t, kept, base, nil)
		if st != 200 || serial != 1 || !reused {
			t.Fatalf("kept connection after rotation, request %d: status %d, serial %d, reused %v", i, st, serial, reused)
		}
	}
	fresh := tlsClient(ca.pool())
	if st, serial, reused := tlsRequest(t, fresh, base, nil); st != 200 || serial != 2 || reused {
		t.Fatalf("new connection: status %d, serial %d, reused %v", st, serial, reused)
	}
	if ok := s.sec.reloads[reloadTLS][0].Load(); ok != 1 {
		t.Errorf("%d successful TLS reloads, want 1", ok)
	}
	// A mismatched pair, when a poll saw one, was refused: the certificate
	// in force never had a key that does not match it.
	if st, _, _ := tlsRequest(t, fresh, base, nil); st != 200 {
		t.Fatal("server broken after rotation")
	}
}

// TestTLSRefusesOldVersionsAndPlainHTTP: TLS 1.1 is refused, and a plain
// HTTP request to the TLS port gets no HTTP answer.
func TestTLSRefusesOldVersionsAndPlainHTTP(t *testing.T) {
	dir := t.TempDir()
	ca := newTestCA(t, "test CA")
	certFile, keyFile, _ := tlsFiles(t, dir, ca, 1)
	cfg := testConfig()
	cfg.TLSCertFile, cfg.TLSKeyFile = certFile, keyFile
	_, base := startTLSServer(t, cfg, nil)
	old := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{
		RootCAs: ca.pool(), MinVersion: tls.VersionTLS10, MaxVersion: tls.VersionTLS11, // #nosec G402 -- the test checks that the server refuses it
	}}}
	if _, err := old.Get(base + "/health"); err == nil || !strings.Contains(err.Error(), "protocol version") {
		t.Fatalf("TLS 1.1 client: %v", err)
	}
	plain := testClient()
	if res, err := plain.Get("http" + base[len("https"):] + "/health"); err == nil {
		res.Body.Close()
		t.Fatalf("plain HTTP on the TLS port answered %d", res.StatusCode)
	}
}

// TestMTLS: with a client CA, a certificate that chains to it is served
// and names the caller; no certificate, or one from another CA, fails the
// handshake before any request is read.
func TestMTLS(t *testing.T) {
	dir := t.TempDir()
	ca := newTestCA(t, "server and client CA")
	other := newTestCA(t, "other CA")
	certFile, keyFile, caFile := tlsFiles(t, dir, ca, 1)
	cfg := testConfig()
	cfg.TLSCertFile, cfg.TLSKeyFile, cfg.TLSClientCAFile = certFile, keyFile, caFile
	rec := newFakeStore()
	s, base := startTLSServer(t, cfg, rec)

	good := tlsClient(ca.pool(), ca.clientCert(t, leafSpec{serial: 10, subject: pkix.Name{CommonName: "billing"},
		uris: []string{"spiffe://example.org/ns/billing/sa/api"}}))
	r := do(t, good, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"file.write"},"text":"x"}`), jsonHdr)
	if r.status != 200 {
		t.Fatalf("verified client: %d %s", r.status, r.body)
	}
	got := rec.recs["rcpt-1"].Caller
	if got == nil || got.IdentitySource != "mtls" || got.Identity != "spiffe://example.org/ns/billing/sa/api" || got.Address != "127.0.0.1" || got.Token != "" {
		t.Fatalf("caller %+v", got)
	}

	subjectOnly := tlsClient(ca.pool(), ca.clientCert(t, leafSpec{serial: 11, subject: pkix.Name{CommonName: "batch", Organization: []string{"Example"}}}))
	if r := do(t, subjectOnly, "POST", base+"/v1/decide", strings.NewReader(`{"action":{"type":"file.write"},"text":"x"}`), jsonHdr); r.status != 200 {
		t.Fatalf("subject-only client: %d", r.status)
	}
	if got := rec.recs["rcpt-2"].Caller; got.Identity != "CN=batch,O=Example" || got.IdentitySource != "mtls" {
		t.Fatalf("subject identity %+v", got)
	}

	for name, tc := range map[string]struct {
		c     *http.Client
		alert string
	}{
		"no certificate":    {tlsClient(ca.pool()), "remote error: tls: certificate required"},
		"another CA's cert": {tlsClient(ca.pool(), other.clientCert(t, leafSpec{serial: 12, subject: pkix.Name{CommonName: "billing"}})), "remote error: tls: unknown certificate authority"},
	} {
		res, err := tc.c.Get(base + "/health")
		if err == nil {
			res.Body.Close()
			t.Errorf("%s: answered %d", name, res.StatusCode)
			continue
		}
		if !strings.HasSuffix(err.Error(), tc.alert) {
			t.Errorf("%s: %v; want %q", name, err, tc.alert)
		}
	}
	if n := rec.count(); n != 2 {
		t.Errorf("%d receipts, want 2", n)
	}
	if s.sec.clientAuth != clientAuthRequire {
		t.Errorf("client auth %d, want require", s.sec.clientAuth)
	}
}

// TestMTLSOptional: with DATAFOG_TLS_CLIENT_AUTH=optional a connection
// without a certificate may probe /health. Without a token configured any
// other route needs a verified certificate; with one (the contract: a set
// token is required on every route but /health), it needs the token, and a
// certificate adds the caller's identity. A certificate from another CA
// still fails the handshake.
func TestMTLSOptional(t *testing.T) {
	dir := t.TempDir()
	ca := newTestCA(t, "CA")
	other := newTestCA(t, "other CA")
	certFile, keyFile, caFile := tlsFiles(t, dir, ca, 1)
	cfg := testConfig()
	cfg.TLSCertFile, cfg.TLSKeyFile, cfg.TLSClientCAFile, cfg.TLSClientAuth = certFile, keyFile, caFile, "optional"
	_, base := startTLSServer(t, cfg, nil)
	anon := tlsClient(ca.pool())
	withCert := tlsClient(ca.pool(), ca.clientCert(t, leafSpec{serial: 5, subject: pkix.Name{CommonName: "svc"}}))
	if r := do(t, anon, "GET", base+"/health", nil, nil); r.status != 200 {
		t.Fatalf("/health without a certificate: %d", r.status)
	}
	wantError(t, do(t, anon, "POST", base+"/v1/scan", strings.NewReader(scanBody), jsonHdr), 401, "unauthorized", "missing or invalid API token")
	if r := do(t, withCert, "POST", base+"/v1/scan", strings.NewReader(scanBody), jsonHdr); r.status != 200 {
		t.Fatalf("certificate, no token configured: %d", r.status)
	}

	const token = "token-for-the-optional-test"
	cfg.APIToken = token
	rec := newFakeStore()
	_, base = startTLSServer(t, cfg, rec)
	anon, withCert = tlsClient(ca.pool()), tlsClient(ca.pool(), ca.clientCert(t, leafSpec{serial: 6, subject: pkix.Name{CommonName: "svc"}}))
	if r := do(t, anon, "POST", base+"/v1/scan", strings.NewReader(scanBody), jsonWith("Authorization", "Bearer "+token)); r.status != 200 {
		t.Fatalf("token without a certificate: %d", r.status)
	}
	wantError(t, do(t, withCert, "POST", base+"/v1/scan", strings.NewReader(scanBody), jsonHdr), 401, "unauthorized", "missing or invalid API token")
	wantError(t, do(t, withCert, "POST", base+"/v1/scan", strings.NewReader(scanBody), jsonWith("X-API-Key", "wrong-token-0123456789")), 401, "unauthorized", "missing or invalid API token")
	if r := do(t, withCert, "POST", base+"/v1/decide", strings.NewReader(decideBody), jsonWith("X-API-Key", token)); r.status != 200 {
		t.Fatalf("token and certificate: %d", r.status)
	}
	if c := rec.recs["rcpt-1"].Caller; c.Token != "default" || c.IdentitySource != "mtls" || c.Identity != "CN=svc" {
		t.Fatalf("caller with token and certificate: %+v", c)
	}
	bad := tlsClient(ca.pool(), other.clientCert(t, leafSpec{serial: 6, subject: pkix.Name{CommonName: "svc"}}))
	if res, err := bad.Get(base + "/health"); err == nil || !strings.HasSuffix(err.Error(), "remote error: tls: unknown certificate authority") {
		if err == nil {
			res.Body.Close()
		}
		t.Fatalf("another CA's certificate: %v", err)
	}
}

// TestNonLoopbackCountsMTLS: a non-loopback address is accepted without a
// token when client certificates are required, or optional (then a
// request without one needs a token, and there is none).
func TestNonLoopbackCountsMTLS(t *testing.T) {
	dir := t.TempDir()
	ca := newTestCA(t, "CA")
	certFile, keyFile, caFile := tlsFiles(t, dir, ca, 1)
	cfg := testConfig()
	cfg.Addr = "0.0.0.0:0"
	cfg.TLSCertFile, cfg.TLSKeyFile = certFile, keyFile
	if _, err := New(cfg, testPolicy(t), newFakeStore()); err == nil || !strings.Contains(err.Error(), "refusing to listen on the non-loopback address") {
		t.Fatalf("TLS without client certificates or token: %v", err)
	}
	for _, mode := range []string{"", "require", "optional"} {
		cfg.TLSClientCAFile, cfg.TLSClientAuth = caFile, mode
		if _, err := New(cfg, testPolicy(t), newFakeStore()); err != nil {
			t.Errorf("client auth %q: %v", mode, err)
		}
	}
}
