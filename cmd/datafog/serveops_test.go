package main

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeLogLevelAndAccessLog runs the binary with DATAFOG_LOG_LEVEL=warn
// and DATAFOG_ACCESS_LOG=1: the INFO lines of start-up and shutdown are
// gone, each request has one access line, and none holds request text.
func TestServeLogLevelAndAccessLog(t *testing.T) {
	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	dir := t.TempDir()
	s, err := startServe(t, []string{"DATAFOG_ADDR=" + addr, "DATAFOG_RECEIPT_PATH=" + filepath.Join(dir, "r"),
		"DATAFOG_LOG_LEVEL=warn", "DATAFOG_ACCESS_LOG=1"}, addr)
	if err != nil {
		t.Fatal(err)
	}
	const canary = "canary.person@example.com"
	if code, body := s.post(t, "/v1/scan", `{"text":"mail `+canary+`"}`, map[string]string{"Content-Type": "application/json", "X-Request-ID": "req-1"}); code != 200 {
		t.Fatalf("scan: %d %s", code, body)
	}
	if err := s.stop(t); err != nil {
		t.Fatalf("stop: %v", err)
	}
	out := s.stderr.String()
	if strings.Contains(out, canary) {
		t.Errorf("a log line holds the request text:\n%s", out)
	}
	access := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if m["msg"] == "access" {
			access++
			if m["route"] == "/v1/scan" && (m["request_id"] != "req-1" || m["status"] != float64(200) || m["method"] != "POST") {
				t.Errorf("scan access line %s", line)
			}
			continue
		}
		if m["level"] == "INFO" || m["level"] == "DEBUG" {
			t.Errorf("line below warn with DATAFOG_LOG_LEVEL=warn: %s", line)
		}
	}
	// startServe's /health probes and the scan.
	if access < 2 {
		t.Errorf("%d access lines:\n%s", access, out)
	}
}

func TestReadOpsSettings(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	ops, p := readOpsSettings(env(map[string]string{"DATAFOG_LOG_LEVEL": "DEBUG", "DATAFOG_ACCESS_LOG": "1"}), nil, "", false)
	if len(p) != 0 || ops.level != slog.LevelDebug || !ops.accessLog {
		t.Errorf("env: %+v %v", ops, p)
	}
	ops, p = readOpsSettings(env(map[string]string{"DATAFOG_LOG_LEVEL": "debug", "DATAFOG_ACCESS_LOG": "1"}),
		map[string]bool{"log-level": true, "access-log": true}, "error", false)
	if len(p) != 0 || ops.level != slog.LevelError || ops.accessLog {
		t.Errorf("flags override: %+v %v", ops, p)
	}
	_, p = readOpsSettings(env(nil), map[string]bool{"log-level": true}, "chatty", false)
	if strings.Join(p, "|") != "--log-level: want debug, info, warn or error" {
		t.Errorf("bad flag: %v", p)
	}
}
