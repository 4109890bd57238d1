package transport

import (
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/receipts"
)

// route identifies a served path for routing and metric labels.
type route uint8

const (
	routeNotFound route = iota
	routeHealth
	routeMetrics
	routePolicyVersion
	routeScan
	routeDecide
	routeTransform
	routeAnonymize
	routeReceipt
	routeScanStream
	routeRedactStream
	routeEntities
	routeOpenAPI
	numRoutes
)

// routeNames are the metric labels, and the by_path keys of the JSON shape.
var routeNames = [numRoutes]string{
	routeNotFound:      "/_not_found",
	routeHealth:        "/health",
	routeMetrics:       "/metrics",
	routePolicyVersion: "/v1/policy/version",
	routeScan:          "/v1/scan",
	routeDecide:        "/v1/decide",
	routeTransform:     "/v1/transform",
	routeAnonymize:     "/v1/anonymize",
	routeReceipt:       "/v1/receipts/{id}",
	routeScanStream:    "/v1/scan/stream",
	routeRedactStream:  "/v1/redact/stream",
	routeEntities:      "/v1/entities",
	routeOpenAPI:       "/openapi.json",
}

// trackedStatuses are the statuses counted individually; others count under
// their own code in a small locked map.
var trackedStatuses = [...]int{200, 400, 401, 404, 405, 408, 409, 413, 415, 429, 431, 500, 503}

func statusIndex(code int) int {
	for i, c := range trackedStatuses {
		if c == code {
			return i
		}
	}
	return -1
}

// latencyBuckets are histogram upper bounds in seconds.
var latencyBuckets = [...]float64{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

type histogram struct {
	counts [len(latencyBuckets) + 1]atomic.Uint64 // last = +Inf
	sumNS  atomic.Uint64
}

func (h *histogram) observe(d time.Duration) {
	s := d.Seconds()
	i := sort.SearchFloat64s(latencyBuckets[:], s)
	h.counts[i].Add(1)
	h.sumNS.Add(uint64(max(d, 0)))
}

// metrics holds the server's counters. Every update is an atomic add, apart
// from the first finding of a new entity type and untracked statuses.
type metrics struct {
	started   time.Time
	requests  [numRoutes][len(trackedStatuses)]atomic.Uint64
	latency   [numRoutes]histogram
	methods   [3]atomic.Uint64 // GET, POST, other
	scanned   atomic.Uint64
	limited   atomic.Uint64
	streamed  atomic.Uint64 // stream routes: bytes read
	otherMu   sync.Mutex
	other     map[[2]int]uint64 // {route, status}
	findingMu sync.RWMutex
	findings  map[engine.EntityType]*atomic.Uint64
	reloads   atomic.Uint64 // policies swapped in by SetPolicy
	reloadErr atomic.Uint64 // policies refused by a reload

	inFlight     atomic.Int64                              // requests being served
	decisions    [len(decisionOutcomes)]atomic.Uint64      // by outcome
	streamAborts [2][len(streamAbortReasons)]atomic.Uint64 // scan, redact stream; by reason

	acceptErrors      atomic.Uint64                         // temporary accept errors retried
	connRejected      [len(connRejectReasons)]atomic.Uint64 // connections refused, by reason
	admissionRejected atomic.Uint64                         // requests refused for MaxInflightBytes
	findingsTruncated atomic.Uint64                         // responses that listed MaxFindings of more
}

// connRejectReasons label datafog_connections_rejected_total: over the
// per-client cap, over the connection cap, and a request other than a
// probe on a probe-only slot.
var connRejectReasons = [...]string{"per_ip", "overloaded", "probe_only"}

func (m *metrics) countConnRejected(reason string) {
	for i, r := range connRejectReasons {
		if r == reason {
			m.connRejected[i].Add(1)
		}
	}
}

func newMetrics() *metrics {
	return &metrics{
		started:  time.Now().UTC(),
		other:    make(map[[2]int]uint64),
		findings: make(map[engine.EntityType]*atomic.Uint64),
	}
}

func (m *metrics) observe(r route, method []byte, status int, d time.Duration) {
	if i := statusIndex(status); i >= 0 {
		m.requests[r][i].Add(1)
	} else {
		m.otherMu.Lock()
		m.other[[2]int{int(r), status}]++
		m.otherMu.Unlock()
	}
	switch string(method) {
	case "GET":
		m.methods[0].Add(1)
	case "POST":
		m.methods[1].Add(1)
	default:
		m.methods[2].Add(1)
	}
	m.latency[r].observe(d)
}

// countFinding counts one finding of type t.
func (m *metrics) countFinding(t engine.EntityType) { m.addFindings(t, 1) }

// addFindings counts n findings of type t.
func (m *metrics) addFindings(t engine.EntityType, n uint64) {
	m.findingMu.RLock()
	c := m.findings[t]
	m.findingMu.RUnlock()
	if c == nil {
		m.findingMu.Lock()
		if c = m.findings[t]; c == nil {
			c = new(atomic.Uint64)
			m.findings[t] = c
		}
		m.findingMu.Unlock()
	}
	c.Add(n)
}

// countFindings counts a batch of findings.
func (m *metrics) countFindings(fs []engine.Finding) {
	for i := range fs {
		m.countFinding(fs[i].Type)
	}
}

// ReceiptStats is optionally implemented by a ReceiptStore (*receipts.Log
// does); /metrics then reports its group-commit batch sizes and fsync
// latency.
type ReceiptStats interface {
	Stats() receipts.Stats
}

// appendPrometheus appends the text exposition format (version 0.0.4).
func (m *metrics) appendPrometheus(dst []byte, rec ReceiptStore) []byte {
	dst = append(dst, "# HELP datafog_http_requests_total HTTP requests by route and status.\n# TYPE datafog_http_requests_total counter\n"...)
	type sample struct {
		r, status int
		n         uint64
	}
	var samples []sample
	for r := range numRoutes {
		for i, code := range trackedStatuses {
			if n := m.requests[r][i].Load(); n > 0 {
				samples = append(samples, sample{int(r), code, n})
			}
		}
	}
	m.otherMu.Lock()
	for k, n := range m.other {
		samples = append(samples, sample{k[0], k[1], n})
	}
	m.otherMu.Unlock()
	sort.Slice(samples, func(i, j int) bool {
		if samples[i].r != samples[j].r {
			return samples[i].r < samples[j].r
		}
		return samples[i].status < samples[j].status
	})
	for _, s := range samples {
		dst = append(dst, `datafog_http_requests_total{route="`...)
		dst = append(dst, routeNames[s.r]...)
		dst = append(dst, `",code="`...)
		dst = strconv.AppendInt(dst, int64(s.status), 10)
		dst = append(dst, `"} `...)
		dst = strconv.AppendUint(dst, s.n, 10)
		dst = append(dst, '\n')
	}

	dst = append(dst, "# HELP datafog_http_request_duration_seconds Request latency by route.\n# TYPE datafog_http_request_duration_seconds histogram\n"...)
	for r := range numRoutes {
		h := &m.latency[r]
		var cum uint64
		for i := range h.counts {
			cum += h.counts[i].Load()
		}
		if cum == 0 {
			continue
		}
		cum = 0
		for i := range h.counts {
			cum += h.counts[i].Load()
			dst = append(dst, `datafog_http_request_duration_seconds_bucket{route="`...)
			dst = append(dst, routeNames[r]...)
			dst = append(dst, `",le="`...)
			if i < len(latencyBuckets) {
				dst = strconv.AppendFloat(dst, latencyBuckets[i], 'g', -1, 64)
			} else {
				dst = append(dst, "+Inf"...)
			}
			dst = append(dst, `"} `...)
			dst = strconv.AppendUint(dst, cum, 10)
			dst = append(dst, '\n')
		}
		dst = append(dst, `datafog_http_request_duration_seconds_sum{route="`...)
		dst = append(dst, routeNames[r]...)
		dst = append(dst, `"} `...)
		dst = strconv.AppendFloat(dst, float64(h.sumNS.Load())/1e9, 'g', -1, 64)
		dst = append(dst, "\ndatafog_http_request_duration_seconds_count{route=\""...)
		dst = append(dst, routeNames[r]...)
		dst = append(dst, `"} `...)
		dst = strconv.AppendUint(dst, cum, 10)
		dst = append(dst, '\n')
	}

	dst = append(dst, "# HELP datafog_scanned_bytes_total Bytes of text scanned.\n# TYPE datafog_scanned_bytes_total counter\ndatafog_scanned_bytes_total "...)
	dst = strconv.AppendUint(dst, m.scanned.Load(), 10)
	dst = append(dst, "\n# HELP datafog_stream_bytes_total Decoded body bytes read by stream routes.\n# TYPE datafog_stream_bytes_total counter\ndatafog_stream_bytes_total "...)
	dst = strconv.AppendUint(dst, m.streamed.Load(), 10)
	dst = append(dst, "\n# HELP datafog_rate_limited_total Requests rejected by the rate limiter.\n# TYPE datafog_rate_limited_total counter\ndatafog_rate_limited_total "...)
	dst = strconv.AppendUint(dst, m.limited.Load(), 10)
	dst = append(dst, "\n# HELP datafog_findings_total Findings reported, by entity type.\n# TYPE datafog_findings_total counter\n"...)
	m.findingMu.RLock()
	types := make([]string, 0, len(m.findings))
	for t := range m.findings {
		types = append(types, string(t))
	}
	sort.Strings(types)
	for _, t := range types {
		dst = append(dst, `datafog_findings_total{entity_type=`...)
		dst = appendPromLabel(dst, t)
		dst = append(dst, "} "...)
		dst = strconv.AppendUint(dst, m.findings[engine.EntityType(t)].Load(), 10)
		dst = append(dst, '\n')
	}
	m.findingMu.RUnlock()
	dst = append(dst, "# HELP datafog_policy_reloads_total Policies swapped in by a reload.\n# TYPE datafog_policy_reloads_total counter\ndatafog_policy_reloads_total "...)
	dst = strconv.AppendUint(dst, m.reloads.Load(), 10)
	dst = append(dst, "\n# HELP datafog_policy_reload_failures_total Policies refused by a reload; the previous policy stayed in force.\n# TYPE datafog_policy_reload_failures_total counter\ndatafog_policy_reload_failures_total "...)
	dst = strconv.AppendUint(dst, m.reloadErr.Load(), 10)
	dst = append(dst, '\n')
	if rs, ok := rec.(ReceiptStats); ok {
		dst = appendReceiptStats(dst, rs.Stats())
	}
	return dst
}

// appendReceiptStats renders the receipt log's counters.
func appendReceiptStats(dst []byte, st receipts.Stats) []byte {
	counter := func(name, help string, v uint64) {
		dst = append(dst, "# HELP "...)
		dst = append(dst, name...)
		dst = append(dst, ' ')
		dst = append(dst, help...)
		dst = append(dst, "\n# TYPE "...)
		dst = append(dst, name...)
		dst = append(dst, " counter\n"...)
		dst = append(dst, name...)
		dst = append(dst, ' ')
		dst = strconv.AppendUint(dst, v, 10)
		dst = append(dst, '\n')
	}
	counter("datafog_receipt_batches_total", "Group commits made by the receipt log.", st.Batches)
	counter("datafog_receipt_records_total", "Receipts made durable.", st.Records)
	counter("datafog_receipt_log_recoveries_total", "Times the failed receipt log recovered in place.", st.Recoveries)
	counter("datafog_receipt_bytes_total", "Receipt bytes written and synced.", st.Bytes)
	dst = append(dst, "# HELP datafog_receipt_last_batch_records Records in the last group commit.\n# TYPE datafog_receipt_last_batch_records gauge\ndatafog_receipt_last_batch_records "...)
	dst = strconv.AppendUint(dst, st.LastBatchRecords, 10)
	dst = append(dst, "\n# HELP datafog_receipt_last_batch_bytes Bytes in the last group commit.\n# TYPE datafog_receipt_last_batch_bytes gauge\ndatafog_receipt_last_batch_bytes "...)
	dst = strconv.AppendUint(dst, st.LastBatchBytes, 10)
	dst = append(dst, "\n# HELP datafog_receipt_fsync_seconds Receipt log fdatasync latency.\n# TYPE datafog_receipt_fsync_seconds histogram\n"...)
	var cum uint64
	for i, n := range st.SyncLatency {
		cum += n
		dst = append(dst, `datafog_receipt_fsync_seconds_bucket{le="`...)
		if i < len(receipts.SyncBuckets) {
			dst = strconv.AppendFloat(dst, receipts.SyncBuckets[i].Seconds(), 'g', -1, 64)
		} else {
			dst = append(dst, "+Inf"...)
		}
		dst = append(dst, `"} `...)
		dst = strconv.AppendUint(dst, cum, 10)
		dst = append(dst, '\n')
	}
	dst = append(dst, "datafog_receipt_fsync_seconds_sum "...)
	dst = strconv.AppendFloat(dst, float64(st.SyncNanos)/1e9, 'g', -1, 64)
	dst = append(dst, "\ndatafog_receipt_fsync_seconds_count "...)
	dst = strconv.AppendUint(dst, st.Syncs, 10)
	dst = append(dst, "\n# HELP datafog_receipt_log_failed 1 once the receipt log has failed.\n# TYPE datafog_receipt_log_failed gauge\ndatafog_receipt_log_failed "...)
	if st.Failed {
		dst = append(dst, '1')
	} else {
		dst = append(dst, '0')
	}
	return append(dst, '\n')
}

// appendJSON appends datafog-api's metrics shape: total_requests,
// error_requests, by_status, by_path, by_method, started_at, uptime_seconds.
func (m *metrics) appendJSON(dst []byte) []byte {
	byStatus := map[int]uint64{}
	byPath := map[string]uint64{}
	var total, errs uint64
	for r := range numRoutes {
		for i, code := range trackedStatuses {
			if n := m.requests[r][i].Load(); n > 0 {
				byStatus[code] += n
				byPath[routeNames[r]] += n
			}
		}
	}
	m.otherMu.Lock()
	for k, n := range m.other {
		byStatus[k[1]] += n
		byPath[routeNames[k[0]]] += n
	}
	m.otherMu.Unlock()
	codes := make([]int, 0, len(byStatus))
	for c, n := range byStatus {
		codes = append(codes, c)
		total += n
		if c >= 400 {
			errs += n
		}
	}
	sort.Ints(codes)
	dst = append(dst, `{"total_requests":`...)
	dst = strconv.AppendUint(dst, total, 10)
	dst = append(dst, `,"error_requests":`...)
	dst = strconv.AppendUint(dst, errs, 10)
	dst = append(dst, `,"by_status":{`...)
	for i, c := range codes {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '"')
		dst = strconv.AppendInt(dst, int64(c), 10)
		dst = append(dst, `":`...)
		dst = strconv.AppendUint(dst, byStatus[c], 10)
	}
	dst = append(dst, `},"by_path":{`...)
	first := true
	for r := range numRoutes {
		if n := byPath[routeNames[r]]; n > 0 {
			if !first {
				dst = append(dst, ',')
			}
			first = false
			dst = appendJSONString(dst, routeNames[r])
			dst = append(dst, ':')
			dst = strconv.AppendUint(dst, n, 10)
		}
	}
	dst = append(dst, `},"by_method":{`...)
	first = true
	for i, name := range [...]string{"GET", "POST", "OTHER"} {
		if n := m.methods[i].Load(); n > 0 {
			if !first {
				dst = append(dst, ',')
			}
			first = false
			dst = appendJSONString(dst, name)
			dst = append(dst, ':')
			dst = strconv.AppendUint(dst, n, 10)
		}
	}
	dst = append(dst, `},"started_at":`...)
	dst = appendJSONString(dst, m.started.Format(time.RFC3339))
	dst = append(dst, `,"uptime_seconds":`...)
	dst = strconv.AppendFloat(dst, time.Since(m.started).Seconds(), 'f', -1, 64)
	return append(dst, "}\n"...)
}

// appendPromLabel appends a quoted Prometheus label value, escaping the
// three characters the text format requires.
func appendPromLabel(dst []byte, v string) []byte {
	dst = append(dst, '"')
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '\\':
			dst = append(dst, '\\', '\\')
		case '"':
			dst = append(dst, '\\', '"')
		case '\n':
			dst = append(dst, '\\', 'n')
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '"')
}
