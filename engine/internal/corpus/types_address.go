package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Type-corpus generator for street addresses (issue 16): the address
// forms of the US, the UK, Canada, Germany, France, Spain, Italy and the
// Netherlands, with and without unit, city and postcode; lookalikes are
// a number and capitalised words without a street-type word.

// addressForms make one address each, from r.
var addressForms = []func(r *rand.Rand) string{
	func(r *rand.Rand) string { // US
		return fmt.Sprintf("%d %s %s, %s, %s %05d", 1+r.IntN(9999), pickStr(r, "Main", "Oak", "Maple", "Pennsylvania", "Sunset"),
			pickStr(r, "Street", "St", "Avenue", "Ave", "Blvd", "Road", "Drive", "Lane"), pickStr(r, "Springfield", "Austin", "Denver"),
			pickStr(r, "IL", "TX", "CO", "NY"), 10000+r.IntN(89999))
	},
	func(r *rand.Rand) string { // US with unit, no city
		return fmt.Sprintf("%d %s %s Apt %d", 1+r.IntN(999), pickStr(r, "Elm", "Cedar", "Lake"), pickStr(r, "Street", "Court", "Way"), 1+r.IntN(40))
	},
	func(r *rand.Rand) string { // UK
		return fmt.Sprintf("%d %s %s, %s %s%d %d%s", 1+r.IntN(300), pickStr(r, "Baker", "Downing", "Abbey", "Church"),
			pickStr(r, "Street", "Road", "Lane", "Close"), pickStr(r, "London", "Leeds", "Bristol"), pickStr(r, "SW", "NW", "LS", "BS"),
			1+r.IntN(9), 1+r.IntN(9), pickStr(r, "AA", "XE", "LB"))
	},
	func(r *rand.Rand) string { // Canada
		return fmt.Sprintf("%d %s %s, %s, %s K%dM %dM%d", 1+r.IntN(999), pickStr(r, "Sussex", "Yonge", "Wellington"),
			pickStr(r, "Drive", "Street", "Avenue"), pickStr(r, "Ottawa", "Toronto"), pickStr(r, "ON", "QC"), r.IntN(10), r.IntN(10), r.IntN(10))
	},
	func(r *rand.Rand) string { // Germany
		return fmt.Sprintf("%s %d, %05d %s", pickStr(r, "Hauptstraße", "Bahnhofstraße", "Gartenweg", "Lindenallee", "Marktplatz", "Berliner Straße"),
			1+r.IntN(150), 10000+r.IntN(89999), pickStr(r, "Berlin", "München", "Köln"))
	},
	func(r *rand.Rand) string { // France
		return fmt.Sprintf("%d %s, %05d %s", 1+r.IntN(120), pickStr(r, "rue de la Paix", "avenue Victor Hugo", "boulevard Saint-Michel", "place de la République"),
			10000+r.IntN(89999), pickStr(r, "Paris", "Lyon", "Marseille"))
	},
	func(r *rand.Rand) string { // Spain
		return fmt.Sprintf("%s %d, %05d %s", pickStr(r, "Calle de Alcalá", "Calle Mayor", "Avenida de la Constitución", "Paseo de Gracia"),
			1+r.IntN(200), 10000+r.IntN(89999), pickStr(r, "Madrid", "Sevilla", "Barcelona"))
	},
	func(r *rand.Rand) string { // Italy
		return fmt.Sprintf("%s %d, %05d %s", pickStr(r, "Via del Corso", "Via Roma", "Piazza Navona", "Corso Buenos Aires", "Viale Monza"),
			1+r.IntN(200), 10000+r.IntN(89999), pickStr(r, "Roma", "Milano", "Torino"))
	},
	func(r *rand.Rand) string { // Netherlands
		return fmt.Sprintf("%s %d, %d %s %s", pickStr(r, "Kalverstraat", "Prinsengracht", "Laan van Meerdervoort", "Coolsingel", "Stationsplein"),
			1+r.IntN(300), 1000+r.IntN(8999), pickStr(r, "AB", "PH", "KL"), pickStr(r, "Amsterdam", "Rotterdam", "Utrecht"))
	},
}

// streetTypes are the type words the lookalikes must not hold (for
// Check, written apart from the detector's lists).
var streetTypes = []string{"street", "st", "avenue", "ave", "blvd", "road", "drive", "lane", "court", "way", "close",
	"straße", "weg", "allee", "platz", "rue", "boulevard", "place", "calle", "avenida", "paseo", "via", "piazza",
	"corso", "viale", "straat", "gracht", "laan", "singel", "plein"}

func init() {
	RegisterType(TypeGen{
		Type:  "street_address",
		Valid: func(r *rand.Rand) string { return addressForms[r.IntN(len(addressForms))](r) },
		Invalid: func(r *rand.Rand) string {
			return fmt.Sprintf("%d %s %s, %s", 1+r.IntN(999), pickStr(r, "Quarterly", "Annual", "Pending"),
				pickStr(r, "Reports", "Items", "Tickets"), pickStr(r, "Springfield", "Berlin", "Paris"))
		},
		Context: []string{"address", "ship to", "Adresse", "dirección", "indirizzo", "adres"},
		Check: func(v string) bool {
			for _, w := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool { return r == ' ' || r == ',' || r == '.' }) {
				if contains(streetTypes, w) || strings.HasSuffix(w, "straße") || strings.HasSuffix(w, "straat") || strings.HasSuffix(w, "gracht") || strings.HasSuffix(w, "weg") {
					return true
				}
			}
			return false
		},
	})
}
