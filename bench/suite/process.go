package suite

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"
)

// timeProcess runs args in dir and returns its wall-clock time and peak
// resident set size in KiB. Exit status 1 (something found) is success.
//
// The peak is the process's VmHWM (/proc/PID/status), read every
// millisecond while it runs: the high-water mark of its own memory after
// exec, so the last reading is the peak up to a millisecond before the
// end. (Its rusage maxrss is no use: Go starts children with vfork, and
// Linux carries the parent's high-water mark over the exec, so every
// child would weigh at least as much as the suite.) Where /proc is
// missing, the rusage figure is given.
func timeProcess(ctx context.Context, dir string, args []string) (time.Duration, int64, error) {
	// #nosec G204 -- runs the datafog and gitleaks binaries the suite just built, on its own corpus
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	done := make(chan struct{})
	peak := make(chan int64, 1)
	go func() { peak <- pollHWM(cmd.Process.Pid, done) }()
	err := cmd.Wait()
	elapsed := time.Since(start)
	close(done)
	rss := <-peak
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		err = nil
	}
	if err != nil {
		return 0, 0, fmt.Errorf("%v: %s", err, firstLines(stderr.Bytes(), 5))
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && rss == 0 {
		rss = ru.Maxrss
		if runtime.GOOS == "darwin" {
			rss /= 1024 // bytes there
		}
	}
	return elapsed, rss, nil
}

// pollHWM reads the VmHWM of process pid, in KiB, every millisecond until
// done is closed, and returns the last value read (0 if none).
func pollHWM(pid int, done <-chan struct{}) int64 {
	path := fmt.Sprintf("/proc/%d/status", pid)
	var last int64
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		if b, err := os.ReadFile(path); err == nil { // #nosec G304 -- /proc of the suite's own child
			if _, rest, ok := bytes.Cut(b, []byte("VmHWM:")); ok {
				var kb int64
				if _, err := fmt.Sscan(string(bytes.TrimSpace(bytes.SplitN(rest, []byte("\n"), 2)[0])), &kb); err == nil && kb > last {
					last = kb
				}
			}
		}
		select {
		case <-done:
			return last
		case <-tick.C:
		}
	}
}

// goBuild builds pkg in module directory dir into out.
func goBuild(ctx context.Context, dir, ldflags, out, pkg string) error {
	args := []string{"build", "-trimpath", "-o", out}
	if ldflags != "" {
		args = append(args, "-ldflags", ldflags)
	}
	// #nosec G204 -- the go tool on this repository's packages and the pinned gitleaks module
	cmd := exec.CommandContext(ctx, "go", append(args, pkg)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%v: %s", err, firstLines(b, 5))
	}
	return nil
}

// gitleaksVersion returns the version bench/gitleaks pins.
func gitleaksVersion(ctx context.Context, root string) (string, error) {
	// #nosec G204 -- the go tool listing the pinned module
	cmd := exec.CommandContext(ctx, "go", "list", "-m", "-f", "{{.Version}}", gitleaksModule)
	cmd.Dir = filepath.Join(root, gitleaksDir)
	b, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go list -m %s: %v", gitleaksModule, err)
	}
	return strings.TrimSpace(string(b)), nil
}
