//go:build !race

package receipts

import (
	"path/filepath"
	"testing"
)

// TestAllocsEncode pins the Append encode path (stored JSON into a reused
// buffer, caller digests included, payload digest, chain value, framing)
// and Hash's append form at zero allocations.
func TestAllocsEncode(t *testing.T) {
	l := openTest(t, filepath.Join(t.TempDir(), "r"), nil)
	defer l.Close()
	rec := sampleRecord(l, 7)
	rec.Action.Resource, rec.Action.Command, rec.Action.Args = "/tmp/x", "cat", []string{"a", "b"}
	rec.Caller = &Caller{Token: "billing", IdentitySource: IdentityMTLS, Identity: "spiffe://example.org/a", Address: "203.0.113.7"}
	set := l.NewFindingSet()
	for _, f := range rec.Findings {
		set.Add(f)
	}
	if err := set.Fill(rec); err != nil {
		t.Fatal(err)
	}
	if err := rec.validate(); err != nil {
		t.Fatal(err)
	}
	payload := make([]byte, 0, 4096)
	frame := make([]byte, 0, 8192)
	hashBuf := make([]byte, 0, 64)
	var prev, chain [chainSize]byte
	cm := newChainMAC(l.chainKey)
	allocs := testing.AllocsPerRun(200, func() {
		if rec.validate() != nil {
			t.Fatal("invalid")
		}
		payload = l.encode(payload[:0], rec)
		sum := payloadDigest(payload)
		hdr := makeBodyHdr(kindReceipt, flagCommit, headerSize)
		cm.next(&chain, &prev, &hdr, &sum)
		frame = appendFrame(frame[:0], &hdr, &chain, payload)
		hashBuf = l.AppendHash(hashBuf[:0], payload)
	})
	if allocs != 0 {
		t.Fatalf("encode path allocates %.1f times per record", allocs)
	}
	if len(frame) != int(frameSize(len(payload))) || len(hashBuf) != 64 {
		t.Fatalf("frame %d bytes, hash %d", len(frame), len(hashBuf))
	}
}

// TestAllocsFindingSet pins adding a finding to a FindingSet at zero
// allocations once its listed findings are full: a receipt's cost per
// finding past the list is two HMACs and a Merkle step, no memory.
func TestAllocsFindingSet(t *testing.T) {
	l := openTest(t, filepath.Join(t.TempDir(), "r"), nil)
	defer l.Close()
	set := l.NewFindingSet()
	value := []byte("bob@example.com")
	for i := range DefaultMaxListedFindings {
		set.AddValue("email", int64(i), int64(i+15), 0.95, value)
	}
	typ := "email"
	allocs := testing.AllocsPerRun(1000, func() {
		set.AddValue(typ, 5, 20, 0.95, value)
		set.Add(Finding{EntityType: typ, Start: 1, End: 2, Confidence: 1})
	})
	if allocs != 0 {
		t.Fatalf("FindingSet.Add and AddValue allocate %.1f times per finding past the list", allocs)
	}
}
