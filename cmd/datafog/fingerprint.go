package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"os"
	"path/filepath"

	"github.com/datafog/datafog-api/engine"
)

// A finding's fingerprint identifies it across runs without its value:
// the first 16 bytes, in hex, of HMAC-SHA256 under the fingerprint key of
//
//	"datafog-fingerprint-v1" 0x00 entity_type 0x00 file 0x00 value
//
// where file is the file's path relative to the directory argument it was
// found in ("src/app.env" whether the scan named ".", "repo" or
// "/home/ci/work/repo"), or a named file's path as named (relative to the
// working directory when it is an absolute path below it), with '/'
// separators; empty on standard input. So a baseline made in one checkout
// matches in another. The line is not part of it, so a finding keeps its
// fingerprint when lines are added above it; the same value of the same
// type twice in one file has one fingerprint. --baseline and
// .datafogignore match findings by it.
//
// The key comes from --fingerprint-key FILE (the file's bytes, a trailing
// newline dropped, at least minFingerprintKey bytes). Without one, the
// documented defaultFingerprintKey applies: the fingerprints still hide
// high-entropy secrets, but anyone can then test a guess at a low-entropy
// value (an SSN, a phone number) against them, so CI that keeps reports
// should use a key of its own, kept as a CI secret.
const (
	fingerprintDomain     = "datafog-fingerprint-v1"
	defaultFingerprintKey = "datafog public default fingerprint key: set --fingerprint-key for a private one"
	minFingerprintKey     = 16
	fingerprintHexLen     = 32
)

// fingerprinter computes fingerprints with one key.
type fingerprinter struct {
	mac hash.Hash
	sum []byte
}

func newFingerprinter(key []byte) *fingerprinter {
	return &fingerprinter{mac: hmac.New(sha256.New, key)}
}

// of returns the fingerprint of a finding of typ with value in file.
func (f *fingerprinter) of(typ engine.EntityType, file string, value []byte) string {
	f.mac.Reset()
	f.mac.Write([]byte(fingerprintDomain))
	f.mac.Write([]byte{0})
	f.mac.Write([]byte(typ))
	f.mac.Write([]byte{0})
	f.mac.Write([]byte(file))
	f.mac.Write([]byte{0})
	f.mac.Write(value)
	f.sum = f.mac.Sum(f.sum[:0])
	return hex.EncodeToString(f.sum[:fingerprintHexLen/2])
}

// readFingerprintKey returns the key in path, or the default key when
// path is empty.
func readFingerprintKey(path string) ([]byte, error) {
	if path == "" {
		return []byte(defaultFingerprintKey), nil
	}
	key, err := os.ReadFile(filepath.Clean(path))
	if err != nil {
		return nil, fmt.Errorf("--fingerprint-key: %w", err)
	}
	key = bytes.TrimSuffix(bytes.TrimSuffix(key, []byte("\n")), []byte("\r"))
	if len(key) < minFingerprintKey {
		return nil, fmt.Errorf("--fingerprint-key %s: %d bytes; a key needs at least %d", path, len(key), minFingerprintKey)
	}
	return key, nil
}

// isFingerprint reports whether s has a fingerprint's form.
func isFingerprint(s string) bool {
	if len(s) != fingerprintHexLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
