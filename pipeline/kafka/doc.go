// Package kafka is the redaction pipeline on Apache Kafka (and brokers that
// speak its protocol): it consumes input topics as a consumer group, redacts
// each record's value with the engine and policy the HTTP service uses, and
// produces the result to an output topic with the same key, headers,
// timestamp and partition number, with a receipt per record and a
// dead-letter record for each record it cannot process. docs/pipeline.md
// is the operator's guide; this comment is the format reference.
//
// # Delivery
//
// Exactly-once (the default) follows franz-go's consume-transform-produce
// pattern: a kgo.GroupTransactSession polls with read_committed, and each
// poll becomes one transaction holding the output, receipt and dead-letter
// records and the group's offsets (TxnOffsetCommit). Every record is
// flushed and acknowledged before the transaction is committed; a failed
// record, a rebalance or a failed offset commit aborts it, and the session
// rewinds to the last committed offsets. Before joining the group a worker
// initializes its transactional id, which aborts a transaction its previous
// run left open and fences that run. At-least-once polls with rebalances
// blocked, produces idempotently, flushes, and only then commits offsets.
//
// # Receipt records
//
// One receipt per input record goes to the receipts topic, partition
// (input partition mod receipts partitions), key "<topic>/<partition>"
// of the input. The value is JSON written in this field order:
//
//	{"v":1,"seq":N,"prev":"<64 hex>","topic":"…","partition":P,"offset":O,
//	 "timestamp":MS,"outcome":"redacted|clean|dead_letter"[,"error":"<code>"],
//	 "findings":{"<type>":N,…},"unredacted":N,"time":"<RFC 3339, UTC>",
//	 "worker":"<transactional id>","plan":{"format","mode","entities",
//	 "fields"?,"delivery"},"policy_id":"…","policy_version":"…"
//	 [,"key_hash":"<64 hex>"],"value_hash":"<64 hex>","value_bytes":N
//	 [,"output_hash":"<64 hex>","output_bytes":N],"mac":"<64 hex>"}
//
// topic, partition, offset and timestamp are the input record's; findings
// counts the findings replaced by type (sorted), unredacted those left in
// JSON object keys; time is when the batch was processed. key_hash,
// value_hash and output_hash are HMAC-SHA256 under the hash key of the
// input key (absent for a null key), the input value and the output value
// (absent for a dead letter): no raw value is ever written.
//
// The receipts of one input partition form a chain, so any worker can
// continue it after a rebalance: seq counts them from 1, prev is the mac
// of the chain's previous receipt (64 zeros for seq 1), and mac is
// HMAC-SHA256 under the chain key of every byte of the value before
// `,"mac":`. Editing, removing, reordering or inserting a receipt breaks
// the chain at the next receipt of that partition; receipts removed by
// retention leave a chain that verifies from its oldest retained receipt.
// Verifier checks a chain, VerifyTopic a topic and VerifyExport an export.
//
// The offset committed for an input partition carries, as its metadata,
// where the chain's last receipt is: "dfrc1 <receipts partition>
// <receipts offset> <seq> <mac hex>". Under exactly-once it is written in
// the same transaction as the receipts, so on assignment a worker reads
// that receipt back (read_committed), checks it and continues the chain
// from it; a mismatch stops the worker rather than fork the chain. Under
// at-least-once receipts can outlive a failed offset commit, so the worker
// reads from the hinted receipt to the end of the partition; without a
// hint it searches the receipts partition backwards.
//
// # Keys
//
// The pipeline key is the --key-file (at least 16 bytes, surrounding white
// space trimmed, as for `datafog redact`). It keys tokenize and hash
// itself, so tokens match `datafog redact --key-file` with the same file;
// the chain key and the hash key are HKDF-SHA256 of it (salt "datafog
// pipeline kafka", info "datafog pipeline receipt chain v1" and "datafog
// pipeline value hash v1"). No derived key is an HMAC under the pipeline
// key, so no hash-mode replacement can equal one.
//
// # Dead-letter records
//
// A record that cannot be processed goes to the dead-letter topic,
// partition (input partition mod dead-letter partitions), null key, header
// "datafog-error: <code>", value:
//
//	{"v":1,"topic":"…","partition":P,"offset":O,"timestamp":MS,
//	 "error":{"code":"<code>","message":"…"},"worker":"…"
//	 [,"key_hash":"<64 hex>"],"value_hash":"<64 hex>","value_bytes":N,"headers":N}
//
// The codes are too_large, output_too_large, invalid_json and
// decode_error. A message names byte offsets and what was expected, never
// a byte of the record. Without a dead-letter topic such a record stops the
// worker with an error naming its coordinates, and its transaction is not
// committed.
//
// # Formats
//
// text redacts the value as bytes. json requires one JSON text (RFC 8259,
// UTF-8, nesting at most MaxJSONDepth): the record is scanned whole, so
// keys and neighbouring fields give context words and `"password":"…"`
// pairs are seen as such; strings with escapes are scanned decoded. The
// parts of findings inside string values are replaced in place (a string
// with escapes is re-encoded); a number holding a finding becomes a string
// holding the replacement; object keys are kept and their findings counted
// as unredacted. --fields limits replacement to the values addressed by
// JSON Pointers (RFC 6901) and everything below them. A value that is not
// valid JSON is dead-lettered rather than redacted as text: the output
// promises JSON to its consumers, and a record that does not parse is
// often truncated or in another encoding, where text redaction would be a
// guess.
package kafka
