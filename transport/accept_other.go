//go:build !unix

package transport

import "net"

// temporaryErrno reports accept errors the platform calls temporary.
func temporaryErrno(err error) bool {
	ne, ok := err.(interface{ Temporary() bool })
	return ok && ne.Temporary()
}

var _ net.Error = (*net.OpError)(nil)
