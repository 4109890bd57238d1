package data

import (
	"bytes"
	"encoding/base64"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Elastic API key limits: the encoded key is base64 of "<id>:<api_key>".
const (
	esEncMin, esEncMax = 40, 128
	esIDMin, esIDMax   = 16, 40
	esKeyMin, esKeyMax = 16, 64
)

// esAPIKey reads an encoded Elastic API key, after an optional "ApiKey "
// scheme.
var esAPIKey = &shape.Named{
	Provider: []string{"elastic", "elasticsearch", "es", "kibana"},
	Value: func(t []byte, v int) (int, int, bool) {
		v = shape.Scheme(t, v)
		e, ok := stdBase64(t, v, esEncMin, esEncMax)
		return v, e, ok && idColonKey(t[v:e])
	},
	Conf: 0.9,
}

// ElasticAPIKey finds Elasticsearch API keys in their encoded form
// (Elasticsearch guide, "Create API key" API,
// https://www.elastic.co/guide/en/elasticsearch/reference/current/security-api-create-api-key.html:
// "encoded" is the base64 of the key's id, ':' and the key, sent as
// "Authorization: ApiKey <encoded>"). The decoded structure, a 16 to 40
// character base64url id, ':' and a 16 to 64 character key, confirms
// it; it is found after that header, after Elastic's variable names
// (ELASTIC_API_KEY, ES_API_KEY), or as the value of a key whose name holds
// "elastic", "elasticsearch", "es" or "kibana".
var ElasticAPIKey = &detect.Detector{
	Name: "elastic_api_key",
	Types: []detect.Type{{
		Name: "elastic_api_key", Family: detect.Secret, Confidence: 0.9, NeedsContext: true,
		Confirm: "base64 of <id>:<key> after Authorization: ApiKey, an Elastic variable name or a key naming Elastic",
	}},
	Source:      "Elasticsearch reference, Create API key API (encoded id:api_key)",
	Context:     []detect.Word{{Text: "elastic", Conf: 0.85}, {Text: "elasticsearch", Conf: 0.85}, {Text: "kibana", Conf: 0.85}},
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"ELASTIC_API_KEY", "ES_API_KEY", "ELASTICSEARCH_API_KEY", "KIBANA_API_KEY",
			"Authorization: ApiKey "},
		Find: esAPIKey.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"elastic", "elasticsearch", "es", "kibana"}, MinValue: esEncMin, Find: esAPIKey.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "curl -H 'Authorization: ApiKey RGNrcmo2WjJKZGI3UHdyaWZucTA6VnVLVklxcHRHaWlCLWZNNEJHbmdXaA==' https://es.example.com:9200",
			Span: "RGNrcmo2WjJKZGI3UHdyaWZucTA6VnVLVklxcHRHaWlCLWZNNEJHbmdXaA==", Valid: true},
		{Text: "ES_API_KEY=RGNrcmo2WjJKZGI3UHdyaWZucTA6VnVLVklxcHRHaWlCLWZNNEJHbmdXaA==", Span: "RGNrcmo2WjJKZGI3UHdyaWZucTA6VnVLVklxcHRHaWlCLWZNNEJHbmdXaA==", Valid: true},
		{Text: "ES_API_KEY=QWxhZGRpbjpvcGVuIHNlc2FtZSBwbGVhc2UgYW5kIHRoYW5rcw=="},
		{Text: "api_key: RGNrcmo2WjJKZGI3UHdyaWZucTA6VnVLVklxcHRHaWlCLWZNNEJHbmdXaA=="},
	},
}

// stdBase64 reads standard base64 with its padding at t[v]: lo to hi
// bytes, a multiple of four, that end the token.
func stdBase64(t []byte, v, lo, hi int) (int, bool) {
	e := v
	for e < len(t) && e-v <= hi && detect.Is(t[e], shape.Std) {
		e++
	}
	for k := 0; k < 2 && e < len(t) && t[e] == '='; k++ {
		e++
	}
	n := e - v
	return e, n >= lo && n <= hi && n%4 == 0 && (e == len(t) || !detect.IsWord(t[e]) && !detect.Is(t[e], shape.Std) && t[e] != '=')
}

// idColonKey reports whether enc decodes to "<id>:<key>", both base64url
// words of the lengths Elastic issues.
func idColonKey(enc []byte) bool {
	var buf [esEncMax]byte
	n, err := base64.StdEncoding.Decode(buf[:], enc)
	if err != nil {
		return false
	}
	d := buf[:n]
	c := bytes.IndexByte(d, ':')
	if c < esIDMin || c > esIDMax || n-c-1 < esKeyMin || n-c-1 > esKeyMax {
		return false
	}
	return detect.All(d[:c], shape.URL) && detect.All(d[c+1:], shape.URL) && shape.Varied(d[c+1:])
}
