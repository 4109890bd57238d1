package data

import (
	"bytes"
	"encoding/base64"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
	"github.com/datafog/datafog-api/engine/validate"
)

// Grafana token limits: a cloud token's base64 JSON payload, and the
// legacy API key's.
const (
	glcMin, glcMax       = 32, 1024
	legacyMin, legacyMax = 40, 256
)

// Grafana finds Grafana credentials:
//   - Grafana Cloud access policy tokens ("glc_" and standard base64 of a
//     JSON object whose first member is the org id "o"; Grafana Cloud
//     docs, "Access policies",
//     https://grafana.com/docs/grafana-cloud/security-and-account-management/authentication-and-permissions/access-policies/);
//   - service account tokens ("glsa_", 32 alphanumerics, "_" and the
//     CRC-32 of everything before it, eight hexadecimal digits in
//     little-endian byte order; Grafana docs, "Service accounts", and
//     the generator grafana/grafana pkg/components/satokengen), confirmed
//     by that checksum;
//   - legacy API keys (standard base64 of {"k":…,"n":…,"id":…}, which
//     begins "eyJrIjoi"; Grafana HTTP API docs, "Authentication").
//
// A service account token whose checksum does not match is not Grafana's
// (it is a typo, a truncation or a made-up value) and is not reported:
// with the checksum there is no shape-only middle ground to report.
var Grafana = &detect.Detector{
	Name: "grafana",
	Types: []detect.Type{
		{Name: "grafana_cloud_token", Family: detect.Secret, Confidence: 0.97,
			Confirm: "glc_ + base64 of a JSON object beginning {\"o\":"},
		{Name: "grafana_service_account_token", Family: detect.Secret, Confidence: 0.99,
			Confirm: "glsa_ + 32 alphanumerics + _ + CRC-32 (8 hex, little-endian) of the rest"},
		{Name: "grafana_api_key", Family: detect.Secret, Confidence: 0.95,
			Confirm: "base64 of a JSON object {\"k\":…,\"id\":…} (eyJrIjoi…)"},
	},
	Source:      "Grafana documentation: access policies (glc_), service accounts (glsa_, satokengen checksum), HTTP API authentication (API keys)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"glc_eyJ", "glsa_", "eyJrIjoi"}, Find: findGrafana},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "GRAFANA_SA_TOKEN=glsa_yvok56yK5SsJry2UWKaXpQ1bC8jjUukq_17fd9f48", Span: "glsa_yvok56yK5SsJry2UWKaXpQ1bC8jjUukq_17fd9f48", Type: "grafana_service_account_token", Valid: true},
		{Text: "Authorization: Bearer glsa_Muu22tJdXuhST2N02S4oJGLLXlqiItYy_d89b1dc0", Span: "glsa_Muu22tJdXuhST2N02S4oJGLLXlqiItYy_d89b1dc0", Type: "grafana_service_account_token", Valid: true},
		{Text: "password: glc_eyJvIjoiOTA0NzEyIiwibiI6InN0YWNrLTMxODIwNS1obS13cml0ZS1tZXRyaWNzIiwiayI6IlhrN1ZwMkxyOVRtUTRXbjhZYjNIYzZKZjFHZDVQczBSZSIsIm0iOnsiciI6InByb2QtdXMtZWFzdC0wIn19",
			Span: "glc_eyJvIjoiOTA0NzEyIiwibiI6InN0YWNrLTMxODIwNS1obS13cml0ZS1tZXRyaWNzIiwiayI6IlhrN1ZwMkxyOVRtUTRXbjhZYjNIYzZKZjFHZDVQczBSZSIsIm0iOnsiciI6InByb2QtdXMtZWFzdC0wIn19", Valid: true},
		{Text: "api_key = eyJrIjoiUW03clQyeEs5cEx3NFpuQjh2WWMzSGRGNmpTZzFhVWUiLCJuIjoiZGVwbG95LWJvdCIsImlkIjoxfQ==",
			Span: "eyJrIjoiUW03clQyeEs5cEx3NFpuQjh2WWMzSGRGNmpTZzFhVWUiLCJuIjoiZGVwbG95LWJvdCIsImlkIjoxfQ==", Type: "grafana_api_key", Valid: true},
		{Text: "glsa_yvok56yK5SsJry2UWKaXpQ1bC8jjUukq_17fd9f49"},
		{Text: "glsa_yvok56yK5SsJry2UWKaXpQ1bC8jjUuk_17fd9f48"},
		{Text: "glc_eyJhIjoiYiJ9"},
		{Text: "eyJrIjoiUW03clQyeEs5cEx3NFpuQjh2WWMzSGRGNmpTZzFhVWUiLCJuIjoiZGVwbG95LWJvdCIsImlkIjoxfQ.eyJzdWIiOiIxIn0.c2ln"},
	},
}

// findGrafana handles a prefix t[b:p].
func findGrafana(s *detect.Scan, b, p int) {
	t := s.T
	if !shape.Left(t, b, shape.Std) {
		return
	}
	switch t[b+2] {
	case 's': // glsa_
		if e := p + 32; e+9 <= len(t) && detect.All(t[p:e], shape.Alnum) &&
			t[e] == '_' && shape.HexAt(t, e+1, 8) && validate.CRC32HexLE(t[b:e], t[e+1:e+9]) {
			s.Add(1, b, e+9, 0.99, true)
		}
	case 'c': // glc_eyJ
		if e, ok := b64Object(t, b+4, glcMin, glcMax); ok && decodedPrefix(t[b+4:e], `{"o":`) {
			s.Add(0, b, e, 0.97, true)
		}
	default: // eyJrIjoi
		if e, ok := b64Object(t, b, legacyMin, legacyMax); ok && legacyKey(t[b:e]) {
			s.Add(2, b, e, 0.95, true)
		}
	}
}

// b64Object reads standard base64 with its padding at t[v]: lo to hi
// bytes, a multiple of four, not followed by a word byte or a '.' (a JWT
// segment).
func b64Object(t []byte, v, lo, hi int) (int, bool) {
	e := v
	for e < len(t) && e-v <= hi && detect.Is(t[e], shape.Std) {
		e++
	}
	for k := 0; k < 2 && e < len(t) && t[e] == '='; k++ {
		e++
	}
	n := e - v
	return e, n >= lo && n <= hi && n%4 == 0 && (e == len(t) || !detect.IsWord(t[e]) && t[e] != '.' && t[e] != '=')
}

// decodedPrefix reports whether the standard base64 enc decodes to text
// that begins with want (at most 12 bytes).
func decodedPrefix(enc []byte, want string) bool {
	var buf [12]byte
	n := min(len(enc), 16) &^ 3
	m, err := base64.StdEncoding.Decode(buf[:], enc[:n])
	return err == nil && m >= len(want) && string(buf[:len(want)]) == want
}

// legacyKey reports whether enc decodes to a JSON object with the "k"
// and "id" members of a Grafana API key.
func legacyKey(enc []byte) bool {
	var buf [legacyMax]byte
	m, err := base64.StdEncoding.Decode(buf[:], enc)
	if err != nil {
		return false
	}
	doc := buf[:m]
	return bytes.HasPrefix(doc, []byte(`{"k":"`)) && bytes.HasSuffix(doc, []byte("}")) && bytes.Contains(doc, []byte(`"id":`))
}
