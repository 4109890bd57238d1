package main

import (
	"flag"
	"fmt"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/engine/policy"
)

// minConfidenceFlag registers --min-confidence on fs. Its value is -1
// until set: the policy's min_confidence (0.5 unless the policy says
// otherwise) applies then.
func minConfidenceFlag(fs *flag.FlagSet) *float64 {
	return fs.Float64("min-confidence", -1, "least confidence to report, 0 to 1 (default: the policy's min_confidence, 0.5)")
}

// withMinConfidence applies the --min-confidence value (or the policy's)
// to f. A value outside [0, 1] is an error naming the flag.
func withMinConfidence(f engine.Filter, flagValue float64, comp *policy.Compiled) (engine.Filter, error) {
	switch {
	case flagValue == -1:
		return f.WithMinConfidence(comp.MinConfidence), nil
	case flagValue >= 0 && flagValue <= 1:
		return f.WithMinConfidence(flagValue), nil
	}
	return f, fmt.Errorf("--min-confidence %g: must be from 0 to 1", flagValue)
}
