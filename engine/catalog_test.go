package engine

import "testing"

// TestCatalogFromRegistry checks that the listing is generated from the
// registry: every built-in type once, in BuiltinTypes order, with its
// family, confirmation, detectors and sources; disabled types left out
// of an engine's list and dictionary types added to it.
func TestCatalogFromRegistry(t *testing.T) {
	cat := Catalog()
	if len(cat) != len(BuiltinTypes) {
		t.Fatalf("%d entries for %d built-in types", len(cat), len(BuiltinTypes))
	}
	for i, info := range cat {
		if info.EntityType != string(BuiltinTypes[i]) || info.Family == "" || info.ConfirmedBy == "" ||
			len(info.Detectors) == 0 || len(info.Sources) == 0 || info.ContextWords == nil {
			t.Errorf("entry %d: %+v", i, info)
		}
	}
	ip := cat[builtinRank(IPAddress)]
	if len(ip.Detectors) != 2 || ip.Detectors[0] != "ipv4" || ip.Detectors[1] != "ipv6" {
		t.Errorf("ip_address detectors %v, want [ipv4 ipv6]", ip.Detectors)
	}
	nhs := cat[builtinRank(UKNHSNumber)]
	if !nhs.NeedsContext || len(nhs.ContextWords) != 2 || nhs.ContextWords[0] != "nhs" {
		t.Errorf("uk_nhs_number: %+v", nhs)
	}
	e := mustEngine(t, Config{
		Detectors:    map[EntityType]DetectorConfig{ZipCode: {Disabled: true}},
		Dictionaries: []Dictionary{{EntityType: "project", Terms: []string{"apollo"}}},
	})
	got := e.Entities()
	if len(got) != len(BuiltinTypes) || got[len(got)-1].EntityType != "project" || got[len(got)-1].Family != "dictionary" {
		t.Fatalf("engine entities: %d, last %+v", len(got), got[len(got)-1])
	}
	for _, info := range got {
		if info.EntityType == string(ZipCode) {
			t.Errorf("disabled zip_code listed")
		}
	}
}
