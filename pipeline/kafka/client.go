package kafka

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/sasl"
	"github.com/twmb/franz-go/pkg/sasl/plain"
	"github.com/twmb/franz-go/pkg/sasl/scram"
)

// Connection says how to reach the brokers. The pipeline and the receipts
// topic verifier share it.
type Connection struct {
	// Brokers are the seed brokers, HOST:PORT.
	Brokers []string
	// TLS, when set, encrypts every connection.
	TLS *tls.Config
	// SASL, when set, authenticates every connection.
	SASL sasl.Mechanism
	// ClientID names the client to the brokers (logs, quotas).
	ClientID string
}

// opts returns the kgo options of c.
func (c *Connection) opts() []kgo.Opt {
	opts := []kgo.Opt{kgo.SeedBrokers(c.Brokers...)}
	if c.ClientID != "" {
		opts = append(opts, kgo.ClientID(c.ClientID))
	}
	if c.TLS != nil {
		opts = append(opts, kgo.DialTLSConfig(c.TLS.Clone()))
	}
	if c.SASL != nil {
		opts = append(opts, kgo.SASL(c.SASL))
	}
	return opts
}

// TLSFiles names the PEM files of a TLS client configuration. All are
// optional: without CAFile the system roots verify the brokers; CertFile
// and KeyFile (both or neither) give a client certificate for mutual TLS.
type TLSFiles struct {
	CAFile, CertFile, KeyFile string
	// ServerName overrides the name checked in the brokers' certificates.
	ServerName string
}

// TLSConfig builds a TLS 1.2+ client configuration from files.
func TLSConfig(f TLSFiles) (*tls.Config, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: f.ServerName}
	if f.CAFile != "" {
		pem, err := os.ReadFile(filepath.Clean(f.CAFile))
		if err != nil {
			return nil, fmt.Errorf("kafka: tls ca file: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("kafka: tls ca file %s: no PEM certificate in it", f.CAFile)
		}
		cfg.RootCAs = pool
	}
	if (f.CertFile == "") != (f.KeyFile == "") {
		return nil, errors.New("kafka: tls: a client certificate needs both the cert file and the key file")
	}
	if f.CertFile != "" {
		cert, err := tls.LoadX509KeyPair(f.CertFile, f.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("kafka: tls client certificate: %w", err)
		}
		cfg.Certificates = []tls.Certificate{cert}
	}
	return cfg, nil
}

// SASL mechanism names accepted by SASLMechanism.
const (
	SASLPlain       = "plain"
	SASLSCRAMSHA256 = "scram-sha-256"
	SASLSCRAMSHA512 = "scram-sha-512"
)

// SASLMechanism returns the mechanism named name (case-insensitive) with the
// user and password. The password is never part of an error.
func SASLMechanism(name, user, password string) (sasl.Mechanism, error) {
	if user == "" || password == "" {
		return nil, errors.New("kafka: sasl: the user and the password must both be set (from files or environment variables)")
	}
	switch strings.ToLower(name) {
	case SASLPlain:
		return plain.Auth{User: user, Pass: password}.AsMechanism(), nil
	case SASLSCRAMSHA256:
		return scram.Auth{User: user, Pass: password}.AsSha256Mechanism(), nil
	case SASLSCRAMSHA512:
		return scram.Auth{User: user, Pass: password}.AsSha512Mechanism(), nil
	}
	return nil, fmt.Errorf("kafka: sasl: unknown mechanism %q (want plain, scram-sha-256 or scram-sha-512)", clip(name))
}

// newClient returns a plain client of c with extra options.
func (c *Connection) newClient(extra ...kgo.Opt) (*kgo.Client, error) {
	return kgo.NewClient(append(c.opts(), extra...)...)
}

// ctxDone reports whether ctx is finished.
func ctxDone(ctx context.Context) bool {
	select {
	case <-ctx.Done():
		return true
	default:
		return false
	}
}
