// Package keyfile writes and checks secret key files: the receipt key
// (DATAFOG_RECEIPT_KEY_FILE), the tokenize and hash key of `datafog redact`
// (--key-file, DATAFOG_TOKEN_KEY_FILE) and the pipeline key.
//
// A key file must not be readable by others. The rule follows PostgreSQL's
// for its TLS key: no permission for others, no group write, and no group
// read either, except on a file owned by root read by a process that is
// not root (0640 or 0440). That exception is how Kubernetes mounts a
// Secret for a pod with an fsGroup: root-owned, group fsGroup, defaultMode
// 0440 (deploy/kubernetes). Check names the file and its mode and says how
// to fix it.
package keyfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Size is the size of a generated key: 32 random bytes, written as 64 hex
// digits and a newline. Both readers accept it: the receipt log decodes
// the hex (at least 32 bytes), and the tokenize and hash modes use the
// text itself (at least 16 bytes).
const Size = 32

// ErrExists is returned by Generate when the file exists and force is off.
var ErrExists = errors.New("file exists")

// Check refuses a key file whose permissions let others read it (see the
// package documentation). It follows symbolic links, as opening the file
// does.
func Check(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("key file %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("key file %s: not a regular file", path)
	}
	owner, ok := fileOwner(fi)
	if !ok {
		return nil // no owner on this platform (Windows): nothing to check
	}
	if problem := modeProblem(fi.Mode().Perm(), owner, os.Geteuid()); problem != "" {
		return fmt.Errorf("key file %s: %s (mode %04o); run chmod 600 %s", path, problem, fi.Mode().Perm(), path)
	}
	return nil
}

// modeProblem says what is wrong with permissions perm of a file owned by
// owner and read by user euid, or "".
func modeProblem(perm fs.FileMode, owner, euid int) string {
	switch {
	case perm&0o007 != 0:
		return "others may read or write it"
	case perm&0o020 != 0:
		return "its group may write it"
	case perm&0o040 != 0 && (owner != 0 || euid == 0):
		return "its group may read it"
	}
	return ""
}

// Generate writes a new random key to path with mode 0600. It refuses an
// existing file (ErrExists) unless force is set; then the new key replaces
// the old one atomically (written to a temporary file beside it, synced
// and renamed), so a crash never leaves a half-written key.
func Generate(path string, force bool) error {
	key := make([]byte, Size)
	if _, err := rand.Read(key); err != nil {
		return fmt.Errorf("generate key: %w", err)
	}
	text := append(hex.AppendEncode(nil, key), '\n')
	if !force {
		return writeNew(path, text)
	}
	tmp := path + ".tmp"
	_ = os.Remove(tmp)
	if err := writeNew(tmp, text); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("key file %s: %w", path, err)
	}
	return syncDir(filepath.Dir(path))
}

// writeNew creates path (which must not exist) with mode 0600, writes
// data and syncs it.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(filepath.Clean(path), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("key file %s: %w", path, ErrExists)
	}
	if err != nil {
		return fmt.Errorf("key file %s: %w", path, err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(path)
		return fmt.Errorf("key file %s: %w", path, err)
	}
	return syncDir(filepath.Dir(path))
}

// syncDir makes a new directory entry durable.
func syncDir(dir string) error {
	d, err := os.Open(filepath.Clean(dir))
	if err != nil {
		return fmt.Errorf("key file directory %s: %w", dir, err)
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil && !errors.Is(err, fs.ErrInvalid) {
		return fmt.Errorf("key file directory %s: %w", dir, err)
	}
	return nil
}
