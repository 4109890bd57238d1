package load

import (
	"math/bits"
	"time"
)

// Histogram counts durations in log-linear buckets, in the manner of HDR
// histograms: values below 2*subBuckets nanoseconds are exact, and above
// that every power of two is split into subBuckets equal buckets, so any
// recorded value is known to within 1/subBuckets (under 0.8%) of itself.
// Record does not allocate. The zero value is not usable; use NewHistogram.
// A Histogram is not safe for concurrent use: give each goroutine its own
// and Merge them.
type Histogram struct {
	counts [numBuckets]uint64
	total  uint64
	min    int64
	max    int64
	sum    float64
}

const (
	subBits    = 7
	subBuckets = 1 << subBits // 128
	// maxExp covers values up to 2^(maxExp+subBits+1) ns (about 9 hours).
	maxExp     = 37
	numBuckets = (maxExp + 2) * subBuckets
)

// NewHistogram returns an empty histogram.
func NewHistogram() *Histogram { return &Histogram{min: -1} }

// bucketOf returns the bucket index of v (nanoseconds, >= 0).
func bucketOf(v int64) int {
	if v < 2*subBuckets {
		return int(v)
	}
	e := bits.Len64(uint64(v)) - (subBits + 1)
	if e > maxExp {
		return numBuckets - 1
	}
	return e*subBuckets + int(v>>e) // v > 0 and e >= 1 here
}

// bucketRange returns the smallest and largest value bucket i holds.
func bucketRange(i int) (lo, hi int64) {
	if i < 2*subBuckets {
		return int64(i), int64(i)
	}
	e := i/subBuckets - 1
	m := int64(i - e*subBuckets)
	return m << uint(e), (m+1)<<uint(e) - 1
}

// Record adds one duration. Negative durations count as zero.
func (h *Histogram) Record(d time.Duration) {
	v := int64(d)
	if v < 0 {
		v = 0
	}
	h.counts[bucketOf(v)]++
	h.total++
	h.sum += float64(v)
	if h.min < 0 || v < h.min {
		h.min = v
	}
	if v > h.max {
		h.max = v
	}
}

// Merge adds every count of o into h.
func (h *Histogram) Merge(o *Histogram) {
	if o.total == 0 {
		return
	}
	for i, c := range o.counts {
		h.counts[i] += c
	}
	h.total += o.total
	h.sum += o.sum
	if h.min < 0 || o.min < h.min {
		h.min = o.min
	}
	if o.max > h.max {
		h.max = o.max
	}
}

// Count returns the number of recorded values.
func (h *Histogram) Count() uint64 { return h.total }

// Min returns the smallest recorded value, or 0 when empty.
func (h *Histogram) Min() time.Duration { return time.Duration(max(h.min, 0)) }

// Max returns the largest recorded value.
func (h *Histogram) Max() time.Duration { return time.Duration(h.max) }

// Mean returns the mean of the recorded values, or 0 when empty.
func (h *Histogram) Mean() time.Duration {
	if h.total == 0 {
		return 0
	}
	return time.Duration(h.sum / float64(h.total))
}

// Quantile returns the value at quantile q (0..1): the upper bound of the
// bucket holding the ceil(q*n)-th smallest value, capped at Max. It
// returns 0 when the histogram is empty.
func (h *Histogram) Quantile(q float64) time.Duration {
	if h.total == 0 {
		return 0
	}
	rank := uint64(q * float64(h.total))
	if float64(rank) < q*float64(h.total) {
		rank++
	}
	rank = min(max(rank, 1), h.total)
	var seen uint64
	for i, c := range h.counts {
		seen += c
		if seen >= rank {
			_, hi := bucketRange(i)
			return time.Duration(min(hi, h.max))
		}
	}
	return time.Duration(h.max)
}

// CDFPoint is one step of the cumulative distribution: Fraction of the
// recorded values are at most Value.
type CDFPoint struct {
	Value    time.Duration `json:"value_ns"`
	Fraction float64       `json:"fraction"`
}

// CDF returns one point per non-empty bucket, in ascending order, using
// each bucket's upper bound (capped at Max).
func (h *Histogram) CDF() []CDFPoint {
	var pts []CDFPoint
	var seen uint64
	for i, c := range h.counts {
		if c == 0 {
			continue
		}
		seen += c
		_, hi := bucketRange(i)
		pts = append(pts, CDFPoint{Value: time.Duration(min(hi, h.max)), Fraction: float64(seen) / float64(h.total)})
	}
	return pts
}
