package transport

import "strconv"

// appendSecurityMetrics appends the Prometheus lines of issue 20: credential
// reloads by file set and result, the serving certificate's expiry, and
// identity headers ignored (sent by a peer that is not a trusted proxy, or
// malformed).
func (s *Server) appendSecurityMetrics(dst []byte) []byte {
	sec := s.sec
	dst = append(dst, "# HELP datafog_credential_reloads_total Reloads of the TLS, API token and peer CA files after they changed, by result (failed: the files in force were kept).\n# TYPE datafog_credential_reloads_total counter\n"...)
	for k := range numReloadKinds {
		for i, result := range []string{"ok", "failed"} {
			dst = append(dst, `datafog_credential_reloads_total{what="`+reloadKindNames[k]+`",result="`+result+`"} `...)
			dst = strconv.AppendUint(dst, sec.reloads[k][i].Load(), 10)
			dst = append(dst, '\n')
		}
	}
	if g := sec.gen.Load(); g != nil {
		dst = append(dst, "# HELP datafog_tls_certificate_expiry_seconds The serving certificate's NotAfter, in Unix seconds.\n# TYPE datafog_tls_certificate_expiry_seconds gauge\ndatafog_tls_certificate_expiry_seconds "...)
		dst = strconv.AppendInt(dst, g.leaf.NotAfter.Unix(), 10)
		dst = append(dst, '\n')
	}
	dst = append(dst, "# HELP datafog_identity_header_ignored_total Identity headers ignored: sent by a peer that is not a trusted proxy, repeated, empty or too long.\n# TYPE datafog_identity_header_ignored_total counter\ndatafog_identity_header_ignored_total "...)
	dst = strconv.AppendUint(dst, sec.identityIgnored.Load(), 10)
	return append(dst, '\n')
}
