package main

import "strings"

// cliMessage turns an error from the packages below into the command
// line's words: the flag at fault instead of the package that found the
// problem ("--entities: unknown entity types ..." for "engine: filter:
// unknown entity types ..."), so that `datafog scan: ...` reads as the
// user's mistake and names it. Errors that already name a flag or a file
// pass through.
func cliMessage(err error) string {
	s := err.Error()
	for _, r := range cliRewrites {
		if strings.HasPrefix(s, r.prefix) {
			return r.flag + strings.TrimPrefix(s, r.prefix) + r.hint
		}
	}
	return strings.Replace(s, ": policy: invalid policy: ", ": ", 1)
}

// cliRewrites map an internal error prefix to the flag it is about.
var cliRewrites = []struct{ prefix, flag, hint string }{
	{"engine: filter: unknown entity types ", "--entities: unknown entity types ", " (datafog entities lists them)"},
	{"transform: unknown mode ", "--mode: unknown mode ", ""},
}
