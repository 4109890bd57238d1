package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ignoreFileName is the ignore file `datafog scan` reads from each
// directory it is asked to scan and from the current directory.
const ignoreFileName = ".datafogignore"

// ignoreFile is one .datafogignore: path globs, matched against paths
// relative to the directory that holds it, and finding fingerprints.
//
// The format: one entry per line; blank lines and lines starting with '#'
// are skipped; a line of exactly fingerprintHexLen lower-case hex digits
// is a fingerprint (as printed in every report); any other line is a path
// glob (see glob). Negation ("!") is not supported.
type ignoreFile struct {
	path  string // as found, for messages
	base  string // absolute directory the globs are relative to
	globs []glob
}

// ignores is every ignore file read for one run.
type ignores struct {
	files        []ignoreFile
	fingerprints map[string]bool
	seen         map[string]bool // absolute paths of the files read
}

func newIgnores() *ignores {
	return &ignores{fingerprints: map[string]bool{}, seen: map[string]bool{}}
}

// load reads dir/.datafogignore when it exists and was not read yet. A
// missing file is no error; a bad glob is, naming the line (the caller
// names the file).
func (ig *ignores) load(dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	p := filepath.Join(abs, ignoreFileName)
	if ig.seen[p] {
		return nil
	}
	ig.seen[p] = true
	f, err := os.Open(p) // #nosec G304 -- the ignore file of a directory the user asked to scan
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	file := ignoreFile{path: filepath.Join(dir, ignoreFileName), base: abs}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case isFingerprint(line):
			ig.fingerprints[line] = true
		default:
			g, err := compileGlob(line)
			if err != nil {
				return fmt.Errorf("line %d: %v", n, err)
			}
			file.globs = append(file.globs, g)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	ig.files = append(ig.files, file)
	return nil
}

// ignored reports whether a path glob of an ignore file covers the file
// or directory at path, and which file's glob did.
func (ig *ignores) ignored(path string) (string, bool) {
	if len(ig.files) == 0 {
		return "", false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	for _, f := range ig.files {
		rel, err := filepath.Rel(f.base, abs)
		if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		if anyMatch(f.globs, filepath.ToSlash(rel)) {
			return f.path, true
		}
	}
	return "", false
}
