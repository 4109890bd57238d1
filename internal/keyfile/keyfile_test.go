package keyfile

import (
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestModeProblem(t *testing.T) {
	for _, tc := range []struct {
		perm        fs.FileMode
		owner, euid int
		want        string
	}{
		{0o600, 1000, 1000, ""},
		{0o400, 1000, 1000, ""},
		{0o640, 1000, 1000, "its group may read it"},
		{0o644, 1000, 1000, "others may read or write it"},
		{0o602, 1000, 1000, "others may read or write it"},
		{0o620, 1000, 1000, "its group may write it"},
		// Kubernetes: a root-owned Secret file with group fsGroup.
		{0o440, 0, 65532, ""},
		{0o640, 0, 65532, ""},
		{0o660, 0, 65532, "its group may write it"},
		{0o444, 0, 65532, "others may read or write it"},
		// Root reading its own group-readable file gets no exception.
		{0o640, 0, 0, "its group may read it"},
		{0o600, 0, 0, ""},
	} {
		if got := modeProblem(tc.perm, tc.owner, tc.euid); got != tc.want {
			t.Errorf("%04o owner %d euid %d: got %q, want %q", tc.perm, tc.owner, tc.euid, got, tc.want)
		}
	}
}

func TestGenerateWrites0600AndRefusesOverwrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "datafog.key")
	if err := Generate(path, false); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %04o, want 0600", fi.Mode().Perm())
	}
	first, _ := os.ReadFile(path)
	text := strings.TrimSuffix(string(first), "\n")
	if raw, err := hex.DecodeString(text); err != nil || len(raw) != Size || len(text)+1 != len(first) {
		t.Fatalf("key file %q: %v", first, err)
	}
	if err := Check(path); err != nil {
		t.Fatalf("Check of a generated key: %v", err)
	}
	err = Generate(path, false)
	if !errors.Is(err, ErrExists) || err.Error() != "key file "+path+": file exists" {
		t.Fatalf("second Generate: %v", err)
	}
	if again, _ := os.ReadFile(path); string(again) != string(first) {
		t.Fatal("a refused Generate changed the key")
	}
	if err := Generate(path, true); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(path); string(again) == string(first) || len(again) != len(first) {
		t.Fatalf("forced Generate: %q", again)
	}
	if fi, _ := os.Stat(path); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Fatalf("forced: mode %04o", fi.Mode().Perm())
	}
	if _, err := os.Stat(path + ".tmp"); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("temporary file left: %v", err)
	}
}

func TestCheckRefusesReadableByOthers(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	path := filepath.Join(t.TempDir(), "k")
	if err := os.WriteFile(path, []byte("0123456789abcdef0123456789abcdef\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	err := Check(path)
	want := "key file " + path + ": others may read or write it (mode 0644); run chmod 600 " + path
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	// The test's own file: group read is refused whoever runs the test.
	if err := Check(path); err == nil || !strings.Contains(err.Error(), "its group may read it (mode 0640)") {
		t.Fatalf("0640: %v", err)
	}
	if err := Check(filepath.Join(t.TempDir(), "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("missing: %v", err)
	}
}
