//go:build !race

package engine

import "testing"

// TestCustomRuleScanAllocs keeps a scan with custom rules, matches and
// lookalikes included, allocation-free.
func TestCustomRuleScanAllocs(t *testing.T) {
	e := mustEngine(t, Config{Rules: []CustomRule{acmeRule,
		{Name: "dash", EntityType: "dash_key", Prefix: "DK-", Charset: "a-f0-9-", MinLen: 12, MaxLen: 12}}})
	text := []byte("a acme_" + acmeBody + " b acme_" + acmeBody[:20] + " c DK-0a1b-2c3d-4e d acme_EXAMPLE" + acmeBody[7:])
	dst := make([]Finding, 0, 16)
	if n := testing.AllocsPerRun(50, func() { dst = e.Scan(dst[:0], text, Filter{}) }); n != 0 {
		t.Errorf("%v allocations per Scan, want 0", n)
	}
	if len(dst) != 2 {
		t.Fatalf("findings %+v, want the acme token and the dash key", dst)
	}
}
