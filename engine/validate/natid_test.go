package validate

import "testing"

// natidCase is one published (or derived) example of a national
// identifier and whether it is valid.
type natidCase struct {
	in   string
	want bool
}

// runNatid checks f, and the independent reference ref, on every case.
func runNatid(t *testing.T, name string, f func([]byte) bool, ref func(string) bool, cases []natidCase) {
	t.Helper()
	for _, c := range cases {
		if got := f([]byte(c.in)); got != c.want {
			t.Errorf("%s(%q) = %v, want %v", name, c.in, got, c.want)
		}
		if got := ref(c.in); got != c.want {
			t.Errorf("reference %s(%q) = %v, want %v", name, c.in, got, c.want)
		}
	}
}

func TestSpanishNIF(t *testing.T) {
	runNatid(t, "SpanishDNI", SpanishDNI, refDNI, []natidCase{
		{"12345678Z", true}, // the Ministerio del Interior's worked example
		{"00000000T", true},
		{"X1234567L", false}, // a NIE, not a DNI
		{"12345678A", false}, // wrong letter
		{"1234567Z", false},  // seven digits
		{"12345678z", false}, // lower case
		{"K1234567L", true},  // K + seven digits: the letter of 1234567
		{"K1234567Z", false},
	})
	runNatid(t, "SpanishNIE", SpanishNIE, refNIE, []natidCase{
		{"X1234567L", true},
		{"Y1234567X", true}, // 11234567 mod 23 = 10
		{"Z1234567R", true}, // 21234567 mod 23 = 1
		{"X1234567T", false},
		{"W1234567L", false},
		{"X123456L", false},
	})
	runNatid(t, "SpanishCIF", SpanishCIF, refCIF, []natidCase{
		{"A58818501", true}, // a published company NIF
		{"Q2826000H", true}, // Agencia Estatal de Administración Tributaria
		{"Q2826000I", false},
		{"Q28260008", false}, // kind Q takes a letter only
		{"A5881850A", false}, // kind A takes a digit only
		{"I58818501", false}, // no kind I
		{"A5881850", false},
	})
}

func TestItalian(t *testing.T) {
	runNatid(t, "ItalianFiscalCode", ItalianFiscalCode, refFiscalCode, []natidCase{
		{"RSSMRA85T10A562S", true}, // the Agenzia delle Entrate's example
		{"RSSMRA85T10A562T", false},
		{"RSSMRA85T50A562W", true},  // the same person as a woman (day + 40)
		{"RSSMRA85T10A56NH", true},  // homocodic: 2 written as N
		{"RSSMRA85F10A562S", false}, // F is not a month letter
		{"RSSMRA85T32A562S", false}, // 32 October
		{"RSSMRA85T10A562", false},
		{"rssmra85t10a562s", false}, // upper case only
	})
	runNatid(t, "ItalianVAT", ItalianVAT, refItalianVAT, []natidCase{
		{"00743110157", true},
		{"07643520567", true},
		{"00743110158", false},
		{"00743111157", false}, // office 111
		{"00000000000", false},
		{"0074311015", false},
	})
}

func TestFrench(t *testing.T) {
	runNatid(t, "FrenchNIR", FrenchNIR, refNIR, []natidCase{
		{"295109912611193", true},
		{"295109912611199", false},
		{"253072B07300470", true}, // Corsica, 2B read as 18
		{"253072A07300443", true}, // Corsica, 2A read as 19
		{"253072C07300443", false},
		{"595109912611193", false}, // sex 5
		{"295139912611193", false}, // month 13
		{"29510991261119", false},
	})
	runNatid(t, "SIREN", SIREN, refSIREN, []natidCase{
		{"732829320", true},
		{"356000000", true}, // La Poste
		{"732829321", false},
		{"000000000", false},
	})
	runNatid(t, "SIRET", SIRET, refSIRET, []natidCase{
		{"73282932000074", true},
		{"73282932000075", false},
		{"35600000049837", true},  // La Poste: digit sum 45
		{"35600000049838", false}, // digit sum 46
		{"73282932100074", false}, // SIREN 732829321 fails Luhn
		{"3560000004983A", false}, // La Poste, not all digits (found by FuzzNationalIDs)
	})
}

func TestDutchBelgianPolish(t *testing.T) {
	runNatid(t, "DutchBSN", DutchBSN, refBSN, []natidCase{
		{"111222333", true},
		{"123456782", true},
		{"123456789", false},
		{"000000000", false},
		{"12345678", false},
	})
	runNatid(t, "BelgianNationalNumber", BelgianNationalNumber, refBelgian, []natidCase{
		{"93051822361", true}, // born 1993
		{"93051822362", false},
		{"00012556777", true},  // born 2000: the check of 2000012556
		{"85133003328", false}, // month 13
		{"85000000138", true},  // birth date unknown (month and day 00)
		{"85270000232", true},  // a BIS number: month 7 + 20
	})
	runNatid(t, "PolishPESEL", PolishPESEL, refPESEL, []natidCase{
		{"44051401359", true}, // the Ministry's example
		{"44051401358", false},
		{"02270803624", true},  // born 8 July 2002 (month 27)
		{"44023001353", false}, // 30 February
		{"4405140135", false},
	})
	runNatid(t, "PolishNIP", PolishNIP, refNIP, []natidCase{
		{"1234563218", true},
		{"1234563217", false},
		{"0000000000", false},
	})
}
