package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/datafog/datafog-api/engine"
)

// Everything `datafog scan` writes as its report goes through a reporter:
// one call per reported finding, in order, and one at the end with the
// run's summary. Notes (skipped files) and errors go to standard error and
// never into the report.

// record is one finding as reported.
type record struct {
	typ        engine.EntityType
	start, end int64
	conf       float64
	// file is the path as given or found; named says whether there is one
	// (standard input has none).
	file  string
	named bool
	// from and to are the 1-based line and column of start and of end.
	from, to    position
	fingerprint string
	// value is set only with --show-values.
	value []byte
}

// summary counts one run.
type summary struct {
	filesScanned, filesSkipped int
	bytesScanned               int64
	findings                   int
	// Suppressed findings, by what suppressed them.
	allowed, ignored, baselined int
}

// reporter writes a report in one format.
type reporter interface {
	// finding writes one reported finding.
	finding(r *record) error
	// finish writes what follows the last finding.
	finish(s *summary) error
}

// Report formats.
const (
	formatNDJSON = "ndjson"
	formatJSON   = "json"
	formatSARIF  = "sarif"
	formatCSV    = "csv"
)

// newReporter returns the reporter for format, writing to w.
func newReporter(format string, w *bufio.Writer, meta *reportMeta) reporter {
	switch format {
	case formatJSON:
		return &jsonReporter{w: w}
	case formatSARIF:
		return newSARIFReporter(w, meta)
	case formatCSV:
		return newCSVReporter(w, meta.showValues)
	}
	return &ndjsonReporter{w: w}
}

// reportMeta is what reporters need to know about the run.
type reportMeta struct {
	showValues bool
	entities   map[engine.EntityType]engine.EntityInfo
}

// appendRecord appends r as the JSON object of the ndjson and json
// formats: the contract's fields first (entity_type, start, end,
// confidence, and file when files are named), then the positions and the
// fingerprint, then the value when asked for.
func appendRecord(b []byte, r *record) []byte {
	b = append(b, `{"entity_type":`...)
	b = appendJSONString(b, string(r.typ))
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, r.start, 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, r.end, 10)
	b = append(b, `,"confidence":`...)
	b = strconv.AppendFloat(b, r.conf, 'f', -1, 64)
	if r.named {
		b = append(b, `,"file":`...)
		b = appendJSONString(b, r.file)
	}
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, r.from.line, 10)
	b = append(b, `,"column":`...)
	b = strconv.AppendInt(b, r.from.col+1, 10)
	b = append(b, `,"end_line":`...)
	b = strconv.AppendInt(b, r.to.line, 10)
	b = append(b, `,"end_column":`...)
	b = strconv.AppendInt(b, r.to.col+1, 10)
	b = append(b, `,"fingerprint":"`...)
	b = append(b, r.fingerprint...)
	b = append(b, '"')
	if r.value != nil {
		b = append(b, `,"value":`...)
		b = appendJSONString(b, string(r.value))
	}
	return append(b, '}')
}

// ndjsonReporter writes one JSON object per finding per line (the
// contract's format) and no summary.
type ndjsonReporter struct {
	w    *bufio.Writer
	line []byte
}

func (n *ndjsonReporter) finding(r *record) error {
	n.line = append(appendRecord(n.line[:0], r), '\n')
	_, err := n.w.Write(n.line)
	return err
}

func (n *ndjsonReporter) finish(*summary) error { return nil }

// jsonReporter writes one JSON document:
//
//	{"findings":[{…},…],"summary":{…}}
//
// with one finding per line, streamed as found.
type jsonReporter struct {
	w     *bufio.Writer
	n     int
	entry []byte
}

func (j *jsonReporter) finding(r *record) error {
	j.entry = j.entry[:0]
	if j.n == 0 {
		j.entry = append(j.entry, `{"findings":[`...)
	} else {
		j.entry = append(j.entry, ',')
	}
	j.n++
	j.entry = appendRecord(append(j.entry, "\n  "...), r)
	_, err := j.w.Write(j.entry)
	return err
}

func (j *jsonReporter) finish(s *summary) error {
	open := "\n"
	if j.n == 0 {
		open = `{"findings":[`
	}
	if _, err := j.w.WriteString(open); err != nil {
		return err
	}
	_, err := fmt.Fprintf(j.w, `],"summary":{"files_scanned":%d,"files_skipped":%d,"bytes_scanned":%d,"findings":%d,`+
		`"suppressed":{"inline_allow":%d,"ignore_file":%d,"baseline":%d}}}`+"\n",
		s.filesScanned, s.filesSkipped, s.bytesScanned, s.findings, s.allowed, s.ignored, s.baselined)
	return err
}

// csvColumns is the CSV header; "value" is added with --show-values.
var csvColumns = []string{"file", "entity_type", "start", "end", "line", "column", "end_line", "end_column", "confidence", "fingerprint"}

// csvReporter writes RFC 4180 CSV with a header line. A file name or
// value that a spreadsheet would take for a formula (it starts with '=',
// '+', '-', '@', a tab or a carriage return) gets a leading "'".
type csvReporter struct {
	w          *csv.Writer
	showValues bool
	row        []string
	header     bool
}

func newCSVReporter(w *bufio.Writer, showValues bool) *csvReporter {
	return &csvReporter{w: csv.NewWriter(w), showValues: showValues}
}

func (c *csvReporter) writeHeader() error {
	if c.header {
		return nil
	}
	c.header = true
	cols := csvColumns
	if c.showValues {
		cols = append(cols[:len(cols):len(cols)], "value")
	}
	return c.w.Write(cols)
}

func (c *csvReporter) finding(r *record) error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	c.row = append(c.row[:0], csvCell(r.file), string(r.typ),
		strconv.FormatInt(r.start, 10), strconv.FormatInt(r.end, 10),
		strconv.FormatInt(r.from.line, 10), strconv.FormatInt(r.from.col+1, 10),
		strconv.FormatInt(r.to.line, 10), strconv.FormatInt(r.to.col+1, 10),
		strconv.FormatFloat(r.conf, 'f', -1, 64), r.fingerprint)
	if c.showValues {
		c.row = append(c.row, csvCell(string(r.value)))
	}
	if err := c.w.Write(c.row); err != nil {
		return err
	}
	return c.w.Error()
}

func (c *csvReporter) finish(*summary) error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	c.w.Flush()
	return c.w.Error()
}

// csvCell defuses a cell a spreadsheet would evaluate (CSV injection).
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
