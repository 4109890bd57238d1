package crypto

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/validate"
)

// Ethereum finds Ethereum addresses, "0x" and 40 hex digits (the Keccak
// hash's last 20 bytes; Ethereum Yellow Paper §4.1). Mixed case must carry
// a valid EIP-55 checksum.
var Ethereum = &detect.Detector{
	Name: "ethereum_address",
	Types: []detect.Type{{
		Name: "ethereum_address", Family: detect.Crypto, Confidence: 0.95,
		Confirm: "0x + 40 hex; the EIP-55 checksum is enforced when the case is mixed",
	}},
	Source: "Ethereum Yellow Paper §4.1; EIP-55 mixed-case checksum",
	Digits: &detect.OnDigits{Lead: "0", LeadLen: 1 << 1, LeadNext: "x", OnLead: ethereum},
	Examples: []detect.Example{
		{Text: "to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", Span: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", Valid: true},
		{Text: "to 0x52908400098527886e0f7030069857d2e4169ee7", Span: "0x52908400098527886e0f7030069857d2e4169ee7", Valid: true},
		{Text: "to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"},
		{Text: "to 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae"},
	},
}

// ethereum handles "0x" + 40 hex digits at t[i].
func ethereum(s *detect.Scan, i, j int) {
	t := s.T
	e := i + 42
	if j != i+1 || t[j] != 'x' || e > len(t) || !detect.FreeRight(t, e) {
		return
	}
	h := t[i+2 : e]
	for _, c := range h {
		if !detect.IsHex(c) {
			return
		}
	}
	if validate.EIP55(h) {
		s.Add(0, i, e, 0.95, true)
	}
}
