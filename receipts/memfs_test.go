package receipts

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"syscall"
)

// memFS is an in-memory FileSystem that remembers what was synced, so a
// test can simulate a crash (Crash drops every unsynced byte) and inject
// failures.
type memFS struct {
	mu    sync.Mutex
	files map[string]*memFile
	// failWrite, when it returns non-nil, fails a WriteAt after writing
	// the returned number of bytes.
	failWrite func(name string, p []byte, off int64) (int, error)
	failSync  func(name string) error
	// capacity, when positive, is the total size of all files: a write
	// past it stores what fits and fails with ENOSPC, like a full disk.
	capacity int64
	// fault, when set, is asked before every operation ("create", "write",
	// "sync", "truncate", "rename", "remove", "syncdir") and fails it with
	// the error it returns.
	fault  func(op, name string) error
	locked map[string]bool // directories under Lock
}

// errNoSpace is the error of a write to a full memFS.
func errNoSpace(name string) error {
	return &fs.PathError{Op: "write", Path: name, Err: syscall.ENOSPC}
}

// used is the total size of all files.
func (m *memFS) used() int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	var n int64
	for _, f := range m.files {
		f.mu.Lock()
		n += int64(len(f.data))
		f.mu.Unlock()
	}
	return n
}

func (m *memFS) check(op, name string) error {
	if m.fault != nil {
		return m.fault(op, name)
	}
	return nil
}

type memFile struct {
	mu      sync.Mutex
	data    []byte
	durable []byte
}

type memHandle struct {
	fsys *memFS
	name string
	f    *memFile
	rw   bool
}

func newMemFS() *memFS { return &memFS{files: map[string]*memFile{}} }

// Crash discards everything not synced.
func (m *memFS) Crash() {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, f := range m.files {
		f.mu.Lock()
		f.data = append([]byte(nil), f.durable...)
		f.mu.Unlock()
	}
}

// bytes returns a copy of a file's current contents.
func (m *memFS) bytes(name string) []byte {
	m.mu.Lock()
	f := m.files[path.Clean(name)]
	m.mu.Unlock()
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]byte(nil), f.data...)
}

// put replaces a file's contents (durably).
func (m *memFS) put(name string, b []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[path.Clean(name)] = &memFile{data: append([]byte(nil), b...), durable: append([]byte(nil), b...)}
}

func (m *memFS) Create(name string) (File, error) {
	if err := m.check("create", name); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	name = path.Clean(name)
	if _, ok := m.files[name]; ok {
		return nil, &fs.PathError{Op: "create", Path: name, Err: fs.ErrExist}
	}
	f := &memFile{}
	m.files[name] = f
	return &memHandle{m, name, f, true}, nil
}

func (m *memFS) Open(name string, writable bool) (File, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	f, ok := m.files[path.Clean(name)]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &memHandle{m, path.Clean(name), f, writable}, nil
}

func (m *memFS) Rename(oldname, newname string) error {
	if err := m.check("rename", newname); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	f, ok := m.files[path.Clean(oldname)]
	if !ok {
		return fs.ErrNotExist
	}
	delete(m.files, path.Clean(oldname))
	m.files[path.Clean(newname)] = f
	return nil
}

func (m *memFS) Remove(name string) error {
	if err := m.check("remove", name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.files[path.Clean(name)]; !ok {
		return fs.ErrNotExist
	}
	delete(m.files, path.Clean(name))
	return nil
}

func (m *memFS) List(dir string) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	prefix := path.Clean(dir) + "/"
	var names []string
	for name := range m.files {
		if rest, ok := strings.CutPrefix(name, prefix); ok && !strings.Contains(rest, "/") {
			names = append(names, rest)
		}
	}
	sort.Strings(names)
	return names, nil
}

func (m *memFS) MkdirAll(string) error    { return nil }
func (m *memFS) SyncDir(dir string) error { return m.check("syncdir", dir) }

func (h *memHandle) ReadAt(p []byte, off int64) (int, error) {
	h.f.mu.Lock()
	defer h.f.mu.Unlock()
	if off >= int64(len(h.f.data)) {
		return 0, io.EOF
	}
	n := copy(p, h.f.data[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func (h *memHandle) WriteAt(p []byte, off int64) (int, error) {
	if !h.rw {
		return 0, errors.New("read-only")
	}
	n, ferr := len(p), error(nil)
	if err := h.fsys.check("write", h.name); err != nil {
		n, ferr = 0, err
	}
	if h.fsys.failWrite != nil && ferr == nil {
		if k, err := h.fsys.failWrite(h.name, p, off); err != nil {
			n, ferr = k, err
		}
	}
	if c := h.fsys.capacity; c > 0 && ferr == nil {
		used := h.fsys.used()
		h.f.mu.Lock()
		size := int64(len(h.f.data))
		h.f.mu.Unlock()
		if grow := off + int64(n) - size; grow > 0 && used+grow > c {
			n = int(max(0, min(int64(n), size-off+c-used)))
			ferr = errNoSpace(h.name)
		}
	}
	h.f.mu.Lock()
	defer h.f.mu.Unlock()
	if end := off + int64(n); end > int64(len(h.f.data)) {
		h.f.data = append(h.f.data, make([]byte, end-int64(len(h.f.data)))...)
	}
	copy(h.f.data[off:], p[:n])
	return n, ferr
}

func (h *memHandle) Sync() error {
	if err := h.fsys.check("sync", h.name); err != nil {
		return err
	}
	if h.fsys.failSync != nil {
		if err := h.fsys.failSync(h.name); err != nil {
			return err
		}
	}
	h.f.mu.Lock()
	defer h.f.mu.Unlock()
	h.f.durable = append(h.f.durable[:0], h.f.data...)
	return nil
}

func (h *memHandle) Truncate(size int64) error {
	if err := h.fsys.check("truncate", h.name); err != nil {
		return err
	}
	h.f.mu.Lock()
	defer h.f.mu.Unlock()
	if size < int64(len(h.f.data)) {
		h.f.data = h.f.data[:size]
	}
	return nil
}

func (h *memHandle) Size() (int64, error) {
	h.f.mu.Lock()
	defer h.f.mu.Unlock()
	return int64(len(h.f.data)), nil
}

func (h *memHandle) Close() error { return nil }

// Lock implements FileSystem: one holder per directory in this memFS.
func (m *memFS) Lock(dir string) (io.Closer, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	dir = path.Clean(dir)
	if m.locked[dir] {
		return nil, ErrInUse
	}
	if m.locked == nil {
		m.locked = map[string]bool{}
	}
	m.locked[dir] = true
	return memLock{m, dir}, nil
}

type memLock struct {
	m   *memFS
	dir string
}

func (l memLock) Close() error {
	l.m.mu.Lock()
	defer l.m.mu.Unlock()
	delete(l.m.locked, l.dir)
	return nil
}

// clone returns a copy of m's files (durable state included), without its
// faults.
func (m *memFS) clone() *memFS {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := newMemFS()
	for name, f := range m.files {
		f.mu.Lock()
		c.files[name] = &memFile{data: append([]byte(nil), f.data...), durable: append([]byte(nil), f.durable...)}
		f.mu.Unlock()
	}
	return c
}
