package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/datafog/datafog-api/engine/policy"
)

// loadPolicy returns the compiled policy at path, or the embedded default
// when path is empty. A file whose first non-space byte is '{' is policy
// JSON; anything else is taken for a blob written by `datafog compile`.
func loadPolicy(path string) (*policy.Compiled, error) {
	if path == "" {
		c, err := policy.Compile(policy.Default(), "")
		if err != nil {
			return nil, fmt.Errorf("embedded default policy: %w", err)
		}
		return c, nil
	}
	data, err := os.ReadFile(filepath.Clean(path))
	if err != nil {
		return nil, fmt.Errorf("policy %s: %w", path, unwrapPath(err))
	}
	if trimmed := bytes.TrimLeft(data, " \t\r\n"); len(trimmed) > 0 && trimmed[0] == '{' {
		p, err := policy.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("policy %s: %w", path, err)
		}
		c, err := policy.Compile(p, filepath.Dir(path))
		if err != nil {
			return nil, fmt.Errorf("policy %s: %w", path, err)
		}
		return c, nil
	}
	c, err := policy.LoadCompiled(data)
	if err != nil {
		return nil, fmt.Errorf("compiled policy %s: %w", path, err)
	}
	return c, nil
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
