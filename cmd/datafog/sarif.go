package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/internal/buildinfo"
)

// SARIF 2.1.0 for code scanning (GitHub and other consumers). The log has
// one run: a result per finding, streamed as found, then the tool with
// one rule per entity type that has a result (metadata from the detector
// registry: the type's family and how it is confirmed), and the run's
// counts as properties. A result carries its rule, a level, a message, the
// file (relative paths under the %SRCROOT% base), a region (start and end
// line and column, columns in Unicode code points as columnKind says, and
// the byte offset and length) and the keyed fingerprint under
// partialFingerprints["datafogFingerprint/v1"]. No raw value appears
// anywhere: there are no snippets, and --show-values is refused with this
// format.

// sarifFingerprintKey is the partialFingerprints entry that holds a
// finding's fingerprint.
const sarifFingerprintKey = "datafogFingerprint/v1"

// sarifSchemaURI is the $schema a SARIF log names.
const sarifSchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

// stdinURI is the artifact URI of findings read from standard input.
const stdinURI = "stdin"

type sarifReporter struct {
	w     *bufio.Writer
	meta  *reportMeta
	rules []engine.EntityType
	index map[engine.EntityType]int
	n     int
	enc   *json.Encoder
}

func newSARIFReporter(w *bufio.Writer, meta *reportMeta) *sarifReporter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &sarifReporter{w: w, meta: meta, index: map[engine.EntityType]int{}, enc: enc}
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          map[string]any    `json:"properties"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI       string `json:"uri"`
			URIBaseID string `json:"uriBaseId,omitempty"`
		} `json:"artifactLocation"`
		Region struct {
			StartLine   int64 `json:"startLine"`
			StartColumn int64 `json:"startColumn"`
			EndLine     int64 `json:"endLine"`
			EndColumn   int64 `json:"endColumn"`
			ByteOffset  int64 `json:"byteOffset"`
			ByteLength  int64 `json:"byteLength"`
		} `json:"region"`
	} `json:"physicalLocation"`
}

func (s *sarifReporter) header() error {
	_, err := fmt.Fprintf(s.w, `{"$schema":%q,"version":"2.1.0","runs":[{"columnKind":"unicodeCodePoints","results":[`, sarifSchemaURI)
	return err
}

func (s *sarifReporter) finding(r *record) error {
	sep := ",\n"
	if s.n == 0 {
		if err := s.header(); err != nil {
			return err
		}
		sep = "\n"
	}
	s.n++
	if _, err := s.w.WriteString(sep); err != nil {
		return err
	}
	idx, ok := s.index[r.typ]
	if !ok {
		idx = len(s.rules)
		s.index[r.typ] = idx
		s.rules = append(s.rules, r.typ)
	}
	info := s.meta.entities[r.typ]
	res := sarifResult{
		RuleID: string(r.typ), RuleIndex: idx, Level: sarifLevel(info.Family),
		Message: sarifText{Text: fmt.Sprintf("%s (%s) found with confidence %s; the value is withheld.",
			r.typ, familyOf(info), formatConfidence(r.conf))},
		PartialFingerprints: map[string]string{sarifFingerprintKey: r.fingerprint},
		Properties:          map[string]any{"confidence": r.conf},
	}
	var loc sarifLocation
	al := &loc.PhysicalLocation.ArtifactLocation
	if r.named {
		al.URI, al.URIBaseID = sarifURI(r.file)
	} else {
		al.URI = stdinURI
	}
	reg := &loc.PhysicalLocation.Region
	reg.StartLine, reg.StartColumn = r.from.line, r.from.col+1
	reg.EndLine, reg.EndColumn = r.to.line, r.to.col+1
	reg.ByteOffset, reg.ByteLength = r.start, r.end-r.start
	res.Locations = []sarifLocation{loc}
	return s.enc.Encode(res) // Encode ends the line
}

func (s *sarifReporter) finish(sum *summary) error {
	if s.n == 0 {
		if err := s.header(); err != nil {
			return err
		}
	}
	if _, err := s.w.WriteString("],\n\"tool\":"); err != nil {
		return err
	}
	rules := make([]sarifRule, len(s.rules))
	for i, t := range s.rules {
		rules[i] = newSARIFRule(t, s.meta.entities[t])
	}
	driver := map[string]any{"driver": map[string]any{
		"name": "datafog", "version": buildinfo.Get().Version, "informationUri": "https://github.com/datafog/datafog-api",
		"rules": rules,
	}}
	if err := s.enc.Encode(driver); err != nil {
		return err
	}
	if _, err := s.w.WriteString(`,"properties":`); err != nil {
		return err
	}
	if err := s.enc.Encode(map[string]any{
		"filesScanned": sum.filesScanned, "filesSkipped": sum.filesSkipped, "bytesScanned": sum.bytesScanned,
		"findings": sum.findings, "suppressedInlineAllow": sum.allowed, "suppressedIgnoreFile": sum.ignored,
		"suppressedBaseline": sum.baselined,
	}); err != nil {
		return err
	}
	_, err := s.w.WriteString("}]}\n")
	return err
}

// sarifRule is a reportingDescriptor.
type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifText         `json:"help"`
	DefaultConfiguration map[string]string `json:"defaultConfiguration"`
	Properties           map[string]any    `json:"properties"`
}

func newSARIFRule(t engine.EntityType, info engine.EntityInfo) sarifRule {
	family := familyOf(info)
	confirm := info.ConfirmedBy
	if confirm == "" {
		confirm = "a detector of this type"
	}
	help := fmt.Sprintf("A %s value (%s) was found, confirmed by: %s. "+
		"Remove it from the file; if it is a credential, revoke it and issue a new one, since it stays in the history of version control. "+
		"To accept a finding, add `%s` to its line, add its fingerprint to %s, or record it in a baseline report (datafog scan --baseline).",
		t, family, confirm, allowMarker, ignoreFileName)
	md := fmt.Sprintf("A **%s** value (%s) was found.\n\nConfirmed by: %s.\n\n"+
		"- Remove it from the file. If it is a credential, revoke it and issue a new one: it stays in the history of version control.\n"+
		"- To accept a finding, add `%s` to its line, add its fingerprint to `%s`, or record it in a baseline report (`datafog scan --baseline`).\n",
		t, family, confirm, allowMarker, ignoreFileName)
	return sarifRule{
		ID: string(t), Name: pascalCase(string(t)),
		ShortDescription:     sarifText{Text: fmt.Sprintf("%s (%s)", t, family)},
		FullDescription:      sarifText{Text: confirm},
		Help:                 sarifText{Text: help, Markdown: md},
		DefaultConfiguration: map[string]string{"level": sarifLevel(info.Family)},
		Properties: map[string]any{
			"tags":              []string{"security", family},
			"security-severity": strconv.FormatFloat(securitySeverity(info.Family), 'f', 1, 64),
			"precision":         precisionOf(info.DefaultConfidence),
		},
	}
}

// familyOf is the family of a type, "custom" when unknown.
func familyOf(info engine.EntityInfo) string {
	if info.Family == "" {
		return "custom"
	}
	return info.Family
}

// securitySeverity rates a family on GitHub's 0-10 scale (9.0 and up is
// critical, 7.0 high, 4.0 medium, below that low): a credential gives
// access at once; an identity or account number enables fraud; contact
// and other personal data are a privacy exposure.
func securitySeverity(family string) float64 {
	switch family {
	case "secret":
		return 9.0
	case "financial", "national_id":
		return 7.5
	case "contact", "personal", "crypto", "dictionary":
		return 5.0
	case "location", "vehicle", "device":
		return 4.0
	case "network":
		return 3.0
	}
	return 5.0
}

// sarifLevel maps a family's severity to a SARIF level.
func sarifLevel(family string) string {
	switch sev := securitySeverity(family); {
	case sev >= 7:
		return "error"
	case sev >= 4:
		return "warning"
	}
	return "note"
}

// precisionOf maps a type's default confidence to SARIF's precision
// property (very-high, high, medium, low).
func precisionOf(conf float64) string {
	switch {
	case conf >= 0.9:
		return "very-high"
	case conf >= 0.75:
		return "high"
	case conf >= 0.5:
		return "medium"
	}
	return "low"
}

// pascalCase turns "aws_access_key" into "AwsAccessKey".
func pascalCase(s string) string {
	var b strings.Builder
	for _, part := range strings.Split(s, "_") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// sarifURI returns a file's artifact URI: a relative path under the
// %SRCROOT% base, or a file: URI for an absolute path.
func sarifURI(p string) (uri, base string) {
	s := filepath.ToSlash(p)
	if filepath.IsAbs(p) {
		return (&url.URL{Scheme: "file", Path: s}).String(), ""
	}
	return (&url.URL{Path: s}).String(), "%SRCROOT%"
}

// formatConfidence prints a confidence as the JSON formats do.
func formatConfidence(c float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.4f", c), "0"), ".")
}
