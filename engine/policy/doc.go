// Package policy reads, validates, compiles and evaluates policies.
//
// # Format
//
// A policy is a JSON object in datafog-api's format, which this package
// reads unchanged:
//
//	{
//	  "policy_id": "datafog-mvp",            required
//	  "policy_version": "v2026-02-24-1",     required
//	  "description": "...",
//	  "updated_at": "2026-02-24T00:00:00Z",  RFC 3339
//	  "rules": [                             at least one
//	    {
//	      "id": "deny-shell-api-key",        required, unique
//	      "description": "...",              the reason given when a deny rule decides
//	      "priority": 100,                   integer >= 0; higher is tried first
//	      "effect": "deny",                  allow | allow_with_redaction | transform | deny
//	      "match": {                         every non-empty list must hold
//	        "action_types": ["shell.exec"],  action.type, any of (ASCII case ignored)
//	        "tools": [...],                  action.tool, any of
//	        "resource_prefixes": [...],      action.resource starts with any of (case-sensitive);
//	                                         "resource_prefix" is accepted too
//	        "commands": [...],               action.command, any of
//	        "args": [...],                   every one among action.args
//	        "adapters": [...]                action.adapter, any of
//	      },
//	      "entity_requirements": ["api_key"],        every type among the findings
//	      "entity_transforms": [{"entity_type": "email", "mode": "mask"}],
//	      "require_sensitive_only": false            match only actions marked sensitive
//	    }
//	  ],
//
// plus four extensions:
//
//	  "dictionaries": [
//	    {"name": "staff", "entity_type": "employee_id",
//	     "terms": ["E-1001", "E-1002"] | "file": "staff.txt",
//	     "case_insensitive": true, "whole_word": true, "confidence": 0.8}
//	  ],
//	  "custom_rules": [
//	    {"name": "acme", "entity_type": "acme_token", "prefix": "acme_",
//	     "charset": "base62", "min_length": 32, "max_length": 40,
//	     "min_entropy": 3.5, "confidence": 0.9}
//	  ],
//	  "detectors": {"zip_code": {"enabled": false}, "phone": {"min_confidence": 0.7}},
//	  "min_confidence": 0.5
//	}
//
// A custom rule is a credential format of the organisation's own: a
// literal prefix (3 to 64 printable bytes, at least one of them neither a
// lower-case letter nor a digit), then a body of min_length to max_length
// (default: min_length) characters of charset (a name of
// engine.CharsetNames, or the characters and ranges themselves, as in
// "A-Za-z0-9_-"), with at least min_entropy bits of Shannon entropy per
// character (0: no floor). Its entity_type must be new (not a built-in
// type). The rules are compiled into the engine's dispatch table with the
// built-in prefixes (engine.CustomRule), so they cost no pass of their
// own, and a rule's type may be named in rules like any other.
//
// min_confidence is the least confidence a finding needs to be reported
// (0.5 when absent); a request's "min_confidence" or the CLI's
// --min-confidence overrides it. A detector's own min_confidence drops
// that detector's candidates before overlaps are resolved.
//
// Dictionary files are relative to the policy file's directory and hold
// one term per line. All dictionaries together hold at most MaxTerms
// terms. A dictionary's entity_type may then be used in rules like a
// built-in type. Modes are those of package transform: mask, redact,
// tokenize, hash and anonymize.
//
// Parse rejects a bad document with a *ValidationError listing every
// problem at once (wrong JSON types, unknown fields, missing or duplicate
// ids, unsupported effects and modes, unknown entity types, empty
// conditions, negative priorities, too many terms), each naming where it
// is, e.g. `rules[3] "deny-x": unsupported effect "block"`.
//
// A decision's default transform plan (when no matching rule gives
// entity_transforms) is datafog-api's eight-type plan followed by every
// other type found, redacted.
//
// # Evaluation
//
// See Compiled.Decide. Evaluation is deterministic and follows
// datafog-api: all matching rules are collected in priority order, then
// deny wins over transform, transform over allow_with_redaction, and that
// over allow; no match denies.
//
// # Compiled form
//
// Compiled.MarshalBinary writes the policy and its engine (with the
// dictionary automata already built), versioned and checksummed, so that
// LoadCompiled starts a large dictionary without rebuilding it.
package policy
