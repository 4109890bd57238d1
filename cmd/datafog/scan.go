package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/datafog/datafog-api/engine"
)

const scanChunk = 64 << 10

// defaultMaxFileSize is --max-file-size's default.
const defaultMaxFileSize = 10 << 20

// scanFlags are the command line of `datafog scan`.
type scanFlags struct {
	entities, policy, format, reportPath string
	baseline, fingerprintKey             string
	showValues, noInlineAllow, quiet     bool
	minConf                              *float64
	include, exclude                     globsFlag
	maxSize                              sizeFlag
	exitCode                             int
}

func scanFlagSet(env *environment, f *scanFlags) *flag.FlagSet {
	fs := newFlagSet(env, "scan", "scan [flags] [FILE|DIR ...]\n\n"+
		"Scans the files and directories named (directories recursively), or standard input when none is\n"+
		"named, and reports every finding. Exit status: 0 nothing found, --exit-code (1) something found,\n"+
		"2 an error. See docs/cli.md.\n\nflags:")
	fs.StringVar(&f.entities, "entities", "", "comma-separated entity types to report (default: every type)")
	fs.StringVar(&f.policy, "policy", "", "policy JSON or compiled policy (default: $DATAFOG_POLICY_PATH, else the embedded default)")
	fs.BoolVar(&f.showValues, "show-values", false, "include each finding's value in the report (values are sensitive; not with --format sarif)")
	f.minConf = minConfidenceFlag(fs)
	fs.StringVar(&f.format, "format", formatNDJSON, "report format: ndjson (one finding per line), json, sarif (2.1.0) or csv")
	fs.StringVar(&f.reportPath, "report-path", "", "write the report to FILE (replaced when the scan ends) instead of standard output")
	fs.Var(&f.include, "include", "scan only files whose path matches one of these globs (repeatable, comma-separated; ** spans directories)")
	fs.Var(&f.exclude, "exclude", "skip files and directories whose path matches one of these globs (repeatable, comma-separated)")
	f.maxSize.n = defaultMaxFileSize
	fs.Var(&f.maxSize, "max-file-size", "skip files found in directories that are larger than this (0: no limit)")
	fs.StringVar(&f.baseline, "baseline", "", "suppress the findings recorded in this earlier report (ndjson, json, sarif or csv), matched by fingerprint")
	fs.StringVar(&f.fingerprintKey, "fingerprint-key", "", "file holding the key of the findings' keyed fingerprints (default: a public documented key)")
	fs.BoolVar(&f.noInlineAllow, "no-inline-allow", false, "ignore datafog:allow comments: report those findings too")
	fs.IntVar(&f.exitCode, "exit-code", exitFindings, "exit status when something is found, 0 to 125 but not 2 (which means an error)")
	fs.BoolVar(&f.quiet, "quiet", false, "no progress on standard error (shown only when it is a terminal)")
	return fs
}

// check validates flag values that flag cannot, naming the flag.
func (f *scanFlags) check() error {
	switch f.format {
	case formatNDJSON, formatJSON, formatSARIF, formatCSV:
	default:
		return fmt.Errorf("--format %q: want ndjson, json, sarif or csv", f.format)
	}
	if f.showValues && f.format == formatSARIF {
		return errors.New("--show-values: not with --format sarif (SARIF reports are uploaded and shared; they never hold values)")
	}
	if f.exitCode < 0 || f.exitCode > 125 || f.exitCode == exitError {
		return fmt.Errorf("--exit-code %d: want 0 to 125, but not %d (the status of an error)", f.exitCode, exitError)
	}
	return nil
}

func runScan(args []string, env *environment) int {
	var f scanFlags
	fs := scanFlagSet(env, &f)
	if code, ok := parseFlags(fs, args, env); !ok {
		return code
	}
	fail := func(err error) int {
		fmt.Fprintln(env.stderr, "datafog scan:", cliMessage(err))
		return exitError
	}
	if err := f.check(); err != nil {
		return fail(err)
	}
	path := f.policy
	if path == "" {
		path = env.getenv("DATAFOG_POLICY_PATH")
	}
	comp, err := loadPolicy(path)
	if err != nil {
		return fail(err)
	}
	filter, err := comp.Engine.Filter(splitList(f.entities))
	if err == nil {
		filter, err = withMinConfidence(filter, *f.minConf, comp)
	}
	if err != nil {
		return fail(err)
	}
	key, err := readFingerprintKey(f.fingerprintKey)
	if err != nil {
		return fail(err)
	}
	var baseline map[string]bool
	if f.baseline != "" {
		if baseline, err = readBaseline(f.baseline); err != nil {
			return fail(fmt.Errorf("--baseline %s: %w", f.baseline, pathError(err)))
		}
	}
	ig := newIgnores()
	if err := ig.load("."); err != nil {
		return fail(fmt.Errorf("%s: %w", ignoreFileName, pathError(err)))
	}
	out, err := openReport(f.reportPath, env.stdout)
	if err != nil {
		return fail(err)
	}
	meta := &reportMeta{showValues: f.showValues, entities: map[engine.EntityType]engine.EntityInfo{}}
	for _, info := range comp.Engine.Entities() {
		meta.entities[engine.EntityType(info.EntityType)] = info
	}
	s := &scanRun{
		sc:          comp.Engine.NewScanner(filter),
		rep:         newReporter(f.format, out.w, meta),
		fp:          newFingerprinter(key),
		showValues:  f.showValues,
		allowInline: !f.noInlineAllow,
		ignores:     ig,
		baseline:    baseline,
		prog:        newProgress(env.stderr, "scan", f.quiet),
		stderr:      env.stderr,
		buf:         make([]byte, scanChunk),
	}
	code := exitOK
	fileErr := func(p string, err error) {
		fmt.Fprintf(env.stderr, "datafog scan: %s: %v\n", p, pathError(err))
		code = exitError
	}
	if fs.NArg() == 0 {
		if _, err := s.scanStream(s.prog.reader(env.stdin, "", -1), "", "", false); err != nil {
			fileErr("stdin", err)
		}
	}
	w := &walker{
		include: f.include.globs, exclude: f.exclude.globs, ignores: ig, maxSize: f.maxSize.n, skip: out.paths(),
		note: func(p, why string) {
			s.sum.filesSkipped++
			fmt.Fprintf(env.stderr, "datafog scan: %s: skipped: %s\n", p, why)
		},
		fail: fileErr,
	}
	for _, arg := range fs.Args() {
		w.walk(arg, func(in input) {
			if s.err != nil {
				return // the report cannot be written; stop reading
			}
			if err := s.scanFile(in, w.note); err != nil {
				fileErr(in.path, err)
			}
		})
	}
	if err := out.finish(s); err != nil {
		return fail(err)
	}
	s.prog.finish()
	if code == exitOK && s.sum.findings > 0 {
		code = f.exitCode
	}
	return code
}

// reportOut is where the report goes: standard output, or a temporary
// file beside --report-path that replaces it when the scan ends, so that
// a report is never seen half written.
type reportOut struct {
	w    *bufio.Writer
	file *os.File
	path string
}

func openReport(path string, stdout io.Writer) (*reportOut, error) {
	if path == "" || path == "-" {
		return &reportOut{w: bufio.NewWriterSize(stdout, 64<<10)}, nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("--report-path %s: %w", path, pathError(err))
	}
	return &reportOut{w: bufio.NewWriterSize(tmp, 64<<10), file: tmp, path: path}, nil
}

// paths returns the absolute paths of the report and its temporary file,
// which a scan must not read.
func (o *reportOut) paths() map[string]bool {
	m := map[string]bool{}
	if o.file != nil {
		for _, p := range []string{o.path, o.file.Name()} {
			if abs, err := filepath.Abs(p); err == nil {
				m[abs] = true
			}
		}
	}
	return m
}

// finish ends the report and puts it in place.
func (o *reportOut) finish(s *scanRun) error {
	err := s.err
	if err == nil {
		err = s.rep.finish(&s.sum)
	}
	if ferr := o.w.Flush(); err == nil {
		err = ferr
	}
	if o.file == nil {
		if err != nil {
			return fmt.Errorf("writing the report: %w", err)
		}
		return nil
	}
	if err == nil {
		err = o.file.Sync()
	}
	if cerr := o.file.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(o.file.Name(), o.path)
	}
	if err != nil {
		_ = os.Remove(o.file.Name())
		return fmt.Errorf("--report-path %s: %w", o.path, pathError(err))
	}
	return nil
}

// scanFile opens and scans one input.
func (s *scanRun) scanFile(in input, note func(p, why string)) error {
	f, err := os.Open(in.path) // #nosec G304 -- the user names the files and directories to scan
	if err != nil {
		return err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return errors.New("is a directory")
	}
	skipped, err := s.scanStream(s.prog.fileReader(f, in.path), in.path, in.rel, !in.named)
	if skipped != "" {
		note(in.path, skipped)
	}
	return err
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
