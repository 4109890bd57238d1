package transport

import (
	"bytes"
	"sort"
	"strings"

	"github.com/valyala/fasthttp"
	"github.com/valyala/fastjson"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/engine/transform"
)

// Strict requests. A typo must not pass silently: {"entity_type":["ssn"]}
// would otherwise scan for every type, and {"mdoe":"mask"} would redact
// instead of masking. Every JSON route accepts only the members listed
// here, at the top level and inside "action" and each "findings" element;
// any other member is a 400 that names it and, when one is close, the
// member meant. Stream routes accept only their query parameters, each at
// most once (entity_types may repeat; its values are merged).
//
// The checks run on the parsed body and allocate nothing unless they
// fail: Visit walks the members, and each name is compared with a short
// list.

// Members each JSON route accepts. commonMembers are those of every route.
var (
	commonMembers    = []string{"request_id", "trace_id", "idempotency_key"}
	scanMembers      = append([]string{"text", "entity_types", "include_values", "min_confidence"}, commonMembers...)
	decideMembers    = append([]string{"action", "text", "findings", "include_values", "min_confidence", "tenant_id", "actor_id", "session_id"}, commonMembers...)
	transformMembers = append([]string{"text", "mode", "entity_modes", "findings", "min_confidence"}, commonMembers...)
	anonymizeMembers = append([]string{"text", "findings", "min_confidence"}, commonMembers...)
	actionMembers    = []string{"type", "tool", "resource", "command", "adapter", "args", "sensitive"}
	findingMembers   = []string{"entity_type", "start", "end", "confidence", "value"}
	// streamParams are the query parameters of the stream routes.
	streamParams = []string{"entity_types", "mode", "min_confidence"}
)

// onlyMembers refuses a member of obj that is not in allowed. where names
// the object in the message ("" at the top level, "action").
func onlyMembers(obj *fastjson.Value, allowed []string, where string) *apiError {
	if bad := firstUnknown(obj, allowed); bad != nil {
		return unknownMember(bad, allowed, where)
	}
	return nil
}

// firstUnknown returns the first member name of obj not in allowed (borrowed
// from obj), or nil.
func firstUnknown(obj *fastjson.Value, allowed []string) []byte {
	o, err := obj.Object()
	if err != nil {
		return nil // the caller's type check reports it
	}
	var bad []byte
	o.Visit(func(k []byte, _ *fastjson.Value) {
		if bad == nil && !inList(k, allowed) {
			bad = k
		}
	})
	return bad
}

// inList reports whether name is one of list.
func inList(name []byte, list []string) bool {
	for _, s := range list {
		if string(name) == s {
			return true
		}
	}
	return false
}

// unknownMember builds the 400 for an unknown member name.
func unknownMember(name []byte, allowed []string, where string) *apiError {
	var b strings.Builder
	b.WriteString("unknown field ")
	if showableName(name) {
		b.WriteString(`"` + where)
		if where != "" {
			b.WriteByte('.')
		}
		b.Write(name)
		b.WriteByte('"')
		if near := nearest(string(name), allowed); near != "" {
			b.WriteString(` (did you mean "` + near + `"?)`)
		}
	} else {
		b.WriteString("(its name is not shown: not letters and underscores)")
		if where != "" {
			b.WriteString(" in " + where)
		}
	}
	b.WriteString("; accepted: ")
	b.WriteString(strings.Join(allowed, ", "))
	return errInvalid(b.String())
}

// nearest returns the name in list closest to s by edit distance, when it
// is close enough to be the one meant (at most a third of its length,
// and at most 3 edits), else "".
func nearest(s string, list []string) string {
	best, bestD := "", 4
	for _, cand := range list {
		d := editDistance(strings.ToLower(s), cand)
		if d < bestD && d*3 <= len(cand) {
			best, bestD = cand, d
		}
	}
	return best
}

// editDistance is the Damerau-Levenshtein distance (optimal string
// alignment: insertions, deletions, substitutions and swaps of adjacent
// bytes), so "mdoe" is one edit from "mode".
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	var rows [3][65]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// errUnknownTypes builds the 400 for entity type names the policy in force
// does not know. A name is quoted only when it looks like a type name
// (letters, digits and underscores, at most 64 bytes): anything else could
// be caller text. The valid names follow, as GET /v1/entities lists them.
func errUnknownTypes(eng *engine.Engine, field string, names []string) *apiError {
	var unknown []string
	for _, n := range names {
		if _, err := eng.Filter([]string{n}); err != nil {
			unknown = append(unknown, quoteName(n))
		}
	}
	if len(unknown) == 0 {
		unknown = []string{"(a name)"}
	}
	return errInvalid(field + " names an unknown entity type " + strings.Join(unknown, ", ") +
		"; valid: " + strings.Join(typeNames(eng), ", "))
}

// typeNames lists the types eng reports, sorted.
func typeNames(eng *engine.Engine) []string {
	types := eng.Types()
	out := make([]string, len(types))
	for i, t := range types {
		out[i] = string(t)
	}
	sort.Strings(out)
	return out
}

// errUnknownMode builds the 400 for a mode name that is not a mode.
func errUnknownMode(field string, name []byte) *apiError {
	modes := transform.Modes()
	valid := make([]string, len(modes))
	for i, m := range modes {
		valid[i] = string(m)
	}
	return errInvalid(field + ": unknown mode " + quoteName(string(name)) + "; valid: " + strings.Join(valid, ", "))
}

// quoteName quotes a caller-given name when it looks like an identifier,
// and says "(not shown)" otherwise.
func quoteName(n string) string {
	if len(n) == 0 || len(n) > 64 {
		return "(not shown)"
	}
	for i := 0; i < len(n); i++ {
		c := n[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return "(not shown)"
		}
	}
	return `"` + n + `"`
}

// streamQuery reads a stream route's query: entity_types (repeatable,
// merged into types), mode and min_confidence (at most once each). Any
// other parameter is refused with its name.
type streamQuery struct {
	types   []string
	mode    []byte
	minConf []byte
}

func parseStreamQuery(q *fasthttp.Args, types []string) (streamQuery, *apiError) {
	sq := streamQuery{types: types}
	var bad *apiError
	seenMode, seenConf := false, false
	for k, v := range q.All() {
		if bad != nil {
			break
		}
		switch string(k) {
		case "entity_types":
			for rest := v; len(rest) > 0; {
				var t []byte
				t, rest, _ = bytes.Cut(rest, []byte{','})
				if t = trimSpace(t); len(t) > 0 {
					sq.types = append(sq.types, b2s(t))
				}
			}
		case "mode":
			if seenMode {
				bad = errInvalid("query parameter mode is given more than once")
			}
			seenMode, sq.mode = true, v
		case "min_confidence":
			if seenConf {
				bad = errInvalid("query parameter min_confidence is given more than once")
			}
			seenConf, sq.minConf = true, v
		default:
			bad = unknownParam(k)
		}
	}
	return sq, bad
}

func unknownParam(k []byte) *apiError {
	msg := "unknown query parameter"
	if showableName(k) {
		msg += ` "` + string(k) + `"`
		if near := nearest(string(k), streamParams); near != "" {
			msg += ` (did you mean "` + near + `"?)`
		}
	}
	return errInvalid(msg + "; accepted: " + strings.Join(streamParams, ", "))
}
