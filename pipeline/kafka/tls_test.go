package kafka

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kgo"
)

// testCA makes a CA and a server certificate for 127.0.0.1, writes the
// CA's PEM to a file and returns the server's TLS configuration and that
// file.
func testCA(t *testing.T) (*tls.Config, string) {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "datafog test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	srvKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	srvTmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "broker"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, KeyUsage: x509.KeyUsageDigitalSignature}
	srvDER, err := x509.CreateCertificate(rand.Reader, srvTmpl, ca, &srvKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	return &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{{Certificate: [][]byte{srvDER}, PrivateKey: srvKey}}}, caFile
}

// TestTLSAndSCRAM runs the pipeline against brokers that require TLS and
// SCRAM-SHA-256, as Amazon MSK and Redpanda Cloud do; a wrong password or
// an unknown CA stops it with an error instead of retrying forever.
func TestTLSAndSCRAM(t *testing.T) {
	srvTLS, caFile := testCA(t)
	c := newCluster(t, 3, 2, kfake.TLS(srvTLS), kfake.EnableSASL(), kfake.Superuser("SCRAM-SHA-256", "pipeline", "p4ss-w0rd"))
	addrs := c.ListenAddrs()
	clientTLS, err := TLSConfig(TLSFiles{CAFile: caFile})
	if err != nil {
		t.Fatal(err)
	}
	mech, err := SASLMechanism("scram-sha-256", "pipeline", "p4ss-w0rd")
	if err != nil {
		t.Fatal(err)
	}
	conn := Connection{Brokers: addrs, TLS: clientTLS, SASL: mech}
	cl, err := conn.newClient(kgo.DefaultProduceTopic(tIn))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := cl.ProduceSync(ctx, &kgo.Record{Key: []byte("k"), Value: []byte("mail bob@example.com")}).FirstErr(); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(t, addrs, "w1")
	cfg.Connection = conn
	w := startWorker(t, cfg)
	eventually(t, 30*time.Second, "the record through TLS and SCRAM", func() bool { return w.p.Metrics().Snapshot().RecordsOut == 1 })
	if err := w.stop(t); err != nil {
		t.Fatal(err)
	}

	// kfake closes the connection on a wrong password (Kafka answers
	// SASL_AUTHENTICATION_FAILED, which isAuthError makes fatal): the
	// pipeline keeps retrying, reports it, and writes nothing.
	bad, _ := SASLMechanism("scram-sha-256", "pipeline", "wrong")
	cfg.Connection = Connection{Brokers: addrs, TLS: clientTLS, SASL: bad}
	p, err := New(cfg, defaultPolicy(t))
	if err != nil {
		t.Fatal(err)
	}
	rctx, rcancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(rctx) }()
	eventually(t, 30*time.Second, "the wrong password to show as retrying", func() bool { return p.Metrics().State() == StateRetrying })
	rcancel()
	if err := <-done; err != nil || p.Metrics().Snapshot().RecordsIn != 0 {
		t.Fatalf("wrong password: Run = %v, %d records in", err, p.Metrics().Snapshot().RecordsIn)
	}
	if !isAuthError(fmt.Errorf("wrapped: %w", kerr.SaslAuthenticationFailed)) {
		t.Fatal("SASL_AUTHENTICATION_FAILED is not an auth error")
	}
	_, otherCA := testCA(t)
	otherTLS, _ := TLSConfig(TLSFiles{CAFile: otherCA})
	cfg.Connection = Connection{Brokers: addrs, TLS: otherTLS, SASL: mech}
	if err := runUntil(t, cfg); !isFatal(err) || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("unknown CA: Run = %v, want a fatal certificate error", err)
	}
	if _, err := SASLMechanism("scram-sha-256", "pipeline", ""); err == nil {
		t.Fatal("an empty password was accepted")
	}
}

// runUntil runs a pipeline with cfg for at most 30 s and returns Run's
// result.
func runUntil(t *testing.T, cfg Config) error {
	t.Helper()
	p, err := New(cfg, defaultPolicy(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err = p.Run(ctx)
	if err == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return errors.New("still retrying after 30s")
	}
	return err
}
