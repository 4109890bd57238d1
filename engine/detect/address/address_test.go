package address_test

import (
	"reflect"
	"testing"

	"github.com/datafog/datafog-api/engine"
)

// addresses returns the street_address findings of text at the default
// minimum confidence.
func addresses(t *testing.T, e *engine.Engine, text string) []string {
	t.Helper()
	var out []string
	for _, f := range e.Scan(nil, []byte(text), engine.Filter{}.WithMinConfidence(engine.DefaultMinConfidence)) {
		if f.Type == "street_address" {
			out = append(out, text[f.Start:f.End])
		}
	}
	return out
}

// TestCountryForms pins one whole-address span per form of every covered
// country.
func TestCountryForms(t *testing.T) {
	e, err := engine.New(engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		// United States (USPS Publication 28).
		"Ship to 1600 Pennsylvania Avenue NW, Washington, DC 20500 by Friday": "1600 Pennsylvania Avenue NW, Washington, DC 20500",
		"Mail it to 123 Main St Apt 4B, Springfield, IL 62704-1234.":          "123 Main St Apt 4B, Springfield, IL 62704-1234",
		"Office: 350 5th Ave, New York, NY 10118":                             "350 5th Ave, New York, NY 10118",
		"address: 742 Evergreen Terrace\nSpringfield":                         "742 Evergreen Terrace\nSpringfield",
		"at 1 N Main St, Suite 200, Ann Arbor, MI 48104":                      "1 N Main St, Suite 200, Ann Arbor, MI 48104",
		// United Kingdom (Royal Mail PAF).
		"Deliver to 221B Baker Street, London NW1 6XE.": "221B Baker Street, London NW1 6XE",
		"Flat 3, 22 Abbey Road, Leeds LS6 2AA":          "22 Abbey Road, Leeds LS6 2AA",
		// Canada (Canada Post).
		"Send to 24 Sussex Drive, Ottawa, ON K1M 1M4 please": "24 Sussex Drive, Ottawa, ON K1M 1M4",
		// Germany (DIN 5008).
		"Adresse: Hauptstraße 12, 10115 Berlin":         "Hauptstraße 12, 10115 Berlin",
		"Anschrift Berliner Straße 5a, 60311 Frankfurt": "Berliner Straße 5a, 60311 Frankfurt",
		"bei Musterstr. 7, 80331 München":               "Musterstr. 7, 80331 München",
		// France (NF Z 10-011).
		"au 55 rue du Faubourg Saint-Honoré, 75008 Paris.": "55 rue du Faubourg Saint-Honoré, 75008 Paris",
		"8 boulevard Saint-Michel, 75006 Paris":            "8 boulevard Saint-Michel, 75006 Paris",
		// Spain (Correos).
		"en Calle de Alcalá 42, 28014 Madrid.":         "Calle de Alcalá 42, 28014 Madrid",
		"Avenida de la Constitución 12, 41001 Sevilla": "Avenida de la Constitución 12, 41001 Sevilla",
		// Italy (Poste Italiane).
		"in Via del Corso 12, 00186 Roma":  "Via del Corso 12, 00186 Roma",
		"Piazza Navona 45, 00186 Roma RM.": "Piazza Navona 45, 00186 Roma RM",
		// Netherlands (PostNL).
		"op Kalverstraat 92, 1012 PH Amsterdam":      "Kalverstraat 92, 1012 PH Amsterdam",
		"Laan van Meerdervoort 50, 2517 AN Den Haag": "Laan van Meerdervoort 50, 2517 AN Den Haag",
	} {
		if got := addresses(t, e, text); !reflect.DeepEqual(got, []string{want}) {
			t.Errorf("%q: street_address %q, want [%q]", text, got, want)
		}
	}
}

// TestNotAddresses are numbers and capitalised words without a street
// type, and a postcode alone, which stays a postcode.
func TestNotAddresses(t *testing.T) {
	e, err := engine.New(engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"We shipped 12 units to the store on Main.",
		"zip 20500",
		"postcode SW1A 2AA",
		"See page 12 Street Fighter guide.",
		"Chapter 3 Park Avenue Blues",
		"GET /api/v1/orders/12345 HTTP/1.1 200",
		"version 2 Road map review",
		"PLZ 10115 Berlin",
		"Order 42 Quarterly Reports, Springfield",
		"the 3 Musketeers and 7 Dwarfs",
	} {
		if got := addresses(t, e, text); len(got) != 0 {
			t.Errorf("%q: street_address %q, want none", text, got)
		}
	}
	// The postcode alone is still a postcode.
	fs := e.Scan(nil, []byte("zip code 20500"), engine.Filter{})
	if len(fs) != 1 || fs[0].Type != "zip_code" {
		t.Errorf("zip code 20500: %v, want one zip_code", fs)
	}
}
