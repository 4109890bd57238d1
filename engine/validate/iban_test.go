package validate

import (
	"math/big"
	"strings"
	"testing"
)

// registryExamples are the example IBANs printed in the ISO 13616 IBAN
// registry, in their compact form.
var registryExamples = []string{
	"AD1200012030200359100100", "AE070331234567890123456", "AL47212110090000000235698741",
	"AT611904300234573201", "AZ21NABZ00000000137010001944", "BA391290079401028494",
	"BE68539007547034", "BG80BNBG96611020345678", "BH67BMAG00001299123456",
	"BR1800360305000010009795493C1", "BY13NBRB3600900000002Z00AB00", "CH9300762011623852957",
	"CR05015202001026284066", "CY17002001280000001200527600", "CZ6508000000192000145399",
	"DE89370400440532013000", "DK5000400440116243", "DO28BAGR00000001212453611324",
	"EE382200221020145685", "EG380019000500000000263180002", "ES9121000418450200051332",
	"FI2112345600000785", "FO6264600001631634", "FR1420041010050500013M02606",
	"GB29NWBK60161331926819", "GB82WEST12345698765432", "GE29NB0000000101904917",
	"GI75NWBK000000007099453", "GL8964710001000206", "GR1601101250000000012300695",
	"GT82TRAJ01020000001210029690", "HR1210010051863000160", "HU42117730161111101800000000",
	"IE29AIBK93115212345678", "IL620108000000099999999", "IQ98NBIQ850123456789012",
	"IS140159260076545510730339", "IT60X0542811101000000123456", "JO94CBJO0010000000000131000302",
	"KW81CBKU0000000000001234560101", "KZ86125KZT5004100100", "LB62099900000001001901229114",
	"LC55HEMM000100010012001200023015", "LI21088100002324013AA", "LT121000011101001000",
	"LU280019400644750000", "LV80BANK0000435195001", "MC5811222000010123456789030",
	"MD24AG000225100013104168", "ME25505000012345678951", "MK07250120000058984",
	"MR1300020001010000123456753", "MT84MALT011000012345MTLCAST001S", "MU17BOMM0101101030300200000MUR",
	"NL91ABNA0417164300", "NO9386011117947", "PK36SCBL0000001123456702",
	"PL61109010140000071219812874", "PS92PALS000000000400123456702", "PT50000201231234567890154",
	"QA58DOHB00001234567890ABCDEFG", "RO49AAAA1B31007593840000", "RS35260005601001611379",
	"SA0380000000608010167519", "SC18SSCB11010000000000001497USD", "SE4550000000058398257466",
	"SI56263300012039086", "SK3112000000198742637541", "SM86U0322509800000000270100",
	"ST23000100010051845310146", "SV62CENR00000000000000700025", "TL380080012345678910157",
	"TN5910006035183598478831", "TR330006100519786457841326", "UA213223130000026007233566001",
	"VA59001123000012345678", "VG96VPVG0000012345678901", "XK051212012345678906",
}

func TestIBANRegistryExamples(t *testing.T) {
	for _, s := range registryExamples {
		if !IBAN([]byte(s)) {
			t.Errorf("IBAN(%q) = false, want true", s)
		}
		// Changing any one character must break the check.
		b := []byte(s)
		for i := 4; i < len(b); i++ {
			orig := b[i]
			if IsDigit(orig) {
				b[i] = '0' + (orig-'0'+1)%10
			} else {
				b[i] = 'A' + (orig-'A'+1)%26
			}
			if IBAN(b) {
				t.Errorf("IBAN(%s) = true after changing position %d of %s", b, i, s)
			}
			b[i] = orig
		}
	}
}

func TestIBANRejects(t *testing.T) {
	for _, s := range []string{
		"GB82WEST12345698765433",      // check digit changed
		"GB83WEST12345698765432",      // check digits changed
		"GB82WEST1234569876543",       // one short
		"GB82WEST123456987654321",     // one long
		"gb82west12345698765432",      // lowercase
		"GB82 WEST 1234 5698 7654 32", // grouped, not compact
		"XX82WEST12345698765432",      // unregistered country
		"US64SVBKUS6S3300958879",      // no IBAN in the US
		"GB82WEST1234569876543!",
		"DE00370400440532013000", // check digits 00 are never issued
		"DE01370400440532013000",
		"DE99370400440532013000",
		"",
		"DE",
	} {
		if IBAN([]byte(s)) {
			t.Errorf("IBAN(%q) = true, want false", s)
		}
	}
}

func TestIBANLength(t *testing.T) {
	tests := []struct {
		cc   string
		want int
	}{{"DE", 22}, {"GB", 22}, {"NO", 15}, {"RU", 33}, {"LC", 32}, {"US", 0}, {"de", 0}, {"ZZ", 0}}
	for _, tt := range tests {
		if got := IBANLength([2]byte{tt.cc[0], tt.cc[1]}); got != tt.want {
			t.Errorf("IBANLength(%s) = %d, want %d", tt.cc, got, tt.want)
		}
	}
	lo, hi := 100, 0
	for _, n := range ibanLengths {
		lo, hi = min(lo, int(n)), max(hi, int(n))
	}
	if lo != IBANMinLen || hi != IBANMaxLen {
		t.Errorf("table spans %d..%d, constants say %d..%d", lo, hi, IBANMinLen, IBANMaxLen)
	}
}

// refIBAN checks an IBAN with math/big: rearrange, spell letters as their
// two-digit numbers, parse the whole as one integer and take it mod 97.
func refIBAN(s string) bool {
	if len(s) < 4 || IBANLength([2]byte{s[0], s[1]}) != len(s) {
		return false
	}
	if strings.Trim(s[2:4], "0123456789") != "" || s[2:4] < "02" || s[2:4] > "98" {
		return false
	}
	var digits strings.Builder
	for _, r := range s[4:] + s[:4] {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			digits.WriteString(big.NewInt(int64(r - 'A' + 10)).String())
		default:
			return false
		}
	}
	n, ok := new(big.Int).SetString(digits.String(), 10)
	if !ok {
		return false
	}
	return new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

func FuzzIBAN(f *testing.F) {
	f.Add("GB82WEST12345698765432")
	f.Add("DE89370400440532013000")
	f.Add("DE89370400440532013001")
	f.Add("NO9386011117947")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := IBAN([]byte(s)), refIBAN(s); got != want {
			t.Fatalf("IBAN(%q) = %v, math/big reference says %v", s, got, want)
		}
	})
}
