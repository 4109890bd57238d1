//go:build !race

package kafka

import (
	"testing"

	"github.com/datafog/datafog-api/engine/transform"
)

// TestRedactAllocations pins the allocations of redacting one record into
// a reused buffer: none for a record without findings, and for a record
// with findings only the two of transform.Apply's Stats.ByType map (the
// pipeline counts types itself; an Apply without stats would make this
// zero). Receipts are sealed into a reused buffer without allocating.
func TestRedactAllocations(t *testing.T) {
	clean := []byte(`{"level":"info","msg":"cache warmed","n":42,"path":"/v1/orders"}`)
	dirty := benchRecords()[0]
	for _, format := range []Format{FormatText, FormatJSON} {
		r := newTestRedactor(t, transform.Redact, format)
		var sc scratch
		buf := make([]byte, 0, 4096)
		r.redact(&sc, buf[:0], dirty) // warm the scratch
		if n := testing.AllocsPerRun(200, func() { r.redact(&sc, buf[:0], clean) }); n != 0 {
			t.Errorf("%s, no findings: %.1f allocations per record, want 0", format, n)
		}
		if n := testing.AllocsPerRun(200, func() { r.redact(&sc, buf[:0], dirty) }); n > 2 {
			t.Errorf("%s, with findings: %.1f allocations per record, want at most 2", format, n)
		}
	}
	s := &sealer{h: testKeys(t).newHasher(), static: []byte(`,"worker":"w"`)}
	rc := &Receipt{Topic: "in", Partition: 1, Offset: 2, Outcome: OutcomeRedacted, Findings: []TypeCount{{"email", 1}}}
	buf := make([]byte, 0, 2048)
	var head ChainHead
	key := []byte("k")
	if n := testing.AllocsPerRun(200, func() { _, head = s.seal(buf[:0], head, rc, key, dirty, dirty) }); n != 0 {
		t.Errorf("sealing a receipt: %.1f allocations, want 0", n)
	}
}
