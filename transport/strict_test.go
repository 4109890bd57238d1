package transport

import (
	"strings"
	"testing"
)

// TestUnknownMembersAreRefused: a typo in any member of any JSON route is
// a 400 that names it (and the member meant), instead of being ignored.
func TestUnknownMembersAreRefused(t *testing.T) {
	_, base := startServer(t, testConfig(), nil)
	c := testClient()
	scanAccepts := "; accepted: text, entity_types, include_values, min_confidence, request_id, trace_id, idempotency_key"
	for _, tc := range []struct {
		route, body, msg string
	}{
		{"/v1/scan", `{"text":"bob@example.com","entity_type":["ssn"]}`,
			`unknown field "entity_type" (did you mean "entity_types"?)` + scanAccepts},
		{"/v1/scan", `{"text":"x","includevalues":true}`,
			`unknown field "includevalues" (did you mean "include_values"?)` + scanAccepts},
		{"/v1/scan", `{"text":"x","colour":1}`, `unknown field "colour"` + scanAccepts},
		{"/v1/transform", `{"text":"x","mdoe":"mask"}`,
			`unknown field "mdoe" (did you mean "mode"?); accepted: text, mode, entity_modes, findings, min_confidence, request_id, trace_id, idempotency_key`},
		{"/v1/anonymize", `{"text":"x","mode":"mask"}`,
			`unknown field "mode"; accepted: text, findings, min_confidence, request_id, trace_id, idempotency_key`},
		{"/v1/decide", `{"action":{"type":"file.write","resourse":"/tmp"},"text":"x"}`,
			`unknown field "action.resourse" (did you mean "resource"?); accepted: type, tool, resource, command, adapter, args, sensitive`},
		{"/v1/decide", `{"action":{"type":"file.write"},"findings":[{"entity_type":"email","start":0,"end":1},{"entity_type":"email","start":0,"end":1,"confidense":1}]}`,
			`unknown field "findings[1].confidense" (did you mean "confidence"?); accepted: entity_type, start, end, confidence, value`},
		{"/v1/decide", `{"action":{"type":"file.write"},"txt":"x"}`,
			`unknown field "txt" (did you mean "text"?); accepted: action, text, findings, include_values, min_confidence, tenant_id, actor_id, session_id, request_id, trace_id, idempotency_key`},
		// A name that is not letters and underscores may be caller text:
		// it is not shown.
		{"/v1/scan", `{"text":"x","bob@example.com":1}`,
			`unknown field (its name is not shown: not letters and underscores)` + scanAccepts},
	} {
		r := do(t, c, "POST", base+tc.route, strings.NewReader(tc.body), jsonHdr)
		wantError(t, r, 400, "invalid_request", strings.ReplaceAll(tc.msg, `"`, `\"`))
	}
}

// TestEntityModesKeysAreEntityTypes: an unknown key in entity_modes is a
// 400 naming it, not a mode silently never applied.
func TestEntityModesKeysAreEntityTypes(t *testing.T) {
	_, base := startServer(t, testConfig(), nil)
	c := testClient()
	r := do(t, c, "POST", base+"/v1/transform", strings.NewReader(`{"text":"bob@example.com","entity_modes":{"emial":"mask"}}`), jsonHdr)
	wantError(t, r, 400, "invalid_request", `entity_modes names an unknown entity type \"emial\"; valid: `+strings.Join(typeNames(testPolicy(t).Engine), ", "))
	r = do(t, c, "POST", base+"/v1/transform", strings.NewReader(`{"text":"bob@example.com","entity_modes":{"email":"blur"}}`), jsonHdr)
	wantError(t, r, 400, "invalid_request", `entity_modes: unknown mode \"blur\"; valid: anonymize, hash, mask, redact, tokenize`)
	r = do(t, c, "POST", base+"/v1/transform", strings.NewReader(`{"text":"mail bob@example.com","entity_modes":{"email":"mask"}}`), jsonHdr)
	if r.status != 200 || !strings.Contains(r.body, `"modes_applied":"email:mask"`) {
		t.Fatalf("known key: %d %s", r.status, r.body)
	}
}

// TestStreamQueryStrict: entity_types may repeat and is merged; mode and
// min_confidence may not; an unknown parameter is named.
func TestStreamQueryStrict(t *testing.T) {
	_, base := startServer(t, testConfig(), nil)
	c := testClient()
	text := "mail bob@example.com ssn 123-45-6789 ip 10.1.2.3\n"
	r := do(t, c, "POST", base+"/v1/scan/stream?entity_types=email&entity_types=ssn", strings.NewReader(text), nil)
	if r.status != 200 || !strings.Contains(r.body, `"by_type":{"email":1,"ssn":1}`) {
		t.Fatalf("merged entity_types: %d %s", r.status, r.body)
	}
	r = do(t, c, "POST", base+"/v1/redact/stream?mode=mask&mode=redact", strings.NewReader(text), nil)
	wantError(t, r, 400, "invalid_request", "query parameter mode is given more than once")
	r = do(t, c, "POST", base+"/v1/scan/stream?min_confidence=0.1&min_confidence=0.9", strings.NewReader(text), nil)
	wantError(t, r, 400, "invalid_request", "query parameter min_confidence is given more than once")
	r = do(t, c, "POST", base+"/v1/scan/stream?entity_type=email", strings.NewReader(text), nil)
	wantError(t, r, 400, "invalid_request", `unknown query parameter \"entity_type\" (did you mean \"entity_types\"?); accepted: entity_types, mode, min_confidence`)
	r = do(t, c, "POST", base+"/v1/scan/stream?entity_types=emale", strings.NewReader(text), nil)
	wantError(t, r, 400, "invalid_request", `entity_types names an unknown entity type \"emale\"; valid: `+strings.Join(typeNames(testPolicy(t).Engine), ", "))
}

// TestAnonymizeLabelsUnescaped: JSON responses keep '<', '>' and '&' as
// they are.
func TestAnonymizeLabelsUnescaped(t *testing.T) {
	_, base := startServer(t, testConfig(), nil)
	r := do(t, testClient(), "POST", base+"/v1/anonymize", strings.NewReader(`{"text":"a & b: bob@example.com"}`), jsonHdr)
	if r.status != 200 || !strings.Contains(r.body, `"output":"a & b: <EMAIL_1>"`) {
		t.Fatalf("%d %s", r.status, r.body)
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		d    int
	}{{"mdoe", "mode", 1}, {"entity_type", "entity_types", 1}, {"", "abc", 3}, {"text", "text", 0}, {"kitten", "sitting", 3}} {
		if got := editDistance(tc.a, tc.b); got != tc.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.d)
		}
	}
	if got := nearest("colour", scanMembers); got != "" {
		t.Errorf("nearest(colour) = %q, want none", got)
	}
}
