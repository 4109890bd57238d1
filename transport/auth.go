package transport

import (
	"net"
	"net/netip"
	"strings"
)

// Authentication is security's (security.go): API tokens (tokens.go) and
// client certificates (tlsconf.go). This file holds the start-up rule.

// isLoopbackAddr reports whether a listen address binds only loopback
// interfaces. An empty host ("" or ":8080") binds every interface.
func isLoopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	return ip.IsLoopback()
}
