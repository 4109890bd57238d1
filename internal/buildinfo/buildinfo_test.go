package buildinfo

import (
	"runtime/debug"
	"testing"
)

func TestResolveStampedWins(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v9.9.9"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "ffff"}, {Key: "vcs.time", Value: "2020-01-01T00:00:00Z"}}}
	got := resolve("v1.2.3", "0a1b2c3", "2026-12-01T10:00:00Z", bi)
	want := Info{Version: "v1.2.3", Commit: "0a1b2c3", Date: "2026-12-01T10:00:00Z", GoVersion: "go1.26.8"}
	if got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	if s := got.String(); s != "v1.2.3 (commit 0a1b2c3, built 2026-12-01T10:00:00Z, go1.26.8)" {
		t.Fatalf("String: %q", s)
	}
}

func TestResolveFallsBackToBuildInfo(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.time", Value: "2026-11-30T09:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	got := resolve("", "", "", bi)
	want := Info{Version: "dev", Commit: "abc123-dirty", Date: "2026-11-30T09:00:00Z", GoVersion: "go1.26.8"}
	if got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	bi.Main.Version = "v0.4.0"
	if got := resolve("", "", "", bi); got.Version != "v0.4.0" {
		t.Fatalf("module version: %+v", got)
	}
	if got := resolve("", "", "", nil); got.Version != "dev" || got.Commit != "unknown" || got.Date != "unknown" || got.GoVersion == "" {
		t.Fatalf("nothing recorded: %+v", got)
	}
}
