package load

import (
	"encoding/binary"
	"sort"
	"testing"
	"time"
)

// FuzzHistogramQuantile checks Quantile against the exact order statistic
// of the recorded values: never below it, and above it by at most 1/128 of
// it (the bucket width), for values read as little-endian uint32 ns.
func FuzzHistogramQuantile(f *testing.F) {
	f.Add([]byte{1, 0, 0, 0, 0, 1, 0, 0, 255, 255, 255, 0}, uint16(500))
	f.Add([]byte{0, 0, 0, 0}, uint16(999))
	f.Fuzz(func(t *testing.T, data []byte, qm uint16) {
		var vals []int64
		h := NewHistogram()
		for len(data) >= 4 {
			v := int64(binary.LittleEndian.Uint32(data))
			data = data[4:]
			vals = append(vals, v)
			h.Record(time.Duration(v))
		}
		if len(vals) == 0 {
			return
		}
		sort.Slice(vals, func(i, j int) bool { return vals[i] < vals[j] })
		q := float64(qm%1001) / 1000
		rank := int(q * float64(len(vals)))
		if float64(rank) < q*float64(len(vals)) {
			rank++
		}
		rank = min(max(rank, 1), len(vals))
		exact := vals[rank-1]
		got := int64(h.Quantile(q))
		if got < exact || got > exact+exact/128 {
			t.Fatalf("q=%v of %d values: got %d, exact %d", q, len(vals), got, exact)
		}
		if h.Max() != time.Duration(vals[len(vals)-1]) || h.Min() != time.Duration(vals[0]) {
			t.Fatalf("min/max %v %v, want %d %d", h.Min(), h.Max(), vals[0], vals[len(vals)-1])
		}
	})
}
