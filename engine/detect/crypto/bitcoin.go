// Package crypto holds the detectors of cryptocurrency addresses.
package crypto

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// Bitcoin finds bitcoin addresses: legacy P2PKH/P2SH addresses in
// Base58Check (a version byte and a four-byte double SHA-256 checksum;
// Bitcoin wiki "Base58Check encoding"), starting '1' or '3', and SegWit
// addresses in Bech32 (BIP 173) or Bech32m (BIP 350) with the "bc" or
// "tb" prefix.
var Bitcoin = &detect.Detector{
	Name: "bitcoin_address",
	Types: []detect.Type{{
		Name: "bitcoin_address", Family: detect.Crypto, Confidence: 0.95,
		Confirm: "Base58Check (double SHA-256) or Bech32/Bech32m checksum",
	}},
	Source: "Bitcoin Base58Check encoding; BIP 173 (Bech32); BIP 350 (Bech32m)",
	Digits: &detect.OnDigits{Lead: "13", OnLead: base58},
	Tokens: &detect.OnToken{MinLen: 14, MaxLen: 90, MinLead: 2, MaxLead: 2, Lower: "1", Find: bech32},
	Examples: []detect.Example{
		{Text: "send to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 now", Span: "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", Valid: true},
		{Text: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", Span: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", Valid: true},
		{Text: "send to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3 now"},
		{Text: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdp"},
	},
}

// base58 handles a legacy address starting with '1' or '3' at t[i].
func base58(s *detect.Scan, i, j int) {
	t := s.T
	// The address has at least 25 characters: t[i+24] must be one.
	if len(t)-i < 25 || !validate.LooksBase58(t[j]) || !validate.LooksBase58(t[i+24]) {
		return
	}
	e := i
	for e < len(t) && e-i <= 35 && validate.LooksBase58(t[e]) {
		e++
	}
	if e-i < 25 || e-i > 35 || !detect.FreeRight(t, e) {
		return
	}
	if validate.Base58Check(t[i:e]) {
		s.Add(0, i, e, 0.95, true)
	}
}

// bech32 handles the token t[ts:te] starting "bc1" or "tb1" (either case).
func bech32(s *detect.Scan, ts, te int) {
	t := s.T
	if t[ts+2] != '1' {
		return
	}
	h0, h1 := t[ts]|0x20, t[ts+1]|0x20
	if !(h0 == 'b' && h1 == 'c' || h0 == 't' && h1 == 'b') {
		return
	}
	if validate.Bech32(t[ts:te]) {
		s.Add(0, ts, te, 0.95, true)
	}
}
