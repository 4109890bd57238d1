// Package load is a loopback-only HTTP load generator built on the
// fasthttp client. It runs closed-loop (N connections, each sending its
// next request as soon as the previous answer arrives) or open-loop (a
// fixed request rate, with latency measured from each request's scheduled
// send time, so a stalled server cannot hide its stall by slowing the
// client down: no coordinated omission). It reports requests/s, MB/s,
// latency quantiles from a log-linear histogram, and errors by kind.
//
// Every run is bounded by a duration and optionally a request count, and
// every target must be on loopback.
package load

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/valyala/fasthttp"
)

// Mode selects how requests are issued.
type Mode string

// The load modes.
const (
	// Closed keeps Connections requests in flight; each connection sends
	// the next request when the previous response has arrived.
	Closed Mode = "closed"
	// Open sends Rate requests per second on a fixed schedule, whatever the
	// server's speed, using up to Connections connections.
	Open Mode = "open"
)

// MaxDuration bounds any single run.
const MaxDuration = 30 * time.Minute

// Config describes one load run.
type Config struct {
	// URL is the full request URL; its host must be loopback.
	URL string
	// Method defaults to POST.
	Method string
	// ContentType defaults to application/json (application/octet-stream
	// when Stream is set).
	ContentType string
	// Headers are added to every request.
	Headers map[string]string
	// Body is sent with every request. Run reads it concurrently and keeps
	// no copy: it must not be modified until Run returns.
	Body []byte
	// Stream sends the body chunked (Transfer-Encoding: chunked) and reads
	// the response as a stream, discarding it.
	Stream bool
	// StreamBytes is the body size per streamed request: Body is repeated
	// (and cut) to this length. Zero means len(Body).
	StreamBytes int64
	// Mode is Closed (the default) or Open.
	Mode Mode
	// Connections is the number of connections (Closed) or the most
	// requests in flight (Open). Default 1 for Closed, 64 for Open.
	Connections int
	// Rate is the Open-mode request rate per second.
	Rate float64
	// Duration bounds the run; it is required and at most MaxDuration.
	Duration time.Duration
	// MaxRequests, when positive, also stops the run after that many
	// requests have been started.
	MaxRequests int64
	// Timeout bounds each request's read and write; default 10s.
	Timeout time.Duration
	// ExpectStatus is the status that counts as success; default 200.
	ExpectStatus int
	// TLSConfig, when set, allows an https URL and is the client's TLS
	// configuration (for example RootCAs trusting the target's
	// certificate). Connections are kept alive, so a run measures TLS
	// record costs, with one handshake per connection.
	TLSConfig *tls.Config
}

// Result is the outcome of one run. Latency quantiles come from Latency.
type Result struct {
	Mode        Mode    `json:"mode"`
	URL         string  `json:"url"`
	Connections int     `json:"connections"`
	Rate        float64 `json:"rate,omitempty"`
	Stream      bool    `json:"stream"`
	// Requests counts completed requests, successful or not; OK the
	// successful ones.
	Requests uint64 `json:"requests"`
	OK       uint64 `json:"ok"`
	// Errors counts failures by kind: timeout, connection, status_NNN,
	// dropped (open mode: never sent before the run's hard deadline), other.
	Errors        map[string]uint64 `json:"errors"`
	Elapsed       time.Duration     `json:"elapsed_ns"`
	BytesSent     int64             `json:"bytes_sent"`
	BytesReceived int64             `json:"bytes_received"`
	// RequestsPerSec counts successful requests; MBPerSec is request body
	// megabytes (10^6) of successful requests per second.
	RequestsPerSec float64       `json:"requests_per_sec"`
	MBPerSec       float64       `json:"mb_per_sec"`
	P50            time.Duration `json:"p50_ns"`
	P90            time.Duration `json:"p90_ns"`
	P99            time.Duration `json:"p99_ns"`
	P999           time.Duration `json:"p999_ns"`
	Max            time.Duration `json:"max_ns"`
	Mean           time.Duration `json:"mean_ns"`
	Latency        *Histogram    `json:"-"`
}

// String formats r as a short human report.
func (r *Result) String() string {
	s := fmt.Sprintf("%s %s conns=%d stream=%v: %d ok / %d requests in %v: %.0f req/s, %.1f MB/s; latency p50=%v p90=%v p99=%v p99.9=%v max=%v",
		r.Mode, r.URL, r.Connections, r.Stream, r.OK, r.Requests, r.Elapsed.Round(time.Millisecond),
		r.RequestsPerSec, r.MBPerSec, r.P50, r.P90, r.P99, r.P999, r.Max)
	if len(r.Errors) > 0 {
		kinds := make([]string, 0, len(r.Errors))
		for k := range r.Errors {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		s += "; errors:"
		for _, k := range kinds {
			s += " " + k + "=" + strconv.FormatUint(r.Errors[k], 10)
		}
	}
	return s
}

// validate fills defaults and rejects bad configurations.
func (c *Config) validate() (target, error) {
	t, err := parseTarget(c.URL, c.TLSConfig != nil)
	if err != nil {
		return t, err
	}
	if c.Method == "" {
		c.Method = fasthttp.MethodPost
	}
	if c.ContentType == "" {
		c.ContentType = "application/json"
		if c.Stream {
			c.ContentType = "application/octet-stream"
		}
	}
	if c.Mode == "" {
		c.Mode = Closed
	}
	if c.Mode != Closed && c.Mode != Open {
		return t, fmt.Errorf("load: unknown mode %q (want closed or open)", c.Mode)
	}
	if c.Connections <= 0 {
		c.Connections = 1
		if c.Mode == Open {
			c.Connections = 64
		}
	}
	if c.Mode == Open && c.Rate <= 0 {
		return t, errors.New("load: open mode needs a positive rate")
	}
	if c.Duration <= 0 || c.Duration > MaxDuration {
		return t, fmt.Errorf("load: duration %v must be in (0, %v]", c.Duration, MaxDuration)
	}
	if c.Timeout <= 0 {
		c.Timeout = 10 * time.Second
	}
	if c.ExpectStatus == 0 {
		c.ExpectStatus = fasthttp.StatusOK
	}
	if c.Stream && c.StreamBytes <= 0 {
		c.StreamBytes = int64(len(c.Body))
	}
	if c.Stream && c.StreamBytes > 0 && len(c.Body) == 0 {
		return t, errors.New("load: stream bytes set but body is empty")
	}
	return t, nil
}

// runner holds the shared state of one run.
type runner struct {
	cfg    Config
	t      target
	client *fasthttp.HostClient
	issued atomic.Int64

	mu      sync.Mutex
	hist    *Histogram
	ok      uint64
	done    uint64
	errs    map[string]uint64
	sent    int64
	recv    int64
	lastEnd time.Time
}

// worker is one goroutine's request state and private counters, merged
// into the runner when it finishes.
type worker struct {
	r    *runner
	req  *fasthttp.Request
	resp *fasthttp.Response
	body repeatReader
	hist *Histogram
	ok   uint64
	done uint64
	errs map[string]uint64
	sent int64
	recv int64
}

// Run performs one load run and returns its result. It returns an error
// only for a bad configuration; failed requests are counted in Result.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	t, err := cfg.validate()
	if err != nil {
		return nil, err
	}
	r := &runner{
		cfg: cfg,
		t:   t,
		client: &fasthttp.HostClient{
			Addr:                      t.addr,
			IsTLS:                     t.tls,
			TLSConfig:                 cfg.TLSConfig,
			MaxConns:                  cfg.Connections,
			ReadTimeout:               cfg.Timeout,
			WriteTimeout:              cfg.Timeout,
			MaxIdemponentCallAttempts: 1,
			NoDefaultUserAgentHeader:  true,
			MaxConnWaitTimeout:        cfg.Timeout,
		},
		hist: NewHistogram(),
		errs: map[string]uint64{},
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	start := time.Now()
	r.lastEnd = start
	var wg sync.WaitGroup
	if cfg.Mode == Closed {
		for range cfg.Connections {
			wg.Add(1)
			go func() {
				defer wg.Done()
				w := r.newWorker()
				defer r.finish(w)
				w.closedLoop(ctx)
			}()
		}
	} else {
		jobs := make(chan time.Time, 1<<16)
		hard := start.Add(cfg.Duration + cfg.Timeout)
		for range cfg.Connections {
			wg.Add(1)
			go func() {
				defer wg.Done()
				w := r.newWorker()
				defer r.finish(w)
				w.openLoop(jobs, hard)
			}()
		}
		r.schedule(ctx, start, jobs)
		close(jobs)
	}
	wg.Wait()
	r.client.CloseIdleConnections()
	return r.result(start), nil
}

func (r *runner) newWorker() *worker {
	w := &worker{r: r, req: fasthttp.AcquireRequest(), resp: fasthttp.AcquireResponse(), hist: NewHistogram(), errs: map[string]uint64{}}
	w.req.SetRequestURI(r.t.uri)
	w.req.Header.SetMethod(r.cfg.Method)
	w.req.Header.SetContentType(r.cfg.ContentType)
	for k, v := range r.cfg.Headers {
		w.req.Header.Set(k, v)
	}
	if !r.cfg.Stream {
		w.req.SetBodyRaw(r.cfg.Body)
	}
	return w
}

// take reserves one request against MaxRequests.
func (r *runner) take() bool {
	n := r.issued.Add(1)
	return r.cfg.MaxRequests <= 0 || n <= r.cfg.MaxRequests
}

func (w *worker) closedLoop(ctx context.Context) {
	for ctx.Err() == nil && w.r.take() {
		begin := time.Now()
		w.do()
		w.hist.Record(time.Since(begin))
	}
}

// schedule sends the scheduled time of request i, start + i/Rate, for
// every i due before the run ends. If the workers fall behind, the queue
// fills and sending blocks, but the times sent stay on schedule.
func (r *runner) schedule(ctx context.Context, start time.Time, jobs chan<- time.Time) {
	interval := float64(time.Second) / r.cfg.Rate
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for i := int64(0); ; i++ {
		at := start.Add(time.Duration(float64(i) * interval))
		if at.Sub(start) >= r.cfg.Duration || !r.take() {
			return
		}
		if d := time.Until(at); d > 0 {
			timer.Reset(d)
			select {
			case <-ctx.Done():
				return
			case <-timer.C:
			}
		}
		select {
		case jobs <- at:
		case <-ctx.Done():
			return
		}
	}
}

func (w *worker) openLoop(jobs <-chan time.Time, hard time.Time) {
	for at := range jobs {
		if time.Now().After(hard) {
			w.done++
			w.errs["dropped"]++
			continue
		}
		w.do()
		w.hist.Record(time.Since(at))
	}
}

// do sends one request and accounts for its outcome (not its latency).
func (w *worker) do() {
	cfg := &w.r.cfg
	if cfg.Stream {
		w.body.reset(cfg.Body, cfg.StreamBytes)
		w.req.SetBodyStream(&w.body, -1)
		w.resp.StreamBody = true
	}
	err := w.r.client.Do(w.req, w.resp)
	w.done++
	if err == nil && cfg.Stream {
		n, cerr := io.Copy(io.Discard, w.resp.BodyStream())
		w.recv += n
		if cerr != nil {
			err = cerr
		}
		_ = w.resp.CloseBodyStream()
	} else if err == nil {
		w.recv += int64(len(w.resp.Body()))
	}
	switch {
	case err != nil:
		w.errs[errorKind(err)]++
	case w.resp.StatusCode() != cfg.ExpectStatus:
		w.errs["status_"+strconv.Itoa(w.resp.StatusCode())]++
	default:
		w.ok++
		if cfg.Stream {
			w.sent += cfg.StreamBytes
		} else {
			w.sent += int64(len(cfg.Body))
		}
	}
	w.resp.Reset()
}

// errorKind classifies a client error.
func errorKind(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, fasthttp.ErrTimeout), errors.Is(err, fasthttp.ErrDialTimeout),
		errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case errors.Is(err, fasthttp.ErrNoFreeConns):
		return "no_free_conns"
	case errors.Is(err, fasthttp.ErrConnectionClosed), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.As(err, new(*net.OpError)):
		return "connection"
	}
	return "other"
}

func (r *runner) finish(w *worker) {
	fasthttp.ReleaseRequest(w.req)
	fasthttp.ReleaseResponse(w.resp)
	now := time.Now()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.hist.Merge(w.hist)
	r.ok += w.ok
	r.done += w.done
	r.sent += w.sent
	r.recv += w.recv
	for k, v := range w.errs {
		r.errs[k] += v
	}
	if now.After(r.lastEnd) {
		r.lastEnd = now
	}
}

func (r *runner) result(start time.Time) *Result {
	elapsed := r.lastEnd.Sub(start)
	res := &Result{
		Mode: r.cfg.Mode, URL: r.t.uri, Connections: r.cfg.Connections, Stream: r.cfg.Stream,
		Requests: r.done, OK: r.ok, Errors: r.errs, Elapsed: elapsed,
		BytesSent: r.sent, BytesReceived: r.recv, Latency: r.hist,
		P50: r.hist.Quantile(0.50), P90: r.hist.Quantile(0.90), P99: r.hist.Quantile(0.99),
		P999: r.hist.Quantile(0.999), Max: r.hist.Max(), Mean: r.hist.Mean(),
	}
	if r.cfg.Mode == Open {
		res.Rate = r.cfg.Rate
	}
	if s := elapsed.Seconds(); s > 0 {
		res.RequestsPerSec = float64(r.ok) / s
		res.MBPerSec = float64(r.sent) / s / 1e6
	}
	return res
}

// repeatReader yields data repeated until n bytes have been read.
type repeatReader struct {
	data []byte
	left int64
	pos  int
}

func (rr *repeatReader) reset(data []byte, n int64) { rr.data, rr.left, rr.pos = data, n, 0 }

// Read implements io.Reader.
func (rr *repeatReader) Read(p []byte) (int, error) {
	if rr.left <= 0 {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && rr.left > 0 {
		if rr.pos == len(rr.data) {
			rr.pos = 0
		}
		c := copy(p[n:min(len(p), n+int(min(rr.left, int64(len(p)-n))))], rr.data[rr.pos:])
		rr.pos += c
		rr.left -= int64(c)
		n += c
	}
	return n, nil
}

// JSONTextBody returns the JSON body {"text": text} for the JSON routes
// (/v1/scan, /v1/transform, ...), with text escaped by encoding/json.
func JSONTextBody(text []byte) []byte {
	b, _ := json.Marshal(struct {
		Text string `json:"text"`
	}{string(text)}) // a struct of one string cannot fail to marshal
	return b
}
