package baseline

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// maxBody caps a JSON request body, as the real service does (1 MiB).
const maxBody = 1 << 20

// scanRequest is the datafog-api /v1/scan request body.
type scanRequest struct {
	Text        string   `json:"text"`
	EntityTypes []string `json:"entity_types"`
	RequestID   string   `json:"request_id"`
	TraceID     string   `json:"trace_id"`
}

// scanResponse is the datafog-api /v1/scan response body.
type scanResponse struct {
	RequestID     string    `json:"request_id"`
	TraceID       string    `json:"trace_id"`
	Findings      []Finding `json:"findings"`
	PolicyID      string    `json:"policy_id"`
	PolicyVersion string    `json:"policy_version"`
}

// Handler returns the baseline service: POST /v1/scan decodes JSON with
// encoding/json and runs Scan; POST /v1/scan/stream reads the whole raw
// body, runs Scan, and answers NDJSON findings plus a summary line.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/scan", handleScan)
	mux.HandleFunc("POST /v1/scan/stream", handleScanStream)
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"status":"ok"}`)
	})
	return mux
}

func handleScan(w http.ResponseWriter, r *http.Request) {
	var req scanRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody)).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "invalid_request", "request body is not valid JSON")
		return
	}
	if req.RequestID == "" {
		req.RequestID = newID()
	}
	if req.TraceID == "" {
		req.TraceID = req.RequestID
	}
	resp := scanResponse{
		RequestID:     req.RequestID,
		TraceID:       req.TraceID,
		Findings:      Scan(req.Text, req.EntityTypes),
		PolicyID:      "baseline",
		PolicyVersion: "1",
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Request-ID", req.RequestID)
	_ = json.NewEncoder(w).Encode(resp)
}

func handleScanStream(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid_request", "could not read the request body")
		return
	}
	findings := Scan(string(body), nil)
	w.Header().Set("Content-Type", "application/x-ndjson")
	enc := json.NewEncoder(w)
	for _, f := range findings {
		_ = enc.Encode(f)
	}
	_ = enc.Encode(map[string]any{"summary": map[string]int{"bytes": len(body), "findings": len(findings)}})
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": code, "message": msg}})
}

func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Serve starts the baseline service on 127.0.0.1 at an ephemeral port and
// returns its base URL ("http://127.0.0.1:PORT") and a function that shuts
// it down.
func Serve() (baseURL string, shutdown func(context.Context) error, err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("baseline: listen: %w", err)
	}
	srv := &http.Server{Handler: Handler(), ReadHeaderTimeout: 10 * time.Second}
	// Serve returns http.ErrServerClosed after shutdown; any other error
	// shows up to callers as failed requests.
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String(), srv.Shutdown, nil
}
