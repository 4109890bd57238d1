package main

import (
	"encoding/json"
	"fmt"
)

//go:generate go test -count=1 -run TestREADMEEntityList . -update-readme

// runEntities prints every entity type the build knows, generated from
// the detector registry, with the policy's dictionary types (CONTRACT.md:
// family, how it is confirmed, context words, default confidence).
func runEntities(args []string, env *environment) int {
	fs := newFlagSet(env, "entities", "entities [--policy FILE]")
	policyPath := fs.String("policy", "", "policy JSON or compiled policy whose settings and dictionaries apply (default: $DATAFOG_POLICY_PATH, else the embedded default)")
	if code, ok := parseFlags(fs, args, env); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "datafog entities: unexpected argument %q\n", fs.Arg(0))
		return exitError
	}
	path := *policyPath
	if path == "" {
		path = env.getenv("DATAFOG_POLICY_PATH")
	}
	comp, err := loadPolicy(path)
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog entities:", err)
		return exitError
	}
	list := comp.Engine.Entities()
	enc := json.NewEncoder(env.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(struct {
		Count    int `json:"count"`
		Entities any `json:"entities"`
	}{len(list), list}); err != nil {
		fmt.Fprintln(env.stderr, "datafog entities:", err)
		return exitError
	}
	return exitOK
}
