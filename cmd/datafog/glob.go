package main

import (
	"fmt"
	"path"
	"strings"
)

// glob is a path pattern of --include, --exclude and .datafogignore,
// matched against slash-separated paths relative to a root:
//
//   - "*" matches any run of characters other than '/', "?" one such
//     character, "[a-z]" and "[!a-z]" a class, "\" escapes (path.Match
//     syntax, segment by segment);
//   - "**" as a whole segment matches any number of segments, none
//     included: "vendor/**" matches "vendor" and everything below it,
//     "**/testdata/*.json" a JSON file in any testdata directory;
//   - a pattern without a '/' matches the last segment at any depth:
//     "*.min.js" is "**/*.min.js" (as in .gitignore);
//   - a leading '/' anchors a pattern at the root ("/build" is only the
//     top-level build); a trailing '/' means everything below
//     ("vendor/" is "vendor/**").
type glob struct {
	text string
	segs []string
}

// compileGlob parses a pattern; a malformed one (an unclosed '[') is an
// error.
func compileGlob(p string) (glob, error) {
	g := glob{text: p}
	q := strings.TrimSpace(p)
	if q == "" {
		return g, fmt.Errorf("empty pattern")
	}
	anchored := strings.HasPrefix(q, "/")
	q = strings.TrimPrefix(q, "/")
	if strings.HasSuffix(q, "/") {
		q += "**"
	}
	if !anchored && !strings.Contains(q, "/") {
		q = "**/" + q
	}
	g.segs = strings.Split(q, "/")
	for _, s := range g.segs {
		if s == "" {
			return g, fmt.Errorf("pattern %q: empty path segment", p)
		}
		if _, err := path.Match(s, ""); err != nil {
			return g, fmt.Errorf("pattern %q: %v", p, err)
		}
	}
	return g, nil
}

// match reports whether the slash-separated relative path rel matches.
func (g glob) match(rel string) bool {
	return matchSegments(g.segs, strings.Split(rel, "/"))
}

// matchSegments matches pattern segments against path segments.
func matchSegments(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for len(pat) > 1 && pat[1] == "**" {
				pat = pat[1:]
			}
			for i := 0; i <= len(name); i++ {
				if matchSegments(pat[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}

// anyMatch reports whether any of gs matches rel.
func anyMatch(gs []glob, rel string) bool {
	for _, g := range gs {
		if g.match(rel) {
			return true
		}
	}
	return false
}

// globsFlag is a repeatable flag of comma-separated globs.
type globsFlag struct {
	name  string
	globs []glob
}

func (f *globsFlag) String() string {
	var parts []string
	for _, g := range f.globs {
		parts = append(parts, g.text)
	}
	return strings.Join(parts, ",")
}

// Set adds the comma-separated patterns of one --include or --exclude.
func (f *globsFlag) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		g, err := compileGlob(p)
		if err != nil {
			return err
		}
		f.globs = append(f.globs, g)
	}
	return nil
}
