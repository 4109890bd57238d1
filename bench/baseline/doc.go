// Package baseline holds the conventional implementations that the
// benchmark suite measures our packages against, each written the way the
// alternative is usually built:
//
//   - Scanner: one Go regexp per entity type, run in sequence over the
//     whole text, with a validator on some types (the datafog-api style);
//   - Server: net/http, encoding/json and Scanner behind /v1/scan and
//     /v1/scan/stream;
//   - SyncLog: an append-only receipt file with one fdatasync per append.
//
// The automaton baseline, github.com/cloudflare/ahocorasick, is used
// directly by the benchmarks.
package baseline
