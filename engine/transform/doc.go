// Package transform rewrites the findings of an engine scan in text, either
// over a whole buffer ([Transformer.Apply]) or as a stream ([Writer]); for the
// same input both produce identical bytes.
//
// # Modes
//
//   - mask: format-preserving. Every ASCII letter and digit of the value
//     becomes '*', every non-ASCII character (UTF-8 sequence) becomes one '*',
//     and other ASCII bytes (separators such as '-', ' ', '@', '.') are kept.
//     A credit_card keeps its last four digits:
//     "4111 1111 1111 1111" becomes "**** **** **** 1111".
//   - redact: the value becomes "[REDACTED]".
//   - tokenize: the value becomes "tok_" followed by the first 16 lowercase hex
//     digits (64 bits) of HMAC-SHA256(key, entity_type || 0x00 || value).
//     The same (type, value) pair always gives the same token under the same
//     key, across requests and processes.
//   - hash: the value becomes the 64 lowercase hex digits of
//     HMAC-SHA256(key, value).
//   - anonymize: the value becomes a typed placeholder "<TYPE_N>", where TYPE
//     is the entity type in upper case (bytes other than [A-Za-z0-9_] become
//     '_') and N counts the distinct values of that type, from 1, in order of
//     first appearance within one Apply call or one Writer stream. The same
//     value gets the same number: "<EMAIL_1> wrote to <EMAIL_2> and <EMAIL_1>".
//
// The key for tokenize and hash is supplied in [Options.Key]; it should be at
// least 32 random bytes and kept secret, since anyone holding it can confirm a
// guessed value.
//
// # Re-scan safety
//
// Output of redact, tokenize, hash and anonymize contains no bytes of the
// original value, and a re-scan of redact and anonymize output finds none of
// the replaced types: "[REDACTED]" and "<TYPE_N>" hold no digits or '@' and
// their brackets end an assignment value, and the engine's api_key detector
// recognises tokenize's own "tok_" + 16-hex tokens and does not report them.
// Hash output is a 64-hex-digit string by design, so where it stands as the
// value of a secret assignment ("password=<hex>") the api_key detector
// reports it again, as it would a real hex secret; it reveals nothing of the
// value, but a pipeline that re-scans transformed text should use redact,
// tokenize or anonymize for api_key. Mask keeps
// separators and, for credit cards, the last four digits; four digits alone
// are not a finding of any built-in type, but a masked value keeps its shape
// (length and separators), so mask is not re-scan safe in general.
package transform
