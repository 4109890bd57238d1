package transport

import (
	"strconv"

	"github.com/datafog/datafog-api/engine"
)

// A JSON response lists at most MaxFindings findings (DATAFOG_MAX_FINDINGS):
// with more, it lists the first ones and says "truncated":true and
// "findings_total". The engine still returns every finding; decisions,
// redactions and receipts use them all, so the cap bounds only what a
// response holds (about 70 bytes of JSON per finding).

// listed returns the findings a response lists: all of them, or the first
// MaxFindings (the response then says "truncated":true; see
// appendTruncation). Decisions, redactions and receipts use every finding.
func (c *call) listed(fs []engine.Finding) []engine.Finding {
	if len(fs) > c.s.cfg.MaxFindings {
		c.s.m.findingsTruncated.Add(1)
		return fs[:c.s.cfg.MaxFindings]
	}
	return fs
}

// appendTruncation appends `,"truncated":true,"findings_total":N` when a
// response lists fewer findings than there were, and nothing otherwise.
func appendTruncation(dst []byte, listed, total int) []byte {
	if listed == total {
		return dst
	}
	dst = append(dst, `,"truncated":true,"findings_total":`...)
	return strconv.AppendInt(dst, int64(total), 10)
}

// growOut returns c.out emptied with room for a response listing fs, so a
// large findings array is encoded into one allocation instead of a
// doubling series (each finding's JSON is about 70 bytes, plus its value).
func (c *call) growOut(fs []engine.Finding, withValues bool) []byte {
	n := 512 + 80*len(fs)
	if withValues {
		for i := range fs {
			n += int(fs[i].End-fs[i].Start) + 16
		}
	}
	if cap(c.out) < n {
		c.out = make([]byte, 0, n)
	}
	return c.out[:0]
}
