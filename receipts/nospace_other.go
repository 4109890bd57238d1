//go:build !unix

package receipts

import (
	"errors"
	"syscall"
)

// isNoSpace reports an error from a full disk.
func isNoSpace(err error) bool { return errors.Is(err, syscall.ENOSPC) }
