package transport

import (
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/valyala/fasthttp"
)

// security is the server's transport security and caller identity (issue
// 20): the TLS material, the API tokens, the trusted proxies and the
// identity header. The TLS material, the tokens and the peer CAs come from
// files that a watcher polls (reload.go); each reload builds new values and
// swaps them in atomically, and a file that fails to load leaves the value
// in force. Requests read the values with atomic loads only.
//
// Authentication, as the contract puts it: when a token is set (the
// variable or the tokens file), every route but /health requires one. When
// no token is set but a client CA is, every route but /health requires a
// verified client certificate (with DATAFOG_TLS_CLIENT_AUTH=require the
// handshake already did; with "optional" the request is refused here).
// With neither, every request is accepted. A verified certificate always
// names the caller in receipts.
type security struct {
	log *slog.Logger

	// TLS (tlsconf.go). gen is nil without TLS.
	certFile, keyFile, caFile string
	clientAuth                clientAuthMode
	gen                       atomic.Pointer[tlsGeneration]

	// Tokens (tokens.go). tokens is nil when no token is configured.
	envToken, tokensFile string
	tokens               atomic.Pointer[tokenSet]

	// Proxies and identity (clientaddr.go, caller.go).
	proxies        []netip.Prefix
	forwarded      bool   // read Forwarded (RFC 7239), not X-Forwarded-For
	identityHeader string // canonical form; "" when none

	// Peers: CAs for https peer URLs; nil means the system roots.
	peerCAFile string
	peerRoots  atomic.Pointer[x509.CertPool]

	watched   []*watchedFiles
	startOnce sync.Once
	stopOnce  sync.Once
	stop      chan struct{}
	done      chan struct{}

	reloads         [numReloadKinds][2]atomic.Uint64 // [kind][0 ok, 1 failed]
	identityIgnored atomic.Uint64
}

// clientAuthMode is the client certificate policy.
type clientAuthMode uint8

const (
	clientAuthNone     clientAuthMode = iota
	clientAuthRequire                 // no handshake without a verified certificate
	clientAuthOptional                // verified when sent
)

// securityFromEnv copies the issue 20 variables into c. New checks them,
// and the files they name, all together.
func securityFromEnv(getenv func(string) string, c *Config) {
	c.TLSCertFile = getenv("DATAFOG_TLS_CERT_FILE")
	c.TLSKeyFile = getenv("DATAFOG_TLS_KEY_FILE")
	c.TLSClientCAFile = getenv("DATAFOG_TLS_CLIENT_CA_FILE")
	c.TLSClientAuth = getenv("DATAFOG_TLS_CLIENT_AUTH")
	c.TrustedProxies = getenv("DATAFOG_TRUSTED_PROXIES")
	c.ForwardedHeader = getenv("DATAFOG_FORWARDED_HEADER")
	c.IdentityHeader = getenv("DATAFOG_IDENTITY_HEADER")
	c.APITokensFile = getenv("DATAFOG_API_TOKENS_FILE")
	c.PeerCAFile = getenv("DATAFOG_PEER_CA_FILE")
}

// reservedHeaders cannot be the identity header: they carry credentials or
// request metadata the server reads for other purposes.
var reservedHeaders = []string{
	"Authorization", "X-Api-Key", "Cookie", "Host", "Content-Type", "Content-Length", "Content-Encoding",
	"Transfer-Encoding", "X-Forwarded-For", "Forwarded", "X-Request-Id", "Idempotency-Key", forwardedHeader,
}

// newSecurity checks the issue 20 settings of cfg and loads the files they
// name. It returns one error listing every problem; the error names the
// variable and the file, never a token or key.
func newSecurity(cfg Config) (*security, error) {
	s := &security{
		log: cfg.Logger, certFile: cfg.TLSCertFile, keyFile: cfg.TLSKeyFile, caFile: cfg.TLSClientCAFile,
		envToken: cfg.APIToken, tokensFile: cfg.APITokensFile, peerCAFile: cfg.PeerCAFile,
		stop: make(chan struct{}), done: make(chan struct{}),
	}
	var problems []string
	bad := func(name, why string) { problems = append(problems, name+": "+why) }

	withTLS := cfg.TLSCertFile != "" && cfg.TLSKeyFile != ""
	switch {
	case cfg.TLSCertFile == "" && cfg.TLSKeyFile != "":
		bad("DATAFOG_TLS_CERT_FILE", "not set, but DATAFOG_TLS_KEY_FILE is")
	case cfg.TLSCertFile != "" && cfg.TLSKeyFile == "":
		bad("DATAFOG_TLS_KEY_FILE", "not set, but DATAFOG_TLS_CERT_FILE is")
	}
	switch strings.ToLower(cfg.TLSClientAuth) {
	case "":
		if cfg.TLSClientCAFile != "" {
			s.clientAuth = clientAuthRequire
		}
	case "require":
		s.clientAuth = clientAuthRequire
	case "optional":
		s.clientAuth = clientAuthOptional
	default:
		bad("DATAFOG_TLS_CLIENT_AUTH", `want "require" or "optional"`)
	}
	if cfg.TLSClientAuth != "" && cfg.TLSClientCAFile == "" {
		bad("DATAFOG_TLS_CLIENT_AUTH", "needs DATAFOG_TLS_CLIENT_CA_FILE")
		s.clientAuth = clientAuthNone
	}
	if cfg.TLSClientCAFile != "" && !withTLS {
		bad("DATAFOG_TLS_CLIENT_CA_FILE", "needs DATAFOG_TLS_CERT_FILE and DATAFOG_TLS_KEY_FILE")
	}
	tlsFiles := []string{cfg.TLSCertFile, cfg.TLSKeyFile}
	if cfg.TLSClientCAFile != "" {
		tlsFiles = append(tlsFiles, cfg.TLSClientCAFile)
	}
	if withTLS {
		problems = append(problems, s.watch(reloadTLS, tlsFiles, s.loadTLS)...)
	} else if cfg.TLSClientCAFile != "" {
		if data, err := readSmallFile(cfg.TLSClientCAFile); err != nil {
			bad("DATAFOG_TLS_CLIENT_CA_FILE", err.Error())
		} else if _, err := parseCAs(data); err != nil {
			bad("DATAFOG_TLS_CLIENT_CA_FILE", cfg.TLSClientCAFile+": "+err.Error())
		}
	}

	for _, item := range strings.Split(cfg.TrustedProxies, ",") {
		if item = strings.TrimSpace(item); item == "" {
			continue
		}
		p, err := parseProxy(item)
		if err != nil {
			bad("DATAFOG_TRUSTED_PROXIES", fmt.Sprintf("%q is not a CIDR or an IP address", item))
			continue
		}
		s.proxies = append(s.proxies, p)
	}
	switch strings.ToLower(cfg.ForwardedHeader) {
	case "", "x-forwarded-for":
	case "forwarded":
		s.forwarded = true
	default:
		bad("DATAFOG_FORWARDED_HEADER", `want "x-forwarded-for" or "forwarded"`)
	}
	if h := cfg.IdentityHeader; h != "" {
		canon := string(fasthttp.AppendNormalizedHeaderKeyBytes(nil, []byte(h)))
		switch {
		case !validHeaderName(h):
			bad("DATAFOG_IDENTITY_HEADER", "not a valid header name")
		case containsFold(reservedHeaders, canon):
			bad("DATAFOG_IDENTITY_HEADER", canon+" is reserved")
		case cfg.TrustedProxies == "":
			bad("DATAFOG_IDENTITY_HEADER", "needs DATAFOG_TRUSTED_PROXIES: the header is trusted only from them")
		default:
			s.identityHeader = canon
		}
	}

	if cfg.APITokensFile != "" {
		problems = append(problems, s.watch(reloadTokens, []string{cfg.APITokensFile}, s.loadTokens)...)
	} else if cfg.APIToken != "" {
		s.tokens.Store(singleToken(cfg.APIToken))
	}
	if cfg.PeerCAFile != "" {
		problems = append(problems, s.watch(reloadPeerCA, []string{cfg.PeerCAFile}, s.loadPeerCAs)...)
	}
	if len(problems) > 0 {
		return nil, &ConfigError{Problems: problems}
	}
	return s, nil
}

// authenticates reports whether the configuration authenticates every
// request but /health: by token, or by client certificate.
func (s *security) authenticates() bool {
	return s.tokens.Load() != nil || s.clientAuth != clientAuthNone
}

// authenticate decides whether a request may proceed and returns the name
// of the token it carried, if any. It allocates nothing.
func (s *security) authenticate(ctx *fasthttp.RequestCtx) (token string, ok bool) {
	if set := s.tokens.Load(); set != nil {
		return set.check(&ctx.Request.Header)
	}
	if s.clientAuth != clientAuthNone {
		pc, isPeer := ctx.Conn().(*peerConn)
		return "", isPeer && pc.verified()
	}
	return "", true
}

// parseProxy parses a CIDR ("10.0.0.0/8") or an address ("127.0.0.1"), which
// stands for itself; IPv4-mapped addresses are unmapped, as peers are.
func parseProxy(s string) (netip.Prefix, error) {
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return netip.Prefix{}, err
		}
		if p.Addr().Is4In6() && p.Bits() >= 96 {
			p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
		}
		return p.Masked(), nil
	}
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" {
		return netip.Prefix{}, errors.New("not an address")
	}
	a = a.Unmap()
	return netip.PrefixFrom(a, a.BitLen()), nil
}

// trusted reports whether a is a trusted proxy.
func (s *security) trusted(a netip.Addr) bool {
	for _, p := range s.proxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// validHeaderName reports whether h is an RFC 9110 token.
func validHeaderName(h string) bool {
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return h != ""
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// defaultCredentialPoll is how often credential files are checked when
// Config.CredentialPollInterval is zero.
const defaultCredentialPoll = time.Second
