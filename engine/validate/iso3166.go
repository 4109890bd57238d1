package validate

// iso3166Alpha2 lists the officially assigned ISO 3166-1 alpha-2 country
// codes (ISO 3166 Maintenance Agency, the Online Browsing Platform's list
// of 249 codes), plus XK, the user-assigned code that the European
// Commission, SWIFT and ISO 6166 issuers use for Kosovo.
const iso3166Alpha2 = "" +
	"AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ " +
	"BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
	"CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ " +
	"DE DJ DK DM DO DZ " +
	"EC EE EG EH ER ES ET " +
	"FI FJ FK FM FO FR " +
	"GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY " +
	"HK HM HN HR HT HU " +
	"ID IE IL IM IN IO IQ IR IS IT " +
	"JE JM JO JP " +
	"KE KG KH KI KM KN KP KR KW KY KZ " +
	"LA LB LC LI LK LR LS LT LU LV LY " +
	"MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ " +
	"NA NC NE NF NG NI NL NO NP NR NU NZ " +
	"OM " +
	"PA PE PF PG PH PK PL PM PN PR PS PT PW PY " +
	"QA " +
	"RE RO RS RU RW " +
	"SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ " +
	"TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ " +
	"UA UG UM US UY UZ " +
	"VA VC VE VG VI VN VU " +
	"WF WS " +
	"XK " +
	"YE YT " +
	"ZA ZM ZW"

// countryTable marks the codes of iso3166Alpha2, indexed by
// (first letter - 'A')·26 + (second letter - 'A').
var countryTable = func() (t [26 * 26]bool) {
	for k := 0; k+1 < len(iso3166Alpha2); k += 3 {
		t[int(iso3166Alpha2[k]-'A')*26+int(iso3166Alpha2[k+1]-'A')] = true
	}
	return t
}()

// CountryCode reports whether the upper-case letters a, b form an
// assigned ISO 3166-1 alpha-2 country code (or XK, Kosovo).
func CountryCode(a, b byte) bool {
	a, b = a-'A', b-'A'
	return a < 26 && b < 26 && countryTable[int(a)*26+int(b)]
}
