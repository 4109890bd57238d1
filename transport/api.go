package transport

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/valyala/fasthttp"
	"github.com/valyala/fastjson"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/engine/policy"
	"github.com/datafog/datafog-api/engine/transform"
	"github.com/datafog/datafog-api/internal/buildinfo"
	"github.com/datafog/datafog-api/receipts"
)

// The JSON routes. Request and response shapes follow datafog-api's
// models (ScanRequest, DecideRequest, TransformRequest, ...), with findings
// carrying "value" only when the request sets "include_values": true.

// appendFinding appends one finding object. value is appended only when
// withValue is set.
func appendFinding(dst []byte, f *engine.Finding, value []byte, withValue bool) []byte {
	dst = append(dst, `{"entity_type":`...)
	dst = appendJSONString(dst, string(f.Type))
	if withValue {
		dst = append(dst, `,"value":`...)
		dst = appendJSONString(dst, b2s(value))
	}
	dst = append(dst, `,"start":`...)
	dst = strconv.AppendInt(dst, f.Start, 10)
	dst = append(dst, `,"end":`...)
	dst = strconv.AppendInt(dst, f.End, 10)
	dst = append(dst, `,"confidence":`...)
	dst = appendConfidence(dst, f.Confidence)
	return append(dst, '}')
}

// appendFindings appends a findings array; values come from text (when
// non-nil) or from vals.
func appendFindings(dst []byte, fs []engine.Finding, text []byte, vals []string, withValue bool) []byte {
	dst = append(dst, '[')
	for i := range fs {
		if i > 0 {
			dst = append(dst, ',')
		}
		var v []byte
		if withValue {
			switch {
			case text != nil:
				v = text[fs[i].Start:fs[i].End]
			case i < len(vals):
				v = []byte(vals[i])
			}
		}
		dst = appendFinding(dst, &fs[i], v, withValue)
	}
	return append(dst, ']')
}

func (c *call) appendPolicyFields(dst []byte) []byte {
	dst = append(dst, `"policy_id":`...)
	dst = appendJSONString(dst, c.pol.Policy.PolicyID)
	dst = append(dst, `,"policy_version":`...)
	return appendJSONString(dst, c.pol.Policy.PolicyVersion)
}

// idempotent runs fn under the idempotency key of cf, if any: a replay or
// conflict is answered here; otherwise fn's response is stored when it is a
// success.
func (c *call) idempotent(cf commonFields, fn func() *apiError) *apiError {
	if len(cf.idemKey) == 0 {
		return fn()
	}
	key := routeNames[c.route] + "\x00" + string(cf.idemKey)
	digest := sha256.Sum256(c.canon)
	outcome, ent, status, body := c.s.idem.begin(key, digest, time.Now())
	switch outcome {
	case idemConflict:
		return errConflict
	case idemReplay:
		c.out = append(c.out[:0], body...)
		c.ctx.Response.Header.Set("Idempotent-Replayed", "true")
		c.sendJSON(status)
		return nil
	}
	status = fasthttp.StatusInternalServerError
	defer func() { c.s.idem.finish(ent, status, c.out, time.Now()) }()
	if e := fn(); e != nil {
		status = e.status
		return e
	}
	status = c.ctx.Response.StatusCode()
	return nil
}

// filter resolves entity_types; unknown names are refused with the valid
// ones listed (see errUnknownTypes). Findings under minConf are not
// reported.
func (c *call) filter(types []string, minConf float64) (engine.Filter, *apiError) {
	f, err := c.pol.Engine.Filter(types)
	if err != nil {
		return f, errUnknownTypes(c.pol.Engine, "entity_types", types)
	}
	return f.WithMinConfidence(minConf), nil
}

// scan serves POST /v1/scan.
func (c *call) scan() *apiError {
	obj, e := c.readJSON()
	if e != nil {
		return e
	}
	if e := onlyMembers(obj, scanMembers, ""); e != nil {
		return e
	}
	cf, e := c.common(obj)
	if e != nil {
		return e
	}
	text, e := strField(obj, "text", 0)
	if e != nil {
		return e
	}
	if len(text) == 0 {
		return errInvalid("text is required")
	}
	var typesArr [8]string
	types, e := strsField(typesArr[:0], obj, "entity_types")
	if e != nil {
		return e
	}
	withValues, e := boolField(obj, "include_values")
	if e != nil {
		return e
	}
	minConf, e := c.minConfField(obj)
	if e != nil {
		return e
	}
	flt, e := c.filter(types, minConf)
	if e != nil {
		return e
	}
	c.canon = appendCanon(c.canon[:0], b2s(text))
	for _, t := range types {
		c.canon = appendCanon(c.canon, t)
	}
	c.canon = strconv.AppendBool(c.canon, withValues)
	c.canon = strconv.AppendFloat(c.canon, minConf, 'g', -1, 64)
	return c.idempotent(cf, func() *apiError {
		c.findings = c.pol.Engine.Scan(c.findings[:0], text, flt)
		c.s.m.scanned.Add(uint64(len(text)))
		c.s.m.countFindings(c.findings)
		listed := c.listed(c.findings)
		b := c.growOut(listed, withValues)
		b = append(b, `{"request_id":`...)
		b = appendJSONString(b, b2s(cf.requestID))
		b = append(b, `,"trace_id":`...)
		b = appendJSONString(b, b2s(cf.traceID))
		b = append(b, `,"findings":`...)
		b = appendFindings(b, listed, text, nil, withValues)
		b = appendTruncation(b, len(listed), len(c.findings))
		b = append(b, ',')
		b = c.appendPolicyFields(b)
		c.out = append(b, "}\n"...)
		c.sendJSON(fasthttp.StatusOK)
		return nil
	})
}

// decide serves POST /v1/decide: findings come from the request or from
// scanning text; the policy decides; a receipt is appended and its id
// returned only once Append has returned, that is once it is durable.
func (c *call) decide() *apiError {
	obj, e := c.readJSON()
	if e != nil {
		return e
	}
	if e := onlyMembers(obj, decideMembers, ""); e != nil {
		return e
	}
	cf, e := c.common(obj)
	if e != nil {
		return e
	}
	av := field(obj, "action")
	if av == nil || av.Type() != fastjson.TypeObject {
		return errInvalid("action.type is required")
	}
	if e := onlyMembers(av, actionMembers, "action"); e != nil {
		return e
	}
	var act policy.Action
	for _, f := range [...]struct {
		key    string
		dst    *string
		maxLen int
	}{{"type", &act.Type, maxIDFieldLen}, {"tool", &act.Tool, maxIDFieldLen}, {"resource", &act.Resource, 0},
		{"command", &act.Command, 0}, {"adapter", &act.Adapter, maxIDFieldLen}} {
		// type, tool and adapter are stored as given in the receipt, so
		// they are bounded like the ids; resource and command are stored
		// as keyed digests, whatever their length.
		b, e := strField(av, f.key, 0)
		if e != nil {
			return errInvalid("action fields must be strings")
		}
		if f.maxLen > 0 && len(b) > f.maxLen {
			return errInvalid("action." + f.key + " is too long")
		}
		*f.dst = b2s(b)
	}
	if act.Type == "" {
		return errInvalid("action.type is required")
	}
	if act.Args, e = strsField(nil, av, "args"); e != nil {
		return errInvalid("action.args must be an array of strings")
	}
	if act.Sensitive, e = boolField(av, "sensitive"); e != nil {
		return errInvalid("action.sensitive must be a boolean")
	}
	var ids [3][]byte
	for i, k := range [...]string{"tenant_id", "actor_id", "session_id"} {
		if ids[i], e = strField(obj, k, maxIDFieldLen); e != nil {
			return e
		}
	}
	textV := field(obj, "text")
	var text []byte
	textLen := -1
	if textV != nil {
		if text, e = strField(obj, "text", 0); e != nil {
			return e
		}
		textLen = len(text)
	}
	withValues, e := boolField(obj, "include_values")
	if e != nil {
		return e
	}
	minConf, e := c.minConfField(obj)
	if e != nil {
		return e
	}
	var vals []string
	c.findings, vals, e = parseFindings(c.findings[:0], nil, field(obj, "findings"), textLen)
	if e != nil {
		return e
	}
	scanned := false
	if len(c.findings) == 0 && len(text) > 0 {
		c.findings = c.pol.Engine.Scan(c.findings[:0], text, defaultFilter(minConf))
		scanned = true
	}

	c.canon = appendActionJSON(c.canon[:0], &act)
	c.canon = appendCanon(c.canon, b2s(text))
	c.canon = strconv.AppendBool(c.canon, textV != nil)
	c.canon = strconv.AppendBool(c.canon, withValues)
	for i := range c.findings {
		f := &c.findings[i]
		c.canon = appendCanon(c.canon, string(f.Type))
		c.canon = strconv.AppendInt(c.canon, f.Start, 10)
		c.canon = append(c.canon, ':')
		c.canon = strconv.AppendInt(c.canon, f.End, 10)
		c.canon = append(c.canon, ':')
		c.canon = strconv.AppendFloat(c.canon, f.Confidence, 'g', -1, 64)
		if i < len(vals) {
			c.canon = appendCanon(c.canon, vals[i])
		}
	}
	return c.idempotent(cf, func() *apiError {
		if c.s.rec.Err() != nil {
			return errReceiptFailed
		}
		if scanned {
			c.s.m.scanned.Add(uint64(len(text)))
		}
		c.s.m.countFindings(c.findings)
		dec := c.pol.Decide(act, c.findings)
		rec, err := c.buildReceipt(cf, ids, &act, &dec, text, vals)
		if err != nil { // unreachable: parseFindings and the engine give valid findings
			c.s.cfg.Logger.Error("transport: receipt build failed", "request_id", b2s(c.rid), "error", err.Error())
			return errInternal
		}
		id, err := c.s.rec.Append(context.Background(), rec)
		if err != nil {
			c.s.cfg.Logger.Error("transport: receipt append failed", "request_id", b2s(c.rid), "error", err.Error())
			return errReceiptFailed
		}
		c.s.m.countDecision(dec.Decision)
		listed := c.listed(c.findings)
		b := c.growOut(listed, withValues)
		b = append(b, `{"request_id":`...)
		b = appendJSONString(b, b2s(cf.requestID))
		b = append(b, `,"trace_id":`...)
		b = appendJSONString(b, b2s(cf.traceID))
		b = append(b, `,"decision":`...)
		b = appendJSONString(b, dec.Decision)
		b = append(b, `,"receipt_id":`...)
		b = appendJSONString(b, id)
		b = append(b, ',')
		b = c.appendPolicyFields(b)
		b = append(b, `,"matched_rules":`...)
		b = appendJSONStrings(b, dec.MatchedRules)
		b = append(b, `,"transform_plan":[`...)
		for i, st := range dec.TransformPlan {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"entity_type":`...)
			b = appendJSONString(b, st.EntityType)
			b = append(b, `,"mode":`...)
			b = appendJSONString(b, st.Mode)
			b = append(b, '}')
		}
		b = append(b, `],"findings":`...)
		b = appendFindings(b, listed, text, vals, withValues)
		b = appendTruncation(b, len(listed), len(c.findings))
		if dec.Reason != "" { // omitted when empty, as datafog-api does
			b = append(b, `,"reason":`...)
			b = appendJSONString(b, dec.Reason)
		}
		c.out = append(b, "}\n"...)
		c.sendJSON(fasthttp.StatusOK)
		return nil
	})
}

// buildReceipt builds the receipt of a decision: ids, decision, the action,
// and keyed hashes only (input_hash of the text, action_hash of the
// canonical action JSON, value_hash of each finding's value). The strings
// are copied, since the record outlives the request buffers. A store that
// summarizes findings (FindingSets, as *receipts.Log does) gets the
// summary: the first findings listed, all of them counted and under the
// receipt's findings_root, so a receipt's size does not grow with the
// findings. Any other store gets every finding.
func (c *call) buildReceipt(cf commonFields, ids [3][]byte, act *policy.Action, dec *policy.Decision, text []byte, vals []string) (*receipts.Record, error) {
	h := c.s.rec
	rec := &receipts.Record{
		Timestamp:     time.Now().UTC(),
		RequestID:     string(cf.requestID),
		TraceID:       string(cf.traceID),
		TenantID:      string(ids[0]),
		ActorID:       string(ids[1]),
		SessionID:     string(ids[2]),
		PolicyID:      c.pol.Policy.PolicyID,
		PolicyVersion: c.pol.Policy.PolicyVersion,
		Decision:      dec.Decision,
		MatchedRules:  append([]string{}, dec.MatchedRules...),
		Reason:        dec.Reason,
		Action: receipts.Action{
			Type: strings.Clone(act.Type), Tool: strings.Clone(act.Tool), Resource: strings.Clone(act.Resource),
			Command: strings.Clone(act.Command), Adapter: strings.Clone(act.Adapter), Sensitive: act.Sensitive,
		},
		ActionHash: h.Hash(appendActionJSON(nil, act)),
		Caller:     c.caller(),
	}
	for _, a := range act.Args {
		rec.Action.Args = append(rec.Action.Args, strings.Clone(a))
	}
	for _, st := range dec.TransformPlan {
		rec.TransformPlan = append(rec.TransformPlan, receipts.TransformStep{EntityType: st.EntityType, Mode: st.Mode})
	}
	if text != nil {
		rec.InputHash = h.Hash(text)
	}
	value := func(i int) []byte {
		switch f := &c.findings[i]; {
		case text != nil:
			return text[f.Start:f.End]
		case i < len(vals) && vals[i] != "":
			return []byte(vals[i])
		}
		return nil
	}
	if sets, ok := h.(FindingSets); ok {
		set := sets.NewFindingSet()
		for i := range c.findings {
			f := &c.findings[i]
			set.AddValue(string(f.Type), f.Start, f.End, f.Confidence, value(i))
		}
		return rec, set.Fill(rec)
	}
	rec.Findings = make([]receipts.Finding, len(c.findings))
	for i := range c.findings {
		f := &c.findings[i]
		rf := &rec.Findings[i]
		rf.EntityType, rf.Start, rf.End, rf.Confidence = string(f.Type), f.Start, f.End, f.Confidence
		if v := value(i); v != nil {
			rf.ValueHash = h.Hash(v)
		}
	}
	return rec, nil
}

// FindingSets is implemented by receipt stores that summarize a decision's
// findings as they are added (*receipts.Log does); /v1/decide then never
// holds more than the listed findings of a receipt in memory.
type FindingSets interface {
	// NewFindingSet returns an empty set under the store's keys.
	NewFindingSet() *receipts.FindingSet
}

// appendActionJSON appends the canonical JSON of an action: every field,
// in a fixed order, empty ones included. action_hash is the keyed hash of
// these bytes.
func appendActionJSON(dst []byte, a *policy.Action) []byte {
	dst = append(dst, `{"type":`...)
	dst = appendJSONString(dst, a.Type)
	dst = append(dst, `,"tool":`...)
	dst = appendJSONString(dst, a.Tool)
	dst = append(dst, `,"resource":`...)
	dst = appendJSONString(dst, a.Resource)
	dst = append(dst, `,"command":`...)
	dst = appendJSONString(dst, a.Command)
	dst = append(dst, `,"adapter":`...)
	dst = appendJSONString(dst, a.Adapter)
	dst = append(dst, `,"args":`...)
	dst = appendJSONStrings(dst, a.Args)
	dst = append(dst, `,"sensitive":`...)
	dst = strconv.AppendBool(dst, a.Sensitive)
	return append(dst, '}')
}

// transformerCache keeps one Transformer per single mode; requests with
// entity_modes build their own.
type transformerCache struct {
	mu     sync.Mutex
	byMode map[transform.Mode]*transform.Transformer
}

func (tc *transformerCache) get(mode transform.Mode, key []byte) (*transform.Transformer, error) {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	if t := tc.byMode[mode]; t != nil {
		return t, nil
	}
	t, err := transform.New(transform.Options{Default: mode, Key: key})
	if err != nil {
		return nil, err
	}
	if tc.byMode == nil {
		tc.byMode = make(map[transform.Mode]*transform.Transformer)
	}
	tc.byMode[mode] = t
	return t, nil
}

// parseMode parses the mode named by field and checks that the modes
// needing the HMAC key have one.
func (s *Server) parseMode(field string, b []byte) (transform.Mode, *apiError) {
	m, err := transform.ParseMode(b2s(b))
	if err != nil {
		return "", errUnknownMode(field, b)
	}
	if (m == transform.Tokenize || m == transform.Hash) && len(s.cfg.TokenKey) == 0 {
		return "", errInvalid("tokenize and hash modes are not configured on this server")
	}
	return m, nil
}

// transform serves POST /v1/transform and, with anonymize set,
// POST /v1/anonymize (every finding anonymized; mode fields ignored).
func (c *call) transform(anonymize bool) *apiError {
	obj, e := c.readJSON()
	if e != nil {
		return e
	}
	members := transformMembers
	if anonymize {
		members = anonymizeMembers
	}
	if e := onlyMembers(obj, members, ""); e != nil {
		return e
	}
	cf, e := c.common(obj)
	if e != nil {
		return e
	}
	text, e := strField(obj, "text", 0)
	if e != nil {
		return e
	}
	if len(text) == 0 {
		return errInvalid("text is required")
	}
	mode := transform.Anonymize
	var perEntity map[engine.EntityType]transform.Mode
	c.canon = strconv.AppendBool(c.canon[:0], anonymize)
	if !anonymize {
		mode = transform.Redact
		mb, e := strField(obj, "mode", 32)
		if e != nil {
			return e
		}
		if len(mb) > 0 {
			if mode, e = c.s.parseMode("mode", mb); e != nil {
				return e
			}
		}
		c.canon = appendCanon(c.canon, string(mode))
		if em := field(obj, "entity_modes"); em != nil {
			o, err := em.Object()
			if err != nil {
				return errInvalid("entity_modes must be an object")
			}
			perEntity = make(map[engine.EntityType]transform.Mode, o.Len())
			var bad *apiError
			o.Visit(func(k []byte, v *fastjson.Value) {
				if bad != nil {
					return
				}
				k = trimSpace(k)
				mb, err := v.StringBytes()
				if len(k) == 0 || len(k) > maxEntityTypeLen || err != nil {
					bad = errInvalid("entity_modes keys must be entity types and values mode names")
					return
				}
				if _, err := c.pol.Engine.Filter([]string{b2s(k)}); err != nil {
					bad = errUnknownTypes(c.pol.Engine, "entity_modes", []string{b2s(k)})
					return
				}
				m, e := c.s.parseMode("entity_modes", mb)
				if e != nil {
					bad = e
					return
				}
				perEntity[engine.EntityType(string(k))] = m
			})
			if bad != nil {
				return bad
			}
			keys := make([]string, 0, len(perEntity))
			for k := range perEntity {
				keys = append(keys, string(k))
			}
			sort.Strings(keys)
			for _, k := range keys {
				c.canon = appendCanon(c.canon, k)
				c.canon = appendCanon(c.canon, string(perEntity[engine.EntityType(k)]))
			}
		}
	}
	var e2 *apiError
	minConf, e2 := c.minConfField(obj)
	if e2 != nil {
		return e2
	}
	c.canon = strconv.AppendFloat(c.canon, minConf, 'g', -1, 64)
	c.findings, _, e2 = parseFindings(c.findings[:0], nil, field(obj, "findings"), len(text))
	if e2 != nil {
		return e2
	}
	given := len(c.findings) > 0
	if given {
		sort.SliceStable(c.findings, func(i, j int) bool { return c.findings[i].Start < c.findings[j].Start })
		for i := 1; i < len(c.findings); i++ {
			if c.findings[i].Start < c.findings[i-1].End {
				return errInvalid("findings must not overlap")
			}
		}
	}
	c.canon = appendCanon(c.canon, b2s(text))
	for i := range c.findings {
		f := &c.findings[i]
		c.canon = appendCanon(c.canon, string(f.Type))
		c.canon = strconv.AppendInt(c.canon, f.Start, 10)
		c.canon = append(c.canon, ':')
		c.canon = strconv.AppendInt(c.canon, f.End, 10)
	}
	return c.idempotent(cf, func() *apiError {
		var t *transform.Transformer
		var err error
		if perEntity != nil {
			t, err = transform.New(transform.Options{Default: mode, PerEntity: perEntity, Key: c.s.cfg.TokenKey})
		} else {
			t, err = c.s.xfm.get(mode, c.s.cfg.TokenKey)
		}
		if err != nil {
			return errInvalid("invalid transform configuration")
		}
		if !given {
			c.findings = c.pol.Engine.Scan(c.findings[:0], text, defaultFilter(minConf))
			c.s.m.scanned.Add(uint64(len(text)))
		}
		c.s.m.countFindings(c.findings)
		// c.body is free once parsed: fastjson copied it, and text borrows
		// from the parser's copy. The output reuses its capacity.
		output, st := t.Apply(c.body[:0], text, c.findings)
		c.body = output
		b := append(c.out[:0], `{"request_id":`...)
		b = appendJSONString(b, b2s(cf.requestID))
		b = append(b, `,"trace_id":`...)
		b = appendJSONString(b, b2s(cf.traceID))
		b = append(b, `,"output":`...)
		b = appendJSONString(b, b2s(output))
		b = append(b, ',')
		b = c.appendPolicyFields(b)
		b = append(b, `,"stats":{"entities_transformed":`...)
		b = strconv.AppendInt(b, int64(st.Transformed), 10)
		b = append(b, `,"modes_applied":`...)
		b = appendJSONString(b, modesApplied(t, st))
		c.out = append(b, "}}\n"...)
		c.sendJSON(fasthttp.StatusOK)
		return nil
	})
}

// modesApplied renders datafog-api's stats.modes_applied: the sorted,
// comma-separated "entity_type:mode" pairs that were applied.
func modesApplied(t *transform.Transformer, st transform.Stats) string {
	parts := make([]string, 0, len(st.ByType))
	for typ := range st.ByType {
		parts = append(parts, string(typ)+":"+string(t.ModeFor(typ)))
	}
	sort.Strings(parts)
	return strings.Join(parts, ",")
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// receipt serves GET /v1/receipts/{id}.
func (c *call) receipt(id []byte) *apiError {
	if len(c.ctx.Request.Header.Peek(forwardedHeader)) == 0 {
		if base := c.s.cfg.Peers.baseFor(receiptNode(id)); base != "" {
			return c.forwardReceipt(base, id)
		}
	}
	rec, err := c.s.rec.Get(string(id))
	if err != nil {
		if errors.Is(err, receipts.ErrNotFound) {
			return errReceiptNotFound
		}
		c.s.cfg.Logger.Error("transport: receipt read failed", "request_id", b2s(c.rid), "error", err.Error())
		return errReceiptRead
	}
	// Encoded like every other response: '<', '>' and '&' unescaped.
	buf := bytes.NewBuffer(c.out[:0])
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rec); err != nil {
		return errInternal
	}
	c.out = buf.Bytes()
	c.sendJSON(fasthttp.StatusOK)
	return nil
}

// policyVersion serves GET /v1/policy/version.
func (c *call) policyVersion() *apiError {
	b := append(c.out[:0], '{')
	b = c.appendPolicyFields(b)
	c.out = append(b, "}\n"...)
	c.sendJSON(fasthttp.StatusOK)
	return nil
}

// health serves GET /health, which names the build too (version, commit,
// built_at; see internal/buildinfo): "ok", or "degraded" with a 503 while the
// receipt log is failed (a failed write or fsync, or no room on its disk:
// it acknowledges nothing until it recovers in place, which it retries
// every few seconds; scans keep being served).
func (c *call) health() *apiError {
	status, code, rs := "ok", fasthttp.StatusOK, "ok"
	if c.s.rec.Err() != nil {
		status, code, rs = "degraded", fasthttp.StatusServiceUnavailable, "failed"
	}
	b := append(c.out[:0], `{"status":`...)
	b = appendJSONString(b, status)
	b = append(b, ',')
	b = c.appendPolicyFields(b)
	b = append(b, `,"started_at":`...)
	b = appendJSONString(b, c.s.start.Format(time.RFC3339))
	b = append(b, `,"receipts":`...)
	b = appendJSONString(b, rs)
	bi := buildinfo.Get()
	b = append(b, `,"version":`...)
	b = appendJSONString(b, bi.Version)
	b = append(b, `,"commit":`...)
	b = appendJSONString(b, bi.Commit)
	b = append(b, `,"built_at":`...)
	b = appendJSONString(b, bi.Date)
	c.out = append(b, "}\n"...)
	c.sendJSON(code)
	return nil
}

// metricsPage serves GET /metrics: Prometheus text, or datafog-api's JSON
// shape for Accept: application/json.
func (c *call) metricsPage() *apiError {
	if bytes.Contains(c.ctx.Request.Header.Peek(fasthttp.HeaderAccept), []byte(contentTypeJSON)) {
		c.out = c.s.m.appendJSON(c.out[:0])
		c.sendJSON(fasthttp.StatusOK)
		return nil
	}
	c.out = c.s.m.appendPrometheus(c.out[:0], c.s.rec)
	c.out = c.s.appendServerMetrics(c.out)
	c.out = c.s.appendSecurityMetrics(c.out)
	c.out = c.s.appendOpsMetrics(c.out)
	c.out = appendGoMetrics(c.out)
	c.out = appendProcessMetrics(c.out)
	c.ctx.SetStatusCode(fasthttp.StatusOK)
	c.ctx.SetContentType("text/plain; version=0.0.4; charset=utf-8")
	c.s.setBody(c.ctx, c.out)
	return nil
}
