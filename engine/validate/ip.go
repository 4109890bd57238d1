package validate

import "net/netip"

// IPv4 reports whether s is an IPv4 address in dotted-quad form: four
// decimal octets 0-255 separated by '.', each without leading zeros ("0" is
// fine, "01" is not).
func IPv4(s []byte) bool {
	if len(s) < 7 || len(s) > 15 {
		return false
	}
	octets := 0
	i := 0
	for {
		start := i
		v := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			v = v*10 + int(s[i]-'0')
			i++
			if i-start > 3 {
				return false
			}
		}
		n := i - start
		if n == 0 || v > 255 || (n > 1 && s[start] == '0') {
			return false
		}
		octets++
		if octets == 4 {
			return i == len(s)
		}
		if i >= len(s) || s[i] != '.' {
			return false
		}
		i++
	}
}

// IPv6 reports whether s is an IPv6 address that net/netip parses, without a
// zone ("%eth0") and not a bare IPv4 dotted quad. Embedded IPv4 forms such as
// "::ffff:192.0.2.1" are accepted. It does not allocate for an address, nor
// for text its byte pre-check rejects; text that passes the pre-check but
// fails to parse costs the allocation of net/netip's error.
func IPv6(s []byte) bool {
	if len(s) < 2 || len(s) > 45 {
		return false
	}
	colon := false
	for _, c := range s {
		switch {
		case c == ':':
			colon = true
		case c == '.', c >= '0' && c <= '9', c >= 'a' && c <= 'f', c >= 'A' && c <= 'F':
		default:
			return false // also rejects '%' zones
		}
	}
	if !colon {
		return false
	}
	// ParseAddr does not keep its argument once it returns an address, and
	// its error (which quotes the input) is dropped here, so s can be lent
	// without a copy.
	a, err := netip.ParseAddr(b2s(s))
	return err == nil && a.Is6() && a.Zone() == ""
}
