package transport

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// Config holds every setting of the HTTP server. ConfigFromEnv builds one
// from the DATAFOG_* variables; flags parsed by the caller override fields
// afterwards. Zero values of the optional limits mean the defaults below.
type Config struct {
	// Addr is the TCP listen address (DATAFOG_ADDR).
	Addr string
	// APIToken, when non-empty, is required on every route but /health, as
	// "Authorization: Bearer <token>" or "X-API-Key: <token>".
	APIToken string
	// AllowUnauthenticated lets New accept a non-loopback Addr without a
	// token (--allow-unauthenticated).
	AllowUnauthenticated bool
	// RateLimitRPS is the token-bucket refill rate, both globally and per
	// client IP; 0 turns rate limiting off.
	RateLimitRPS float64
	// RateLimitBurst is the bucket size; 0 means max(1, ceil(2*RateLimitRPS)).
	RateLimitBurst int
	// MaxBodyBytes caps the decoded body of a JSON route.
	MaxBodyBytes int64
	// MaxStreamBytes caps the body bytes read by a stream route, counted
	// after decoding; 0 = unbounded.
	MaxStreamBytes int64
	// ReadTimeout, WriteTimeout, IdleTimeout and ShutdownTimeout are the
	// DATAFOG_*_TIMEOUT durations. ReadTimeout bounds reading a request's
	// body once its headers are in; on stream routes the read and write
	// timeouts bound each read and write, not the whole stream.
	ReadTimeout, WriteTimeout, IdleTimeout, ShutdownTimeout time.Duration
	// ReadHeaderTimeout bounds the wait for a request's first byte and its
	// request line and headers (DATAFOG_READ_HEADER_TIMEOUT, default 5s,
	// at most ReadTimeout). A client that takes longer is answered 408
	// request_timeout and disconnected, so slow headers hold a connection
	// for seconds, not for the whole body read timeout.
	ReadHeaderTimeout time.Duration
	// MaxConnsPerIP caps concurrent connections from one client (an IPv4
	// address or an IPv6 /64). 0 means the default, a quarter of
	// MaxConcurrency (at least 16); a negative value means no cap
	// (DATAFOG_MAX_CONNS_PER_IP=0).
	MaxConnsPerIP int
	// MaxConcurrency caps concurrently served connections. 0 means the
	// default, sized below the process's descriptor limit (see
	// DefaultConcurrency).
	MaxConcurrency int
	// MaxInflightBytes bounds the memory the requests being served may
	// use, estimated from their body sizes (see admission.go); a request
	// that would pass it is answered 503 overloaded with Retry-After
	// (DATAFOG_MAX_INFLIGHT_BYTES, default 256 MiB).
	MaxInflightBytes int64
	// MaxFindings caps the findings one JSON response lists
	// (DATAFOG_MAX_FINDINGS, default 100,000). A response with more lists
	// the first MaxFindings and says "truncated":true and
	// "findings_total"; decisions, redactions and receipts still use every
	// finding.
	MaxFindings int
	// MaxHeaderBytes caps the request line plus headers.
	MaxHeaderBytes int
	// MaxDecompressedBytes caps the decoded size of a gzip or zstd stream
	// body; 0 = MaxStreamBytes. JSON bodies are always capped by MaxBodyBytes.
	MaxDecompressedBytes int64
	// MaxCompressionRatio caps decoded/encoded bytes of a compressed body
	// once more than ratioGrace bytes were decoded.
	MaxCompressionRatio int
	// Logger receives structured logs; nil means slog.Default().
	Logger *slog.Logger
	// AccessLog, when non-nil, receives one "access" line per request at
	// level INFO (DATAFOG_ACCESS_LOG=1; see accesslog.go). It is separate
	// from Logger so that DATAFOG_LOG_LEVEL=warn does not hide it.
	AccessLog *slog.Logger
	// TokenKey is the HMAC-SHA256 key of the tokenize and hash transform
	// modes. Without one those modes are refused with invalid_request.
	TokenKey []byte
	// Peers, when set, forwards GET /v1/receipts/{id} for ids of other
	// replicas to the replica that holds them (see PeersFromEnv).
	Peers *Peers

	// Transport security and caller identity (issue 20; security.go).
	// New checks these together and lists every problem in one error.

	// TLSCertFile and TLSKeyFile (DATAFOG_TLS_CERT_FILE,
	// DATAFOG_TLS_KEY_FILE), both or neither, serve HTTPS: TLS 1.2 at
	// least, Go's default cipher suites. They are reloaded when they change.
	TLSCertFile, TLSKeyFile string
	// TLSClientCAFile (DATAFOG_TLS_CLIENT_CA_FILE) asks clients for a
	// certificate that chains to one of its PEM CAs (mTLS); a verified
	// certificate authenticates the caller and names it in receipts.
	TLSClientCAFile string
	// TLSClientAuth (DATAFOG_TLS_CLIENT_AUTH) is "require" (the default
	// with a client CA: no handshake without a verified certificate) or
	// "optional" (a certificate is verified when sent; a request without
	// one needs a token, except GET /health).
	TLSClientAuth string
	// TrustedProxies (DATAFOG_TRUSTED_PROXIES) is a comma-separated list of
	// CIDRs or addresses. Only from a TCP peer in it does the server read
	// the client address from ForwardedHeader and the identity from
	// IdentityHeader.
	TrustedProxies string
	// ForwardedHeader (DATAFOG_FORWARDED_HEADER) is the header trusted
	// proxies report the client in: "x-forwarded-for" (the default) or
	// "forwarded" (RFC 7239).
	ForwardedHeader string
	// IdentityHeader (DATAFOG_IDENTITY_HEADER) names a header that trusted
	// proxies set to the caller's identity, such as Linkerd's
	// l5d-client-id. It is ignored on requests from any other peer.
	IdentityHeader string
	// APITokensFile (DATAFOG_API_TOKENS_FILE) holds "NAME TOKEN" lines:
	// each token is accepted like APIToken, and receipts name it. The file
	// is reloaded when it changes.
	APITokensFile string
	// PeerCAFile (DATAFOG_PEER_CA_FILE) holds the PEM CAs that https peer
	// URLs (Peers) are verified against, instead of the system roots.
	PeerCAFile string
	// CredentialPollInterval is how often the files above are checked for
	// changes; 0 means one second.
	CredentialPollInterval time.Duration
}

// Defaults for Config fields left zero.
const (
	DefaultAddr                = "127.0.0.1:8080"
	DefaultMaxBodyBytes        = 1 << 20
	DefaultReadTimeout         = 30 * time.Second
	DefaultWriteTimeout        = 30 * time.Second
	DefaultIdleTimeout         = 120 * time.Second
	DefaultShutdownTimeout     = 30 * time.Second
	DefaultMaxConcurrency      = 4096
	DefaultReadHeaderTimeout   = 5 * time.Second
	DefaultMaxInflightBytes    = 256 << 20
	DefaultMaxFindings         = 100000
	DefaultMaxHeaderBytes      = 16 << 10
	DefaultMaxCompressionRatio = 200
	minHeaderBytes             = 4 << 10
	maxHeaderBytesCeiling      = 1 << 20
)

// Env lists the variables ConfigFromEnv reads. The first ten are the
// contract's; the rest tune limits the contract leaves to the server.
var Env = []string{
	"DATAFOG_ADDR", "DATAFOG_API_TOKEN", "DATAFOG_RATE_LIMIT_RPS",
	"DATAFOG_MAX_BODY_BYTES", "DATAFOG_MAX_STREAM_BYTES",
	"DATAFOG_READ_TIMEOUT", "DATAFOG_WRITE_TIMEOUT", "DATAFOG_IDLE_TIMEOUT",
	"DATAFOG_SHUTDOWN_TIMEOUT", "DATAFOG_ALLOW_UNAUTHENTICATED",
	"DATAFOG_RATE_LIMIT_BURST", "DATAFOG_MAX_CONNS_PER_IP",
	"DATAFOG_MAX_CONCURRENCY", "DATAFOG_MAX_HEADER_BYTES",
	"DATAFOG_MAX_DECOMPRESSED_BYTES", "DATAFOG_MAX_COMPRESSION_RATIO",
	"DATAFOG_READ_HEADER_TIMEOUT", "DATAFOG_MAX_INFLIGHT_BYTES", "DATAFOG_MAX_FINDINGS",
	// Transport security and caller identity (security.go).
	"DATAFOG_TLS_CERT_FILE", "DATAFOG_TLS_KEY_FILE", "DATAFOG_TLS_CLIENT_CA_FILE", "DATAFOG_TLS_CLIENT_AUTH",
	"DATAFOG_TRUSTED_PROXIES", "DATAFOG_FORWARDED_HEADER", "DATAFOG_IDENTITY_HEADER",
	"DATAFOG_API_TOKENS_FILE", "DATAFOG_PEER_CA_FILE",
}

// DefaultConfig returns the configuration used when no variable is set.
func DefaultConfig() Config {
	return Config{
		Addr:                DefaultAddr,
		MaxBodyBytes:        DefaultMaxBodyBytes,
		ReadTimeout:         DefaultReadTimeout,
		WriteTimeout:        DefaultWriteTimeout,
		IdleTimeout:         DefaultIdleTimeout,
		ShutdownTimeout:     DefaultShutdownTimeout,
		ReadHeaderTimeout:   DefaultReadHeaderTimeout,
		MaxHeaderBytes:      DefaultMaxHeaderBytes,
		MaxCompressionRatio: DefaultMaxCompressionRatio,
		MaxInflightBytes:    DefaultMaxInflightBytes,
		MaxFindings:         DefaultMaxFindings,
	}
}

// DefaultConcurrency sizes MaxConcurrency below a descriptor limit nofile
// (the soft RLIMIT_NOFILE; 0 for none known): a quarter of the limit, and
// at least 64 descriptors, stay for everything but connections (receipt
// segments, peer connections, the listener, the runtime); of the rest,
// the probe reserve is set aside. The result is at most
// DefaultMaxConcurrency and at least 16. Under `ulimit -n 256` it is 180.
func DefaultConcurrency(nofile uint64) int {
	if nofile == 0 || nofile > 1<<24 {
		return DefaultMaxConcurrency
	}
	n := int(nofile) // #nosec G115 -- bounded by 1<<24 above
	budget := n - max(64, n/4)
	return min(DefaultMaxConcurrency, max(16, budget-probeReserve(budget)))
}

// probeReserve is the number of probe-only connection slots kept beyond
// the connection caps for conns connections: a sixteenth, between 4 and 64.
func probeReserve(conns int) int { return min(64, max(4, conns/16)) }

// defaultConnsPerIP is the per-client cap for maxConns connections.
func defaultConnsPerIP(maxConns int) int { return max(16, maxConns/4) }

// ConfigFromEnv reads the DATAFOG_* variables through getenv (os.Getenv in
// production) over DefaultConfig. Every bad value is reported in one error;
// the error names the variable but never echoes its value, since it may be
// a token.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	c := DefaultConfig()
	var problems []string
	bad := func(name, why string) { problems = append(problems, name+": "+why) }

	if v := getenv("DATAFOG_ADDR"); v != "" {
		c.Addr = v
	}
	c.APIToken = getenv("DATAFOG_API_TOKEN")
	if v := getenv("DATAFOG_ALLOW_UNAUTHENTICATED"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			bad("DATAFOG_ALLOW_UNAUTHENTICATED", "want true or false")
		}
		c.AllowUnauthenticated = b
	}
	if v := getenv("DATAFOG_RATE_LIMIT_RPS"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || f != f || f > 1e9 {
			bad("DATAFOG_RATE_LIMIT_RPS", "want a number between 0 and 1e9")
		}
		c.RateLimitRPS = f
	}
	intVar := func(name string, dst *int, min, max int) {
		v := getenv(name)
		if v == "" {
			return
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < min || n > max {
			bad(name, fmt.Sprintf("want an integer between %d and %d", min, max))
			return
		}
		*dst = n
	}
	int64Var := func(name string, dst *int64, min int64) {
		v := getenv(name)
		if v == "" {
			return
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < min {
			bad(name, fmt.Sprintf("want an integer of at least %d", min))
			return
		}
		*dst = n
	}
	durVar := func(name string, dst *time.Duration) {
		v := getenv(name)
		if v == "" {
			return
		}
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			bad(name, "want a non-negative Go duration such as 30s")
			return
		}
		*dst = d
	}
	int64Var("DATAFOG_MAX_BODY_BYTES", &c.MaxBodyBytes, 1)
	int64Var("DATAFOG_MAX_INFLIGHT_BYTES", &c.MaxInflightBytes, 1<<20)
	intVar("DATAFOG_MAX_FINDINGS", &c.MaxFindings, 1, 1<<30)
	durVar("DATAFOG_READ_HEADER_TIMEOUT", &c.ReadHeaderTimeout)
	int64Var("DATAFOG_MAX_STREAM_BYTES", &c.MaxStreamBytes, 0)
	int64Var("DATAFOG_MAX_DECOMPRESSED_BYTES", &c.MaxDecompressedBytes, 0)
	durVar("DATAFOG_READ_TIMEOUT", &c.ReadTimeout)
	durVar("DATAFOG_WRITE_TIMEOUT", &c.WriteTimeout)
	durVar("DATAFOG_IDLE_TIMEOUT", &c.IdleTimeout)
	durVar("DATAFOG_SHUTDOWN_TIMEOUT", &c.ShutdownTimeout)
	intVar("DATAFOG_RATE_LIMIT_BURST", &c.RateLimitBurst, 0, 1<<30)
	intVar("DATAFOG_MAX_CONNS_PER_IP", &c.MaxConnsPerIP, 0, 1<<30)
	if getenv("DATAFOG_MAX_CONNS_PER_IP") == "0" {
		c.MaxConnsPerIP = -1 // 0 turns the cap off
	}
	intVar("DATAFOG_MAX_CONCURRENCY", &c.MaxConcurrency, 1, 1<<30)
	intVar("DATAFOG_MAX_HEADER_BYTES", &c.MaxHeaderBytes, minHeaderBytes, maxHeaderBytesCeiling)
	intVar("DATAFOG_MAX_COMPRESSION_RATIO", &c.MaxCompressionRatio, 1, 1<<20)
	securityFromEnv(getenv, &c) // checked by New, with the files they name

	if len(problems) > 0 {
		return c, &ConfigError{Problems: problems}
	}
	return c, nil
}

// ConfigError lists every problem of a configuration. Each problem names
// the variable or field at fault and never quotes a value.
type ConfigError struct {
	Problems []string
}

// Error joins the problems with "; ".
func (e *ConfigError) Error() string {
	return "transport: config: " + strings.Join(e.Problems, "; ")
}

// Validate reports every problem of c, as New would refuse it, in one
// *ConfigError: the limits, the listen address, and the token rule (a
// non-loopback address needs a token, a tokens file, a client CA for
// mTLS, or AllowUnauthenticated), and the TLS, token and proxy settings
// (security.go: the files are read, nothing is started). It writes
// nothing, so a caller can check the whole configuration before it does.
func (c Config) Validate() error {
	var problems []string
	_, err := c.withDefaults()
	var ce *ConfigError
	switch {
	case errors.As(err, &ce):
		problems = append(problems, ce.Problems...)
	case err != nil:
		return err
	}
	_, err = newSecurity(c)
	switch {
	case errors.As(err, &ce):
		problems = append(problems, ce.Problems...)
	case err != nil:
		return err
	}
	if len(problems) > 0 {
		return &ConfigError{Problems: problems}
	}
	return nil
}

// withDefaults fills zero fields and validates the rest. It is what New
// applies, so a Config built by hand behaves like one from ConfigFromEnv.
func (c Config) withDefaults() (Config, error) {
	d := DefaultConfig()
	if c.Addr == "" {
		c.Addr = d.Addr
	}
	if c.MaxBodyBytes == 0 {
		c.MaxBodyBytes = d.MaxBodyBytes
	}
	if c.MaxConcurrency == 0 {
		c.MaxConcurrency = DefaultConcurrency(fileLimit())
	}
	if c.MaxConnsPerIP == 0 {
		c.MaxConnsPerIP = defaultConnsPerIP(c.MaxConcurrency)
	}
	if c.ReadHeaderTimeout == 0 {
		c.ReadHeaderTimeout = d.ReadHeaderTimeout
	}
	if c.ReadTimeout > 0 && c.ReadHeaderTimeout > c.ReadTimeout {
		c.ReadHeaderTimeout = c.ReadTimeout
	}
	if c.MaxInflightBytes == 0 {
		c.MaxInflightBytes = d.MaxInflightBytes
	}
	if c.MaxFindings == 0 {
		c.MaxFindings = d.MaxFindings
	}
	if c.MaxHeaderBytes == 0 {
		c.MaxHeaderBytes = d.MaxHeaderBytes
	}
	if c.MaxCompressionRatio == 0 {
		c.MaxCompressionRatio = d.MaxCompressionRatio
	}
	if c.ShutdownTimeout == 0 {
		c.ShutdownTimeout = d.ShutdownTimeout
	}
	if c.RateLimitBurst == 0 && c.RateLimitRPS > 0 {
		c.RateLimitBurst = max(1, int(2*c.RateLimitRPS+0.999999))
	}
	if c.MaxDecompressedBytes == 0 {
		c.MaxDecompressedBytes = c.MaxStreamBytes
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	var problems []string
	if c.MaxBodyBytes < 0 || c.MaxStreamBytes < 0 || c.MaxDecompressedBytes < 0 {
		problems = append(problems, "byte limits must not be negative")
	}
	if c.MaxBodyBytes > 1<<30 {
		problems = append(problems, "MaxBodyBytes must be at most 1 GiB")
	}
	if c.RateLimitRPS < 0 || c.RateLimitBurst < 0 {
		problems = append(problems, "rate limit must not be negative")
	}
	if c.MaxHeaderBytes < minHeaderBytes || c.MaxHeaderBytes > maxHeaderBytesCeiling {
		problems = append(problems, fmt.Sprintf("MaxHeaderBytes must be between %d and %d", minHeaderBytes, maxHeaderBytesCeiling))
	}
	if c.MaxConcurrency < 0 || c.MaxCompressionRatio < 0 || c.MaxFindings < 0 {
		problems = append(problems, "connection, findings and ratio limits must not be negative")
	}
	if w := requestWeight(c.MaxBodyBytes, c.MaxBodyBytes); c.MaxInflightBytes < w {
		problems = append(problems, fmt.Sprintf("MaxInflightBytes must be at least %d, the estimated memory of one request of MaxBodyBytes", w))
	}
	if c.ReadTimeout < 0 || c.WriteTimeout < 0 || c.IdleTimeout < 0 || c.ShutdownTimeout < 0 || c.ReadHeaderTimeout < 0 {
		problems = append(problems, "timeouts must not be negative")
	}
	problems = append(problems, addrProblems(c)...)
	if len(problems) > 0 {
		return c, &ConfigError{Problems: problems}
	}
	return c, nil
}

// addrProblems checks the listen address (host:port, a port from 0 to
// 65535) and the token rule.
func addrProblems(c Config) []string {
	host, port, err := net.SplitHostPort(c.Addr)
	if err != nil {
		return []string{"DATAFOG_ADDR (--addr): want host:port, such as 127.0.0.1:8080 or :8080"}
	}
	if n, err := strconv.ParseUint(port, 10, 16); err != nil || (port != "0" && n == 0) {
		return []string{"DATAFOG_ADDR (--addr): the port must be a number from 0 to 65535"}
	}
	if host != "" && !strings.EqualFold(host, "localhost") {
		if _, err := netip.ParseAddr(host); err != nil && !validHostName(host) {
			return []string{"DATAFOG_ADDR (--addr): the host must be an IP address or a host name"}
		}
	}
	if c.APIToken == "" && c.APITokensFile == "" && c.TLSClientCAFile == "" && !c.AllowUnauthenticated && !isLoopbackAddr(c.Addr) {
		return []string{"DATAFOG_ADDR (--addr): refusing to listen on the non-loopback address " + c.Addr +
			" without DATAFOG_API_TOKEN, DATAFOG_API_TOKENS_FILE or DATAFOG_TLS_CLIENT_CA_FILE (set one, or pass --allow-unauthenticated)"}
	}
	return nil
}

// validHostName reports whether s is a DNS host name (letters, digits,
// hyphens and dots, at most 253 bytes).
func validHostName(s string) bool {
	if len(s) == 0 || len(s) > 253 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}
