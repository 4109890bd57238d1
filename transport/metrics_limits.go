package transport

import "strconv"

// appendServerMetrics appends the connection, admission and findings-cap
// metrics of issue 19.
func (s *Server) appendServerMetrics(dst []byte) []byte {
	m := s.m
	counter := func(dst []byte, name, help string, v uint64) []byte {
		dst = append(dst, "# HELP "+name+" "+help+"\n# TYPE "+name+" counter\n"+name+" "...)
		dst = strconv.AppendUint(dst, v, 10)
		return append(dst, '\n')
	}
	gauge := func(dst []byte, name, help string, v int64) []byte {
		dst = append(dst, "# HELP "+name+" "+help+"\n# TYPE "+name+" gauge\n"+name+" "...)
		dst = strconv.AppendInt(dst, v, 10)
		return append(dst, '\n')
	}
	dst = counter(dst, "datafog_accept_errors_total", "Temporary accept errors (such as EMFILE) retried after a backoff.", m.acceptErrors.Load())
	dst = append(dst, "# HELP datafog_connections_rejected_total Connections or requests refused by the connection caps, by reason.\n# TYPE datafog_connections_rejected_total counter\n"...)
	for i, r := range connRejectReasons {
		dst = append(dst, `datafog_connections_rejected_total{reason="`+r+`"} `...)
		dst = strconv.AppendUint(dst, m.connRejected[i].Load(), 10)
		dst = append(dst, '\n')
	}
	var normal, reserved int
	s.mu.Lock()
	lim := s.lim
	s.mu.Unlock()
	if lim != nil {
		normal, reserved = lim.open()
	}
	dst = gauge(dst, "datafog_connections_open", "Connections open on regular slots.", int64(normal))
	dst = gauge(dst, "datafog_connections_probe_only", "Connections open on probe-only reserve slots.", int64(reserved))
	dst = gauge(dst, "datafog_inflight_bytes", "Estimated memory of the requests being served (admission weights).", s.adm.used.Load())
	dst = counter(dst, "datafog_admission_rejected_total", "Requests answered 503 because DATAFOG_MAX_INFLIGHT_BYTES was reached.", m.admissionRejected.Load())
	return counter(dst, "datafog_findings_truncated_total", "Responses that listed DATAFOG_MAX_FINDINGS findings of more.", m.findingsTruncated.Load())
}
