package load

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// target is a parsed, loopback-checked request URL.
type target struct {
	addr string // host:port to dial, always a literal loopback IP
	host string // Host header value
	uri  string // full URL for the request line
	tls  bool   // https
}

// parseTarget accepts only http URLs (and https ones when withTLS, that is
// when the run has a TLS configuration) whose host is a loopback address
// (127.0.0.0/8, ::1) or the name "localhost", which is dialled as
// 127.0.0.1 so that name resolution cannot send the load elsewhere.
func parseTarget(raw string, withTLS bool) (target, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return target{}, fmt.Errorf("load: target URL: %w", err)
	}
	if u.Scheme != "http" && !(u.Scheme == "https" && withTLS) {
		return target{}, fmt.Errorf("load: target %q: scheme must be http, or https with Config.TLSConfig", redactURL(u))
	}
	host, port := u.Hostname(), u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "https" {
			port = "443"
		}
	}
	if err := CheckLoopback(host); err != nil {
		return target{}, err
	}
	ip := host
	if strings.EqualFold(host, "localhost") {
		ip = "127.0.0.1"
	}
	return target{addr: net.JoinHostPort(ip, port), host: u.Host, uri: u.String(), tls: u.Scheme == "https"}, nil
}

// CheckLoopback returns an error unless host is "localhost" or a literal
// IP address in 127.0.0.0/8 or ::1. The load generator refuses every other
// target: it is a tool for measuring our own service, not for sending load
// across a network.
func CheckLoopback(host string) error {
	if strings.EqualFold(host, "localhost") {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("load: target host %q is not loopback (127.0.0.0/8, ::1 or localhost); refusing to send load to it", host)
	}
	return nil
}

// redactURL drops any user info before a URL is put in an error.
func redactURL(u *url.URL) string {
	c := *u
	c.User = nil
	c.RawQuery = ""
	return c.String()
}
