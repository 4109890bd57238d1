package engine

import "github.com/datafog/datafog-api/engine/detect"

// EntityInfo describes one entity type for listings (datafog entities,
// GET /v1/entities). It is generated from the detector registry.
type EntityInfo struct {
	EntityType string `json:"entity_type"`
	Family     string `json:"family"`
	// ConfirmedBy says how a candidate is confirmed: its checksum or rule.
	ConfirmedBy string `json:"confirmed_by"`
	// ContextWords are the words that raise (or, with NeedsContext, are
	// needed for) a finding, matched within 64 bytes before it.
	ContextWords      []string `json:"context_words"`
	DefaultConfidence float64  `json:"default_confidence"`
	NeedsContext      bool     `json:"needs_context"`
	// Detectors name the registry detectors that report the type, and
	// Sources the published definitions they follow.
	Detectors []string `json:"detectors"`
	Sources   []string `json:"sources"`
}

// Catalog lists every built-in entity type in BuiltinTypes order, as the
// registry declares it.
func Catalog() []EntityInfo {
	return catalog(registry, nil)
}

// Entities lists the types this engine reports: the enabled built-ins in
// BuiltinTypes order, then the custom rules' and the policy dictionaries'
// types.
func (e *Engine) Entities() []EntityInfo {
	out := catalog(append(registry[:len(registry):len(registry)], e.custom...), e.detectors)
	seen := make(map[EntityType]bool, len(out))
	for _, info := range out {
		seen[EntityType(info.EntityType)] = true
	}
	for _, d := range e.dicts {
		if seen[d.typ] {
			continue
		}
		seen[d.typ] = true
		out = append(out, EntityInfo{
			EntityType: string(d.typ), Family: "dictionary",
			ConfirmedBy:       "a term of a policy dictionary",
			ContextWords:      []string{},
			DefaultConfidence: d.conf,
			Detectors:         []string{"dictionary"},
			Sources:           []string{"the policy"},
		})
	}
	return out
}

// catalog builds the entries of reg's types that cfg does not disable.
func catalog(reg []*detect.Detector, cfg map[EntityType]DetectorConfig) []EntityInfo {
	index := map[string]int{}
	var out []EntityInfo
	for _, d := range reg {
		for _, t := range d.Types {
			if cfg[EntityType(t.Name)].Disabled {
				continue
			}
			k, ok := index[t.Name]
			if !ok {
				k = len(out)
				index[t.Name] = k
				out = append(out, EntityInfo{
					EntityType: t.Name, Family: string(t.Family), ConfirmedBy: t.Confirm,
					DefaultConfidence: t.Confidence, NeedsContext: t.NeedsContext,
					ContextWords: []string{},
				})
			}
			info := &out[k]
			info.Detectors = appendNew(info.Detectors, d.Name)
			info.Sources = appendNew(info.Sources, d.Source)
			for _, w := range d.Context {
				info.ContextWords = appendNew(info.ContextWords, w.Text)
			}
		}
	}
	return out
}

// appendNew appends s unless list holds it.
func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
