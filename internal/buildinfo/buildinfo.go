// Package buildinfo names the running build: its version, commit and build
// date. `make build` and the Dockerfile stamp them with
//
//	-ldflags "-X github.com/datafog/datafog-api/internal/buildinfo.version=v1.2.3
//	          -X github.com/datafog/datafog-api/internal/buildinfo.commit=<sha>
//	          -X github.com/datafog/datafog-api/internal/buildinfo.date=<RFC 3339>"
//
// A plain `go build` or `go install` leaves them empty; Get then falls back
// to what the Go toolchain recorded in the binary (debug.ReadBuildInfo):
// the module version, and the VCS revision and commit time when built
// inside a git checkout. `datafog version`, GET /health and the
// datafog_build_info metric all show Get's result.
package buildinfo

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// Set by the linker (-ldflags -X); empty in a plain build.
var (
	version string
	commit  string
	date    string
)

// Info identifies a build. Fields the build did not record read "unknown"
// (Version reads "dev").
type Info struct {
	// Version is the release version (a git tag such as v1.2.3, or
	// `git describe` output), or "dev".
	Version string `json:"version"`
	// Commit is the VCS revision, with "-dirty" appended when the tree had
	// uncommitted changes.
	Commit string `json:"commit"`
	// Date is the build (or, in the fallback, the commit) time, RFC 3339.
	Date string `json:"date"`
	// GoVersion is the toolchain that built the binary, e.g. go1.26.8.
	GoVersion string `json:"go_version"`
}

// Get returns the running build's identity: the stamped values, each
// missing one filled from debug.ReadBuildInfo.
func Get() Info {
	bi, _ := debug.ReadBuildInfo()
	return resolve(version, commit, date, bi)
}

// resolve fills the stamped values that are empty from bi (which may be
// nil) and the rest with "dev" or "unknown".
func resolve(v, c, d string, bi *debug.BuildInfo) Info {
	info := Info{Version: v, Commit: c, Date: d, GoVersion: runtime.Version()}
	if bi != nil {
		if bi.GoVersion != "" {
			info.GoVersion = bi.GoVersion
		}
		if info.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			info.Version = bi.Main.Version
		}
		var rev, at string
		dirty := false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				at = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if info.Commit == "" && rev != "" {
			info.Commit = rev
			if dirty && !strings.HasSuffix(rev, "-dirty") {
				info.Commit += "-dirty"
			}
		}
		if info.Date == "" {
			info.Date = at
		}
	}
	if info.Version == "" {
		info.Version = "dev"
	}
	if info.Commit == "" {
		info.Commit = "unknown"
	}
	if info.Date == "" {
		info.Date = "unknown"
	}
	return info
}

// String renders the identity on one line:
// "v1.2.3 (commit 0a1b2c3, built 2026-12-01T10:00:00Z, go1.26.8)".
func (i Info) String() string {
	return i.Version + " (commit " + i.Commit + ", built " + i.Date + ", " + i.GoVersion + ")"
}
