package receipts

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// callerRecord is sampleRecord with a caller of every field.
func callerRecord(l *Log, i int, token string) *Record {
	r := sampleRecord(l, i)
	r.Caller = &Caller{Token: token, IdentitySource: IdentityMTLS, Identity: "spiffe://example.org/ns/billing/sa/api", Address: "203.0.113.7"}
	return r
}

// TestCallerRoundTrip appends a version 3 receipt with a caller and reads
// it back: the token name as given, the identity and address as caller-key
// digests that CallerDigest reproduces from the key alone, the stored bytes
// those encoding/json writes for that form, and neither raw value anywhere
// in the log directory.
func TestCallerRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	l := openTest(t, dir, nil)
	rec := callerRecord(l, 1, "billing")
	id, err := l.Append(context.Background(), rec)
	if err != nil {
		t.Fatal(err)
	}
	stored := l.encode(nil, rec) // rec as Append completed it

	got, err := l.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	key := testKey(t, dir)
	want := Caller{
		Token:          "billing",
		IdentitySource: "mtls",
		Identity:       CallerDigest(key, "spiffe://example.org/ns/billing/sa/api"),
		Address:        CallerDigest(key, "203.0.113.7"),
	}
	if got.Version != 3 || got.Caller == nil || *got.Caller != want {
		t.Fatalf("caller read back as %+v (version %d); want %+v", got.Caller, got.Version, want)
	}
	if want.Address != l.CallerDigest("203.0.113.7") || !strings.HasPrefix(want.Address, "hmac-sha256:") || len(want.Address) != len("hmac-sha256:")+64 {
		t.Fatalf("digest form %q", want.Address)
	}
	// The caller key is its own: the address digest is not the value_hash
	// the same address would get as a finding.
	if strings.HasSuffix(want.Address, l.Hash([]byte("203.0.113.7"))) {
		t.Fatal("caller digest equals the finding value hash of the same address")
	}
	// The stored payload is what encoding/json writes for the stored form.
	s := *got
	s.ReceiptID = ""
	wantJSON, err := json.Marshal(&s)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stored, wantJSON) {
		t.Fatalf("stored payload:\n got %s\nwant %s", stored, wantJSON)
	}
	if !bytes.HasSuffix(stored, []byte(`,"node_id":"n1","caller":{"token":"billing","identity_source":"mtls","identity":"`+want.Identity+`","address":"`+want.Address+`"}}`)) {
		t.Fatalf("stored payload does not end with the caller: %s", stored)
	}
	l.Close()
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		_ = filepath.WalkDir(filepath.Join(filepath.Dir(dir), e.Name()), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			for _, raw := range []string{"203.0.113.7", "spiffe://", "example.org"} {
				if bytes.Contains(data, []byte(raw)) {
					t.Errorf("%s holds the raw caller value %q", p, raw)
				}
			}
			return nil
		})
	}
}

// TestCallerFieldsOmitted: a caller with only an address stores only the
// address; a record without a caller stores no "caller" member.
func TestCallerFieldsOmitted(t *testing.T) {
	l := openTest(t, filepath.Join(t.TempDir(), "r"), nil)
	defer l.Close()
	r := sampleRecord(l, 1)
	r.Caller = &Caller{Address: "2001:db8::1"}
	id, err := l.Append(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.Get(id)
	if err != nil || !reflect.DeepEqual(got.Caller, &Caller{Address: l.CallerDigest("2001:db8::1")}) {
		t.Fatalf("address-only caller: %+v %v", got.Caller, err)
	}
	id, err = l.Append(context.Background(), sampleRecord(l, 2))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := l.Get(id); err != nil || got.Caller != nil || got.Version != 3 {
		t.Fatalf("no caller: %+v %v", got, err)
	}
	if p := l.encode(nil, sampleRecord(l, 3)); bytes.Contains(p, []byte(`"caller"`)) {
		t.Fatalf("a record without a caller stored %s", p)
	}
}

// TestCallerValidation: Append refuses a malformed caller, naming the
// field, and writes nothing.
func TestCallerValidation(t *testing.T) {
	l := openTest(t, filepath.Join(t.TempDir(), "r"), nil)
	defer l.Close()
	cases := []struct {
		c    Caller
		want string
	}{
		{Caller{Token: "has space"}, "caller.token is not 1-64 bytes of [A-Za-z0-9._-]"},
		{Caller{Token: strings.Repeat("a", 65)}, "caller.token is not 1-64 bytes of [A-Za-z0-9._-]"},
		{Caller{Identity: "x"}, "caller.identity without identity_source"},
		{Caller{IdentitySource: "mtls"}, "caller.identity_source without identity"},
		{Caller{IdentitySource: "jwt", Identity: "x"}, `caller.identity_source is not "mtls" or "header"`},
		{Caller{IdentitySource: "header", Identity: strings.Repeat("x", 4097)}, "caller.identity is longer than 4096 bytes"},
		{Caller{Address: "203.0.113.7:443"}, "caller.address is not an IP address"},
		{Caller{Address: "alice@example.com"}, "caller.address is not an IP address"},
	}
	for _, tc := range cases {
		r := sampleRecord(l, 1)
		r.Caller = &tc.c
		_, err := l.Append(context.Background(), r)
		if err == nil || err.Error() != "receipts: append: "+tc.want {
			t.Errorf("caller %+v: error %v; want %q", tc.c, err, tc.want)
		}
	}
	if st := l.Stats(); st.Records != 0 {
		t.Fatalf("%d records written", st.Records)
	}
	ok := sampleRecord(l, 1)
	ok.Caller = &Caller{Token: "A.b_c-9", IdentitySource: "header", Identity: strings.Repeat("x", 4096), Address: "::ffff:192.0.2.1"}
	if _, err := l.Append(context.Background(), ok); err != nil {
		t.Fatalf("valid caller refused: %v", err)
	}
}

// TestReadsVersions1To3 keeps one log holding a version 1, a version 2 and
// a version 3 receipt: each reads back with its version (and a caller only
// for version 3), and Verify accepts the chain across them.
func TestReadsVersions1To3(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	l := openTest(t, dir, nil)
	submitRaw := func(payload []byte) string {
		req := getRequest()
		req.kind = kindReceipt
		req.payload = append(req.payload[:0], payload...)
		req.sum = payloadDigest(req.payload)
		loc, err := l.submit(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		return string(appendID(nil, "n1", loc))
	}
	v1 := submitRaw([]byte(`{"timestamp":"2025-01-02T03:04:05Z","policy_version":"v1","policy_id":"p","decision":"deny",` +
		`"action":{"type":"t"},"matched_rules":[],"findings":[{"entity_type":"ssn","start":0,"end":11,"confidence":0.95}],"transform_plan":[],"node_id":"n1"}`))
	old := sampleRecord(l, 2)
	set := l.NewFindingSet()
	for _, f := range old.Findings {
		set.Add(f)
	}
	if err := set.Fill(old); err != nil {
		t.Fatal(err)
	}
	old.Version, old.NodeID = 2, "n1"
	v2 := submitRaw(l.encode(nil, old))
	v3, err := l.Append(context.Background(), callerRecord(l, 3, "alpha"))
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]int{v1: 1, v2: 2, v3: 3} {
		got, err := l.Get(id)
		if err != nil || got.Version != want || (got.Caller != nil) != (want == 3) {
			t.Errorf("receipt of version %d read as %+v, %v", want, got, err)
		}
	}
	l.Close()
	if rep, err := Verify(dir, testKey(t, dir)); err != nil || rep.Receipts != 3 || rep.Bad != nil {
		t.Fatalf("Verify: %+v %v", rep, err)
	}
}

// TestVerifyCoversCaller edits a stored caller (the token name, then the
// address digest, each with the frame's CRC fixed as a forger would) and
// checks that Verify reports that record as a hash chain mismatch.
func TestVerifyCoversCaller(t *testing.T) {
	edits := map[string]func(l *Log, payload []byte) []byte{
		"token name": func(_ *Log, p []byte) []byte {
			return bytes.Replace(p, []byte(`"token":"alpha"`), []byte(`"token":"omega"`), 1)
		},
		"address digest": func(l *Log, p []byte) []byte {
			return bytes.Replace(p, []byte(l.CallerDigest("203.0.113.7")), []byte(l.CallerDigest("198.51.100.1")), 1)
		},
	}
	for name, edit := range edits {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "r")
			l := openTest(t, dir, nil)
			for i := range 3 {
				if _, err := l.Append(context.Background(), callerRecord(l, i, "alpha")); err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join(dir, segName(1))
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			offs := frameOffsets(data)
			if len(offs) != 3 {
				t.Fatalf("%d frames", len(offs))
			}
			start, end := offs[1]+frameHdrSize+minBodySize, offs[2]
			edited := edit(l, data[start:end])
			l.Close()
			if bytes.Equal(edited, data[start:end]) || len(edited) != int(end-start) {
				t.Fatal("the edit changed nothing or changed the length")
			}
			copy(data[start:], edited)
			fixFrame(data, offs[1])
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			rep, err := Verify(dir, testKey(t, dir))
			if err == nil || rep.Bad == nil || rep.Bad.Offset != offs[1] || !strings.HasPrefix(rep.Bad.Reason, "hash chain mismatch") {
				t.Fatalf("Verify after editing the %s: %+v %v", name, rep.Bad, err)
			}
		})
	}
}
