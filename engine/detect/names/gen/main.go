// Command gen compiles the name lists in engine/detect/names/data into
// engine/detect/names/names.bin, the word table and trigger automaton the
// person detector embeds. Run it from the repository root after changing
// a list or the lexicon:
//
//	go run ./engine/detect/names/gen
//
// TestBlobMatchesSources fails until the committed names.bin is rebuilt.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/datafog/datafog-api/engine/detect/names"
)

func main() {
	dir := flag.String("dir", "engine/detect/names", "the names package directory (holds data/ and names.bin)")
	flag.Parse()
	img, err := names.Build(os.DirFS(filepath.Join(*dir, "data")))
	if err == nil {
		err = os.WriteFile(filepath.Join(*dir, "names.bin"), img, 0o644) // #nosec G306 -- a source file of the repository
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	stats, err := names.Stats(img)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("gen: wrote %s: %d bytes; %s\n", filepath.Join(*dir, "names.bin"), len(img), stats)
}
