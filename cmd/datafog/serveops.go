package main

import (
	"log/slog"
	"strconv"
	"strings"
)

// opsSettings are serve's logging settings (issue 18):
//
//	DATAFOG_LOG_LEVEL  / --log-level   debug, info (default), warn or error
//	DATAFOG_ACCESS_LOG / --access-log  1/true: one "access" line per request
//
// The access log has its own handler at level INFO, so DATAFOG_LOG_LEVEL
// may quiet the rest without hiding it.
type opsSettings struct {
	level     slog.Level
	accessLog bool
}

// readOpsSettings reads the logging settings; a flag overrides its
// variable. Bad values are listed as problems, naming the variable.
func readOpsSettings(getenv func(string) string, set map[string]bool, levelFlag string, accessFlag bool) (opsSettings, []string) {
	var ops opsSettings
	var problems []string
	level := getenv("DATAFOG_LOG_LEVEL")
	name := "DATAFOG_LOG_LEVEL"
	if set["log-level"] {
		level, name = levelFlag, "--log-level"
	}
	if level != "" {
		l, ok := parseLevel(level)
		if !ok {
			problems = append(problems, name+": want debug, info, warn or error")
		}
		ops.level = l
	}
	if set["access-log"] {
		ops.accessLog = accessFlag
	} else if v := getenv("DATAFOG_ACCESS_LOG"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			problems = append(problems, "DATAFOG_ACCESS_LOG: want 1 or 0 (true or false)")
		}
		ops.accessLog = b
	}
	return ops, problems
}

// parseLevel reads a log level name, in any case.
func parseLevel(s string) (slog.Level, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "debug":
		return slog.LevelDebug, true
	case "info":
		return slog.LevelInfo, true
	case "warn", "warning":
		return slog.LevelWarn, true
	case "error":
		return slog.LevelError, true
	}
	return slog.LevelInfo, false
}
