package receipts

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// File is the small file interface the log writes segments through. Tests
// wrap it to inject failed writes, short writes and failed syncs.
type File interface {
	io.ReaderAt
	io.WriterAt
	io.Closer
	// Sync makes every byte written so far durable (fdatasync on Linux).
	Sync() error
	// Truncate changes the size of the file.
	Truncate(size int64) error
	// Size reports the current size of the file.
	Size() (int64, error)
}

// FileSystem is the directory-level interface the log uses. A nil
// Options.FS means the operating system's file system.
type FileSystem interface {
	// Create creates a new file for reading and writing with mode 0600. It
	// fails if the file exists.
	Create(name string) (File, error)
	// Open opens an existing file, read-write when writable is true.
	Open(name string, writable bool) (File, error)
	// Rename renames a file atomically.
	Rename(oldname, newname string) error
	// Remove deletes a file.
	Remove(name string) error
	// List returns the names (not paths) of the entries in dir, sorted.
	List(dir string) ([]string, error)
	// MkdirAll creates dir and its parents with mode 0700.
	MkdirAll(dir string) error
	// SyncDir makes the directory's entries (creations, renames, removals)
	// durable.
	SyncDir(dir string) error
	// Lock takes an exclusive lock on dir, held until the returned Closer
	// is closed. It fails at once, with an error wrapping ErrInUse, when
	// another holder (in this process or another) has it.
	Lock(dir string) (io.Closer, error)
}

// OSFileSystem is the FileSystem backed by the operating system.
type OSFileSystem struct{}

type osFile struct{ f *os.File }

func (o osFile) ReadAt(p []byte, off int64) (int, error)  { return o.f.ReadAt(p, off) }
func (o osFile) WriteAt(p []byte, off int64) (int, error) { return o.f.WriteAt(p, off) }
func (o osFile) Close() error                             { return o.f.Close() }
func (o osFile) Sync() error                              { return datasync(o.f) }
func (o osFile) Truncate(size int64) error                { return o.f.Truncate(size) }

func (o osFile) Size() (int64, error) {
	st, err := o.f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// Create implements FileSystem.
func (OSFileSystem) Create(name string) (File, error) {
	f, err := os.OpenFile(filepath.Clean(name), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	return osFile{f}, nil
}

// Open implements FileSystem.
func (OSFileSystem) Open(name string, writable bool) (File, error) {
	flag := os.O_RDONLY
	if writable {
		flag = os.O_RDWR
	}
	f, err := os.OpenFile(filepath.Clean(name), flag, 0)
	if err != nil {
		return nil, err
	}
	return osFile{f}, nil
}

// Rename implements FileSystem.
func (OSFileSystem) Rename(oldname, newname string) error { return os.Rename(oldname, newname) }

// Remove implements FileSystem.
func (OSFileSystem) Remove(name string) error { return os.Remove(name) }

// MkdirAll implements FileSystem.
func (OSFileSystem) MkdirAll(dir string) error { return os.MkdirAll(dir, 0o700) }

// List implements FileSystem.
func (OSFileSystem) List(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(ents))
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names, nil
}

// SyncDir implements FileSystem.
func (OSFileSystem) SyncDir(dir string) error {
	d, err := os.Open(filepath.Clean(dir))
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// LockFileName is the file in the log directory that Open locks (flock,
// exclusive) for as long as the log is open.
const LockFileName = "LOCK"

// Lock implements FileSystem with flock(2) on dir/LOCK, created with mode
// 0600 when missing. The kernel drops the lock when the holder closes it or
// exits, however it exits, so a crashed process leaves no stale lock. On
// systems without flock (Windows, Plan 9) the lock is not taken.
func (OSFileSystem) Lock(dir string) (io.Closer, error) {
	f, err := os.OpenFile(filepath.Join(filepath.Clean(dir), LockFileName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := flockExclusive(f); err != nil {
		_ = f.Close() // the lock was not taken; its error is the one to report
		return nil, err
	}
	return f, nil
}

// copyRange copies n bytes of src from offset off to a new file dst
// through fsys and syncs it. On failure it returns the read, write or sync
// error and leaves dst for the caller to remove; the copy is incomplete
// either way, so closing it can add nothing and its error is dropped.
func copyRange(fsys FileSystem, src File, off, n int64, dst string) error {
	out, err := fsys.Create(dst)
	if err != nil {
		return err
	}
	buf := make([]byte, min(n, 64<<10))
	for done := int64(0); done < n; {
		k, rerr := src.ReadAt(buf[:min(int64(len(buf)), n-done)], off+done)
		if k > 0 {
			w, werr := out.WriteAt(buf[:k], done)
			if werr == nil && w != k {
				werr = io.ErrShortWrite
			}
			if werr != nil {
				_ = out.Close()
				return werr
			}
			done += int64(k)
		}
		if rerr != nil && !(errors.Is(rerr, io.EOF) && done == n) {
			_ = out.Close()
			return rerr
		}
	}
	if err := out.Sync(); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}
