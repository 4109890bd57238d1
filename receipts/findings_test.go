package receipts

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// rfc6962Root is a direct transcription of RFC 6962 section 2.1:
// MTH({}) = SHA-256(), MTH({d0}) = SHA-256(0x00 || d0), and
// MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])) for the largest
// power of two k < n. It checks merkleStack, which computes the same hash
// incrementally.
func rfc6962Root(d [][]byte) [32]byte {
	switch len(d) {
	case 0:
		return sha256.Sum256(nil)
	case 1:
		return sha256.Sum256(append([]byte{0}, d[0]...))
	}
	k := 1
	for 2*k < len(d) {
		k *= 2
	}
	l, r := rfc6962Root(d[:k]), rfc6962Root(d[k:])
	return sha256.Sum256(append(append([]byte{1}, l[:]...), r[:]...))
}

func TestMerkleRootAndProofs(t *testing.T) {
	for n := 0; n <= 70; n++ {
		leaves := make([][32]byte, n)
		raw := make([][]byte, n)
		var m merkleStack
		for i := range leaves {
			leaves[i] = sha256.Sum256([]byte(fmt.Sprint("leaf", i)))
			raw[i] = leaves[i][:]
			m.push(&leaves[i])
		}
		want := rfc6962Root(raw)
		if got := m.root(); got != want {
			t.Fatalf("n=%d: incremental root %x, RFC 6962 root %x", n, got, want)
		}
		root := hex.EncodeToString(want[:])
		for i := range n {
			proof, err := FindingProof(leaves, i)
			if err != nil {
				t.Fatal(err)
			}
			if !VerifyFindingProof(root, leaves[i], i, n, proof) {
				t.Fatalf("n=%d: proof of %d does not verify", n, i)
			}
			if n > 1 && VerifyFindingProof(root, leaves[i], (i+1)%n, n, proof) {
				t.Fatalf("n=%d: proof of %d verifies at index %d", n, i, (i+1)%n)
			}
			other := sha256.Sum256([]byte("not a leaf"))
			if VerifyFindingProof(root, other, i, n, proof) {
				t.Fatalf("n=%d: a foreign hash verifies at %d", n, i)
			}
			if len(proof) > 0 {
				proof[0][0] ^= 1
				if VerifyFindingProof(root, leaves[i], i, n, proof) {
					t.Fatalf("n=%d: a tampered proof of %d verifies", n, i)
				}
			}
		}
	}
	if _, err := FindingProof(nil, 0); err == nil {
		t.Fatal("a proof of an empty set")
	}
}

// manyFindings returns n findings of three types, each with a value hash.
func manyFindings(l *Log, n int) []Finding {
	types := []string{"ssn", "email", "credit_card"}
	fs := make([]Finding, n)
	for i := range fs {
		fs[i] = Finding{EntityType: types[i%3], Start: int64(12 * i), End: int64(12*i + 11), Confidence: 0.95,
			ValueHash: l.Hash([]byte(fmt.Sprint("value", i)))}
	}
	return fs
}

// TestReceiptScalesWithDecision appends a decision with 30,000 findings:
// before receipts summarized findings this record (about 148 bytes per
// finding) passed the 4 MiB limit and Append refused it. Now the receipt
// lists 100, counts them all and carries the Merkle root over all of them,
// which a holder of the key rebuilds from the findings.
func TestReceiptScalesWithDecision(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	l := openTest(t, dir, nil)
	defer l.Close()
	const n = 30000
	all := manyFindings(l, n)
	rec := sampleRecord(l, 1)
	rec.Findings = append([]Finding(nil), all...)
	id, err := l.Append(context.Background(), rec)
	if err != nil {
		t.Fatalf("Append of a %d-finding decision: %v", n, err)
	}
	if st := l.Stats(); st.Bytes > 32<<10 {
		t.Fatalf("the receipt took %d bytes of log", st.Bytes)
	}
	got, err := l.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != ReceiptVersion || got.FindingsTotal != n || len(got.Findings) != DefaultMaxListedFindings ||
		!reflect.DeepEqual(got.Findings, all[:DefaultMaxListedFindings]) {
		t.Fatalf("version %d, total %d, listed %d", got.Version, got.FindingsTotal, len(got.Findings))
	}
	wantTypes := TypeCounts{{"credit_card", n / 3}, {"email", n / 3}, {"ssn", n / 3}}
	if !reflect.DeepEqual(got.FindingsByType, wantTypes) {
		t.Fatalf("by type %v, want %v", got.FindingsByType, wantTypes)
	}
	// Rebuild the root from the key and every finding; prove one finding.
	key := testKey(t, dir)
	hashes := make([][32]byte, n)
	raw := make([][]byte, n)
	for i, f := range all {
		hashes[i] = FindingHash(key, f)
		raw[i] = append([]byte(nil), hashes[i][:]...)
	}
	want := rfc6962Root(raw)
	if got.FindingsRoot != hex.EncodeToString(want[:]) {
		t.Fatalf("findings_root %s, rebuilt %x", got.FindingsRoot, want)
	}
	set := NewFindingSet(key, 0)
	for _, f := range all {
		set.Add(f)
	}
	if set.Root() != got.FindingsRoot {
		t.Fatal("NewFindingSet with the key gives another root")
	}
	proof, err := FindingProof(hashes, 12345)
	if err != nil || !VerifyFindingProof(got.FindingsRoot, FindingHash(key, all[12345]), 12345, n, proof) {
		t.Fatalf("finding 12345 does not prove: %v", err)
	}
	changed := all[12345]
	changed.End++
	if VerifyFindingProof(got.FindingsRoot, FindingHash(key, changed), 12345, n, proof) {
		t.Fatal("an altered finding proves")
	}
	// The stored JSON is what encoding/json writes for the record.
	var generic map[string]any
	b, _ := json.Marshal(got)
	if err := json.Unmarshal(b, &generic); err != nil || generic["findings_by_type"].(map[string]any)["ssn"].(float64) != n/3 {
		t.Fatalf("JSON form: %v %s", err, b[:200])
	}
}

// TestAppendArgsBounded: a receipt lists the first 64 action.args digests
// and counts the rest; action_hash (computed by the caller over every arg)
// still covers them.
func TestAppendArgsBounded(t *testing.T) {
	l := openTest(t, filepath.Join(t.TempDir(), "r"), nil)
	defer l.Close()
	rec := sampleRecord(l, 1)
	for i := range 50000 {
		rec.Action.Args = append(rec.Action.Args, fmt.Sprint("arg", i))
	}
	id, err := l.Append(context.Background(), rec)
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Action.Args) != 64 || got.Action.ArgsTotal != 50000 || got.Action.Args[63] != digestPrefix+l.Hash([]byte("arg63")) {
		t.Fatalf("args: %d listed, total %d", len(got.Action.Args), got.Action.ArgsTotal)
	}
}

// TestOversizedRecordErrorStatesSize: a record over the limit is refused
// with its real size (the message used to read "record of 0 bytes", as the
// size was taken after the pooled buffer had been dropped), and the log
// stays healthy.
func TestOversizedRecordErrorStatesSize(t *testing.T) {
	l := openTest(t, filepath.Join(t.TempDir(), "r"), nil)
	defer l.Close()
	rec := sampleRecord(l, 1)
	rec.Reason = strings.Repeat("r", 5<<20)
	full := *rec
	set := l.NewFindingSet()
	for _, f := range full.Findings {
		set.Add(f)
	}
	if err := set.Fill(&full); err != nil {
		t.Fatal(err)
	}
	full.NodeID = "n1"
	payload := len(l.encode(nil, &full))
	_, err := l.Append(context.Background(), rec)
	want := fmt.Sprintf("receipts: append: record of %d bytes exceeds the limit of %d", payload, l.maxPayload())
	if err == nil || err.Error() != want {
		t.Fatalf("Append = %v; want %q", err, want)
	}
	if l.Err() != nil {
		t.Fatalf("an oversized record failed the log: %v", l.Err())
	}
	if _, err := l.Append(context.Background(), sampleRecord(l, 2)); err != nil {
		t.Fatal(err)
	}
}

// TestReadsVersion1Receipts writes a receipt in the version 1 form (no
// receipt_version, every finding listed) and reads it back: Get reports
// version 1 with the total and per-type counts derived from the list, and
// Verify accepts the log.
func TestReadsVersion1Receipts(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	l := openTest(t, dir, nil)
	v1 := `{"timestamp":"2025-01-02T03:04:05Z","request_id":"old","policy_version":"v1","policy_id":"p","decision":"deny",` +
		`"action":{"type":"file.write"},"matched_rules":["r"],"findings":[` +
		`{"entity_type":"ssn","start":0,"end":11,"confidence":0.95},{"entity_type":"email","start":20,"end":35,"confidence":0.9},` +
		`{"entity_type":"ssn","start":40,"end":51,"confidence":0.95}],"transform_plan":[],"node_id":"n1"}`
	req := getRequest()
	req.kind = kindReceipt
	req.payload = append(req.payload[:0], v1...)
	req.sum = payloadDigest(req.payload)
	loc, err := l.submit(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	id := string(appendID(nil, "n1", loc))
	newID, err := l.Append(context.Background(), sampleRecord(l, 2))
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || got.FindingsTotal != 3 || len(got.Findings) != 3 || got.FindingsRoot != "" ||
		!reflect.DeepEqual(got.FindingsByType, TypeCounts{{"email", 1}, {"ssn", 2}}) {
		t.Fatalf("version 1 receipt read as %+v", got)
	}
	if n, err := l.Get(newID); err != nil || n.Version != ReceiptVersion || n.FindingsTotal != 1 || len(n.FindingsRoot) != 64 {
		t.Fatalf("version %d receipt: %+v %v", ReceiptVersion, n, err)
	}
	l.Close()
	if rep, err := Verify(dir, testKey(t, dir)); err != nil || rep.Receipts != 2 {
		t.Fatalf("Verify: %+v %v", rep, err)
	}
}

// TestCountedFindingsReceipt: a receipt whose findings were counted but
// not enumerated (the redact stream's) carries totals and no root; an
// inconsistent summary is refused.
func TestCountedFindingsReceipt(t *testing.T) {
	l := openTest(t, filepath.Join(t.TempDir(), "r"), nil)
	defer l.Close()
	rec := &Record{Decision: "transform", Version: ReceiptVersion, Findings: []Finding{},
		FindingsTotal: 7, FindingsByType: TypeCounts{{"email", 2}, {"ssn", 5}}}
	id, err := l.Append(context.Background(), rec)
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.Get(id)
	if err != nil || got.FindingsTotal != 7 || got.FindingsRoot != "" {
		t.Fatalf("%+v %v", got, err)
	}
	for name, bad := range map[string]*Record{
		"sum":      {Decision: "x", Version: ReceiptVersion, FindingsTotal: 3, FindingsByType: TypeCounts{{"ssn", 2}}},
		"unsorted": {Decision: "x", Version: ReceiptVersion, FindingsTotal: 2, FindingsByType: TypeCounts{{"ssn", 1}, {"email", 1}}},
		"listed":   {Decision: "x", Version: ReceiptVersion, FindingsTotal: 0, Findings: []Finding{{EntityType: "ssn", End: 1}}, FindingsByType: TypeCounts{}},
		"root":     {Decision: "x", Version: ReceiptVersion, FindingsRoot: "abc", FindingsByType: TypeCounts{}},
		"version":  {Decision: "x", Version: ReceiptVersion + 1, FindingsByType: TypeCounts{}},
		"old":      {Decision: "x", Version: 2, FindingsByType: TypeCounts{}},
	} {
		if _, err := l.Append(context.Background(), bad); err == nil {
			t.Errorf("%s: inconsistent summary accepted", name)
		}
	}
}
