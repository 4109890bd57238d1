package saas

import (
	"encoding/base64"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// 1Password service account token limits: the base64 of a JSON object
// holding the sign-in address, the account key and the SRP and unlock
// key material runs to several hundred characters.
const opsMin, opsMax = 250, 3000

// OnePasswordServiceAccountToken finds 1Password service account tokens
// (1Password developer docs, "Service accounts",
// https://developer.1password.com/docs/service-accounts/: the token, read
// from OP_SERVICE_ACCOUNT_TOKEN, begins "ops_"; what follows is the
// base64 of a JSON object, so it begins "eyJ"), with 250 to 3000 base64
// characters after "ops_" whose first bytes decode to the start of a
// JSON object.
var OnePasswordServiceAccountToken = &detect.Detector{
	Name: "onepassword_service_account_token",
	Types: []detect.Type{{
		Name: "onepassword_service_account_token", Family: detect.Secret, Confidence: 0.97,
		Confirm: "ops_ + 250-3000 base64 characters of a JSON object (ops_eyJ…)",
	}},
	Source:      "1Password developer documentation, Service accounts (ops_ tokens)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"ops_eyJ"}, Find: findOnePassword},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoiYWNtZS4xcGFzc3dvcmQuY29tIiwidXNlckF1dGgiOnsibWV0aG9kIjoiU1JQZy00MDk2IiwiYWxnIjoiUEJFUzJnLUhTMjU2IiwiaXRlcmF0aW9ucyI6NjUwMDAwLCJzYWx0IjoiUW03clQyeEs5cEx3NFpuQjh2WWMzSCJ9LCJlbWFpbCI6ImNpLWJvdEBhY21lLmV4YW1wbGUiLCJzcnBYIjoiN2IxZTJhOWM0ZDNmNGU4YTliMmMxZjBlM2Q1YTdjOWI3YjFlMmE5YzRkM2Y0ZThhOWIyYzFmMGUzZDVhN2M5YiIsIm11ayI6eyJhbGciOiJBMjU2R0NNIiwiZXh0Ijp0cnVlLCJrIjoiWGs0VnAyTHI5VG1RN1duM1liNkhjMUpmWng4MWtMcTBQdlI3dFkzbVc5cyIsImtleV9vcHMiOlsiZW5jcnlwdCIsImRlY3J5cHQiXSwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtSzhXMlFYLTlQTE00VC03VkIzTi1RNlIyRC1ZOEg1Qy0ySjlGNCIsInRocm90dGxlU2VjcmV0Ijp7InNlZWQiOiJkOWU4ZjdhNmI4ZTFmMGMzYTliN2QyZTZmNGE1YzFiMCIsImhrZGZTYWx0IjoiM2E5YjdkMmU2ZjRhNWMxYjBkOWU4ZjdhNmI4ZTFmMGMifSwiZGV2aWNlVXVpZCI6ImsybTlxNHc4cjF0NXkzeDcifQ",
			Span: "ops_eyJzaWduSW5BZGRyZXNzIjoiYWNtZS4xcGFzc3dvcmQuY29tIiwidXNlckF1dGgiOnsibWV0aG9kIjoiU1JQZy00MDk2IiwiYWxnIjoiUEJFUzJnLUhTMjU2IiwiaXRlcmF0aW9ucyI6NjUwMDAwLCJzYWx0IjoiUW03clQyeEs5cEx3NFpuQjh2WWMzSCJ9LCJlbWFpbCI6ImNpLWJvdEBhY21lLmV4YW1wbGUiLCJzcnBYIjoiN2IxZTJhOWM0ZDNmNGU4YTliMmMxZjBlM2Q1YTdjOWI3YjFlMmE5YzRkM2Y0ZThhOWIyYzFmMGUzZDVhN2M5YiIsIm11ayI6eyJhbGciOiJBMjU2R0NNIiwiZXh0Ijp0cnVlLCJrIjoiWGs0VnAyTHI5VG1RN1duM1liNkhjMUpmWng4MWtMcTBQdlI3dFkzbVc5cyIsImtleV9vcHMiOlsiZW5jcnlwdCIsImRlY3J5cHQiXSwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtSzhXMlFYLTlQTE00VC03VkIzTi1RNlIyRC1ZOEg1Qy0ySjlGNCIsInRocm90dGxlU2VjcmV0Ijp7InNlZWQiOiJkOWU4ZjdhNmI4ZTFmMGMzYTliN2QyZTZmNGE1YzFiMCIsImhrZGZTYWx0IjoiM2E5YjdkMmU2ZjRhNWMxYjBkOWU4ZjdhNmI4ZTFmMGMifSwiZGV2aWNlVXVpZCI6ImsybTlxNHc4cjF0NXkzeDcifQ", Valid: true},
		{Text: "ops_eyJzaWduSW5BZGRyZXNzIjoiYWNtZS4xcGFzc3dvcmQuY29tIn0"},
		{Text: "ops_eyJ is the prefix"},
	},
}

// opsByte reports whether c may stand in a service account token: the
// standard and URL-safe base64 alphabets.
func opsByte(c byte) bool { return detect.Is(c, shape.Std|shape.URL) }

// findOnePassword handles "ops_eyJ" at t[b:p].
func findOnePassword(s *detect.Scan, b, p int) {
	t := s.T
	v := b + len("ops_")
	if !shape.Left(t, b, shape.Alnum) {
		return
	}
	e := v
	for e < len(t) && e-v <= opsMax && opsByte(t[e]) {
		e++
	}
	for k := 0; k < 2 && e < len(t) && t[e] == '='; k++ {
		e++
	}
	if n := e - v; n < opsMin || n > opsMax || e < len(t) && (detect.IsWord(t[e]) || t[e] == '=') || !jsonStart(t[v:v+12]) {
		return
	}
	s.Add(0, b, e, 0.97, true)
}

// jsonStart reports whether the 12 base64 characters enc (either
// alphabet) decode to printable text that opens a JSON object with a
// quoted key.
func jsonStart(enc []byte) bool {
	var buf [9]byte
	n, err := base64.RawURLEncoding.Decode(buf[:], enc)
	if err != nil {
		if n, err = base64.RawStdEncoding.Decode(buf[:], enc); err != nil {
			return false
		}
	}
	if n != 9 || buf[0] != '{' || buf[1] != '"' {
		return false
	}
	for _, c := range buf[2:n] {
		if c < ' ' || c > '~' {
			return false
		}
	}
	return true
}
