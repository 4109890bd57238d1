package profiling

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestStartWritesProfile(t *testing.T) {
	for kind, file := range map[string]string{"cpu": "cpu.pprof", "mem": "mem.pprof", "trace": "trace.out"} {
		dir := filepath.Join(t.TempDir(), "p")
		f := Flags{Kind: kind, Dir: dir}
		stop, err := f.Start()
		if err != nil {
			t.Fatal(err)
		}
		if err := stop(); err != nil {
			t.Fatalf("%s: stop: %v", kind, err)
		}
		if st, err := os.Stat(filepath.Join(dir, file)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %s not written (%v)", kind, file, err)
		}
	}
}

func TestValidateAndTestFlags(t *testing.T) {
	f := Flags{Kind: "heap"}
	if err := f.Validate(); err == nil || err.Error() != `profiling: unknown -profile "heap" (want cpu, mem, block, mutex or trace)` {
		t.Fatalf("Validate = %v", err)
	}
	if _, err := f.Start(); err == nil {
		t.Fatal("Start accepted an unknown kind")
	}
	f = Flags{Kind: "block"}
	if got := f.TestFlags("/x/b.pprof"); !reflect.DeepEqual(got, []string{"-test.blockprofile", "/x/b.pprof"}) {
		t.Fatalf("TestFlags = %q", got)
	}
	if got := (&Flags{}).TestFlags("/x"); got != nil {
		t.Fatalf("no kind: TestFlags = %q", got)
	}
	stop, err := (&Flags{}).Start()
	if err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}
