package loadcli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/datafog/datafog-api/bench/load"
)

func TestMainRefusesNonLoopback(t *testing.T) {
	var out, errb bytes.Buffer
	code := Main([]string{"-url", "http://10.1.2.3:8080/v1/scan", "-duration", "1s"}, &out, &errb)
	if code != 2 || !strings.Contains(errb.String(), `load: target host "10.1.2.3" is not loopback`) {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
}

func TestMainUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"-url", "http://127.0.0.1:1/", "-target", "ours"},
		{"-target", "ours", "extra"},
		{"-nosuchflag"},
		{"-url", "http://127.0.0.1:1/", "-corpus", "poetry"},
	} {
		var out, errb bytes.Buffer
		if code := Main(args, &out, &errb); code != 2 {
			t.Errorf("%q: exit %d, want 2 (stderr %q)", args, code, errb.String())
		}
	}
}

// TestMainHelp prints the usage and every flag on standard output, as
// `datafog bench load --help` did before the command left the binary, and
// exits 0; a bad flag still reports on standard error.
func TestMainHelp(t *testing.T) {
	for _, h := range []string{"-h", "--help"} {
		var out, errb bytes.Buffer
		code := Main([]string{h}, &out, &errb)
		if code != 0 || errb.Len() != 0 || !strings.HasPrefix(out.String(), "usage: load [flags]\n") || !strings.Contains(out.String(), "-stream-bytes int") {
			t.Errorf("%s: exit %d\nstdout %q\nstderr %q", h, code, out.String(), errb.String())
		}
	}
	var out, errb bytes.Buffer
	if code := Main([]string{"--no-such-flag"}, &out, &errb); code != 2 || out.Len() != 0 ||
		!strings.HasPrefix(errb.String(), "flag provided but not defined: -no-such-flag\n") {
		t.Errorf("bad flag: exit %d\nstdout %q\nstderr %q", code, out.String(), errb.String())
	}
}

func TestMainJSONResult(t *testing.T) {
	var bodies [][]byte
	base, stop, err := load.ServeHandler(func(ctx *fasthttp.RequestCtx) {
		bodies = append(bodies, append([]byte(nil), ctx.PostBody()...))
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	var out, errb bytes.Buffer
	code := Main([]string{"-url", base + "/v1/scan", "-c", "1", "-n", "5", "-duration", "10s", "-text-size", "100", "-json"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	var res struct {
		OK       uint64 `json:"ok"`
		Requests uint64 `json:"requests"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil || res.OK != 5 || res.Requests != 5 {
		t.Fatalf("result %s (%v)", out.String(), err)
	}
	var req struct{ Text string }
	if len(bodies) != 5 || json.Unmarshal(bodies[0], &req) != nil || len(req.Text) != 100 {
		t.Fatalf("bodies %d, first %q", len(bodies), bodies[0])
	}
}
