package transport

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"net"
	"sync"
	"time"
)

// Native TLS. The listener's tls.Config carries no certificate: its
// GetConfigForClient hands each new handshake the current generation's
// config (certificate, client CAs, client auth), which a reload replaces
// atomically. A reload therefore changes what new handshakes see and
// leaves open connections, and their keep-alive requests, untouched; it
// covers the client CAs too, which GetCertificate alone would not.

// tlsGeneration is one loaded version of the TLS files.
type tlsGeneration struct {
	conf *tls.Config
	cert *tls.Certificate
	leaf *x509.Certificate
}

// minTLSVersion is the oldest protocol version served.
const minTLSVersion = tls.VersionTLS12

// loadTLS applies the contents of the certificate, key and (optional)
// client CA files.
func (s *security) loadTLS(data [][]byte) []string {
	var problems []string
	whole := data[0] != nil && data[1] != nil
	var cert tls.Certificate
	if whole {
		var err error
		if cert, err = tls.X509KeyPair(data[0], data[1]); err != nil {
			problems = append(problems, fmt.Sprintf("DATAFOG_TLS_CERT_FILE %s and DATAFOG_TLS_KEY_FILE %s: %v", s.certFile, s.keyFile, err))
		}
	}
	conf := &tls.Config{
		MinVersion: minTLSVersion,
		NextProtos: []string{"http/1.1"},
	}
	if s.caFile != "" {
		whole = whole && data[2] != nil
		pool, err := parseCAs(data[2])
		if err != nil && data[2] != nil {
			problems = append(problems, "DATAFOG_TLS_CLIENT_CA_FILE: "+s.caFile+": "+err.Error())
		}
		conf.ClientCAs = pool
		conf.ClientAuth = tls.RequireAndVerifyClientCert
		if s.clientAuth == clientAuthOptional {
			conf.ClientAuth = tls.VerifyClientCertIfGiven
		}
	}
	if problems != nil || !whole {
		return problems
	}
	conf.Certificates = []tls.Certificate{cert}
	if now := time.Now(); now.After(cert.Leaf.NotAfter) || now.Before(cert.Leaf.NotBefore) {
		s.log.Warn("transport: the TLS certificate is not valid now", "subject", cert.Leaf.Subject.String(),
			"not_before", cert.Leaf.NotBefore.UTC().Format(time.RFC3339), "not_after", cert.Leaf.NotAfter.UTC().Format(time.RFC3339))
	}
	s.gen.Store(&tlsGeneration{conf: conf, cert: &conf.Certificates[0], leaf: cert.Leaf})
	return nil
}

// parseCAs parses every PEM certificate in data; any other block, or a
// certificate that does not parse, is an error, as is a file without one.
func parseCAs(data []byte) (*x509.CertPool, error) {
	pool := x509.NewCertPool()
	n := 0
	for rest := data; ; {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		n++
		if block.Type != "CERTIFICATE" {
			return nil, fmt.Errorf("PEM block %d is a %q, not a CERTIFICATE", n, block.Type)
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("PEM block %d: %v", n, err)
		}
		pool.AddCert(c)
	}
	if n == 0 {
		return nil, errNoCertificate
	}
	return pool, nil
}

// listenerConfig is the tls.Config of the listener: every handshake gets
// the current generation's config.
func (s *security) listenerConfig() *tls.Config {
	return &tls.Config{
		MinVersion: minTLSVersion,
		NextProtos: []string{"http/1.1"},
		GetConfigForClient: func(*tls.ClientHelloInfo) (*tls.Config, error) {
			return s.gen.Load().conf, nil
		},
	}
}

// tlsListener serves TLS on the connections of a listener (the
// connLimiter, so the caps count TCP connections). The handshake runs on
// the connection's own goroutine at its first read, under fasthttp's read
// deadline (ReadHeaderTimeout), never in Accept.
type tlsListener struct {
	net.Listener
	conf *tls.Config
}

func (l *tlsListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &peerConn{Conn: tls.Server(c, l.conf)}, nil
}

// peerConn is a TLS connection that remembers its client certificate's
// identity once the handshake is done, so requests read it without
// copying the connection state. It embeds *tls.Conn, so fasthttp's
// IsTLS and TLSConnectionState see it, and probeOnly unwraps it through
// NetConn.
type peerConn struct {
	*tls.Conn
	mu       sync.Mutex
	known    bool
	hasCert  bool // a certificate was sent and verified
	identity string
}

// peer returns whether the client sent a certificate that was verified,
// and the identity it names (see certIdentity).
func (p *peerConn) peer() (verified bool, identity string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.known {
		st := p.ConnectionState()
		if !st.HandshakeComplete {
			return false, ""
		}
		p.known = true
		if len(st.VerifiedChains) > 0 && len(st.PeerCertificates) > 0 {
			p.hasCert, p.identity = true, certIdentity(st.PeerCertificates[0])
		}
	}
	return p.hasCert, p.identity
}

func (p *peerConn) verified() bool {
	v, _ := p.peer()
	return v
}

// certIdentity is the identity a client certificate names: its SPIFFE ID
// (the URI SAN with scheme spiffe, as SPIFFE X.509-SVIDs carry exactly
// one), else its subject in RFC 2253 form ("CN=billing,O=Example"), else
// its first DNS name or e-mail address.
func certIdentity(c *x509.Certificate) string {
	for _, u := range c.URIs {
		if u.Scheme == "spiffe" {
			return u.String()
		}
	}
	if s := c.Subject.String(); s != "" {
		return s
	}
	if len(c.DNSNames) > 0 {
		return c.DNSNames[0]
	}
	if len(c.EmailAddresses) > 0 {
		return c.EmailAddresses[0]
	}
	return ""
}

// peerClientConfig is the TLS configuration of the client that forwards
// receipt look-ups to https peers. It verifies them against
// DATAFOG_PEER_CA_FILE's CAs when set (reloaded like the other files),
// else the system roots, and presents this server's own certificate when
// asked, so replicas that require client certificates accept each other
// when their certificate allows client authentication.
func (s *security) peerClientConfig() *tls.Config {
	conf := &tls.Config{MinVersion: minTLSVersion}
	if s.gen.Load() != nil {
		conf.GetClientCertificate = func(*tls.CertificateRequestInfo) (*tls.Certificate, error) {
			return s.gen.Load().cert, nil
		}
	}
	if s.peerCAFile != "" {
		// Verification is done below against the current pool, since a
		// reload cannot change RootCAs of a config in use.
		conf.InsecureSkipVerify = true // #nosec G402 -- VerifyConnection verifies the chain and the host name
		conf.VerifyConnection = func(cs tls.ConnectionState) error {
			if len(cs.PeerCertificates) == 0 {
				return errors.New("transport: peer sent no certificate")
			}
			opts := x509.VerifyOptions{DNSName: cs.ServerName, Roots: s.peerRoots.Load(), Intermediates: x509.NewCertPool()}
			for _, c := range cs.PeerCertificates[1:] {
				opts.Intermediates.AddCert(c)
			}
			_, err := cs.PeerCertificates[0].Verify(opts)
			return err
		}
	}
	return conf
}
