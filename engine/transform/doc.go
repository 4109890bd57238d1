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
//     See "Anonymize memory" for streams with very many distinct values.
//
// The key for tokenize and hash is supplied in [Options.Key]; it should be at
// least 32 random bytes and kept secret, since anyone holding it can confirm a
// guessed value.
//
// # Anonymize memory
//
// A transform numbers the first [AnonymizeBudget] (16,384) distinct values
// it anonymizes, of all types together, and remembers a 16-byte digest of
// each (SHA-256 of type, 0x00 and value, truncated; never the value): about
// 43 bytes a value, 0.7 MB for the whole budget. A value first seen after
// that gets no number and costs no memory: its placeholder is "<TYPE_", a
// pseudonym of 20 letters from "bcdfghjkmnpqrstv", and ">", for example
// "<EMAIL_kqbtrmdfnhgpcsvjtkbd>". The letters encode, 4 bits each, the
// first 80 bits of HMAC-SHA256(stream key, type || 0x00 || value). So
// memory stays bounded (under 1 MB per transform) whatever the input, and
// every value still keeps one placeholder for the whole transform: a
// numbered value keeps its number, and a pseudonym is a function of the
// value.
//
// The stream key is 32 random bytes (crypto/rand) drawn by each Apply call
// or Writer stream when it first needs a pseudonym, never the tokenize/hash
// key: like the numbers, pseudonyms link occurrences within one transform
// only, so outputs of two requests cannot be joined on them, and nobody,
// the operator included, can confirm a guessed value against one. The
// price is that two transforms of the same input give different
// pseudonyms; for placeholders that are stable across requests and
// processes, use tokenize with a key. Apply and a Writer give identical
// bytes for the same input up to the budget; past it they agree on every
// number and differ only in pseudonyms.
//
// Pseudonym letters hold no digits and no vowels, so a re-scan finds no
// number, word or hex secret in them. Two distinct values share a pseudonym
// with probability below 1e-10 among 10 million in one stream.
//
// # Re-scan safety
//
// Output of redact, tokenize, hash and anonymize contains no bytes of the
// original value, and a re-scan of redact and anonymize output finds none of
// the replaced types: "[REDACTED]", "<TYPE_N>" and "<TYPE_pseudonym>" hold
// no '@' and no digits beyond N, their brackets end an assignment value,
// and the engine's api_key detector
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
