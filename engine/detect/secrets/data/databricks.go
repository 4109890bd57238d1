package data

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// dbToken reads a Databricks personal access token, after an optional
// "Bearer ": "dapi", 32 lower-case hexadecimal digits, and an optional
// "-" and digit.
var dbToken = &shape.Named{
	Provider: []string{"databricks"},
	Value: func(t []byte, v int) (int, int, bool) {
		v = shape.Scheme(t, v)
		if !detect.HasPrefix(t, v, "dapi") || v+36 > len(t) || !shape.LowerHex(t[v+4:v+36]) {
			return 0, 0, false
		}
		e := v + 36
		if e+1 < len(t) && t[e] == '-' && detect.IsDigit(t[e+1]) {
			e += 2
		}
		return v, e, detect.FreeRight(t, e) && (e == len(t) || t[e] != '-')
	},
	Conf: 0.95,
	Self: true,
}

// DatabricksToken finds Databricks personal access tokens (Databricks
// docs, "Authenticate with Databricks personal access tokens",
// https://docs.databricks.com/en/dev-tools/auth/pat.html: tokens begin
// "dapi"; 32 hexadecimal digits follow, sometimes "-2" and such). The
// prefix is lower-case and has no trigger byte, so the token is found
// where it is stored or sent: after Databricks' variable names
// (DATABRICKS_TOKEN), in an Authorization header with the Bearer scheme,
// or as the value of any token, key, secret or password assignment,
// where its own prefix names it.
var DatabricksToken = &detect.Detector{
	Name: "databricks_token",
	Types: []detect.Type{{
		Name: "databricks_token", Family: detect.Secret, Confidence: 0.95, NeedsContext: true,
		Confirm: "dapi + 32 hex [+ -digit], after a variable name, an Authorization header or a secret-like key",
	}},
	Source:      "Databricks documentation, personal access tokens (dapi prefix)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"DATABRICKS_TOKEN", "DATABRICKS_ACCESS_TOKEN", "DATABRICKS_API_TOKEN", "Authorization: Bearer "},
		Find:     dbToken.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"databricks", "token", "key", "secret", "password"}, MinValue: 12, Find: dbToken.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "DATABRICKS_TOKEN=dapi131d962bf40334518a705d19c432d0fc", Span: "dapi131d962bf40334518a705d19c432d0fc", Valid: true},
		{Text: "curl -H 'Authorization: Bearer dapi2d377dbede28678cac9e2656075f7274-2' https://x.cloud.databricks.com", Span: "dapi2d377dbede28678cac9e2656075f7274-2", Valid: true},
		{Text: `{"token": "dapi131d962bf40334518a705d19c432d0fc"}`, Span: "dapi131d962bf40334518a705d19c432d0fc", Valid: true},
		{Text: "DATABRICKS_TOKEN=dapi131d962bf40334518a705d19c432d0f"},
		{Text: `{"token": "dapx131d962bf40334518a705d19c432d0fc"}`},
		// A lookalike under a name or prefix that says what it is: vetoed, so
		// not the generic api_key either.
		{Text: `databricks_access_token = 'dapi3f54627018c1a969fcd335a4c53ba'`, Type: "api_key"},
	},
}
