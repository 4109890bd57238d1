package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/datafog/datafog-api/engine"

	"github.com/datafog/datafog-api/internal/jsonstr"
)

const scanChunk = 64 << 10

func runScan(args []string, env *environment) int {
	fs := newFlagSet(env, "scan", "scan [--entities a,b] [--min-confidence F] [--policy FILE] [--show-values] [FILE ...]")
	entities := fs.String("entities", "", "comma-separated entity types to report (default: every type)")
	policyPath := fs.String("policy", "", "policy JSON or compiled policy (default: $DATAFOG_POLICY_PATH, else the embedded default)")
	showValues := fs.Bool("show-values", false, "include each finding's value in the output (values are sensitive)")
	minConf := minConfidenceFlag(fs)
	if code, ok := parseFlags(fs, args, env); !ok {
		return code
	}
	path := *policyPath
	if path == "" {
		path = env.getenv("DATAFOG_POLICY_PATH")
	}
	comp, err := loadPolicy(path)
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog scan:", err)
		return exitError
	}
	filter, err := comp.Engine.Filter(splitList(*entities))
	if err == nil {
		filter, err = withMinConfidence(filter, *minConf, comp)
	}
	if err != nil {
		fmt.Fprintln(env.stderr, "datafog scan:", err)
		return exitError
	}
	out := bufio.NewWriterSize(env.stdout, 64<<10)
	s := &fileScanner{
		sc:         comp.Engine.NewScanner(filter),
		out:        out,
		showValues: *showValues,
		progress:   isTerminal(env.stderr),
		stderr:     env.stderr,
	}
	code := exitOK
	if fs.NArg() == 0 {
		if err := s.scan(env.stdin, "", false); err != nil {
			fmt.Fprintln(env.stderr, "datafog scan: stdin:", err)
			code = exitError
		}
	}
	for _, name := range fs.Args() {
		f, err := os.Open(filepath.Clean(name))
		if err != nil {
			fmt.Fprintln(env.stderr, "datafog scan:", err)
			code = exitError
			continue
		}
		err = s.scan(f, name, true)
		_ = f.Close()
		if err != nil {
			fmt.Fprintf(env.stderr, "datafog scan: %s: %v\n", name, err)
			code = exitError
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(env.stderr, "datafog scan: writing output:", err)
		return exitError
	}
	if code == exitOK && s.found > 0 {
		code = exitFindings
	}
	return code
}

// fileScanner streams inputs through an engine.Scanner and prints findings
// as JSON lines. It keeps only the bytes a later finding can still start in
// (from the scanner's Committed offset on), so memory stays bounded.
type fileScanner struct {
	sc         *engine.Scanner
	out        *bufio.Writer
	showValues bool
	progress   bool
	stderr     io.Writer

	found   int
	name    string
	named   bool
	window  []byte // input bytes from windowStart on
	wStart  int64
	line    []byte
	emitErr error
}

func (s *fileScanner) scan(r io.Reader, name string, named bool) error {
	s.sc.Reset()
	s.name, s.named = name, named
	s.window, s.wStart = s.window[:0], 0
	buf := make([]byte, scanChunk)
	emit := s.emit
	var lastProgress time.Time
	for {
		n, err := r.Read(buf)
		if n > 0 {
			chunk := buf[:n]
			if s.showValues {
				s.window = append(s.window, chunk...)
			}
			s.sc.Write(chunk, emit)
			s.trim()
			if s.progress && named && time.Since(lastProgress) > 500*time.Millisecond {
				fmt.Fprintf(s.stderr, "\rdatafog scan: %s: %d MiB", name, s.sc.Offset()>>20)
				lastProgress = time.Now()
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	s.sc.Close(emit)
	if s.progress && named && !lastProgress.IsZero() {
		fmt.Fprintf(s.stderr, "\r\033[K")
	}
	return s.emitErr
}

// trim drops window bytes that no later finding can start in.
func (s *fileScanner) trim() {
	if !s.showValues {
		return
	}
	drop := s.sc.Committed() - s.wStart
	if drop <= 0 {
		return
	}
	if drop > int64(len(s.window)) {
		drop = int64(len(s.window))
	}
	n := copy(s.window, s.window[drop:])
	s.window = s.window[:n]
	s.wStart += drop
}

func (s *fileScanner) emit(f engine.Finding) {
	s.found++
	b := append(s.line[:0], `{"entity_type":`...)
	b = appendJSONString(b, string(f.Type))
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, f.Start, 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, f.End, 10)
	b = append(b, `,"confidence":`...)
	b = strconv.AppendFloat(b, f.Confidence, 'f', -1, 64)
	if s.named {
		b = append(b, `,"file":`...)
		b = appendJSONString(b, s.name)
	}
	if s.showValues {
		lo, hi := f.Start-s.wStart, f.End-s.wStart
		if lo >= 0 && hi <= int64(len(s.window)) && lo <= hi {
			b = append(b, `,"value":`...)
			b = appendJSONString(b, string(s.window[lo:hi]))
		}
	}
	b = append(b, "}\n"...)
	s.line = b
	if _, err := s.out.Write(b); err != nil && s.emitErr == nil {
		s.emitErr = err
	}
}

// appendJSONString appends s as a JSON string, as encoding/json writes it.
func appendJSONString(b []byte, s string) []byte { return jsonstr.Append(b, s) }

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
