//go:build unix

package receipts

import (
	"errors"
	"syscall"
)

// isNoSpace reports an error from a full disk or an exhausted quota.
func isNoSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
