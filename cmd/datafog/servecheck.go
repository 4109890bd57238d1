package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/datafog/datafog-api/engine/policy"
	"github.com/datafog/datafog-api/receipts"
	"github.com/datafog/datafog-api/transport"
)

// serve checks its whole configuration before it writes anything (a
// receipt directory, a key, a profile) or logs that it is serving, and
// reports every problem at once, one a line:
//
//	datafog serve: 3 problems in the configuration; nothing was started:
//	  - DATAFOG_RATE_LIMIT_RPS: want a number between 0 and 1e9
//	  - DATAFOG_ADDR (--addr): refusing to listen on the non-loopback address ...
//	  - policy /etc/datafog/policy.json: rules[2] "x": unsupported effect "block"
//
// A problem names the variable, flag, file or field at fault and never
// quotes a value that could be a secret.

// appendProblems appends the problems of a transport configuration error.
func appendProblems(problems []string, err error) []string {
	if err == nil {
		return problems
	}
	var ce *transport.ConfigError
	if !errors.As(err, &ce) {
		return append(problems, err.Error())
	}
	for _, p := range ce.Problems {
		if !containsString(problems, p) {
			problems = append(problems, p)
		}
	}
	return problems
}

// appendPolicyProblems appends each problem of a policy that did not load.
func appendPolicyProblems(problems []string, err error) []string {
	if err == nil {
		return problems
	}
	var ve *policy.ValidationError
	if !errors.As(err, &ve) {
		return append(problems, err.Error())
	}
	// loadPolicy's error reads "policy FILE: policy: invalid policy: ...".
	where, _, _ := strings.Cut(err.Error(), ": policy: ")
	for _, p := range ve.Problems {
		problems = append(problems, where+": "+p)
	}
	return problems
}

// receiptPathProblems checks the receipt directory and key without
// creating either: an existing directory must be a directory; a missing
// one must be creatable under a directory; an existing key must be a
// valid key file others cannot read (receipts.LoadKey); a missing key
// will be generated, so its directory must exist or be the receipt
// directory's parent, which Open creates.
func receiptPathProblems(o receipts.Options) []string {
	var problems []string
	if fi, err := os.Stat(o.Dir); err == nil && !fi.IsDir() {
		problems = append(problems, "DATAFOG_RECEIPT_PATH (--receipts) "+o.Dir+": not a directory")
	} else if err != nil {
		if anc, ok := existingAncestor(o.Dir); !ok {
			problems = append(problems, "DATAFOG_RECEIPT_PATH (--receipts) "+o.Dir+": cannot be created under "+anc+", which is not a directory")
		} else if !missing(err) {
			problems = append(problems, "DATAFOG_RECEIPT_PATH (--receipts) "+o.Dir+": "+errText(err))
		}
	}
	keyPath := o.KeyFile
	if keyPath == "" {
		keyPath = o.Dir + ".key"
	}
	switch _, err := os.Stat(keyPath); {
	case err == nil:
		if _, err := receipts.LoadKey(keyPath); err != nil {
			msg := strings.TrimPrefix(strings.TrimPrefix(err.Error(), "receipts: load key: "), "receipts: ")
			problems = append(problems, "DATAFOG_RECEIPT_KEY_FILE (--receipt-key-file): "+msg)
		}
	case missing(err):
		dir := filepath.Dir(keyPath)
		willExist := dir == filepath.Dir(o.Dir) || dir == o.Dir
		if fi, err := os.Stat(dir); (err != nil || !fi.IsDir()) && !willExist {
			problems = append(problems, "DATAFOG_RECEIPT_KEY_FILE (--receipt-key-file) "+keyPath+": missing, and its directory does not exist to generate it in")
		}
	default:
		problems = append(problems, "DATAFOG_RECEIPT_KEY_FILE (--receipt-key-file) "+keyPath+": "+errText(err))
	}
	return problems
}

// missing reports a path that does not exist, or whose parent is a file.
func missing(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}

// existingAncestor returns the nearest existing ancestor of path and
// whether it is a directory.
func existingAncestor(path string) (string, bool) {
	for p := filepath.Dir(path); ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err == nil {
			return p, fi.IsDir()
		}
		if p == filepath.Dir(p) {
			return p, false
		}
	}
}

// errText is an error's text without the path the caller already names.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// unwrapPath returns the error inside a *fs.PathError, whose path the
// caller names itself, or err.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// reportProblems prints the problems, one a line.
func reportProblems(w io.Writer, problems []string) {
	noun := "problems"
	if len(problems) == 1 {
		noun = "problem"
	}
	fmt.Fprintf(w, "datafog serve: %d %s in the configuration; nothing was started:\n", len(problems), noun)
	for _, p := range problems {
		fmt.Fprintf(w, "  - %s\n", p)
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
