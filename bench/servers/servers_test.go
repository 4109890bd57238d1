package servers

import (
	"io"
	"net/http"
	"strings"
	"testing"
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
	if _, err := Start("other", ""); err == nil || err.Error() != `servers: unknown target "other" (want ours or baseline)` {
		t.Errorf("unknown target error = %v", err)
	}
}
