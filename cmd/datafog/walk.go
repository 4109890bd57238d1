package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Which files `datafog scan` reads. Each argument is a file or a
// directory. A directory is walked recursively in lexical order (the same
// order on every run), without following symbolic links; the version
// control directories .git, .hg and .svn are not entered. Every file, named
// or found, is subject to the path rules: --exclude, --include (when
// given, a file must match one) and the globs of .datafogignore files.
// Files found in a directory are also skipped, with a note on standard
// error, when they are symbolic links or not regular files, larger than
// --max-file-size, or binary (a NUL byte in their first binaryProbe
// bytes, as git decides); a file named on the command line is always read
// whatever its size or content, since it was asked for.

// binaryProbe is how many leading bytes of a file decide whether it is
// binary.
const binaryProbe = 8000

// vcsDirs are the directories a walk does not enter.
var vcsDirs = map[string]bool{".git": true, ".hg": true, ".svn": true}

// input is one file to scan.
type input struct {
	path  string // as the report prints it
	named bool   // named on the command line rather than found in a directory
	// rel is the path its fingerprint covers: relative to the directory
	// argument it was found in, or for a named file the path as named
	// (relative to the working directory when it lies below it), with '/'
	// separators. It does not depend on where a checkout lives.
	rel string
}

// walker turns arguments into inputs.
type walker struct {
	include, exclude []glob
	ignores          *ignores
	maxSize          int64
	// skip holds absolute paths never scanned: the report being written.
	skip map[string]bool
	// note reports a skipped file; fail a file that could not be read.
	note func(path, why string)
	fail func(path string, err error)
}

// walk calls visit for each file arg names or holds, in order.
func (w *walker) walk(arg string, visit func(input)) {
	fi, err := os.Stat(arg)
	if err != nil {
		w.fail(arg, err)
		return
	}
	if !fi.IsDir() {
		if rel := namedRel(arg); w.wanted(arg, rel) {
			visit(input{path: arg, named: true, rel: rel})
		}
		return
	}
	if err := w.ignores.load(arg); err != nil {
		w.fail(filepath.Join(arg, ignoreFileName), err)
		return
	}
	err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			w.fail(p, err)
			if d != nil && d.IsDir() && p != arg {
				return filepath.SkipDir
			}
			return nil
		}
		if p == arg {
			return nil
		}
		rel, rerr := filepath.Rel(arg, p)
		if rerr != nil {
			return rerr
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if vcsDirs[d.Name()] || anyMatch(w.exclude, rel) {
				return filepath.SkipDir
			}
			if _, ignored := w.ignores.ignored(p); ignored {
				return filepath.SkipDir
			}
			return nil
		}
		if !w.wanted(p, rel) {
			return nil
		}
		switch t := d.Type(); {
		case t&fs.ModeSymlink != 0:
			w.note(p, "symbolic link (not followed)")
			return nil
		case !t.IsRegular():
			w.note(p, "not a regular file")
			return nil
		}
		if w.maxSize > 0 {
			info, err := d.Info()
			if err != nil {
				w.fail(p, err)
				return nil
			}
			if info.Size() > w.maxSize {
				w.note(p, fmt.Sprintf("%s, over --max-file-size %s", formatSize(info.Size()), formatSize(w.maxSize)))
				return nil
			}
		}
		visit(input{path: p, rel: rel})
		return nil
	})
	if err != nil {
		w.fail(arg, err)
	}
}

// wanted applies the path rules to a file: rel is its path relative to
// the walked directory (or as named).
func (w *walker) wanted(p, rel string) bool {
	if anyMatch(w.exclude, rel) {
		return false
	}
	if len(w.include) > 0 && !anyMatch(w.include, rel) {
		return false
	}
	if _, ignored := w.ignores.ignored(p); ignored {
		return false
	}
	if len(w.skip) > 0 {
		if abs, err := filepath.Abs(p); err == nil && w.skip[abs] {
			return false
		}
	}
	return true
}

// namedRel is the slash-separated path of a named file: as named,
// cleaned, or relative to the working directory when it is an absolute
// path below it.
func namedRel(arg string) string {
	p := filepath.Clean(arg)
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				p = rel
			}
		}
	}
	return filepath.ToSlash(p)
}

// pathError returns err without the operation of a *fs.PathError, for
// messages that already start with the path ("datafog scan: a.txt: no
// such file or directory").
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// sizeFlag is a byte count with an optional unit: B, K/KB/KiB, M/MB/MiB,
// G/GB/GiB (all binary: K is 1024). 0 means no limit.
type sizeFlag struct{ n int64 }

func (s *sizeFlag) String() string { return formatSize(s.n) }

// Set parses a size such as "10MiB", "512K" or "1048576".
func (s *sizeFlag) Set(v string) error {
	t := strings.TrimSpace(v)
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if rest, ok := strings.CutSuffix(t, u.suffix); ok {
			t, mult = strings.TrimSpace(rest), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return fmt.Errorf("want a size such as 10MiB, 512KiB or 1048576 (0: no limit)")
	}
	s.n = n * mult
	return nil
}

// formatSize prints a byte count in the largest binary unit that divides
// it evenly, or with one decimal.
func formatSize(n int64) string {
	switch {
	case n >= 1<<30:
		return trimUnit(float64(n)/(1<<30)) + " GiB"
	case n >= 1<<20:
		return trimUnit(float64(n)/(1<<20)) + " MiB"
	case n >= 1<<10:
		return trimUnit(float64(n)/(1<<10)) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

func trimUnit(v float64) string {
	return strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0")
}
