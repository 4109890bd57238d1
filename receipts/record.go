package receipts

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/datafog/datafog-api/internal/jsonstr"
)

// Finding is one detected entity as a receipt records it: type, byte offsets
// and confidence, plus an optional keyed digest of the value (see Log.Hash).
// The value itself is never stored.
type Finding struct {
	EntityType string  `json:"entity_type"`
	Start      int64   `json:"start"`
	End        int64   `json:"end"`
	Confidence float64 `json:"confidence"`
	ValueHash  string  `json:"value_hash,omitempty"`
}

// Action is the action a decision was asked about. Type, Tool and Adapter are
// stored as given. Resource, Command and each of Args may carry sensitive
// text, so the log stores them as "hmac-sha256:" + hex keyed digest; a Record
// read back holds those digests, never the original text.
type Action struct {
	Type     string   `json:"type"`
	Tool     string   `json:"tool,omitempty"`
	Resource string   `json:"resource,omitempty"`
	Command  string   `json:"command,omitempty"`
	Adapter  string   `json:"adapter,omitempty"`
	Args     []string `json:"args,omitempty"`
	// ArgsTotal is the number of args when a receipt lists only the first
	// 64 of them (action_hash covers them all); 0 when all are listed.
	ArgsTotal int  `json:"args_total,omitempty"`
	Sensitive bool `json:"sensitive,omitempty"`
}

// TransformStep is one entry of a decision's transform plan.
type TransformStep struct {
	EntityType string `json:"entity_type"`
	Mode       string `json:"mode"`
}

// Record is one decision receipt. Its JSON form follows datafog-api's
// Receipt. ReceiptID is not stored: it is derived from the record's place in
// the log.
//
// Version 2 and 3 receipts scale with the decision, not with its findings:
// Findings lists at most Options.MaxListedFindings of them, and
// FindingsTotal, FindingsByType and FindingsRoot cover every one (see
// FindingSet). Version 3 (this build's) adds Caller. Version 1 receipts,
// written by older builds, list every finding; Get reports them with
// Version 1, FindingsTotal and FindingsByType derived from the list, and no
// FindingsRoot. Versions 1 and 2 have no Caller.
type Record struct {
	ReceiptID     string    `json:"receipt_id,omitempty"`
	Version       int       `json:"receipt_version,omitempty"`
	Timestamp     time.Time `json:"timestamp"`
	RequestID     string    `json:"request_id,omitempty"`
	TraceID       string    `json:"trace_id,omitempty"`
	TenantID      string    `json:"tenant_id,omitempty"`
	ActorID       string    `json:"actor_id,omitempty"`
	SessionID     string    `json:"session_id,omitempty"`
	PolicyVersion string    `json:"policy_version"`
	PolicyID      string    `json:"policy_id"`
	ActionHash    string    `json:"action_hash,omitempty"`
	InputHash     string    `json:"input_hash,omitempty"`
	Decision      string    `json:"decision"`
	Action        Action    `json:"action"`
	MatchedRules  []string  `json:"matched_rules"`
	Findings      []Finding `json:"findings"`
	// FindingsTotal is the number of findings of the decision, listed or
	// not.
	FindingsTotal int64 `json:"findings_total"`
	// FindingsByType counts the findings per entity type.
	FindingsByType TypeCounts `json:"findings_by_type"`
	// FindingsRoot is the hex RFC 6962 Merkle root over every finding's
	// hash (FindingHash), in order. It is empty when the findings were
	// counted but not enumerated (the redact stream's receipts).
	FindingsRoot  string          `json:"findings_root,omitempty"`
	TransformPlan []TransformStep `json:"transform_plan"`
	Reason        string          `json:"reason,omitempty"`
	NodeID        string          `json:"node_id,omitempty"`
	// Caller is who asked (version 3): token name, identity and client
	// address; the log keeps Identity and Address as digests (see Caller).
	// Nil in older receipts and when the appender knows no caller.
	Caller *Caller `json:"caller,omitempty"`
}

// digestPrefix marks an action field stored as a keyed digest.
const digestPrefix = "hmac-sha256:"

// validate checks what Append requires of a record whose findings
// summary is filled (Version ReceiptVersion).
func (r *Record) validate() error {
	if r.Decision == "" {
		return fmt.Errorf("decision is empty")
	}
	if y := r.Timestamp.Year(); y < 1 || y > 9999 {
		return fmt.Errorf("timestamp year %d out of range", y)
	}
	if r.InputHash != "" && !isDigest(r.InputHash) {
		return fmt.Errorf("input_hash is not a hex HMAC-SHA256 digest")
	}
	if r.ActionHash != "" && !isDigest(r.ActionHash) {
		return fmt.Errorf("action_hash is not a hex HMAC-SHA256 digest")
	}
	for i := range r.Findings {
		if err := r.Findings[i].validate(); err != nil {
			return fmt.Errorf("finding %d: %w", i, err)
		}
	}
	if r.Version != ReceiptVersion {
		return fmt.Errorf("receipt_version %d, want %d", r.Version, ReceiptVersion)
	}
	if int64(len(r.Findings)) > r.FindingsTotal {
		return fmt.Errorf("findings lists %d findings of findings_total %d", len(r.Findings), r.FindingsTotal)
	}
	var sum int64
	for i, c := range r.FindingsByType {
		if c.Count <= 0 || i > 0 && c.EntityType <= r.FindingsByType[i-1].EntityType {
			return fmt.Errorf("findings_by_type is not sorted by type with positive counts")
		}
		sum += c.Count
	}
	if sum != r.FindingsTotal {
		return fmt.Errorf("findings_by_type sums to %d, findings_total is %d", sum, r.FindingsTotal)
	}
	if r.FindingsRoot != "" && !isDigest(r.FindingsRoot) {
		return fmt.Errorf("findings_root is not a hex SHA-256 digest")
	}
	if r.Caller != nil {
		return r.Caller.validate()
	}
	return nil
}

// validate checks one finding: a digest or nothing as value_hash, a finite
// confidence and ordered, non-negative offsets.
func (f *Finding) validate() error {
	if f.ValueHash != "" && !isDigest(f.ValueHash) {
		return fmt.Errorf("value_hash is not a hex HMAC-SHA256 digest")
	}
	if math.IsNaN(f.Confidence) || math.IsInf(f.Confidence, 0) {
		return fmt.Errorf("confidence is not finite")
	}
	if f.Start < 0 || f.End < f.Start {
		return fmt.Errorf("bad offsets")
	}
	return nil
}

// isDigest reports whether s is 64 lowercase hex digits. It tests eight
// bytes at a time (see hexWord).
func isDigest(s string) bool {
	if len(s) != 64 {
		return false
	}
	ok := true
	for i := 0; i < 64; i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		ok = ok && hexWord(w)
	}
	return ok
}

// Word-at-a-time constants: 0x01 and 0x80 in every byte of a uint64.
const (
	eachByte01 = 0x0101010101010101
	eachByte80 = 0x8080808080808080
)

// hexWord reports whether each of the eight bytes of w is in '0'-'9' or
// 'a'-'f'. For bytes below 0x80, adding 0x80-c to every byte sets a byte's
// top bit exactly when the byte is at least c, and no carry crosses into the
// next byte; so each range test is one add and a mask.
func hexWord(w uint64) bool {
	if w&eachByte80 != 0 {
		return false
	}
	atLeast := func(c uint64) uint64 { return (w + (0x80-c)*eachByte01) & eachByte80 }
	digit := atLeast('0') &^ atLeast('9'+1)
	letter := atLeast('a') &^ atLeast('f'+1)
	return digit|letter == eachByte80
}

// appendStored appends the stored JSON form of r to dst: the same bytes
// encoding/json produces for r with ReceiptID cleared, nil slices as empty
// slices, the timestamp in UTC and the sensitive action fields replaced by
// digests (computed with digest), and the caller's identity and address by
// digests computed with callerDigest. r must have passed validate. It
// allocates nothing when dst has room.
func appendStored(dst []byte, r *Record, digest, callerDigest func(dst []byte, s string) []byte) []byte {
	dst = append(dst, '{')
	if r.Version != 0 {
		dst = append(dst, `"receipt_version":`...)
		dst = strconv.AppendInt(dst, int64(r.Version), 10)
		dst = append(dst, ',')
	}
	dst = append(dst, `"timestamp":"`...)
	dst = r.Timestamp.UTC().AppendFormat(dst, time.RFC3339Nano)
	dst = append(dst, '"')
	dst = appendField(dst, "request_id", r.RequestID, true)
	dst = appendField(dst, "trace_id", r.TraceID, true)
	dst = appendField(dst, "tenant_id", r.TenantID, true)
	dst = appendField(dst, "actor_id", r.ActorID, true)
	dst = appendField(dst, "session_id", r.SessionID, true)
	dst = appendField(dst, "policy_version", r.PolicyVersion, false)
	dst = appendField(dst, "policy_id", r.PolicyID, false)
	dst = appendDigestField(dst, "action_hash", r.ActionHash)
	dst = appendDigestField(dst, "input_hash", r.InputHash)
	dst = appendField(dst, "decision", r.Decision, false)

	a := &r.Action
	dst = append(dst, `,"action":{"type":`...)
	dst = appendString(dst, a.Type)
	dst = appendField(dst, "tool", a.Tool, true)
	if a.Resource != "" {
		dst = append(dst, `,"resource":"`...)
		dst = digest(dst, a.Resource)
		dst = append(dst, '"')
	}
	if a.Command != "" {
		dst = append(dst, `,"command":"`...)
		dst = digest(dst, a.Command)
		dst = append(dst, '"')
	}
	dst = appendField(dst, "adapter", a.Adapter, true)
	if len(a.Args) > 0 {
		dst = append(dst, `,"args":[`...)
		for i, arg := range a.Args {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, '"')
			dst = digest(dst, arg)
			dst = append(dst, '"')
		}
		dst = append(dst, ']')
	}
	if a.ArgsTotal != 0 {
		dst = append(dst, `,"args_total":`...)
		dst = strconv.AppendInt(dst, int64(a.ArgsTotal), 10)
	}
	if a.Sensitive {
		dst = append(dst, `,"sensitive":true`...)
	}
	dst = append(dst, `},"matched_rules":[`...)
	for i, m := range r.MatchedRules {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, m)
	}
	dst = append(dst, `],"findings":[`...)
	for i := range r.Findings {
		f := &r.Findings[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendFindingJSON(dst, f.EntityType, f.Start, f.End, f.Confidence, f.ValueHash)
	}
	dst = append(dst, `],"findings_total":`...)
	dst = strconv.AppendInt(dst, r.FindingsTotal, 10)
	dst = append(dst, `,"findings_by_type":`...)
	dst = appendTypeCounts(dst, r.FindingsByType)
	dst = appendDigestField(dst, "findings_root", r.FindingsRoot)
	dst = append(dst, `,"transform_plan":[`...)
	for i := range r.TransformPlan {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"entity_type":`...)
		dst = appendString(dst, r.TransformPlan[i].EntityType)
		dst = append(dst, `,"mode":`...)
		dst = appendString(dst, r.TransformPlan[i].Mode)
		dst = append(dst, '}')
	}
	dst = append(dst, ']')
	dst = appendField(dst, "reason", r.Reason, true)
	dst = appendField(dst, "node_id", r.NodeID, true)
	if r.Caller != nil {
		dst = appendCaller(dst, r.Caller, callerDigest)
	}
	return append(dst, '}')
}

// appendFindingJSON appends one finding as a receipt lists it (and as
// FindingHash hashes it): {"entity_type":…,"start":…,"end":…,"confidence":…}
// plus "value_hash" when there is one. valueHash must be empty or hex.
func appendFindingJSON[S ~string | ~[]byte](dst []byte, entityType string, start, end int64, confidence float64, valueHash S) []byte {
	dst = append(dst, `{"entity_type":`...)
	dst = appendString(dst, entityType)
	dst = append(dst, `,"start":`...)
	dst = strconv.AppendInt(dst, start, 10)
	dst = append(dst, `,"end":`...)
	dst = strconv.AppendInt(dst, end, 10)
	dst = append(dst, `,"confidence":`...)
	dst = appendFloat(dst, confidence)
	if len(valueHash) > 0 {
		dst = append(dst, `,"value_hash":"`...)
		dst = append(dst, valueHash...)
		dst = append(dst, '"')
	}
	return append(dst, '}')
}

// appendField appends ,"name":"value", or nothing when omitEmpty and value
// is empty.
func appendField(dst []byte, name, value string, omitEmpty bool) []byte {
	if omitEmpty && value == "" {
		return dst
	}
	dst = append(dst, ',', '"')
	dst = append(dst, name...)
	dst = append(dst, '"', ':')
	return appendString(dst, value)
}

// appendDigestField appends ,"name":"value", or nothing when value is
// empty. value must be empty or a hex digest, as validate requires of the
// digest fields; it is copied without escaping, since hex needs none, and
// digests are most of a receipt's bytes.
func appendDigestField(dst []byte, name, value string) []byte {
	if value == "" {
		return dst
	}
	dst = append(dst, ',', '"')
	dst = append(dst, name...)
	dst = append(dst, '"', ':', '"')
	dst = append(dst, value...)
	return append(dst, '"')
}

// appendFloat formats f the way encoding/json does.
func appendFloat(dst []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		n := len(dst)
		if n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

// appendString appends s as a JSON string, byte-for-byte as encoding/json
// writes it.
func appendString(dst []byte, s string) []byte { return jsonstr.Append(dst, s) }
