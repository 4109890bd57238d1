// Command gen writes the engine's labelled accuracy corpus,
// engine/testdata/labelled.jsonl: one JSON record per line (see package
// engine/internal/corpus for the fields). It is deterministic: the same
// seed always writes the same bytes. Run from the repository root:
//
//	go run ./engine/testdata/gen > engine/testdata/labelled.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/datafog/datafog-api/engine/internal/corpus"
)

func main() {
	seed := flag.Uint64("seed", 20240229, "random seed")
	per := flag.Int("per-type", 100, "valid instances and hard negatives per type")
	flag.Parse()
	w := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(w)
	for _, r := range corpus.Labelled(*seed, *per) {
		if err := enc.Encode(r); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
