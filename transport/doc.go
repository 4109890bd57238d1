// Package transport is the datafog HTTP service on github.com/valyala/fasthttp:
// the v1 JSON routes, the streaming routes, and the hardening around them
// (token auth, rate limits, body and decompression caps, idempotency keys,
// request ids, panic recovery, metrics, graceful shutdown). The external
// contract is ../shared/CONTRACT.md; this package follows it to the letter.
//
// # Wiring
//
// cmd/datafog builds a Config (ConfigFromEnv, then flags), compiles a
// policy, opens the receipt log and calls New, then ListenAndServe(ctx).
// Cancelling ctx stops accepting, drains in-flight requests for up to
// ShutdownTimeout and returns; the caller closes the receipt log after.
// SetPolicy swaps the compiled policy atomically (hot reload): each request
// loads the pointer once when it starts and keeps that policy to the end.
//
// # Request handling
//
// Every request gets an X-Request-ID: the caller's when it is 1-128 bytes of
// letters, digits and "-_.:/+=@", else a generated one. Then, in order:
// exact-path routing (404 not_found), the rate limiter (429 with
// Retry-After; /health exempt), authentication (a token or a client
// certificate; 401; /health exempt), the method (405 with Allow; GET
// routes answer HEAD too), and the route's handler. JSON bodies accept
// only their documented members (strict.go): an unknown one is a 400
// naming it. openapi.json, served at GET /openapi.json, is the
// description of every route that openapi_test.go checks the server
// against. Errors have the shape
// {"error":{"code","message","request_id"}} with fixed messages: never the
// caller's text, a stack trace or a path. A panic becomes a 500
// internal_error; the log line names the panic's type and stack, never its
// value, which could quote input. Access log lines (Config.AccessLog,
// accesslog.go) carry the method, route label, status, bytes, duration,
// request id and client key, never request text.
//
// # Connections, timeouts and memory (issue 19)
//
// Serve wraps the listener in a connLimiter (listener.go): temporary accept
// errors such as EMFILE are retried with backoff and counted instead of
// ending Serve; connections are capped in all (MaxConcurrency, sized below
// RLIMIT_NOFILE by default) and per client (a quarter of it by default);
// past a cap a connection gets a probe-only reserve slot (/health and
// /metrics only) or an immediate contract-shaped 429 rate_limited or 503
// overloaded. Shutdown closes the connections still open when its drain
// time ends, so their streams log "transport: stream aborted" (error
// "shutdown") before the receipt log is closed. The request line and
// headers have their own short timeout (ReadHeaderTimeout, 408
// request_timeout); HeaderReceived then gives the body ReadTimeout. Each
// JSON request is weighed by its body size before it is read and admitted
// only while the weights in flight fit MaxInflightBytes (admission.go). A
// JSON response lists at most MaxFindings findings and then says
// "truncated":true and "findings_total".
//
// The rate limiter's client is clientAddr's (below): an IPv4 address or an
// IPv6 /64 of it (see clientKey). The connection caps count TCP peers,
// except trusted proxies, which are exempt from the per-client cap.
//
// # Transport security and caller identity (issue 20)
//
// security.go holds it all; New checks it and refuses a bad configuration
// with every problem listed (missing or unreadable files, a key that does
// not match its certificate, CA files without a certificate, bad CIDRs,
// bad values, a bad tokens file).
//
//   - Native TLS (tlsconf.go): DATAFOG_TLS_CERT_FILE and _KEY_FILE, TLS 1.2
//     or later, Go's default cipher suites, ALPN http/1.1. A tlsListener
//     over the connLimiter wraps each connection; fasthttp serves the TLS
//     connections as any other (the zero-copy request path is unchanged).
//     GetConfigForClient gives each handshake the current certificate and
//     client CAs, so a reload changes new handshakes only: open connections
//     keep the certificate they started with.
//   - mTLS: DATAFOG_TLS_CLIENT_CA_FILE, with DATAFOG_TLS_CLIENT_AUTH
//     "require" (the default: no handshake without a verified certificate)
//     or "optional" (verified when sent). A verified certificate names the
//     caller: its SPIFFE URI SAN, else its subject; without a token set it
//     is what authenticates. The start-up rule (no non-loopback address
//     without authentication) counts client certificates as authentication.
//   - Tokens (tokens.go): DATAFOG_API_TOKEN (named "default") and
//     DATAFOG_API_TOKENS_FILE ("NAME TOKEN" lines). With a token set,
//     every route but /health needs one (the contract); with none set but
//     a client CA, a verified client certificate.
//   - Reload (reload.go): a poll every second reads the certificate, key,
//     client CA, tokens and peer CA files and reloads a set whose contents
//     changed. A set that fails to load (a key not matching yet, a
//     truncated tokens file) is refused and logged once; the one in force
//     stays.
//   - Clients (clientaddr.go): DATAFOG_TRUSTED_PROXIES lists the CIDRs whose
//     forwarding header is read (DATAFOG_FORWARDED_HEADER:
//     X-Forwarded-For, or RFC 7239 Forwarded); the client is the rightmost
//     hop that is not a trusted proxy. clientAddr is the one function that
//     decides it, for the rate limit, the receipts and the access log.
//   - Identity (caller.go): DATAFOG_IDENTITY_HEADER (Linkerd's
//     l5d-client-id, or an auth filter's header) is read only when the TCP
//     peer is a trusted proxy.
//   - Receipts: /v1/decide and /v1/redact/stream receipts carry the caller
//     (token name, identity, client address); the log stores the identity
//     and the address as keyed digests (receipts.Caller).
//
// # Bodies and buffer lifetimes
//
// The fasthttp server streams every request body (StreamRequestBody). JSON
// routes read the decoded body, within MaxBodyBytes, into a pooled buffer;
// fastjson parses it (copying it once into the parser), and every string a
// handler sees borrows from the parser and lives until the handler returns
// and the per-request state goes back to its pool. Nothing from a request
// is kept after that: responses are copied into fasthttp's response buffer,
// receipts copy their strings, and the idempotency store keeps a SHA-256 of
// the request's significant fields plus the response it sent.
//
// A JSON body is read one way only: after fastjson accepts it, a second
// pass (jsoncheck.go) refuses a member given twice in one object (names
// compared after unescaping) and a raw control character inside a string,
// with a 400 invalid_request naming the member (for example
// "duplicate member in the JSON body: findings[1].start"). A member name
// that is not plain letters and underscores is shown as "*", since names
// are caller text.
//
// Request bodies may be gzip or zstd (klauspost/compress, pooled decoders;
// zstd with concurrency 1, low-memory mode and an 8 MiB window cap). The
// decoded size and the decoded/encoded ratio are capped; exceeding either
// is a 413. Responses of JSON routes of 1 KiB or more are compressed when
// Accept-Encoding allows zstd or gzip.
//
// # Streaming routes
//
// See stream.go for the design: a BodyWriterTo response body reads the
// request body block by block on the connection goroutine, writes each
// block's output as one flushed chunk, and can abort the response on an
// error (no terminating chunk). The redact stream's X-Receipt-ID is an HTTP
// trailer, set only after the receipt is durable. A body that ends early
// (truncated gzip or zstd, a chunked body cut short, fewer bytes than
// Content-Length) is a 400 invalid_request, or, once the response has
// started, an aborted one: never a summary, a trailer or a receipt.
//
// # Measured (2-core shared machine, noisy; see the report in bench files)
//
//	go test -run '^$' -bench 'ScanServer|StreamServer' -benchtime 2s ./transport/
//	BenchmarkScanServerFasthttp   10017 req/s   p99 30.8 ms (64 conns, client on the same 2 cores)
//	BenchmarkScanServerBaseline    1133 req/s   p99 118 ms  (net/http + encoding/json + regexp)
//	BenchmarkStreamServer          400 MB/s end to end over loopback
//
//	go test -run '^$' -bench JSON ./transport/
//	ParseStd 16.3 µs/op 14 allocs; ParseFastjson 0.99 µs/op 0 allocs
//	EncodeFindingsStd 25.5 µs/op 3 allocs; EncodeFindingsAppend 12.8 µs/op 0 allocs
//
// fastjson was chosen for parsing (16x faster, allocation-free) and the
// hand-written appenders of jsonenc.go for encoding.
package transport
