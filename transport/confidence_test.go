package transport

import (
	"strings"
	"testing"
)

// TestMinConfidence checks the minimum confidence on every route that
// scans: the policy's default (0.5) drops a bare five-digit number (a
// zip_code at 0.3) and an ISO timestamp's date (0.35), the request's
// min_confidence overrides it, and a bad value is a 400 naming the field.
func TestMinConfidence(t *testing.T) {
	_, base := startServer(t, testConfig(), newFakeStore())
	c := testClient()
	const text = `ref 94105 at 2026-12-03T02:00:00Z`
	for _, tc := range []struct {
		name, path, body, want string
	}{
		{"scan default", "/v1/scan", `{"text":"` + text + `"}`, `"findings":[]`},
		{"scan low", "/v1/scan", `{"text":"` + text + `","min_confidence":0.2}`,
			`"findings":[{"entity_type":"zip_code","start":4,"end":9,"confidence":0.3},{"entity_type":"date","start":13,"end":23,"confidence":0.35}]`},
		{"transform default", "/v1/transform", `{"text":"` + text + `"}`, `"output":"` + text + `"`},
		{"transform low", "/v1/transform", `{"text":"` + text + `","min_confidence":0.3}`, `"output":"ref [REDACTED] at [REDACTED]T02:00:00Z"`},
	} {
		r := do(t, c, "POST", base+tc.path, strings.NewReader(tc.body), jsonHdr)
		if r.status != 200 || !strings.Contains(r.body, tc.want) {
			t.Errorf("%s: %d %s, want 200 with %s", tc.name, r.status, r.body, tc.want)
		}
	}
	r := do(t, c, "POST", base+"/v1/scan/stream?min_confidence=0.2", strings.NewReader(text), hdrs("Content-Type", "text/plain"))
	if r.status != 200 || !strings.Contains(r.body, `{"entity_type":"zip_code","start":4,"end":9,"confidence":0.3}`) {
		t.Errorf("stream low: %d %s", r.status, r.body)
	}
	r = do(t, c, "POST", base+"/v1/scan/stream", strings.NewReader(text), hdrs("Content-Type", "text/plain"))
	if r.status != 200 || strings.Contains(r.body, "entity_type") {
		t.Errorf("stream default: %d %s", r.status, r.body)
	}
	for _, body := range []string{`{"text":"x","min_confidence":1.5}`, `{"text":"x","min_confidence":"high"}`} {
		wantError(t, do(t, c, "POST", base+"/v1/scan", strings.NewReader(body), jsonHdr), 400, "invalid_request", "min_confidence must be a number from 0 to 1")
	}
	wantError(t, do(t, c, "POST", base+"/v1/scan/stream?min_confidence=2", strings.NewReader(text), hdrs("Content-Type", "text/plain")), 400, "invalid_request", "min_confidence must be a number from 0 to 1")
}
