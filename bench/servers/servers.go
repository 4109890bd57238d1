// Package servers starts in-process benchmark targets on 127.0.0.1 at
// ephemeral ports: our transport server with the embedded default policy,
// and the net/http baseline from bench/baseline.
package servers

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/datafog/datafog-api/bench/baseline"
	"github.com/datafog/datafog-api/engine/policy"
	"github.com/datafog/datafog-api/receipts"
	"github.com/datafog/datafog-api/transport"
)

// Target is a running in-process server.
type Target struct {
	// Name is "ours", "ours-tls" or "baseline".
	Name string
	// BaseURL is "http://127.0.0.1:PORT" ("https://" for ours-tls).
	BaseURL string
	// ClientTLS is the client configuration that trusts ours-tls's
	// certificate; nil for the plain targets.
	ClientTLS *tls.Config
	stop      func() error
}

// Stop shuts the server down and releases what it holds.
func (t *Target) Stop() error { return t.stop() }

// Start starts the named target: "ours", "ours-tls" (ours serving HTTPS
// with a certificate generated at start, TLS otherwise as configured by
// default) or "baseline". Ours keeps its receipt log (and ours-tls its
// certificate) in a fresh directory under dir (the system temp dir when
// empty), removed by Stop. Server logs are discarded so that logging cost
// is not part of the measurement for either side.
func Start(name, dir string) (*Target, error) {
	switch name {
	case "ours":
		return startOurs(dir, false)
	case "ours-tls":
		return startOurs(dir, true)
	case "baseline":
		base, shutdown, err := baseline.Serve()
		if err != nil {
			return nil, err
		}
		return &Target{Name: name, BaseURL: base, stop: func() error {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			return shutdown(ctx)
		}}, nil
	}
	return nil, fmt.Errorf("servers: unknown target %q (want ours, ours-tls or baseline)", name)
}

func startOurs(dir string, withTLS bool) (*Target, error) {
	pol, err := policy.Compile(policy.Default(), "")
	if err != nil {
		return nil, fmt.Errorf("servers: compile default policy: %w", err)
	}
	tmp, err := os.MkdirTemp(dir, "datafog-bench-")
	if err != nil {
		return nil, fmt.Errorf("servers: temp dir: %w", err)
	}
	quiet := slog.New(slog.DiscardHandler)
	rl, err := receipts.Open(receipts.Options{
		Dir: filepath.Join(tmp, "receipts"), KeyFile: filepath.Join(tmp, "receipt.key"),
		NodeID: "bench", Logger: quiet,
	})
	if err != nil {
		_ = os.RemoveAll(tmp)
		return nil, fmt.Errorf("servers: open receipts: %w", err)
	}
	cfg := transport.DefaultConfig()
	cfg.Addr = "127.0.0.1:0"
	cfg.Logger = quiet
	scheme := "http://"
	var clientTLS *tls.Config
	if withTLS {
		if cfg.TLSCertFile, cfg.TLSKeyFile, clientTLS, err = selfSigned(tmp); err != nil {
			_ = rl.Close()
			_ = os.RemoveAll(tmp)
			return nil, err
		}
		scheme = "https://"
	}
	srv, err := transport.New(cfg, pol, rl)
	if err != nil {
		_ = rl.Close()
		_ = os.RemoveAll(tmp)
		return nil, fmt.Errorf("servers: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		_ = rl.Close()
		_ = os.RemoveAll(tmp)
		return nil, fmt.Errorf("servers: listen: %w", err)
	}
	// Serve's error after Shutdown is expected; others surface as failed
	// requests in the load report.
	go func() { _ = srv.Serve(ln) }()
	name := "ours"
	if withTLS {
		name = "ours-tls"
	}
	return &Target{Name: name, BaseURL: scheme + ln.Addr().String(), ClientTLS: clientTLS, stop: func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		err := srv.Shutdown(ctx)
		if cerr := rl.Close(); err == nil {
			err = cerr
		}
		if rerr := os.RemoveAll(tmp); err == nil {
			err = rerr
		}
		return err
	}}, nil
}
