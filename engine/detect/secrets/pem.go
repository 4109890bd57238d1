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
// KEY-----", the labels equal), and OpenPGP armored private keys (RFC
// 9580 §6.2: "-----BEGIN PGP PRIVATE KEY BLOCK-----" … "-----END PGP
// PRIVATE KEY BLOCK-----"), of at most PEMMax bytes. A block whose body
// holds fewer than minPEMBody base64 characters is a template, not a key,
// and is not reported.
var PrivateKey = &detect.Detector{
	Name: "private_key",
	Types: []detect.Type{{
		Name: "private_key", Family: detect.Secret, Confidence: 1,
		Confirm: "a whole PEM -----BEGIN … PRIVATE KEY----- … -----END … PRIVATE KEY----- block (or PGP PRIVATE KEY BLOCK) with a body",
	}},
	Source:      "RFC 7468 (Textual Encodings of PKIX, PKCS, and CMS Structures) §2, §10, §11; RFC 9580 §6.2 (OpenPGP armor)",
	Placeholder: pemPlaceholder,
	Bytes:       []detect.OnByte{{Byte: '-', After: detect.Dash, Find: findPEM}},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "k -----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY----- end",
			Span: "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----", Valid: true},
		{Text: "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: x\n\nlQOYBF9xAAABCAC7sS3jqQ4vKx2yWm8c0fT5Lr1eP9uQ\n=ab1C\n-----END PGP PRIVATE KEY BLOCK-----",
			Span: "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: x\n\nlQOYBF9xAAABCAC7sS3jqQ4vKx2yWm8c0fT5Lr1eP9uQ\n=ab1C\n-----END PGP PRIVATE KEY BLOCK-----", Valid: true},
		{Text: "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END EC PRIVATE KEY-----"},
		{Text: "-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----"},
		{Text: "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"},
		{Text: "-----BEGIN RSA PRIVATE KEY-----\n<your private key goes here, base64>\n-----END RSA PRIVATE KEY-----"},
		{Text: "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...xxxx...\n-----END PRIVATE KEY-----"},
		{Text: "-----BEGIN PGP PUBLIC KEY BLOCK-----\nlQOYBF9xAAABCAC7sS3jqQ4vKx2yWm8c0fT5Lr1eP9uQ\n-----END PGP PUBLIC KEY BLOCK-----"},
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
	if !privateKeyLabel(header) {
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
	if base64Chars(t[body:r], minPEMBody) < minPEMBody {
		return
	}
	s.Add(0, p, need, 1.0, true)
}

// pemPlaceholder reports a block whose body is a template: an ellipsis,
// angle brackets or asterisks, a run of eight x, or a body line with a
// space in it (base64 lines have none; armor header lines, which have a
// ':', are skipped). None of these can occur in a real key's body.
func pemPlaceholder(v []byte) bool {
	for _, w := range [...]string{"...", "<", ">", "*", "xxxxxxxx", "XXXXXXXX"} {
		if bytes.Contains(v, []byte(w)) {
			return true
		}
	}
	// The body lines: between the BEGIN line and the END line.
	k := bytes.IndexByte(v, '\n')
	e := bytes.LastIndexByte(v, '\n')
	for body := v[k+1 : max(k+1, e)]; k >= 0 && len(body) > 0; {
		line := body
		if n := bytes.IndexByte(body, '\n'); n >= 0 {
			line, body = body[:n], body[n+1:]
		} else {
			body = nil
		}
		line = bytes.TrimSpace(line)
		if bytes.IndexByte(line, ':') < 0 && bytes.IndexByte(line, ' ') >= 0 {
			return true
		}
	}
	return false
}

// minPEMBody is the fewest base64 characters a reported block's body
// holds; the smallest real private key (a 32-byte Ed25519 seed in PKCS
// #8) takes 64.
const minPEMBody = 16

// privateKeyLabel reports whether a BEGIN line's label names a private
// key: "PRIVATE KEY", "<algorithm> PRIVATE KEY" or "PGP PRIVATE KEY
// BLOCK".
func privateKeyLabel(h []byte) bool {
	const pk = "PRIVATE KEY"
	if string(h) == "PGP PRIVATE KEY BLOCK" {
		return true
	}
	return bytes.HasSuffix(h, []byte(pk)) && (len(h) == len(pk) || h[len(h)-len(pk)-1] == ' ')
}

// base64Chars counts the base64 characters in the body lines of a block,
// up to limit, skipping armor header lines ("Version: …").
func base64Chars(body []byte, limit int) int {
	n := 0
	for len(body) > 0 && n < limit {
		line := body
		if k := bytes.IndexByte(body, '\n'); k >= 0 {
			line, body = body[:k], body[k+1:]
		} else {
			body = nil
		}
		if bytes.IndexByte(line, ':') >= 0 {
			continue // an armor header
		}
		for _, c := range line {
			if detect.Is(c, detect.B64) {
				n++
			}
		}
	}
	return n
}
