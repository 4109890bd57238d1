//go:build unix

package transport

import (
	"errors"
	"syscall"
)

// temporaryErrno reports the accept(2) errors that pass: the process or the
// system is out of descriptors (EMFILE, ENFILE), of buffer or kernel
// memory (ENOBUFS, ENOMEM), or the client gave up before accept
// (ECONNABORTED), or a signal interrupted it (EINTR).
func temporaryErrno(err error) bool {
	for _, e := range [...]syscall.Errno{syscall.EMFILE, syscall.ENFILE, syscall.ENOBUFS, syscall.ENOMEM, syscall.ECONNABORTED, syscall.EINTR} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
