package policy

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/datafog/datafog-api/engine"
)

// Compiled is a validated policy with its detection engine, ready to scan
// and decide. It is immutable and safe for concurrent use.
type Compiled struct {
	// Policy is the policy compiled. A Compiled from LoadCompiled holds the
	// policy without inline dictionary terms (they live in Engine). Callers
	// must not modify it.
	Policy *Policy
	// Engine detects the built-in types as the policy's detectors settings
	// say, plus the dictionaries.
	Engine *engine.Engine
	// MinConfidence is the policy's least reported confidence (its
	// min_confidence, or engine.DefaultMinConfidence).
	MinConfidence float64

	eval evaluator
}

// newCompiled assembles a Compiled from a validated policy and its
// engine.
func newCompiled(p *Policy, eng *engine.Engine) *Compiled {
	c := &Compiled{Policy: p, Engine: eng, eval: newEvaluator(p), MinConfidence: engine.DefaultMinConfidence}
	if p.MinConfidence != nil {
		c.MinConfidence = *p.MinConfidence
	}
	return c
}

// Compile validates p, reads its dictionary files relative to baseDir
// ("" means the current directory) and builds the engine. Problems are
// reported together in a *ValidationError. p must not be modified
// afterwards.
func Compile(p *Policy, baseDir string) (*Compiled, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	cfg, problems := engineConfig(p, baseDir)
	if len(problems) > 0 {
		return nil, &ValidationError{Problems: problems}
	}
	eng, err := engine.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("policy: compile: %w", err)
	}
	return newCompiled(p, eng), nil
}

// LoadFile reads, parses and compiles the policy file at path; dictionary
// files are read relative to its directory.
func LoadFile(path string) (*Compiled, error) {
	data, err := os.ReadFile(path) // #nosec G304 -- the operator names the policy file.
	if err != nil {
		return nil, fmt.Errorf("policy: load: %w", err)
	}
	p, err := Parse(data)
	if err != nil {
		return nil, err
	}
	return Compile(p, filepath.Dir(path))
}

// Decide evaluates the policy for action a given the findings of its
// payload. Rules are tried by priority, highest first (file order among
// equals); a rule matches when every match criterion holds and every
// entity_requirements type is among the findings. Deny wins over
// transform, transform over allow_with_redaction, and that over allow; no
// matching rule denies with reason "no matching rule", and an empty
// action type denies with reason "action.type is required". The transform
// plan merges the entity_transforms of matching transform and
// allow_with_redaction rules (first rule wins per entity type); when they
// give none, it is datafog-api's default plan followed by every other type
// the policy can report, redacted.
func (c *Compiled) Decide(a Action, findings []engine.Finding) Decision {
	return c.eval.decide(a, findings)
}

// engineConfig translates p's detectors, dictionaries and custom rules, reading
// dictionary files relative to baseDir.
func engineConfig(p *Policy, baseDir string) (engine.Config, []string) {
	var cfg engine.Config
	var problems []string
	if len(p.Detectors) > 0 {
		cfg.Detectors = make(map[engine.EntityType]engine.DetectorConfig, len(p.Detectors))
		for name, s := range p.Detectors {
			cfg.Detectors[engine.EntityType(name)] = engine.DetectorConfig{
				Disabled:      s.Enabled != nil && !*s.Enabled,
				MinConfidence: s.MinConfidence,
			}
		}
	}
	if baseDir == "" {
		baseDir = "."
	}
	var root *os.Root
	total := 0
	for i, x := range p.Dictionaries {
		terms := x.Terms
		if x.File != "" {
			where := dictLabel(i, x.Name)
			if root == nil {
				r, err := os.OpenRoot(baseDir)
				if err != nil {
					problems = append(problems, fmt.Sprintf("%s: file %q: cannot open the policy directory: %v", where, clip(x.File), err))
					continue
				}
				defer r.Close()
				root = r
			}
			var fileProblems []string
			terms, fileProblems = readTerms(root, x.File, where)
			problems = append(problems, fileProblems...)
		}
		total += len(terms)
		cfg.Dictionaries = append(cfg.Dictionaries, engine.Dictionary{
			EntityType:      engine.EntityType(x.EntityType),
			Terms:           terms,
			CaseInsensitive: x.CaseInsensitive,
			WholeWord:       x.WholeWord,
			Confidence:      x.Confidence,
		})
	}
	if total > MaxTerms {
		problems = append(problems, fmt.Sprintf("dictionaries: %d terms in total, more than %d", total, MaxTerms))
	}
	for i := range p.CustomRules {
		cfg.Rules = append(cfg.Rules, p.CustomRules[i].engineRule())
	}
	return cfg, problems
}

// readTerms reads a dictionary file: one term per line, surrounding white
// space trimmed, blank lines skipped.
func readTerms(root *os.Root, name, where string) ([]string, []string) {
	data, err := root.ReadFile(name)
	if err != nil {
		return nil, []string{fmt.Sprintf("%s: file %q: %v", where, clip(name), err)}
	}
	var terms, problems []string
	for n, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
		case len(t) > MaxTermLen:
			problems = append(problems, fmt.Sprintf("%s: file %q line %d: term longer than %d bytes", where, clip(name), n+1, MaxTermLen))
		default:
			terms = append(terms, t)
		}
		if len(terms) > MaxTerms {
			problems = append(problems, fmt.Sprintf("%s: file %q: more than %d terms", where, clip(name), MaxTerms))
			return nil, problems
		}
	}
	if len(terms) == 0 && len(problems) == 0 {
		problems = append(problems, fmt.Sprintf("%s: file %q holds no terms", where, clip(name)))
	}
	return terms, problems
}

// The compiled form, all integers little-endian:
//
//	magic    [8]byte "DFPOLCMP"
//	version  uint32  (compiledVersion)
//	plen     uint32  length of the policy JSON
//	policy   [plen]byte  the policy, inline dictionary terms removed
//	elen     uint64  length of the engine blob
//	engine   [elen]byte  engine.MarshalBinary output
//	checksum uint32  CRC-32C of every preceding byte
const (
	compiledMagic   = "DFPOLCMP"
	compiledVersion = 1
	compiledHeader  = len(compiledMagic) + 4 + 4
)

// castagnoli is the CRC-32C table used for the compiled form's checksum.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// MarshalBinary writes the compiled form: the policy and the engine's
// compiled automata, versioned and checksummed, for LoadCompiled.
func (c *Compiled) MarshalBinary() ([]byte, error) {
	stripped := *c.Policy
	stripped.Dictionaries = append([]Dictionary(nil), c.Policy.Dictionaries...)
	for i := range stripped.Dictionaries {
		stripped.Dictionaries[i].Terms = nil
	}
	pj, err := stripped.Marshal()
	if err != nil {
		return nil, err
	}
	pjLen := uint64(len(pj))
	if pjLen > math.MaxUint32 {
		return nil, fmt.Errorf("policy: marshal: policy JSON of %d bytes does not fit the 32-bit length field", pjLen)
	}
	eb, err := c.Engine.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("policy: marshal engine: %w", err)
	}
	out := make([]byte, 0, compiledHeader+len(pj)+8+len(eb)+4)
	out = append(out, compiledMagic...)
	out = binary.LittleEndian.AppendUint32(out, compiledVersion)
	out = binary.LittleEndian.AppendUint32(out, uint32(pjLen))
	out = append(out, pj...)
	out = binary.LittleEndian.AppendUint64(out, uint64(len(eb)))
	out = append(out, eb...)
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, castagnoli)), nil
}

// LoadCompiled reads the output of MarshalBinary. Corrupt or truncated
// data, or another format version, is an error naming the offset.
func LoadCompiled(data []byte) (*Compiled, error) {
	if len(data) < compiledHeader+8+4 {
		return nil, fmt.Errorf("policy: load compiled: truncated: %d bytes", len(data))
	}
	if !bytes.Equal(data[:len(compiledMagic)], []byte(compiledMagic)) {
		return nil, fmt.Errorf("policy: load compiled: bad magic at offset 0")
	}
	if v := binary.LittleEndian.Uint32(data[8:]); v != compiledVersion {
		return nil, fmt.Errorf("policy: load compiled: unsupported version %d at offset 8 (want %d)", v, compiledVersion)
	}
	body := data[:len(data)-4]
	if want, got := binary.LittleEndian.Uint32(data[len(data)-4:]), crc32.Checksum(body, castagnoli); want != got {
		return nil, fmt.Errorf("policy: load compiled: bad checksum at offset %d", len(data)-4)
	}
	plen := uint64(binary.LittleEndian.Uint32(data[12:]))
	off := uint64(compiledHeader)
	if plen > uint64(len(body))-off-8 {
		return nil, fmt.Errorf("policy: load compiled: policy length %d at offset 12 exceeds the data", plen)
	}
	pj := body[off : off+plen]
	off += plen
	elen := binary.LittleEndian.Uint64(body[off:])
	if elen != uint64(len(body))-off-8 {
		return nil, fmt.Errorf("policy: load compiled: engine length %d at offset %d does not match the data", elen, off)
	}
	p, err := parse(pj, true)
	if err != nil {
		return nil, fmt.Errorf("policy: load compiled: policy at offset %d: %w", compiledHeader, err)
	}
	eng, err := engine.Load(body[off+8:])
	if err != nil {
		return nil, fmt.Errorf("policy: load compiled: engine at offset %d: %w", off+8, err)
	}
	return newCompiled(p, eng), nil
}
