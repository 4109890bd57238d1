package suite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/datafog/datafog-api/bench/corpus"
)

// Scoring the secrets comparison. Each tool's report becomes a list of
// spans (file, byte range, what the tool called it); each span is matched
// against the corpus labels of its file.
//
//   - Recall of a family: the share of its valid labels found. For
//     datafog a label counts as found only when a finding has the label's
//     exact type and span; for gitleaks, whose rule names differ, when any
//     finding overlaps it.
//   - Precision of a family: true positives over all positives, counted
//     per distinct label or span, so a tool that reports one secret under
//     two rules is not credited twice: a valid label overlapped by a
//     finding is one true positive; a hard negative overlapped is one
//     false positive; a finding on no label (an ordinary line) is a false
//     positive of its own. A finding takes the family of the label it
//     overlaps, else of its type or rule.

// span is one finding of a tool.
type span struct {
	file       string
	start, end int
	kind       string // datafog's entity type or gitleaks' rule id
}

// corpusFile is one file of the secrets corpus and its labels, sorted.
type corpusFile struct {
	name   string
	data   []byte
	labels []corpus.Label
}

// FamilyScore is one tool's figures on one provider family.
type FamilyScore struct {
	Labels    int     `json:"labels"`
	Negatives int     `json:"hard_negatives"`
	Found     int     `json:"found"`
	TP        int     `json:"true_positives"`
	FP        int     `json:"false_positives"`
	NegHit    int     `json:"hard_negatives_flagged"`
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
}

// score returns, per family and over all families ("all"), a tool's
// figures. strict asks for datafog's exact-type recall.
func score(files map[string]*corpusFile, spans []span, strict bool, familyOfKind func(string) string) map[string]*FamilyScore {
	out := map[string]*FamilyScore{}
	fam := func(f string) *FamilyScore {
		if out[f] == nil {
			out[f] = &FamilyScore{}
		}
		return out[f]
	}
	type labelKey struct {
		file string
		i    int
	}
	hit, found := map[labelKey]bool{}, map[labelKey]bool{}
	unlabelled := map[span]bool{}
	for _, f := range files {
		for _, l := range f.labels {
			s := fam(corpus.Provider(l.Type))
			if l.Valid {
				s.Labels++
			} else {
				s.Negatives++
			}
		}
	}
	for _, sp := range spans {
		f := files[sp.file]
		if f == nil {
			continue
		}
		// Labels are sorted and disjoint: the first that ends after the
		// span's start is the only candidate, with those after it.
		i := sort.Search(len(f.labels), func(i int) bool { return f.labels[i].End > sp.start })
		any := false
		for ; i < len(f.labels) && f.labels[i].Start < sp.end; i++ {
			l := f.labels[i]
			any = true
			k := labelKey{sp.file, i}
			hit[k] = true
			if l.Valid && (!strict || l.Type == sp.kind && l.Start == sp.start && l.End == sp.end) {
				found[k] = true
			}
		}
		if !any {
			unlabelled[span{sp.file, sp.start, sp.end, ""}] = true
			fam(familyOfKind(sp.kind)).FP++
		}
	}
	for k := range hit {
		l := files[k.file].labels[k.i]
		s := fam(corpus.Provider(l.Type))
		if l.Valid {
			s.TP++
		} else {
			s.FP++
			s.NegHit++
		}
	}
	for k := range found {
		fam(corpus.Provider(files[k.file].labels[k.i].Type)).Found++
	}
	all := &FamilyScore{}
	for _, s := range out {
		all.Labels += s.Labels
		all.Negatives += s.Negatives
		all.Found += s.Found
		all.TP += s.TP
		all.FP += s.FP
		all.NegHit += s.NegHit
	}
	out["all"] = all
	for _, s := range out {
		s.Recall = ratioOr(float64(s.Found), float64(s.Labels), 0)
		s.Precision = ratioOr(float64(s.TP), float64(s.TP+s.FP), 1)
	}
	return out
}

func ratioOr(a, b, empty float64) float64 {
	if b == 0 {
		return empty
	}
	return a / b
}

// datafogSpans reads a `datafog scan --format json` report.
func datafogSpans(report []byte) ([]span, error) {
	var doc struct {
		Findings []struct {
			Type  string `json:"entity_type"`
			File  string `json:"file"`
			Start int    `json:"start"`
			End   int    `json:"end"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(report, &doc); err != nil {
		return nil, fmt.Errorf("datafog report: %w", err)
	}
	out := make([]span, 0, len(doc.Findings))
	for _, f := range doc.Findings {
		out = append(out, span{file: f.File, start: f.Start, end: f.End, kind: f.Type})
	}
	return out, nil
}

// gitleaksSpans reads a gitleaks JSON report. gitleaks gives lines, not
// offsets: a finding's span is where its Secret stands from the start of
// its StartLine on, else its lines from StartLine to EndLine.
func gitleaksSpans(report []byte, files map[string]*corpusFile) ([]span, error) {
	var doc []struct {
		RuleID             string
		File               string
		StartLine, EndLine int
		Secret             string
	}
	if err := json.Unmarshal(report, &doc); err != nil {
		return nil, fmt.Errorf("gitleaks report: %w", err)
	}
	out := make([]span, 0, len(doc))
	for _, d := range doc {
		f := files[d.File]
		if f == nil {
			return nil, fmt.Errorf("gitleaks report: unknown file %q", d.File)
		}
		from := lineStart(f.data, d.StartLine)
		sp := span{file: d.File, kind: d.RuleID}
		if i := bytes.Index(f.data[from:], []byte(d.Secret)); d.Secret != "" && i >= 0 {
			sp.start, sp.end = from+i, from+i+len(d.Secret)
		} else {
			sp.start, sp.end = from, lineStart(f.data, d.EndLine+1)
		}
		out = append(out, sp)
	}
	return out, nil
}

// lineStart returns the offset of 1-based line n of data (len(data) past
// the end).
func lineStart(data []byte, n int) int {
	off := 0
	for l := 1; l < n; l++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return len(data)
		}
		off += i + 1
	}
	return off
}

// gitleaksFamily maps a gitleaks rule id to a provider family: its first
// word, with gitleaks' names for the contract's families translated.
func gitleaksFamily(rule string) string {
	first, _, _ := strings.Cut(rule, "-")
	switch {
	case rule == "private-key":
		return "private_key"
	case rule == "generic-api-key":
		return "generic"
	case first == "gcp":
		return "google"
	}
	return first
}

// splitCorpus cuts data into files of about size bytes at line ends that
// fall outside every label, and gives each its labels.
func splitCorpus(data []byte, labels []corpus.Label, size int) []*corpusFile {
	var out []*corpusFile
	start, li := 0, 0
	for start < len(data) {
		cut := min(len(data), start+size)
		for cut < len(data) {
			nl := bytes.IndexByte(data[cut:], '\n')
			if nl < 0 {
				cut = len(data)
				break
			}
			cut += nl + 1
			if !insideLabel(labels, cut) {
				break
			}
		}
		f := &corpusFile{name: fmt.Sprintf("part-%03d.txt", len(out)), data: data[start:cut]}
		for ; li < len(labels) && labels[li].Start < cut; li++ {
			l := labels[li]
			l.Start -= start
			l.End -= start
			f.labels = append(f.labels, l)
		}
		out = append(out, f)
		start = cut
	}
	return out
}

// insideLabel reports whether offset off falls strictly inside a label.
func insideLabel(labels []corpus.Label, off int) bool {
	i := sort.Search(len(labels), func(i int) bool { return labels[i].End > off })
	return i < len(labels) && labels[i].Start < off
}
