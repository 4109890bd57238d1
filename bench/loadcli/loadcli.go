// Package loadcli is the command line of the load generator,
// `go run ./bench/cmd/load`. It is a package of its own so that tests can
// run the command in-process.
package loadcli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/datafog/datafog-api/bench/corpus"
	"github.com/datafog/datafog-api/bench/internal/profiling"
	"github.com/datafog/datafog-api/bench/load"
	"github.com/datafog/datafog-api/bench/servers"
)

const usage = `usage: load [flags]

Sends load to one loopback target and prints requests/s, MB/s, latency
quantiles and errors by kind. The target is -url (loopback only) or an
in-process server started with -target ours|ours-tls|baseline on
127.0.0.1 (ours-tls: ours serving HTTPS with a generated certificate).

Bodies: JSON routes get {"text": ...} with -text-size bytes of the
-corpus kind; with -stream the body is raw corpus text sent chunked,
-stream-bytes per request. -body-file sends a file's bytes as is.

Examples:
  load -target ours -route /v1/scan -c 64 -duration 10s
  load -target baseline -route /v1/scan -mode open -rate 2000 -duration 10s
  load -target ours -route /v1/scan/stream -stream -stream-bytes 67108864 -c 2
  load -url http://127.0.0.1:8080/v1/scan -c 64 -duration 5s -json

Flags:
`

// Main runs the load command with args (without the program name) and
// returns the process exit code: 0 on success, 1 when every request
// failed, 2 on a usage or setup error.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	// Asked-for help goes to standard output; the usage after a bad flag
	// goes to standard error with the error.
	usageOut := stderr
	if wantsHelp(args) {
		usageOut = stdout
	}
	fs.SetOutput(usageOut)
	fs.Usage = func() {
		fmt.Fprint(usageOut, usage)
		fs.PrintDefaults()
	}
	var (
		url         = fs.String("url", "", "target URL (must be loopback); excludes -target")
		targetName  = fs.String("target", "", "in-process target: ours, ours-tls or baseline")
		route       = fs.String("route", "/v1/scan", "route for -target")
		mode        = fs.String("mode", "closed", "closed (N connections) or open (fixed rate)")
		conns       = fs.Int("c", 64, "connections (closed) or most in flight (open)")
		rate        = fs.Float64("rate", 0, "requests per second (open mode)")
		duration    = fs.Duration("duration", 10*time.Second, "run length (at most 30m)")
		maxReq      = fs.Int64("n", 0, "stop after this many requests (0: duration only)")
		timeout     = fs.Duration("timeout", 10*time.Second, "per-request read/write timeout")
		kindName    = fs.String("corpus", "prose", "corpus kind for bodies: prose, jsonlogs, csv, binary, adversarial, clean")
		textSize    = fs.Int("text-size", 1024, "bytes of text per JSON request")
		stream      = fs.Bool("stream", false, "send a raw chunked body and read the response as a stream")
		streamBytes = fs.Int64("stream-bytes", 16<<20, "body bytes per streamed request")
		bodyFile    = fs.String("body-file", "", "send this file's bytes as the body instead")
		seed        = fs.Int64("seed", 1, "corpus seed")
		asJSON      = fs.Bool("json", false, "print the result as JSON")
		token       = fs.String("token", "", "send Authorization: Bearer TOKEN")
		prof        profiling.Flags
	)
	prof.Register(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if fs.NArg() > 0 {
		return fail(fmt.Errorf("load: unexpected argument %q", fs.Arg(0)))
	}
	if (*url == "") == (*targetName == "") {
		return fail(errors.New("load: give exactly one of -url and -target"))
	}
	stop, err := prof.Start()
	if err != nil {
		return fail(err)
	}
	defer func() {
		if err := stop(); err != nil {
			fmt.Fprintln(stderr, "load:", err)
		}
	}()

	cfg := load.Config{
		URL: *url, Mode: load.Mode(*mode), Connections: *conns, Rate: *rate, Duration: *duration,
		MaxRequests: *maxReq, Timeout: *timeout, Stream: *stream,
	}
	if *token != "" {
		cfg.Headers = map[string]string{"Authorization": "Bearer " + *token}
	}
	switch {
	case *bodyFile != "":
		if cfg.Body, err = os.ReadFile(*bodyFile); err != nil {
			return fail(fmt.Errorf("load: body file: %w", err))
		}
	default:
		kind, err := corpus.ParseKind(*kindName)
		if err != nil {
			return fail(err)
		}
		if *stream {
			n := int(min(*streamBytes, 4<<20))
			cfg.Body, _ = corpus.Generate(kind, n, *seed)
		} else {
			text, _ := corpus.Generate(kind, *textSize, *seed)
			cfg.Body = load.JSONTextBody(text)
		}
	}
	if *stream {
		cfg.StreamBytes = *streamBytes
	}
	if *targetName != "" {
		t, err := servers.Start(*targetName, "")
		if err != nil {
			return fail(err)
		}
		defer func() {
			if err := t.Stop(); err != nil {
				fmt.Fprintln(stderr, "load: stopping target:", err)
			}
		}()
		cfg.URL = t.BaseURL + "/" + strings.TrimPrefix(*route, "/")
		cfg.TLSConfig = t.ClientTLS
	}
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()
	res, err := load.Run(ctx, cfg)
	if err != nil {
		return fail(err)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(res)
	} else {
		fmt.Fprintln(stdout, res)
	}
	if res.OK == 0 {
		return 1
	}
	return 0
}

// wantsHelp reports whether args ask for help: -h, -help, --h or --help
// before any "--".
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "-h", "-help", "--h", "--help":
			return true
		case "--":
			return false
		}
	}
	return false
}
