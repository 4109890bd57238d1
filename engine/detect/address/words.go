package address

// The street-type words of the covered countries, folded to lower case
// (ASCII). Each is a fact of the country's addressing standard; the
// lists are written for this package.

// Kinds of street words.
const (
	suffixType  = 1 << iota // follows the street's name: "Baker Street", "Berliner Straße"
	prefixType              // precedes it: "rue de la Paix", "Calle Mayor", "Via Roma", "Laan van ..."
	directional             // "N", "NW", "North" around a US street
	unitWord                // "Apt", "Suite", "Flat", "Piso"
	particle                // "de", "la", "del", "van", "di"
	countryWord             // "USA", "Deutschland"
)

// words maps a folded word (a trailing '.' removed) to its kinds.
var words = func() map[string]uint8 {
	m := map[string]uint8{}
	add := func(kind uint8, ws ...string) {
		for _, w := range ws {
			m[w] |= kind
		}
	}
	// USPS Publication 28, Appendix C1 (common suffixes and their standard
	// abbreviations); Royal Mail and Canada Post thoroughfare types.
	add(suffixType, "street", "st", "avenue", "ave", "av", "road", "rd", "boulevard", "blvd", "drive", "dr",
		"lane", "ln", "court", "ct", "place", "pl", "terrace", "ter", "way", "wy", "circle", "cir", "parkway", "pkwy",
		"highway", "hwy", "square", "sq", "trail", "trl", "crescent", "cres", "close", "grove", "gardens", "gdns",
		"mews", "row", "walk", "hill", "plaza", "plz", "alley", "aly", "loop", "path", "pike", "point", "pt", "ridge",
		"rdg", "heights", "hts", "gate", "wharf", "embankment", "expressway", "expy", "freeway", "fwy", "turnpike",
		"tpke", "route", "rte", "causeway", "cswy", "center", "ctr", "crossing", "xing", "commons", "cmns", "cove",
		"cv", "creek", "crk", "estates", "ests", "green", "grn", "harbor", "hbr", "landing", "lndg", "meadow",
		"meadows", "mdws", "park", "pass", "view", "vw", "villas", "vista", "vis", "parade", "pde", "quay",
		"rise", "vale", "approach", "broadway", "chase", "drove", "esplanade", "promenade", "boul", "chemin",
		// German (DIN 5008 examples) and Dutch separate words.
		"straße", "strasse", "str", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer", "chaussee", "steig",
		"straat", "plein", "gracht", "kade", "singel", "dijk", "dreef", "steeg")
	// La Poste (NF Z 10-011), Correos, Poste Italiane and PostNL types
	// that come before the name.
	add(prefixType, "rue", "avenue", "av", "ave", "boulevard", "bd", "bld", "place", "pl", "allée", "allee", "chemin",
		"impasse", "imp", "quai", "cours", "route", "rte", "square", "passage", "voie", "esplanade", "promenade",
		"faubourg", "fbg", "rond-point", "sentier", "villa", "cité", "hameau", "lieu-dit",
		"calle", "c/", "cl", "avenida", "avda", "paseo", "pº", "plaza", "pza", "ronda", "camino", "carretera",
		"ctra", "travesía", "travesia", "glorieta", "vía", "rambla", "callejón", "pasaje", "urbanización",
		"via", "v", "viale", "v.le", "piazza", "p.za", "piazzale", "corso", "c.so", "largo", "vicolo", "strada",
		"lungomare", "lungotevere", "contrada", "borgo", "salita", "calle", "rua", "travessa", "praça",
		"laan", "plein", "weg", "straat", "kade", "dreef", "pad", "hof")
	// USPS Publication 28, Appendix B (directionals).
	add(directional, "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west",
		"northeast", "northwest", "southeast", "southwest")
	// USPS Publication 28, Appendix C2 (secondary unit designators) and
	// their European counterparts.
	add(unitWord, "apt", "apartment", "suite", "ste", "unit", "flat", "fl", "floor", "room", "rm", "bldg",
		"building", "dept", "lot", "space", "spc", "trlr", "box", "piso", "planta", "puerta", "pta", "escalera",
		"esc", "etage", "stock", "whg", "bus", "app", "appartement", "bât", "bat", "interno", "int", "scala",
		"apto", "depto", "dpto", "bis", "ter")
	add(particle, "de", "la", "le", "les", "du", "des", "del", "dels", "della", "delle", "dei", "degli", "di",
		"da", "do", "dos", "das", "van", "von", "der", "den", "het", "ten", "ter", "in", "am", "an", "im", "auf",
		"of", "the", "on", "upon", "y", "e", "l'", "d'", "l’", "d’", "san", "sant", "santa", "st", "saint")
	add(countryWord, "usa", "us", "united", "states", "uk", "kingdom", "canada", "deutschland", "germany", "france",
		"españa", "spain", "italia", "italy", "nederland", "netherlands")
	return m
}()

// gluedSuffixes end German and Dutch street names written as one word
// ("Hauptstraße", "Kalverstraat", "Kurfürstendamm").
var gluedSuffixes = []string{
	"straße", "strasse", "str.", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer", "chaussee", "steig",
	"pfad", "graben", "markt", "straat", "laan", "plein", "gracht", "kade", "singel", "dijk", "steeg", "dreef",
	"park", "hof", "plantsoen", "kanaal",
}

// usStates are the USPS state and territory codes and Canada Post's
// province and territory codes.
var usStates = map[string]bool{
	"AL": true, "AK": true, "AZ": true, "AR": true, "CA": true, "CO": true, "CT": true, "DE": true, "DC": true,
	"FL": true, "GA": true, "HI": true, "ID": true, "IL": true, "IN": true, "IA": true, "KS": true, "KY": true,
	"LA": true, "ME": true, "MD": true, "MA": true, "MI": true, "MN": true, "MS": true, "MO": true, "MT": true,
	"NE": true, "NV": true, "NH": true, "NJ": true, "NM": true, "NY": true, "NC": true, "ND": true, "OH": true,
	"OK": true, "OR": true, "PA": true, "RI": true, "SC": true, "SD": true, "TN": true, "TX": true, "UT": true,
	"VT": true, "VA": true, "WA": true, "WV": true, "WI": true, "WY": true, "PR": true, "GU": true, "VI": true,
	"AB": true, "BC": true, "MB": true, "NB": true, "NL": true, "NS": true, "NT": true, "NU": true, "ON": true,
	"PE": true, "QC": true, "SK": true, "YT": true,
}
