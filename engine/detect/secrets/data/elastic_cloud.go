package data

import (
	"bytes"
	"encoding/base64"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Elastic Cloud ID limits.
const (
	cloudNameMax = 64
	cloudEncMax  = 256
)

// esCloudID reads an Elastic Cloud ID: a deployment name, ':' and the
// base64 of "<host>$<Elasticsearch id>$<Kibana id>" (ids 32 hex digits,
// the host optionally with ":<port>").
var esCloudID = &shape.Named{
	Value: func(t []byte, v int) (int, int, bool) {
		c := v
		for c < len(t) && c-v <= cloudNameMax && (detect.IsB64URL(t[c]) || t[c] == '.') {
			c++
		}
		if c == v || c-v > cloudNameMax || c >= len(t) || t[c] != ':' {
			return 0, 0, false
		}
		e, ok := stdBase64(t, c+1, 24, cloudEncMax)
		return v, e, ok && cloudPayload(t[c+1:e])
	},
	Conf: 0.85,
	Self: true,
}

// ElasticCloudID finds Elastic Cloud IDs (Elastic Cloud docs, "Configure
// Beats and Logstash with Cloud ID",
// https://www.elastic.co/guide/en/cloud/current/ec-cloud-id.html: the
// deployment name, ':' and base64 of the host and the Elasticsearch and
// Kibana cluster ids joined by '$'). A Cloud ID locates a deployment
// rather than authenticating to it, so it is found only where it is
// stored: after ELASTIC_CLOUD_ID, or as the value of a cloud_id or
// cloud.id key, where its decoded structure confirms it.
var ElasticCloudID = &detect.Detector{
	Name: "elastic_cloud_id",
	Types: []detect.Type{{
		Name: "elastic_cloud_id", Family: detect.Secret, Confidence: 0.85, NeedsContext: true,
		Confirm: "<name>:base64(<host>$<32 hex>$<32 hex>) after ELASTIC_CLOUD_ID or a cloud id key",
	}},
	Source:      "Elastic Cloud documentation, Cloud ID",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"ELASTIC_CLOUD_ID", "ES_CLOUD_ID"},
		Find:     esCloudID.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"cloud_id", "cloud.id", "cloudid"}, MinValue: 24, Find: esCloudID.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "cloud.id: \"prod-logs:dXMtZWFzdC0xLmF3cy5mb3VuZC5pbyQwZjNjNDE0Mzc0NDExNDdlZDYyMzBjYTY2YWNiNzY2ZCRhMGZiNjRmOTU2M2VmYjQyOTUyMzAxYjU3MmJkZDkxOQ==\"",
			Span: "prod-logs:dXMtZWFzdC0xLmF3cy5mb3VuZC5pbyQwZjNjNDE0Mzc0NDExNDdlZDYyMzBjYTY2YWNiNzY2ZCRhMGZiNjRmOTU2M2VmYjQyOTUyMzAxYjU3MmJkZDkxOQ==", Valid: true},
		{Text: "ELASTIC_CLOUD_ID=prod-logs:dXMtZWFzdC0xLmF3cy5mb3VuZC5pbyQwZjNjNDE0Mzc0NDExNDdlZDYyMzBjYTY2YWNiNzY2ZCRhMGZiNjRmOTU2M2VmYjQyOTUyMzAxYjU3MmJkZDkxOQ==",
			Span: "prod-logs:dXMtZWFzdC0xLmF3cy5mb3VuZC5pbyQwZjNjNDE0Mzc0NDExNDdlZDYyMzBjYTY2YWNiNzY2ZCRhMGZiNjRmOTU2M2VmYjQyOTUyMzAxYjU3MmJkZDkxOQ==", Valid: true},
		{Text: "cloud.id: \"prod-logs:QWxhZGRpbjpvcGVuIHNlc2FtZSBwbGVhc2UgYW5kIHRoYW5rcw==\""},
		{Text: "prod-logs:dXMtZWFzdC0xLmF3cy5mb3VuZC5pbyQwZjNjNDE0Mzc0NDExNDdlZDYyMzBjYTY2YWNiNzY2ZCRhMGZiNjRmOTU2M2VmYjQyOTUyMzAxYjU3MmJkZDkxOQ=="},
	},
}

// cloudPayload reports whether enc decodes to "<host>$<32 hex>$<32 hex>".
func cloudPayload(enc []byte) bool {
	var buf [cloudEncMax]byte
	n, err := base64.StdEncoding.Decode(buf[:], enc)
	if err != nil {
		return false
	}
	d := buf[:n]
	h := bytes.IndexByte(d, '$')
	if h < 4 || bytes.IndexByte(d[:h], '.') < 0 || !hostPort(d[:h]) {
		return false
	}
	rest := d[h+1:]
	return len(rest) == 65 && rest[32] == '$' && shape.LowerHex(rest[:32]) && shape.LowerHex(rest[33:])
}

// hostPort reports whether h is a dotted host name with an optional
// ":<port>".
func hostPort(h []byte) bool {
	for _, c := range h {
		if !(detect.Is(c, detect.Label) || c == '.' || c == ':') {
			return false
		}
	}
	return true
}
