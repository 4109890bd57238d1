package validate

import "testing"

func TestCardBrand(t *testing.T) {
	tests := []struct {
		in    string
		brand Brand
		ok    bool
		luhn  bool
	}{
		// Published network test numbers.
		{"4111111111111111", Visa, true, true},
		{"4222222222222", Visa, true, true}, // 13-digit Visa test number
		{"5555555555554444", Mastercard, true, true},
		{"5105105105105100", Mastercard, true, true},
		{"2223003122003222", Mastercard, true, true},
		{"2720990000000000", Mastercard, true, false},
		{"378282246310005", Amex, true, true},
		{"371449635398431", Amex, true, true},
		{"6011111111111117", Discover, true, true},
		{"6445644564456445", Discover, true, true},
		{"6221260000000000", Discover, true, true},
		{"6229250000000000", Discover, true, false},
		{"3530111333300000", JCB, true, true},
		{"3566002020360505", JCB, true, true},
		{"36227206271667", Diners, true, true},
		{"30569309025904", Diners, true, true},
		{"6200000000000005", UnionPay, true, true},
		{"6221250000000000", UnionPay, true, false}, // just below Discover's 622126
		{"6229260000000000", UnionPay, true, false}, // just above Discover's 622925
		{"6759649826438453", Maestro, true, true},
		{"6304000000000000", Maestro, true, true},
		{"501800000000", Maestro, true, false}, // 12 digits
		// Wrong lengths for the prefix.
		{"41111111111111", "", false, false},       // Visa with 14 digits
		{"555555555555444", "", false, false},      // Mastercard with 15
		{"3782822463100050", "", false, false},     // Amex with 16
		{"2220990000000000", "", false, false},     // below 2221
		{"2721000000000000", "", false, false},     // above 2720
		{"3000000000000", "", false, false},        // Diners with 13
		{"1111111111111111", "", false, false},     // no network
		{"9111111111111111", "", false, false},     // no network
		{"41111111111111111111", "", false, false}, // 20 digits
		{"4111-1111-1111-111", "", false, false},   // not all digits
	}
	for _, tt := range tests {
		b, ok := CardBrand([]byte(tt.in))
		if b != tt.brand || ok != tt.ok {
			t.Errorf("CardBrand(%q) = %q, %v; want %q, %v", tt.in, b, ok, tt.brand, tt.ok)
		}
		if ok && Luhn([]byte(tt.in)) != tt.luhn {
			t.Errorf("Luhn(%q) = %v, want %v", tt.in, !tt.luhn, tt.luhn)
		}
	}
}

// TestCardBrandOneDigitChanged checks that changing any one digit of a test
// card number breaks its Luhn check, which the detectors rely on.
func TestCardBrandOneDigitChanged(t *testing.T) {
	for _, s := range []string{"4111111111111111", "5555555555554444", "2223003122003222",
		"378282246310005", "6011111111111117", "3530111333300000", "36227206271667", "6200000000000005"} {
		b := []byte(s)
		for i := range b {
			orig := b[i]
			b[i] = '0' + (orig-'0'+1)%10
			if Luhn(b) {
				t.Errorf("Luhn(%s) = true after changing digit %d", b, i)
			}
			b[i] = orig
		}
	}
}
