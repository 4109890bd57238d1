package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// readBaseline returns the fingerprints recorded in an earlier report of
// `datafog scan`, in any of its formats: NDJSON (one finding per line),
// JSON ({"findings":[…]}), SARIF (partialFingerprints) or CSV (the
// fingerprint column). The format is told by the content, not the name.
// The report must have been written with the same fingerprint key.
func readBaseline(path string) (map[string]bool, error) {
	f, err := os.Open(filepath.Clean(path))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 64<<10)
	first, err := firstNonSpace(r)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	add := func(fp, where string) error {
		if !isFingerprint(fp) {
			// The text is not quoted: a file given by mistake may hold anything.
			return fmt.Errorf("%s: not a datafog fingerprint (%d lower-case hex digits)", where, fingerprintHexLen)
		}
		out[fp] = true
		return nil
	}
	switch first {
	case 0:
		return out, nil // an empty report: nothing was found
	case '{':
		return out, readJSONBaseline(r, add)
	}
	return out, readCSVBaseline(r, add)
}

// firstNonSpace returns the first byte that is not white space, without
// consuming it; 0 at the end of the input.
func firstNonSpace(r *bufio.Reader) (byte, error) {
	for {
		b, err := r.ReadByte()
		if err == io.EOF {
			return 0, nil
		}
		if err != nil {
			return 0, err
		}
		if b != ' ' && b != '\t' && b != '\r' && b != '\n' {
			return b, r.UnreadByte()
		}
	}
}

// baselineDoc is any JSON value a report holds: a SARIF log, a JSON
// report or one NDJSON line.
type baselineDoc struct {
	Runs *[]struct {
		Results []struct {
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
	Findings *[]struct {
		Fingerprint string `json:"fingerprint"`
	} `json:"findings"`
	Fingerprint *string `json:"fingerprint"`
}

// readJSONBaseline reads one or more JSON values.
func readJSONBaseline(r io.Reader, add func(fp, where string) error) error {
	dec := json.NewDecoder(r)
	for n := 1; ; n++ {
		var doc baselineDoc
		err := dec.Decode(&doc)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("JSON value %d: %w", n, err)
		}
		where := fmt.Sprintf("JSON value %d", n)
		switch {
		case doc.Runs != nil:
			for i, run := range *doc.Runs {
				for j, res := range run.Results {
					fp, ok := res.PartialFingerprints[sarifFingerprintKey]
					if !ok {
						return fmt.Errorf("%s: runs[%d].results[%d]: no partialFingerprints[%q]", where, i, j, sarifFingerprintKey)
					}
					if err := add(fp, fmt.Sprintf("%s: runs[%d].results[%d]", where, i, j)); err != nil {
						return err
					}
				}
			}
		case doc.Findings != nil:
			for i, f := range *doc.Findings {
				if err := add(f.Fingerprint, fmt.Sprintf("%s: findings[%d].fingerprint", where, i)); err != nil {
					return err
				}
			}
		case doc.Fingerprint != nil:
			if err := add(*doc.Fingerprint, where+": fingerprint"); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%s: not a datafog report (no runs, findings or fingerprint)", where)
		}
	}
}

// readCSVBaseline reads a CSV report.
func readCSVBaseline(r io.Reader, add func(fp, where string) error) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("CSV header: %w", err)
	}
	col := slices.Index(header, "fingerprint")
	if col < 0 {
		return errors.New("not a datafog report: neither JSON nor CSV with a fingerprint column")
	}
	for line := 2; ; line++ {
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("CSV: %w", err)
		}
		if col >= len(row) {
			return fmt.Errorf("CSV line %d: no fingerprint column", line)
		}
		if err := add(row[col], fmt.Sprintf("CSV line %d", line)); err != nil {
			return err
		}
	}
}
