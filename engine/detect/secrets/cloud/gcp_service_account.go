package cloud

import (
	"bytes"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// GCPServiceAccountKey finds Google Cloud service account key files by
// their private_key_id: the 40 lower-case hexadecimal digits of the
// "private_key_id" field when the same JSON document, within the 160
// bytes before the field, says "type": "service_account" (Google Cloud
// IAM documentation, "Create and delete service account keys": the key
// file's fields type, project_id, private_key_id, private_key,
// client_email, …, in that order). The private key itself is a PEM block
// that private_key reports; private_key_id identifies the key file and
// the service account's key in IAM.
var GCPServiceAccountKey = &detect.Detector{
	Name: "gcp_service_account_key",
	Types: []detect.Type{{
		Name: "gcp_service_account_key", Family: detect.Secret, Confidence: 0.95, NeedsContext: true,
		Confirm: `private_key_id of 40 hex digits in a JSON key file whose "type" is "service_account"`,
	}},
	Source:      "Google Cloud IAM documentation, Create and delete service account keys (JSON key file format)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"private_key_id"}, Find: findGCPKeyID},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: `{"type": "service_account", "project_id": "acme-prod-4711", "private_key_id": "6be6abf0d7c1c1e21862ab8a18a8902073fec8df", "private_key": "-----BEGIN PRIVATE KEY-----\n"}`, Span: "6be6abf0d7c1c1e21862ab8a18a8902073fec8df", Valid: true},
		{Text: "{\n  \"type\": \"service_account\",\n  \"project_id\": \"data-pipeline-staging-2024\",\n  \"private_key_id\": \"4f50947aaeb26c57d21fa5d328263dfe574de739\",\n", Span: "4f50947aaeb26c57d21fa5d328263dfe574de739", Valid: true},
		// Not a service account key file; a 39-digit id.
		{Text: `{"type": "authorized_user", "private_key_id": "6be6abf0d7c1c1e21862ab8a18a8902073fec8df"}`},
		{Text: `{"type": "service_account", "private_key_id": "6be6abf0d7c1c1e21862ab8a18a8902073fec8d"}`},
		// A lookalike under a name or prefix that says what it is: vetoed, so
		// not the generic api_key either.
		{Text: `{"type": "service_account", "private_key_id": "65d3d5fea09e8e515873fb4cdac31cbe7afcb81"}`, Type: "api_key"},
	},
}

// findGCPKeyID handles "private_key_id" at t[b:p].
func findGCPKeyID(s *detect.Scan, b, p int) {
	t := s.T
	v, _, ok := tokenshape.ValueAfterName(t, p)
	if !ok {
		return
	}
	from := max(0, p-detect.LookBack)
	if !bytes.Contains(t[from:b], []byte("service_account")) {
		return
	}
	e, ok := tokenshape.Body(t, v, 40, 40, detect.Alnum)
	if !ok || !tokenshape.LowerHex(t[v:e]) {
		shape.VetoValue(s, v) // the key file's own field names it
		return
	}
	s.Add(0, v, e, 0.95, true)
}
