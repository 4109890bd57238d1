package load

import (
	"testing"
	"time"
)

func TestHistogramBuckets(t *testing.T) {
	for _, v := range []int64{0, 1, 255, 256, 257, 1000, 123456789, 1 << 40} {
		i := bucketOf(v)
		lo, hi := bucketRange(i)
		if v < lo || v > hi {
			t.Errorf("value %d in bucket %d [%d, %d]", v, i, lo, hi)
		}
		if v >= 256 && float64(hi-lo+1)/float64(lo) > 1.0/128+1e-12 {
			t.Errorf("bucket [%d, %d] wider than 1/128 of its base", lo, hi)
		}
		if v < 256 && lo != hi {
			t.Errorf("small value %d not exact: [%d, %d]", v, lo, hi)
		}
	}
	// Consecutive buckets tile the line without gaps.
	for i := 1; i < numBuckets; i++ {
		_, prevHi := bucketRange(i - 1)
		lo, _ := bucketRange(i)
		if lo != prevHi+1 {
			t.Fatalf("gap between buckets %d and %d: %d, %d", i-1, i, prevHi, lo)
		}
	}
}

func TestHistogramQuantiles(t *testing.T) {
	h := NewHistogram()
	for i := 1; i <= 1000; i++ {
		h.Record(time.Duration(i) * time.Microsecond)
	}
	check := func(q float64, want time.Duration) {
		got := h.Quantile(q)
		if got < want || float64(got-want) > float64(want)/128 {
			t.Errorf("q%.3f = %v, want %v within 1/128", q, got, want)
		}
	}
	check(0.5, 500*time.Microsecond)
	check(0.9, 900*time.Microsecond)
	check(0.99, 990*time.Microsecond)
	check(0.999, 999*time.Microsecond)
	if h.Quantile(1) != time.Millisecond || h.Max() != time.Millisecond || h.Min() != time.Microsecond {
		t.Errorf("q1 %v max %v min %v", h.Quantile(1), h.Max(), h.Min())
	}
	if h.Mean() != 500500*time.Nanosecond {
		t.Errorf("mean %v", h.Mean())
	}
	o := NewHistogram()
	o.Record(time.Second)
	h.Merge(o)
	if h.Count() != 1001 || h.Max() != time.Second || h.Quantile(1) != time.Second {
		t.Errorf("after merge: count %d max %v", h.Count(), h.Max())
	}
	cdf := h.CDF()
	if last := cdf[len(cdf)-1]; last.Fraction != 1 || last.Value != time.Second {
		t.Errorf("last CDF point %+v", last)
	}
	for i := 1; i < len(cdf); i++ {
		if cdf[i].Value <= cdf[i-1].Value || cdf[i].Fraction <= cdf[i-1].Fraction {
			t.Fatalf("CDF not increasing at %d: %+v %+v", i, cdf[i-1], cdf[i])
		}
	}
	if NewHistogram().Quantile(0.5) != 0 {
		t.Error("empty quantile not 0")
	}
}
