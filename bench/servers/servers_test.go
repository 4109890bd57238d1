package servers

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/datafog/datafog-api/bench/load"
)

// TestTargetsScan starts each in-process target and checks that /v1/scan
// finds the SSN in a small request.
func TestTargetsScan(t *testing.T) {
	for _, name := range []string{"ours", "baseline"} {
		tg, err := Start(name, t.TempDir())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !strings.HasPrefix(tg.BaseURL, "http://127.0.0.1:") {
			t.Errorf("%s: base URL %s is not on 127.0.0.1", name, tg.BaseURL)
		}
		resp, err := http.Post(tg.BaseURL+"/v1/scan", "application/json", strings.NewReader(`{"text":"my ssn is 123-45-6789 ok"}`))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), `"entity_type":"ssn","start":10,"end":21`) {
			t.Errorf("%s: status %d body %s", name, resp.StatusCode, body)
		}
		if err := tg.Stop(); err != nil {
			t.Errorf("%s: stop: %v", name, err)
		}
	}
	if _, err := Start("other", ""); err == nil || err.Error() != `servers: unknown target "other" (want ours, ours-tls or baseline)` {
		t.Errorf("unknown target error = %v", err)
	}
}

// TestTLSTargetScan: ours-tls answers /v1/scan over HTTPS with the
// certificate its ClientTLS trusts, and refuses plain HTTP.
func TestTLSTargetScan(t *testing.T) {
	tg, err := Start("ours-tls", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer tg.Stop()
	if !strings.HasPrefix(tg.BaseURL, "https://127.0.0.1:") || tg.ClientTLS == nil {
		t.Fatalf("base URL %s, client TLS %v", tg.BaseURL, tg.ClientTLS)
	}
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: tg.ClientTLS}}
	resp, err := c.Post(tg.BaseURL+"/v1/scan", "application/json", strings.NewReader(`{"text":"my ssn is 123-45-6789 ok"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.TLS == nil || !strings.Contains(string(body), `"entity_type":"ssn","start":10,"end":21`) {
		t.Fatalf("status %d TLS %v body %s", resp.StatusCode, resp.TLS != nil, body)
	}
	res, err := load.Run(context.Background(), load.Config{URL: tg.BaseURL + "/v1/scan", Body: []byte(`{"text":"a@b.co"}`),
		Connections: 4, Duration: 300 * time.Millisecond, TLSConfig: tg.ClientTLS})
	if err != nil || res.OK == 0 || len(res.Errors) != 0 {
		t.Fatalf("load over TLS: %+v %v", res, err)
	}
	if resp, err := http.Get("http" + strings.TrimPrefix(tg.BaseURL, "https") + "/health"); err == nil {
		resp.Body.Close()
		t.Fatalf("plain HTTP answered %d", resp.StatusCode)
	}
}
