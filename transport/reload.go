package transport

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// reloadKind names a set of files reloaded together.
type reloadKind int

const (
	reloadTLS    reloadKind = iota // certificate, key and client CAs
	reloadTokens                   // the API tokens file
	reloadPeerCA                   // the CAs of https peers
	numReloadKinds
)

var reloadKindNames = [numReloadKinds]string{"tls", "tokens", "peer_ca"}

// reloadVars names the variables of each kind's files, in order.
var reloadVars = [numReloadKinds][]string{
	{"DATAFOG_TLS_CERT_FILE", "DATAFOG_TLS_KEY_FILE", "DATAFOG_TLS_CLIENT_CA_FILE"},
	{"DATAFOG_API_TOKENS_FILE"},
	{"DATAFOG_PEER_CA_FILE"},
}

// watchedFiles is one set of files and the function that applies their
// contents. The poll reads every file of the set and compares a digest of
// their contents with the last one seen; on a change it applies them, and
// whether that succeeds or is refused, it remembers the digest, so a
// refused version is logged once, not at every poll. Reading contents
// rather than comparing modification times catches every kind of update:
// an in-place write, a rename over the file, and the symlink swap of a
// Kubernetes Secret or ConfigMap volume.
//
// apply gets every file's contents, nil for a file that could not be read;
// it checks what it can, puts the new values in force only when every file
// was read and none has a problem, and returns the problems it found.
type watchedFiles struct {
	kind  reloadKind
	paths []string
	apply func(data [][]byte) []string
	last  [sha256.Size]byte
}

// maxCredentialFile bounds a credential file; none is near it.
const maxCredentialFile = 1 << 20

// readSmallFile reads a credential file of at most maxCredentialFile bytes.
func readSmallFile(path string) ([]byte, error) {
	f, err := os.Open(filepath.Clean(path))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxCredentialFile+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > maxCredentialFile {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, maxCredentialFile)
	}
	return data, nil
}

// read reads the set's files and the digest of their contents. problems
// name each file that could not be read.
func (w *watchedFiles) read() ([][]byte, [sha256.Size]byte, []string) {
	h := sha256.New()
	var problems []string
	data := make([][]byte, len(w.paths))
	for i, p := range w.paths {
		b, err := readSmallFile(p)
		if err != nil {
			problems = append(problems, reloadVars[w.kind][i]+": "+err.Error())
			fmt.Fprintf(h, "error %d %s\n", i, err)
			continue
		}
		data[i] = b
		fmt.Fprintf(h, "file %d %d\n", i, len(b))
		h.Write(b)
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return data, sum, problems
}

// watch loads the set's files once (at New) and adds them to the poll.
func (s *security) watch(kind reloadKind, paths []string, apply func([][]byte) []string) []string {
	w := &watchedFiles{kind: kind, paths: paths, apply: apply}
	data, sum, problems := w.read()
	w.last = sum
	s.watched = append(s.watched, w)
	return append(problems, apply(data)...)
}

// poll checks every set once and reloads those whose contents changed.
func (s *security) poll() {
	for _, w := range s.watched {
		data, sum, problems := w.read()
		if sum == w.last {
			continue
		}
		w.last = sum
		problems = append(problems, w.apply(data)...)
		name := reloadKindNames[w.kind]
		if len(problems) > 0 {
			s.reloads[w.kind][1].Add(1)
			s.log.Error("transport: credential reload refused; keeping the ones in force", "what", name,
				"error", strings.Join(problems, "; "))
			continue
		}
		s.reloads[w.kind][0].Add(1)
		s.logLoaded(w.kind)
	}
}

// logLoaded logs what a reload put in force: never a secret.
func (s *security) logLoaded(kind reloadKind) {
	switch kind {
	case reloadTLS:
		g := s.gen.Load()
		s.log.Info("transport: TLS certificate reloaded", "subject", g.leaf.Subject.String(),
			"serial", g.leaf.SerialNumber.String(), "not_after", g.leaf.NotAfter.UTC().Format(time.RFC3339))
	case reloadTokens:
		s.log.Info("transport: API tokens reloaded", "tokens", len(s.tokens.Load().names))
	case reloadPeerCA:
		s.log.Info("transport: peer CAs reloaded")
	}
}

// start runs the poll every interval until stopWatching; it does nothing
// when no file is watched. It may be called more than once.
func (s *security) start(interval time.Duration) {
	s.startOnce.Do(func() {
		if len(s.watched) == 0 {
			close(s.done)
			return
		}
		if interval <= 0 {
			interval = defaultCredentialPoll
		}
		go func() {
			defer close(s.done)
			t := time.NewTicker(interval)
			defer t.Stop()
			for {
				select {
				case <-s.stop:
					return
				case <-t.C:
					s.poll()
				}
			}
		}()
	})
}

// stopWatching ends the poll and waits for it.
func (s *security) stopWatching() {
	s.stopOnce.Do(func() { close(s.stop) })
	s.startOnce.Do(func() { close(s.done) }) // never started
	<-s.done
}

// loadTokens applies the tokens file's contents.
func (s *security) loadTokens(data [][]byte) []string {
	if data[0] == nil {
		return nil
	}
	set, problems := parseTokens(data[0], s.envToken)
	if problems != nil {
		for i := range problems {
			problems[i] = "DATAFOG_API_TOKENS_FILE: " + s.tokensFile + ": " + problems[i]
		}
		return problems
	}
	s.tokens.Store(set)
	return nil
}

// loadPeerCAs applies the peer CA file's contents.
func (s *security) loadPeerCAs(data [][]byte) []string {
	if data[0] == nil {
		return nil
	}
	pool, err := parseCAs(data[0])
	if err != nil {
		return []string{"DATAFOG_PEER_CA_FILE: " + s.peerCAFile + ": " + err.Error()}
	}
	s.peerRoots.Store(pool)
	return nil
}

// errNoCertificate is parseCAs' error for a file without a certificate.
var errNoCertificate = errors.New("no PEM certificate")
