package baseline

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Finding is one baseline match: byte offsets [Start, End) into the text.
type Finding struct {
	EntityType string  `json:"entity_type"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Confidence float64 `json:"confidence"`
}

// entityPattern is one entity type's regexp and optional validator, which
// sees each regexp match and keeps it only when it returns true.
type entityPattern struct {
	re         *regexp.Regexp
	validate   func(string) bool
	confidence float64
}

// patterns are the eight datafog-api entity types, one regexp each.
var patterns = map[string]entityPattern{
	"email":       {re: regexp.MustCompile(`(?i)\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b`), confidence: 0.99},
	"phone":       {re: regexp.MustCompile(`(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}`), confidence: 0.88},
	"ssn":         {re: regexp.MustCompile(`\b\d{3}-\d{2}-\d{4}\b`), confidence: 0.99},
	"api_key":     {re: regexp.MustCompile(`(?i)\b(?:api[_-]?key|apikey|token|secret)\s*[:=]\s*[A-Za-z0-9]{16,64}\b`), confidence: 0.94},
	"credit_card": {re: regexp.MustCompile(`\b(?:\d[ -]?){12,18}\d\b`), validate: luhnString, confidence: 0.95},
	"ip_address":  {re: regexp.MustCompile(`\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b`), validate: octetsInRange, confidence: 0.9},
	"date": {re: regexp.MustCompile(`\b(?:\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}[-/]\d{1,2}[-/]\d{2,4}|` +
		`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})\b`), confidence: 0.85},
	"zip_code": {re: regexp.MustCompile(`\b\d{5}(?:-\d{4})?\b`), confidence: 0.8},
}

// patternOrder is the sorted list of entity types; the scan runs them in
// this order.
var patternOrder = func() []string {
	names := make([]string, 0, len(patterns))
	for n := range patterns {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}()

// Types returns the entity types the baseline scanner knows, sorted.
func Types() []string { return append([]string(nil), patternOrder...) }

// Scan runs every requested entity type's regexp over text in sequence and
// returns the matches that pass validation, grouped by type (not sorted by
// offset, and possibly overlapping: that is how the baseline behaves). A nil
// or empty filter means every type; names are matched case-insensitively.
func Scan(text string, filter []string) []Finding {
	var want map[string]bool
	if len(filter) > 0 {
		want = make(map[string]bool, len(filter))
		for _, f := range filter {
			want[strings.ToLower(strings.TrimSpace(f))] = true
		}
	}
	findings := make([]Finding, 0)
	for _, name := range patternOrder {
		if want != nil && !want[name] {
			continue
		}
		p := patterns[name]
		for _, loc := range p.re.FindAllStringIndex(text, -1) {
			if p.validate != nil && !p.validate(text[loc[0]:loc[1]]) {
				continue
			}
			findings = append(findings, Finding{EntityType: name, Start: loc[0], End: loc[1], Confidence: p.confidence})
		}
	}
	return findings
}

// luhnString reports whether the digits of s (ignoring spaces and dashes)
// number 13 to 19 and pass the Luhn check.
func luhnString(s string) bool {
	digits := make([]int, 0, len(s))
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits = append(digits, int(c-'0'))
		case c == ' ' || c == '-':
		default:
			return false
		}
	}
	if len(digits) < 13 || len(digits) > 19 {
		return false
	}
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := digits[i]
		if (len(digits)-1-i)%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// octetsInRange reports whether each dot-separated part of s is 0-255.
func octetsInRange(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > 255 {
			return false
		}
	}
	return true
}
