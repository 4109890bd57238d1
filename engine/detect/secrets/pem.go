package secrets

import (
	"bytes"

	"github.com/datafog/datafog-api/engine/detect"
)

// PEMMax is the longest PEM private-key block reported, BEGIN line
// through END line. Longer blocks are not reported, by a scan or a stream,
// so that both agree; the engine sizes its stream holdback from it.
const PEMMax = detect.MaxLong

// PrivateKey finds whole PEM private-key blocks (RFC 7468 §2 and §10-11:
// "-----BEGIN <label>PRIVATE KEY-----" … "-----END <label>PRIVATE
// KEY-----", the labels equal), of at most PEMMax bytes.
var PrivateKey = &detect.Detector{
	Name: "private_key",
	Types: []detect.Type{{
		Name: "private_key", Family: detect.Secret, Confidence: 1,
		Confirm: "a whole PEM -----BEGIN … PRIVATE KEY----- … -----END … PRIVATE KEY----- block",
	}},
	Source: "RFC 7468 (Textual Encodings of PKIX, PKCS, and CMS Structures) §2, §10, §11",
	Bytes:  []detect.OnByte{{Byte: '-', After: detect.Dash, Find: findPEM}},
	Examples: []detect.Example{
		{Text: "k -----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY----- end",
			Span: "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----", Valid: true},
		{Text: "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END EC PRIVATE KEY-----"},
		{Text: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"},
	},
}

// findPEM handles '-' at t[p], the first of a run of dashes. The block
// runs to the matching "-----END <label>PRIVATE KEY-----"; the first
// "-----" after the BEGIN line must start that END line. When t ends
// before the block is decided, p is marked pending (used only by a
// stream).
func findPEM(s *detect.Scan, p int) {
	t := s.T
	if p > 0 && t[p-1] == '-' {
		return
	}
	const begin = "-----BEGIN "
	if !detect.HasPrefix(t, p, begin) {
		if len(t)-p < len(begin) && begin[:len(t)-p] == string(t[p:]) {
			s.MarkPending(p)
		}
		return
	}
	hs := p + len(begin)
	limit := min(len(t), hs+64)
	he := bytes.Index(t[hs:limit], []byte("-----"))
	if he < 0 {
		if limit == len(t) && len(t)-hs < 64 {
			s.MarkPending(p)
		}
		return
	}
	header := t[hs : hs+he]
	if !bytes.HasSuffix(header, []byte("PRIVATE KEY")) || len(header) > len("PRIVATE KEY") && header[len(header)-12] != ' ' {
		return
	}
	body := hs + he + 5
	end := min(len(t), p+PEMMax)
	r := bytes.Index(t[body:end], []byte("-----"))
	if r < 0 {
		if end == len(t) && len(t) < p+PEMMax {
			s.MarkPending(p)
		}
		return
	}
	r += body
	need := r + len("-----END ") + len(header) + 5
	if need > end {
		if need <= p+PEMMax && end == len(t) {
			s.MarkPending(p)
		}
		return
	}
	if !detect.HasPrefix(t, r, "-----END ") || !bytes.Equal(t[r+9:r+9+len(header)], header) || !detect.HasPrefix(t, need-5, "-----") {
		return
	}
	s.Add(0, p, need, 1.0, true)
}
