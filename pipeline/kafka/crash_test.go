//go:build unix

package kafka

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kmsg"
)

// The test in this file runs the real binary as a black box against an
// in-process kfake cluster and kills it with SIGKILL mid-stream.

// datafogBin returns the binary to test: $DATAFOG_BIN, else bin/datafog at
// the repository root (make unit builds it first), else one built now.
func datafogBin(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the real binary; skipped with -short")
	}
	if b := os.Getenv("DATAFOG_BIN"); b != "" {
		return b
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if b := filepath.Join(root, "bin", "datafog"); fileExists(b) {
		t.Logf("testing %s (make build writes it; set DATAFOG_BIN to test another)", b)
		return b
	}
	b := filepath.Join(t.TempDir(), "datafog")
	cmd := exec.Command("go", "build", "-trimpath", "-o", b, "./cmd/datafog") // #nosec G204 -- fixed arguments
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return b
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// lockedBuffer collects a child's output.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// child is one `datafog pipeline kafka` process.
type child struct {
	cmd  *exec.Cmd
	out  *lockedBuffer
	done chan struct{}
	err  error
}

func startChild(t *testing.T, bin string, args ...string) *child {
	t.Helper()
	c := &child{cmd: exec.Command(bin, args...), out: &lockedBuffer{}, done: make(chan struct{})} // #nosec G204 -- the binary under test
	c.cmd.Stdout, c.cmd.Stderr = c.out, c.out
	c.cmd.Env = os.Environ()
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { c.err = c.cmd.Wait(); close(c.done) }()
	t.Cleanup(func() {
		_ = c.cmd.Process.Kill()
		<-c.done
	})
	return c
}

// wait waits for the process to exit.
func (c *child) wait(t *testing.T, d time.Duration) error {
	t.Helper()
	select {
	case <-c.done:
		return c.err
	case <-time.After(d):
		t.Fatalf("process did not exit within %s; output:\n%s", d, c.out.String())
		return nil
	}
}

// TestSIGKILLExactlyOnce runs two workers of the real binary against a
// 3-broker cluster with 4 partitions while input streams in, SIGKILLs one
// of them at a random moment after it made progress, restarts it, and
// repeats. Then it lets the workers finish, stops them with SIGTERM and
// reads the output and receipts with read_committed: every input key
// exactly once on its input's partition, no PII left, one receipt per
// record, valid chains; `receipts verify --topic` agrees.
func TestSIGKILLExactlyOnce(t *testing.T) {
	bin := datafogBin(t)
	const parts, cycles = 4, 6
	c := newCluster(t, 3, parts)
	addrs := c.ListenAddrs()
	keyFile := filepath.Join(t.TempDir(), "pipeline.key")
	if err := os.WriteFile(keyFile, testKey, 0o600); err != nil {
		t.Fatal(err)
	}
	args := func(id string) []string {
		return []string{"pipeline", "kafka", "--brokers", strings.Join(addrs, ","), "--group", "g", "--in", tIn, "--out", tOut,
			"--receipts", tReceipts, "--dlq", tDLQ, "--transactional-id", id, "--key-file", keyFile, "--max-batch-records", "500"}
	}
	stopInput := streamInput(t, addrs, 100, parts)
	workers := map[string]*child{"w1": startChild(t, bin, args("w1")...), "w2": startChild(t, bin, args("w2")...)}
	rng := rand.New(rand.NewPCG(1, 2)) // #nosec G404 -- test timing
	for i := range cycles {
		id := []string{"w1", "w2"}[i%2]
		before := committedCount(t, addrs, "g")
		eventually(t, 60*time.Second, fmt.Sprintf("cycle %d: progress before killing %s", i, id), func() bool {
			return committedCount(t, addrs, "g") > before+200
		})
		time.Sleep(time.Duration(rng.IntN(150)) * time.Millisecond) // a random point in the worker's cycle, not synchronisation
		w := workers[id]
		if err := w.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = w.wait(t, 10*time.Second)
		workers[id] = startChild(t, bin, args(id)...)
	}
	inputs := stopInput()
	eventually(t, 90*time.Second, "the workers to finish the input", func() bool {
		return committedCount(t, addrs, "g") == int64(len(inputs))
	})
	for id, w := range workers {
		// A worker restarted by the last cycle may find the input done
		// before it has started; wait until it has, so that SIGTERM meets
		// a member of the group.
		eventually(t, 30*time.Second, id+" to start", func() bool {
			return strings.Contains(w.out.String(), `"msg":"pipeline started"`)
		})
		if err := w.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		if err := w.wait(t, 60*time.Second); err != nil {
			t.Fatalf("%s after SIGTERM: %v\n%s", id, err, w.out.String())
		}
		if !strings.Contains(w.out.String(), `"msg":"left the group"`) {
			t.Errorf("%s did not leave the group on SIGTERM:\n%s", id, w.out.String())
		}
	}
	checkExactlyOnce(t, addrs, inputs, nil)
	t.Logf("%d records through %d SIGKILLs", len(inputs), cycles)

	out, err := exec.Command(bin, "receipts", "verify", "--brokers", strings.Join(addrs, ","), "--topic", tReceipts, "--key-file", keyFile).CombinedOutput() // #nosec G204 -- the binary under test
	if err != nil || !strings.HasPrefix(string(out), fmt.Sprintf("OK topic %s: %d receipts in %d chains", tReceipts, len(inputs), parts)) {
		t.Fatalf("receipts verify --topic: %v\n%s", err, out)
	}
}

// TestSIGKILLBeforeEndTxn kills a worker at the worst moment: its offsets
// are committed inside the transaction, and its EndTxn is held back by the
// broker. The restarted worker must abort that transaction at once (it
// initializes its transactional id before joining the group) instead of
// waiting out the transaction timeout, and nothing may be lost or doubled.
func TestSIGKILLBeforeEndTxn(t *testing.T) {
	bin := datafogBin(t)
	c := newCluster(t, 3, 4)
	addrs := c.ListenAddrs()
	keyFile := filepath.Join(t.TempDir(), "pipeline.key")
	if err := os.WriteFile(keyFile, testKey, 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"pipeline", "kafka", "--brokers", strings.Join(addrs, ","), "--group", "g", "--in", tIn, "--out", tOut,
		"--receipts", tReceipts, "--transactional-id", "w1", "--key-file", keyFile, "--transaction-timeout", "40s"}
	inputs := produceInput(t, addrs, 0, 1000, 4)
	held := make(chan struct{})
	release := make(chan struct{})
	c.ControlKey(int16(kmsg.EndTxn), func(kmsg.Request) (kmsg.Response, error, bool) {
		close(held)
		c.SleepControl(func() { <-release })
		return nil, errors.New("dropped: the client was killed"), true
	})
	w := startChild(t, bin, args...)
	select {
	case <-held:
	case <-time.After(30 * time.Second):
		t.Fatalf("no EndTxn within 30s:\n%s", w.out.String())
	}
	if err := w.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = w.wait(t, 10*time.Second)
	close(release)
	restart := time.Now()
	w = startChild(t, bin, args...)
	eventually(t, 60*time.Second, "the restarted worker to commit everything", func() bool { return committedCount(t, addrs, "g") == 1000 })
	if took := time.Since(restart); took > 15*time.Second {
		t.Fatalf("the restarted worker took %s, about the transaction timeout: the open transaction was not aborted at start", took.Round(time.Second))
	}
	if err := w.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := w.wait(t, 60*time.Second); err != nil {
		t.Fatalf("after SIGTERM: %v\n%s", err, w.out.String())
	}
	checkExactlyOnce(t, addrs, inputs, nil)
}
