package validate

import "testing"

func TestNordic(t *testing.T) {
	runNatid(t, "SwedishPersonnummer", SwedishPersonnummer, refSwedish, []natidCase{
		{"8507099805", true}, // Skatteverket-style example 850709-9805
		{"8112289874", true},
		{"8507099806", false},
		{"8513099805", false}, // month 13
		{"8507699802", true},  // a samordningsnummer: day 9 + 60
		{"850709980", false},
	})
	runNatid(t, "SwedishOrgNumber", SwedishOrgNumber, refSwedishOrg, []natidCase{
		{"5560160680", true}, // Telefonaktiebolaget LM Ericsson
		{"2021005489", true}, // Skatteverket
		{"5560160681", false},
		{"5510160684", false}, // third digit 1: a personnummer's month
		{"4560160688", false}, // group 4 is not used
	})
	runNatid(t, "FinnishHetu", FinnishHetu, refHetu, []natidCase{
		{"131052-308T", true}, // the DVV's example
		{"131052-308U", false},
		{"131052X308T", true}, // the 2023 sign for the 1900s
		{"131052A308T", true}, // 13 October 2052... under A, 2000s
		{"131052G308T", false},
		{"290223A0022", false}, // 29 February 2023
		{"131052-001H", false}, // individual number 001
	})
	runNatid(t, "NorwegianFodselsnummer", NorwegianFodselsnummer, refFodselsnummer, []natidCase{
		{"15108695088", true},
		{"15108695077", false},
		{"55108695071", true},  // a D-number (day 15 + 40)
		{"15508695060", true},  // an H-number (month 10 + 40)
		{"15108675031", false}, // individual 750 in 1986: no century
	})
	runNatid(t, "DanishCPR", DanishCPR, refCPR, []natidCase{
		{"2110625629", true}, // passes modulus 11
		{"2110625628", false},
		{"0101654321", true},  // 1 January 1965: may lack modulus 11
		{"3102625629", false}, // 31 February
		{"2110620629", false}, // a real date (1962) but fails modulus 11
	})
}

func TestAlpineIrishPortuguese(t *testing.T) {
	runNatid(t, "SwissAHV", SwissAHV, refAHV, []natidCase{
		{"7561234567897", true}, // the ZAS example 756.1234.5678.97
		{"7561234567898", false},
		{"7571234567896", false}, // not 756
	})
	runNatid(t, "AustrianSVNR", AustrianSVNR, refSVNR, []natidCase{
		{"1237010180", true}, // 1237 010180
		{"2237010180", false},
		{"0237010180", false},
		{"1230011365", false}, // a substitute month 13, wrong check
		{"1256011365", true},  // a substitute month 13
		{"1237310280", false}, // 31 February
	})
	runNatid(t, "IrishPPSN", IrishPPSN, refPPSN, []natidCase{
		{"1234567T", true},
		{"1234567TW", true}, // an older second letter, outside the check
		{"1234567FA", true}, // the 2013 format: A counts 9 x 1
		{"1234567TA", false},
		{"1234567U", false},
		{"123456T", false},
	})
	runNatid(t, "PortugueseNIF", PortugueseNIF, refPortugueseNIF, []natidCase{
		{"123456789", true},
		{"501964843", true},
		{"501964844", false},
		{"401964843", false}, // 4 is only 45
		{"12345678", false},
	})
}

func TestCzechRomanian(t *testing.T) {
	runNatid(t, "CzechBirthNumber", CzechBirthNumber, refCzech, []natidCase{
		{"7103192745", true},
		{"7103192746", false},
		{"7153192746", false},
		{"530101123", true},   // nine digits, born 1953
		{"540101123", false},  // nine digits from 1954 on
		{"0472010006", false}, // month 72 (woman, +20) in 2004 needs the check
		{"0422010008", false},
	})
	runNatid(t, "RomanianCNP", RomanianCNP, refCNP, []natidCase{
		{"1630615123457", true},
		{"1630615123458", false},
		{"0800101221142", false}, // first digit 0
		{"1632215123457", false}, // month 22
		{"1630615493459", false}, // county 49
	})
}
