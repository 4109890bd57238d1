//go:build !race

package engine

import (
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/ids/apac"
	"github.com/datafog/datafog-api/engine/detect/ids/world"
)

// nationalIDDetectors are the detectors of engine/detect/ids/apac and
// engine/detect/ids/world.
var nationalIDDetectors = []*detect.Detector{
	apac.KRRRN, apac.KRFRN, apac.KRBRN, apac.KRPassport, apac.KRDriverLicense,
	apac.INPAN, apac.INGSTIN, apac.INPassport, apac.INVoter, apac.INVehicleRegistration,
	apac.SGNRICFIN, apac.SGUEN, apac.AUTFN, apac.AUABN, apac.AUACN, apac.AUMedicare,
	apac.THTNIN, apac.PHTIN, apac.JPMyNumber, apac.CNResidentID,
	world.TRNationalID, world.TRLicensePlate, world.NGNIN, world.NGVehicleRegistration,
	world.ZAIDNumber, world.BRCPF, world.BRCNPJ, world.MXCURP, world.MXRFC, world.ILID,
}

// TestNationalIDScanAllocs pins that scanning text full of these types
// (every valid, invalid and vetoed example, so every path that reports,
// vetoes or looks up a context word) allocates nothing, whole and
// streamed.
func TestNationalIDScanAllocs(t *testing.T) {
	var b strings.Builder
	for _, d := range nationalIDDetectors {
		for _, ex := range d.Examples {
			b.WriteString(ex.Text)
			b.WriteString(".\n")
		}
	}
	text := []byte(b.String())
	e := mustEngine(t, Config{})
	dst := make([]Finding, 0, 1024)
	if dst = e.Scan(dst[:0], text, Filter{}); len(dst) == 0 {
		t.Fatal("no findings in the examples")
	}
	if n := testing.AllocsPerRun(50, func() { dst = e.Scan(dst[:0], text, Filter{}) }); n != 0 {
		t.Errorf("%v allocations per Scan, want 0", n)
	}
	sc := e.NewScanner(Filter{})
	emit := func(Finding) {}
	run := func() {
		sc.Reset()
		for i := 0; i < len(text); i += 512 {
			sc.Write(text[i:min(len(text), i+512)], emit)
		}
		sc.Close(emit)
	}
	run()
	if n := testing.AllocsPerRun(20, run); n != 0 {
		t.Errorf("%v allocations per streamed scan, want 0", n)
	}
}
