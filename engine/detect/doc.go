// Package detect is the unit a detector is written against: the Detector
// declaration (what it reports, what triggers it, its context words, its
// placeholder rule and its own examples) and the Scan through which a
// triggered detector reads the text and reports candidates.
//
// # Writing a detector
//
// A detector is one file under engine/detect/<family>/ that declares one
// exported *Detector and the functions its triggers name, and one line in
// the engine's registry (engine/registry.go). Nothing else changes: the
// engine compiles the triggers of every enabled detector into one dispatch
// table and their words into one automaton.
//
//   - Name the type by the contract: Presidio's entity name in lower case
//     where Presidio has the type, else <ISO 3166 alpha-2>_<short name>
//     for national identifiers and <provider>_<kind> for secrets.
//   - Cite the issuing authority's or provider's published definition in
//     the doc comment and in Source.
//   - Put the checksum in package validate (one file per algorithm, no
//     allocations), with a fuzz test against an independent
//     implementation (math/big, or a direct transcription of the
//     published algorithm).
//   - Declare Examples: valid ones (with the exact span), invalid ones
//     (a wrong check digit, a wrong length) and lookalikes (a number of
//     the same shape that is something else). TestRegistryExamples runs
//     them all through the whole engine.
//   - Give a secret type Placeholder: SecretPlaceholder, or a rule of its
//     own, so that documentation examples are not reported.
//
// # Triggers
//
// Pick the cheapest trigger that finds every candidate, since the scan
// stops at every trigger byte of every enabled detector:
//
//   - OnPrefix for a literal prefix ("ghp_", "xoxb-", "AKIA"). The engine
//     anchors a literal at its first punctuation byte, else its first
//     capital, and tests two neighbouring bytes before it compares
//     anything, so hundreds of literals cost one table lookup at each
//     anchor byte.
//   - OnDigits for numbers, by form: compact lengths, grouped numbers by
//     first-group length, a leading byte, a preceding '+' or '('.
//   - OnToken for identifiers that mix letters and digits ("AB123456C").
//   - OnKey for a value known by its key name ("aws_secret_access_key =").
//   - OnByte for the rest (an '@', a ':' between hex digits).
//   - OnTerms for word lists (names); it costs a pass of its own.
//
// # Confidence
//
// A finding's confidence says how sure the detector is, on one scale for
// every type (the default minimum confidence is 0.5):
//
//	0.95-1.00  confirmed by a checksum or a cryptographic structure, and
//	           (where the type has them) a context word
//	0.85-0.95  confirmed by a checksum or an unambiguous literal prefix
//	           with a structure check, no context word
//	0.60-0.80  shape only, with a context word; or a checksum that one
//	           in ten random numbers passes, with a context word
//	0.30-0.45  shape only, without a context word: found, but below the
//	           default minimum
//
// A type without a checksum needs a context word to score above 0.5.
// When a context word names the detector's type and the candidate has
// the type's shape but fails its check, the detector calls Veto, so that
// the number does not fall through to a weaker type. Credentials follow
// the same rule: a value under a provider's own variable or key name, or
// behind its own prefix, that fails the provider's check is vetoed
// (secrets/shape.VetoValue), and so is a placeholder that a detector's
// Placeholder rejects (Scan.Add). Those vetoes carry WeakVetoConf: they
// keep the generic api_key off the value, but not a credential of
// another provider that stands there.
//
// # Locality
//
// A detector triggered at anchor q reads only T[q-LookBack :
// q+Reach+2] and reports candidates that start within AnchorSpan of q
// and end by q+Reach. That is what lets the streaming Scanner decide
// exactly as a whole-buffer scan does. A detector whose candidate may be
// longer (a PEM block) reports MarkPending when the end is not in T.
package detect
