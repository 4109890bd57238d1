package engine

import (
	"fmt"
	"slices"
	"testing"

	"github.com/datafog/datafog-api/engine/validate"
)

// TestNationalIDOverlaps pins the findings where an Asia-Pacific or
// world identifier (engine/detect/ids/apac, .../world) shares its digits
// with another type: CPF vs phone, RRN vs date (the pairs), and
// the collisions these types bring — Thai and Chinese ids vs cards,
// TCKN and the Korean BRN vs phones, My Number vs Aadhaar, the Israeli
// id vs the Canadian SIN. A checksum-confirmed type with its context word
// wins; without the word, a bare number stays the other type's. Each case
// first checks its premise (the number is valid as both), so it cannot
// pass by accident.
func TestNationalIDOverlaps(t *testing.T) {
	luhnCard := func(d string) bool { _, ok := validate.CardBrand([]byte(d)); return ok && validate.Luhn([]byte(d)) }
	nanp1 := func(d string) bool { return d[0] == '1' && validate.NANP([]byte(d[1:])) }
	premises := []struct {
		name string
		ok   bool
	}{
		{"12125551209 is a CPF and 1 + a NANP number", validate.CPF([]byte("12125551209")) && nanp1("12125551209")},
		{"12125551282 is a TCKN and 1 + a NANP number", validate.TRKimlik([]byte("12125551282")) && nanp1("12125551282")},
		{"2125550006 is a Korean BRN and a NANP number", validate.KRBRN([]byte("2125550006")) && validate.NANP([]byte("2125550006"))},
		{"4101700207204 is a Thai id and a 13-digit Visa", validate.THTNIN([]byte("4101700207204")) && luhnCard("4101700207204")},
		{"620102199001010257 is a Chinese id and a UnionPay card", validate.CNResidentID([]byte("620102199001010257")) && luhnCard("620102199001010257")},
		{"234567890130 is a My Number and an Aadhaar number", validate.MyNumber([]byte("234567890130")) && validate.Aadhaar([]byte("234567890130"))},
		{"046454286 is an Israeli id and a SIN", validate.ILID([]byte("046454286")) && validate.CASIN([]byte("046454286"))},
		{"800101-1000008 is an RRN", validate.KRRegistrationCheck([]byte("8001011000008"), false)},
	}
	for _, p := range premises {
		if !p.ok {
			t.Fatalf("premise broken: %s", p.name)
		}
	}
	tests := []struct {
		text string
		want []string // "type span", in order
	}{
		// CPF vs phone.
		{"CPF 12125551209", []string{"br_cpf 12125551209"}},
		{"CPF: 121.255.512-09.", []string{"br_cpf 121.255.512-09"}},
		{"cliente 121.255.512-09", []string{"br_cpf 121.255.512-09"}},
		{"tel 12125551209", []string{"phone 12125551209"}},
		{"CPF 121.255.512-08", nil}, // a wrong check digit, vetoed
		// RRN vs date.
		{"생년월일 1980-01-01, 주민등록번호 800101-1000008", []string{"date 1980-01-01", "kr_rrn 800101-1000008"}},
		{"born 01/01/1980 holder 800101-1000008", []string{"date 01/01/1980", "kr_rrn 800101-1000008"}},
		{"주민등록번호 8001011000008", []string{"kr_rrn 8001011000008"}},
		{"주민등록번호 800101-1000009", nil},                               // a wrong check digit, vetoed
		{"주민등록번호 211005-3123456", []string{"kr_rrn 211005-3123456"}}, // born after the 2020 rule: no check digit
		{"holder 211005-3123456", nil},
		// TCKN and BRN vs phone.
		{"TC Kimlik No: 12125551282", []string{"tr_national_id 12125551282"}},
		{"tel 12125551282", []string{"phone 12125551282"}},
		{"사업자등록번호 2125550006", []string{"kr_brn 2125550006"}},
		{"사업자등록번호 212-55-50006", []string{"kr_brn 212-55-50006"}},
		{"tel 2125550006", []string{"phone 2125550006"}},
		// Thai and Chinese ids vs cards.
		{"เลขประจำตัวประชาชน 4101700207204", []string{"th_tnin 4101700207204"}},
		{"card 4101700207204", []string{"credit_card 4101700207204"}},
		{"เลขประจำตัวประชาชน 4-1017-00207-20-4", []string{"th_tnin 4-1017-00207-20-4"}},
		{"身份证号码 620102199001010257", []string{"cn_resident_id 620102199001010257"}},
		{"card 620102199001010257", []string{"credit_card 620102199001010257"}}, // ambiguous without the word: the card (0.99) outranks the id (0.9)
		// My Number vs Aadhaar, Israeli id vs SIN.
		{"マイナンバー 2345 6789 0130", []string{"jp_my_number 2345 6789 0130"}},
		{"Aadhaar 2345 6789 0130", []string{"in_aadhaar 2345 6789 0130"}},
		{"teudat zehut 046454286", []string{"il_id 046454286"}},
		{"SIN 046454286", []string{"ca_sin 046454286"}},
	}
	e := mustEngine(t, Config{})
	f := Filter{}.WithMinConfidence(DefaultMinConfidence)
	for _, tt := range tests {
		var got []string
		for _, fd := range e.Scan(nil, []byte(tt.text), f) {
			got = append(got, fmt.Sprintf("%s %s", fd.Type, tt.text[fd.Start:fd.End]))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: findings %q, want %q", tt.text, got, tt.want)
		}
	}
}
