package receipts

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"sort"
	"strconv"
	"strings"
)

// Receipts scale with decisions, not with findings. A receipt (version 2 and later)
// lists at most MaxListedFindings findings; for all of them it carries
// their number, their number per entity type, and findings_root: the root
// of an RFC 6962 Merkle tree over one keyed hash per finding, so that any
// one finding can still be proven part of the decision later (see
// FindingHash, FindingProof and VerifyFindingProof, and doc.go).

// DefaultMaxListedFindings is the number of findings a receipt lists when
// Options.MaxListedFindings is zero.
const DefaultMaxListedFindings = 100

// maxListedArgs is the number of action.args digests a receipt lists; the
// rest are counted in action.args_total (action_hash covers them all).
const maxListedArgs = 64

// ReceiptVersion is the version of the receipt payload this build writes:
// 3, which adds "caller" to version 2. Version 1 receipts (written before
// findings were summarized) carry no receipt_version and list every
// finding; versions 1 and 2 are still read.
const ReceiptVersion = 3

// findingLabel derives the key of the finding hashes from the receipt key.
const findingLabel = "datafog receipts finding v1"

// TypeCount is the number of findings of one entity type.
type TypeCount struct {
	EntityType string
	Count      int64
}

// TypeCounts is a receipt's findings per entity type, sorted by type. Its
// JSON form is an object {"email":3,"ssn":1}, with the keys in order, as
// encoding/json writes a map.
type TypeCounts []TypeCount

// MarshalJSON implements json.Marshaler.
func (tc TypeCounts) MarshalJSON() ([]byte, error) {
	return appendTypeCounts(nil, tc), nil
}

// UnmarshalJSON implements json.Unmarshaler.
func (tc *TypeCounts) UnmarshalJSON(b []byte) error {
	var m map[string]int64
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	out := make(TypeCounts, 0, len(m))
	for t, n := range m {
		out = append(out, TypeCount{t, n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].EntityType < out[j].EntityType })
	*tc = out
	return nil
}

// appendTypeCounts appends tc as a JSON object; tc must be sorted.
func appendTypeCounts(dst []byte, tc TypeCounts) []byte {
	dst = append(dst, '{')
	for i, c := range tc {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, c.EntityType)
		dst = append(dst, ':')
		dst = strconv.AppendInt(dst, c.Count, 10)
	}
	return append(dst, '}')
}

// add counts one finding of type t, keeping tc sorted.
func (tc TypeCounts) add(t string, n int64) TypeCounts {
	i := sort.Search(len(tc), func(i int) bool { return tc[i].EntityType >= t })
	if i < len(tc) && tc[i].EntityType == t {
		tc[i].Count += n
		return tc
	}
	tc = append(tc, TypeCount{})
	copy(tc[i+1:], tc[i:])
	tc[i] = TypeCount{EntityType: t, Count: n}
	return tc
}

// FindingSet accumulates the findings of one decision for its receipt: the
// first max of them, listed; their total and count per type; and the
// Merkle root over every finding's hash. Memory stays bounded however many
// findings are added. Create one with Log.NewFindingSet (or NewFindingSet
// with the receipt key), Add every finding in order, then Fill the record.
// A FindingSet is not safe for concurrent use.
type FindingSet struct {
	leaf   hash.Hash // HMAC-SHA256 under the finding key
	value  hash.Hash // HMAC-SHA256 under the hash key, for AddValue
	max    int
	listed []Finding
	total  int64
	counts TypeCounts
	tree   merkleStack
	enc    []byte
	sum    [sha256.Size]byte
	err    error
}

// NewFindingSet returns an empty FindingSet under the log's keys that lists
// up to Options.MaxListedFindings findings.
func (l *Log) NewFindingSet() *FindingSet {
	return newFindingSet(l.findingKey, l.hashKey, l.maxListed)
}

// NewFindingSet returns an empty FindingSet under the receipt key (the
// bytes of the key file) that lists up to maxListed findings (0 means
// DefaultMaxListedFindings). Tools that rebuild a receipt's findings_root
// use it; the server uses Log.NewFindingSet.
func NewFindingSet(key []byte, maxListed int) *FindingSet {
	if maxListed <= 0 {
		maxListed = DefaultMaxListedFindings
	}
	return newFindingSet(deriveKey(key, findingLabel), deriveKey(key, hashLabel), maxListed)
}

func newFindingSet(findingKey, hashKey []byte, maxListed int) *FindingSet {
	return &FindingSet{
		leaf:  hmac.New(sha256.New, findingKey),
		value: hmac.New(sha256.New, hashKey),
		max:   maxListed,
	}
}

// Add adds one finding. f.ValueHash must be empty or a hex digest from
// Log.Hash; an invalid finding is reported by Fill (and then by Append).
func (s *FindingSet) Add(f Finding) {
	if err := f.validate(); err != nil {
		s.fail(err)
		return
	}
	add(s, f.EntityType, f.Start, f.End, f.Confidence, f.ValueHash, false)
}

// AddValue adds a finding whose value is given: its value_hash is the
// keyed hash of value (Log.Hash). A nil value adds the finding without a
// value_hash. Nothing is retained from entityType or value unless the
// finding is listed, and then as copies.
func (s *FindingSet) AddValue(entityType string, start, end int64, confidence float64, value []byte) {
	f := Finding{Start: start, End: end, Confidence: confidence}
	if err := f.validate(); err != nil {
		s.fail(err)
		return
	}
	var hexBuf [2 * sha256.Size]byte
	vh := hexBuf[:0]
	if value != nil {
		s.value.Reset()
		s.value.Write(value)
		vh = hex.AppendEncode(vh, s.value.Sum(s.sum[:0]))
	}
	add(s, entityType, start, end, confidence, vh, true)
}

func (s *FindingSet) fail(err error) {
	if s.err == nil {
		s.err = fmt.Errorf("finding %d: %w", s.total, err)
	}
}

// add hashes one valid finding into the tree, counts it and lists it while
// there is room (copying borrowed strings when copyStrings is set).
func add[S ~string | ~[]byte](s *FindingSet, entityType string, start, end int64, confidence float64, valueHash S, copyStrings bool) {
	s.enc = appendFindingJSON(s.enc[:0], entityType, start, end, confidence, valueHash)
	s.leaf.Reset()
	s.leaf.Write(s.enc)
	s.tree.push((*[32]byte)(s.leaf.Sum(s.sum[:0])))
	s.counts = s.counts.add(entityType, 1)
	if len(s.listed) < s.max {
		f := Finding{EntityType: entityType, Start: start, End: end, Confidence: confidence, ValueHash: string(valueHash)}
		if copyStrings {
			f.EntityType = strings.Clone(entityType)
		}
		s.listed = append(s.listed, f)
	}
	s.total++
}

// Total is the number of findings added.
func (s *FindingSet) Total() int64 { return s.total }

// Root returns the hex Merkle root over the findings added so far.
func (s *FindingSet) Root() string {
	r := s.tree.root()
	return hex.EncodeToString(r[:])
}

// Fill sets the receipt's findings fields from the set: Findings (the
// listed ones), FindingsTotal, FindingsByType, FindingsRoot, and Version.
// It reports the first invalid finding added.
func (s *FindingSet) Fill(rec *Record) error {
	if s.err != nil {
		return s.err
	}
	rec.Version = ReceiptVersion
	rec.Findings = append([]Finding{}, s.listed...)
	rec.FindingsTotal = s.total
	rec.FindingsByType = append(TypeCounts{}, s.counts...)
	rec.FindingsRoot = s.Root()
	return nil
}

// FindingHash returns the hash of one finding as findings_root covers it:
// HMAC-SHA256 under the finding key (derived from the receipt key key) of
// the finding's JSON as a receipt lists it, for example
// {"entity_type":"email","start":5,"end":20,"confidence":0.95,"value_hash":"…"}.
func FindingHash(key []byte, f Finding) [32]byte {
	m := hmac.New(sha256.New, deriveKey(key, findingLabel))
	m.Write(appendFindingJSON(nil, f.EntityType, f.Start, f.End, f.Confidence, f.ValueHash))
	return [32]byte(m.Sum(nil))
}
