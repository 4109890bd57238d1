package kafka

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func testKeys(t testing.TB) *Keys {
	t.Helper()
	k, err := NewKeys(testKey)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestNewKeysRejectsShortKey(t *testing.T) {
	if _, err := NewKeys([]byte("too short")); err == nil {
		t.Fatal("a 9-byte key was accepted")
	}
}

// sealChain seals n receipts of chain in/3 and returns their values.
func sealChain(t *testing.T, k *Keys, n int) [][]byte {
	t.Helper()
	s := &sealer{h: k.newHasher(), static: []byte(`,"worker":"w1"`)}
	var head ChainHead
	var out [][]byte
	for i := 0; i < n; i++ {
		r := &Receipt{Topic: "in", Partition: 3, Offset: int64(10 + i), Timestamp: 1700000000000, Outcome: OutcomeRedacted,
			Findings: []TypeCount{{"email", 2}}}
		var v []byte
		v, head = s.seal(nil, head, r, []byte("key"), []byte("value bob@example.com"), []byte("value [REDACTED]"))
		out = append(out, v)
	}
	return out
}

func TestSealFormat(t *testing.T) {
	k := testKeys(t)
	vals := sealChain(t, k, 2)
	var got map[string]any
	if err := json.Unmarshal(vals[1], &got); err != nil {
		t.Fatalf("receipt is not JSON: %v\n%s", err, vals[1])
	}
	// The MAC is HMAC-SHA256 under the HKDF-derived chain key over the
	// bytes before `,"mac":`; prev is the MAC of the previous receipt.
	chainKey := hkdfRef(testKey, chainKeyInfo)
	for i, v := range vals {
		body := v[:len(v)-macSuffixLen]
		m := hmac.New(sha256.New, chainKey)
		m.Write(body)
		if want := `,"mac":"` + hex.EncodeToString(m.Sum(nil)) + `"}`; string(v[len(body):]) != want {
			t.Fatalf("receipt %d mac suffix %s, want %s", i, v[len(body):], want)
		}
	}
	var first map[string]any
	_ = json.Unmarshal(vals[0], &first)
	if got["prev"] != first["mac"] || first["prev"] != strings.Repeat("0", 64) || got["seq"] != 2.0 {
		t.Fatalf("chain fields: first %v, second %v", first, got)
	}
	hashKey := hkdfRef(testKey, hashKeyInfo)
	m := hmac.New(sha256.New, hashKey)
	m.Write([]byte("value bob@example.com"))
	if got["value_hash"] != hex.EncodeToString(m.Sum(nil)) {
		t.Fatalf("value_hash = %v", got["value_hash"])
	}
	if strings.Contains(string(vals[1]), "bob@example.com") || strings.Contains(string(vals[1]), `"key"`) {
		t.Fatalf("receipt holds a raw value: %s", vals[1])
	}
	for _, f := range []string{"topic", "partition", "offset", "timestamp", "outcome", "findings", "unredacted", "worker", "key_hash", "value_bytes", "output_hash", "output_bytes"} {
		if _, ok := got[f]; !ok {
			t.Errorf("receipt lacks %q: %s", f, vals[1])
		}
	}
}

// hkdfRef is HKDF-SHA256 (RFC 5869) for one block, written out.
func hkdfRef(secret []byte, info string) []byte {
	ext := hmac.New(sha256.New, hkdfSalt)
	ext.Write(secret)
	prk := ext.Sum(nil)
	exp := hmac.New(sha256.New, prk)
	exp.Write([]byte(info))
	exp.Write([]byte{1})
	return exp.Sum(nil)
}

func TestVerifierChain(t *testing.T) {
	k := testKeys(t)
	vals := sealChain(t, k, 4)
	at := func(i int) Coord { return Coord{Topic: "rc", Partition: 0, Offset: int64(i)} }

	v := NewVerifier(k)
	for i, val := range vals {
		if err := v.Check(val, at(i)); err != nil {
			t.Fatalf("good chain: %v", err)
		}
	}
	if cs := v.Chains(); len(cs) != 1 || cs[0].Receipts != 4 || cs[0].FirstSeq != 1 || cs[0].Head.Seq != 4 {
		t.Fatalf("summary %+v", cs)
	}

	cases := []struct {
		name   string
		seq    func() [][]byte
		badAt  int
		reason string
	}{
		{"missing receipt", func() [][]byte { return [][]byte{vals[0], vals[2]} }, 1, "seq 3 follows seq 1"},
		{"repeated receipt", func() [][]byte { return [][]byte{vals[0], vals[1], vals[1]} }, 2, "seq 2 follows seq 2"},
		{"edited byte", func() [][]byte {
			e := []byte(strings.Replace(string(vals[1]), `"offset":11`, `"offset":12`, 1))
			return [][]byte{vals[0], e}
		}, 1, "mac does not match"},
		{"other key", func() [][]byte {
			k2, _ := NewKeys([]byte("another-key-of-enough-length"))
			return sealChain(t, k2, 1)
		}, 0, "mac does not match"},
		{"not a receipt", func() [][]byte { return [][]byte{[]byte(`{"hello":1}`)} }, 0, "not a receipt record"},
	}
	for _, tc := range cases {
		v := NewVerifier(k)
		var err error
		for i, val := range tc.seq() {
			if err = v.Check(val, at(i)); err != nil {
				var bad *BadReceiptError
				if !errors.As(err, &bad) || bad.At != at(tc.badAt) || !strings.Contains(bad.Reason, tc.reason) {
					t.Errorf("%s: err = %v, want record %d: %s", tc.name, err, tc.badAt, tc.reason)
				}
				break
			}
		}
		if err == nil {
			t.Errorf("%s: verified", tc.name)
		}
	}

	// A chain whose start was removed by retention is accepted from its
	// first retained receipt, and reported as such.
	v = NewVerifier(k)
	for i, val := range vals[2:] {
		if err := v.Check(val, at(i)); err != nil {
			t.Fatal(err)
		}
	}
	if cs := v.Chains(); cs[0].FirstSeq != 3 {
		t.Fatalf("FirstSeq = %d, want 3", cs[0].FirstSeq)
	}
}

func TestDeadLetterRecord(t *testing.T) {
	k := testKeys(t)
	s := &sealer{h: k.newHasher()}
	d := &deadLetter{Topic: "in", Partition: 2, Offset: 7, Timestamp: 5, HeaderKeys: 1,
		Err: &RecordError{Code: ReasonInvalidJSON, Message: "byte 3: expected a value"}}
	raw := []byte(`{"ssn": 123-45-6789`)
	v := s.appendDeadLetter(nil, d, []byte("k"), raw, "w1")
	var got struct {
		Topic     string
		Partition int32
		Offset    int64
		Error     struct{ Code, Message string }
		KeyHash   string `json:"key_hash"`
		ValueHash string `json:"value_hash"`
		Bytes     int    `json:"value_bytes"`
	}
	if err := json.Unmarshal(v, &got); err != nil {
		t.Fatalf("%v: %s", err, v)
	}
	m := hmac.New(sha256.New, hkdfRef(testKey, hashKeyInfo))
	m.Write(raw)
	if got.Topic != "in" || got.Partition != 2 || got.Offset != 7 || got.Error.Code != ReasonInvalidJSON ||
		got.ValueHash != hex.EncodeToString(m.Sum(nil)) || got.Bytes != len(raw) || len(got.KeyHash) != 64 {
		t.Fatalf("dead letter %+v from %s", got, v)
	}
	if strings.Contains(string(v), "123-45") {
		t.Fatalf("dead letter holds the raw value: %s", v)
	}
}
