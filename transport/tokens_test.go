package transport

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const (
	tokAlpha   = "alpha-token-0123456789abcdef"
	tokBetaOld = "beta-token-old-0123456789ab"
	tokBetaNew = "beta-token-new-0123456789ab"
)

// TestTokensFileRotation: two tokens from a tokens file; beta's token is
// rotated by rewriting the file in place (a poll may see it truncated,
// which is refused) while a client keeps using alpha's token without a
// single refusal. After the reload beta's new token works and its old one
// is refused; receipts name the token that asked, never its value.
func TestTokensFileRotation(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "tokens")
	write := func(content string) {
		if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("# name token\nalpha " + tokAlpha + "\nbeta\t" + tokBetaOld + "\n")
	cfg := testConfig()
	cfg.APITokensFile = file
	cfg.CredentialPollInterval = 2 * time.Millisecond
	rec := newFakeStore()
	s, base := startServer(t, cfg, rec)
	c := testClient()
	bearer := func(tok string) map[string]string { return jsonWith("Authorization", "Bearer "+tok) }
	for _, tok := range []string{tokAlpha, tokBetaOld} {
		if r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(scanBody), bearer(tok)); r.status != 200 {
			t.Fatalf("before rotation: %d", r.status)
		}
	}

	var refused, served atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		hc := testClient()
		for {
			select {
			case <-stop:
				return
			default:
			}
			// do would call t.Fatal, which this goroutine must not.
			req, _ := http.NewRequest("POST", base+"/v1/scan", strings.NewReader(scanBody))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+tokAlpha)
			res, err := hc.Do(req)
			if err == nil {
				_, _ = io.Copy(io.Discard, res.Body)
				res.Body.Close()
			}
			if err == nil && res.StatusCode == 200 {
				served.Add(1)
			} else {
				refused.Add(1)
			}
		}
	}()
	time.Sleep(20 * time.Millisecond)
	write("alpha " + tokAlpha + "\nbeta " + tokBetaNew + "\n")
	waitFor(t, "the new beta token", func() bool {
		return do(t, c, "POST", base+"/v1/scan", strings.NewReader(scanBody), bearer(tokBetaNew)).status == 200
	})
	time.Sleep(20 * time.Millisecond)
	close(stop)
	wg.Wait()
	if refused.Load() != 0 || served.Load() == 0 {
		t.Fatalf("alpha during the rotation: %d served, %d refused", served.Load(), refused.Load())
	}
	wantError(t, do(t, c, "POST", base+"/v1/scan", strings.NewReader(scanBody), bearer(tokBetaOld)), 401, "unauthorized", "missing or invalid API token")

	for _, tok := range []string{tokAlpha, tokBetaNew} {
		if r := do(t, c, "POST", base+"/v1/decide", strings.NewReader(decideBody), bearer(tok)); r.status != 200 {
			t.Fatalf("decide: %d %s", r.status, r.body)
		}
	}
	var names []string
	for _, r := range rec.recs {
		if r.Caller == nil || r.Caller.Address != "127.0.0.1" || r.Caller.Identity != "" {
			t.Fatalf("caller %+v", r.Caller)
		}
		names = append(names, r.Caller.Token)
	}
	if slices.Sort(names); !slices.Equal(names, []string{"alpha", "beta"}) {
		t.Fatalf("receipt token names %v", names)
	}

	// A bad file is refused as a whole: the tokens in force stay.
	before := s.sec.reloads[reloadTokens][1].Load()
	write("alpha " + tokAlpha + "\nalpha " + tokBetaNew + "\n")
	waitFor(t, "the refused reload", func() bool { return s.sec.reloads[reloadTokens][1].Load() > before })
	if r := do(t, c, "POST", base+"/v1/scan", strings.NewReader(scanBody), bearer(tokBetaNew)); r.status != 200 {
		t.Fatalf("a refused reload dropped beta: %d", r.status)
	}
	m := do(t, c, "GET", base+"/metrics", nil, bearer(tokAlpha))
	if !strings.Contains(m.body, `datafog_credential_reloads_total{what="tokens",result="ok"} 1`+"\n") ||
		!strings.Contains(m.body, `datafog_credential_reloads_total{what="tokens",result="failed"} `) {
		t.Fatalf("metrics:\n%s", m.body)
	}
}

// TestParseTokens: every problem of a tokens file is listed by line,
// without quoting a token.
func TestParseTokens(t *testing.T) {
	file := strings.Join([]string{
		"# comment",
		"",
		"ok-1 " + tokAlpha,
		"onlyonefield-" + tokBetaOld,
		"bad/name " + tokBetaOld,
		"short shorttoken",
		"ok-1 " + tokBetaNew,
		"dup " + tokAlpha,
		"default " + tokBetaNew + "x",
		"same-as-env env-token-0123456789",
		"three fields here-0123456789",
		"ctl tok\x7f-0123456789abcdef",
	}, "\n")
	_, problems := parseTokens([]byte(file), "env-token-0123456789")
	want := []string{
		"line 4: want NAME TOKEN",
		"line 5: the name must be 1-64 characters of [A-Za-z0-9._-]",
		"line 6: the token of short must be 16 to 4096 characters",
		"line 7: the name ok-1 is already used by line 3",
		"line 8: the token of dup is the same as the token of line 3",
		"line 9: the name default is already used by DATAFOG_API_TOKEN",
		"line 10: the token of same-as-env is the same as the token of DATAFOG_API_TOKEN",
		"line 11: want NAME TOKEN",
		"line 12: the token of ctl has characters outside visible ASCII",
	}
	if !slices.Equal(problems, want) {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
	for _, p := range problems {
		for _, tok := range []string{tokAlpha, tokBetaOld, tokBetaNew, "env-token", "shorttoken"} {
			if strings.Contains(p, tok) {
				t.Errorf("problem %q quotes a token", p)
			}
		}
	}
	if _, p := parseTokens([]byte("# nothing\n\n"), ""); !slices.Equal(p, []string{"no tokens"}) {
		t.Errorf("empty file: %v", p)
	}
	set, p := parseTokens([]byte("a "+tokAlpha+"\r\n"), "env-token-0123456789")
	if p != nil || len(set.names) != 2 {
		t.Fatalf("CRLF file with the env token: %v %v", set, p)
	}
}
