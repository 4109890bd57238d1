package transport

import (
	"strconv"

	"github.com/datafog/datafog-api/engine/policy"
	"github.com/datafog/datafog-api/internal/buildinfo"
)

// Operator metrics of issue 18: the build, requests in flight, decisions by
// outcome and stream aborts by reason. Every update is one atomic add.

// decisionOutcomes label datafog_decisions_total.
var decisionOutcomes = [...]string{policy.Allow, policy.AllowWithRedaction, policy.Transform, policy.Deny}

// countDecision counts one acknowledged /v1/decide decision.
func (m *metrics) countDecision(decision string) {
	for i, d := range decisionOutcomes {
		if d == decision {
			m.decisions[i].Add(1)
			return
		}
	}
}

// streamAbortReasons label datafog_stream_aborts_total; they are the
// "error" values of the "transport: stream aborted" log line.
var streamAbortReasons = [...]string{"truncated", "broken_chunked", "size_limit", "ratio_limit", "timeout",
	"shutdown", "client_gone", "receipt_error", "io_error"}

// countStreamAbort counts a stream cut for reason on route r.
func (m *metrics) countStreamAbort(r route, reason string) {
	i := len(streamAbortReasons) - 1 // io_error
	for j, s := range streamAbortReasons {
		if s == reason {
			i = j
			break
		}
	}
	k := 0
	if r == routeRedactStream {
		k = 1
	}
	m.streamAborts[k][i].Add(1)
}

// appendOpsMetrics appends datafog_build_info, the in-flight gauge, the
// decision counters and the stream abort counters.
func (s *Server) appendOpsMetrics(dst []byte) []byte {
	m := s.m
	bi := buildinfo.Get()
	dst = append(dst, "# HELP datafog_build_info The running build: version, commit, build date and Go version; always 1.\n# TYPE datafog_build_info gauge\ndatafog_build_info{version="...)
	dst = appendPromLabel(dst, bi.Version)
	dst = append(dst, ",commit="...)
	dst = appendPromLabel(dst, bi.Commit)
	dst = append(dst, ",date="...)
	dst = appendPromLabel(dst, bi.Date)
	dst = append(dst, ",go_version="...)
	dst = appendPromLabel(dst, bi.GoVersion)
	dst = append(dst, "} 1\n# HELP datafog_http_requests_in_flight Requests being served, stream responses included.\n# TYPE datafog_http_requests_in_flight gauge\ndatafog_http_requests_in_flight "...)
	dst = strconv.AppendInt(dst, m.inFlight.Load(), 10)
	dst = append(dst, "\n# HELP datafog_decisions_total Decisions of /v1/decide whose receipt is durable, by outcome.\n# TYPE datafog_decisions_total counter\n"...)
	for i, d := range decisionOutcomes {
		dst = append(dst, `datafog_decisions_total{decision="`+d+`"} `...)
		dst = strconv.AppendUint(dst, m.decisions[i].Load(), 10)
		dst = append(dst, '\n')
	}
	dst = append(dst, "# HELP datafog_stream_aborts_total Stream responses cut before their end, by route and reason.\n# TYPE datafog_stream_aborts_total counter\n"...)
	for k, r := range [...]route{routeScanStream, routeRedactStream} {
		for i, reason := range streamAbortReasons {
			dst = append(dst, `datafog_stream_aborts_total{route="`...)
			dst = append(dst, routeNames[r]...)
			dst = append(dst, `",reason="`+reason+`"} `...)
			dst = strconv.AppendUint(dst, m.streamAborts[k][i].Load(), 10)
			dst = append(dst, '\n')
		}
	}
	return dst
}
