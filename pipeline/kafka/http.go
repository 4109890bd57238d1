package kafka

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Handler serves GET /metrics (Prometheus text) and GET /health, which
// answers 200 {"status":"ok","state":…} while the pipeline starts, runs
// or retries after a broker failure (restarting the process would not
// help), and 503 once it has stopped or failed.
func (m *Metrics) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		_ = m.WritePrometheus(w)
	})
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, _ *http.Request) {
		s := m.State()
		status, code := "ok", http.StatusOK
		if s == StateStopped || s == StateFailed {
			status, code = "stopped", http.StatusServiceUnavailable
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		fmt.Fprintf(w, "{\"status\":%q,\"state\":%q}\n", status, s.String())
	})
	return mux
}

// MetricsServer serves a Metrics handler on one address.
type MetricsServer struct {
	srv  *http.Server
	ln   net.Listener
	done chan error
}

// ServeMetrics listens on addr and serves m's handler in the background.
func ServeMetrics(addr string, m *Metrics) (*MetricsServer, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("kafka: metrics address: %w", err)
	}
	s := &MetricsServer{
		srv: &http.Server{Handler: m.Handler(), ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
			WriteTimeout: 10 * time.Second, IdleTimeout: time.Minute},
		ln:   ln,
		done: make(chan error, 1),
	}
	go func() {
		err := s.srv.Serve(ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		s.done <- err
	}()
	return s, nil
}

// Addr returns the address the server listens on.
func (s *MetricsServer) Addr() net.Addr { return s.ln.Addr() }

// Close stops the server, waiting up to a few seconds for scrapes in
// flight.
func (s *MetricsServer) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	err := s.srv.Shutdown(ctx)
	if serveErr := <-s.done; err == nil {
		err = serveErr
	}
	return err
}
