package ci

import (
	"github.com/datafog/datafog-api/engine/detect"
)

// TerraformCloudAPIToken finds HCP Terraform (Terraform Cloud) and
// Terraform Enterprise API tokens (HashiCorp documentation, "API tokens";
// the tokens read "<id>.atlasv1.<secret>"): 14 lower-case letters and
// digits, ".atlasv1." and 60 to 70 URL-safe characters.
//
// The token's fixed part has no capital and only '.' for punctuation, so
// a literal would anchor the scan on every full stop. The detector asks
// instead for the alphanumeric token "atlasv1" (six letters, then the
// digit run "1"), which the scan's digit-run trigger already reaches.
var TerraformCloudAPIToken = &detect.Detector{
	Name: "terraform_cloud_api_token",
	Types: []detect.Type{{
		Name: "terraform_cloud_api_token", Family: detect.Secret, Confidence: 0.97,
		Confirm: "14 lower-case alphanumerics + .atlasv1. + 60-70 URL-safe characters",
	}},
	Source:      "HashiCorp HCP Terraform documentation, API tokens (<id>.atlasv1.<secret>)",
	Placeholder: detect.SecretPlaceholder,
	Tokens:      &detect.OnToken{MinLen: 7, MaxLen: 7, MinLead: 6, MaxLead: 6, Lower: "1", Find: findTerraform},
	Examples: []detect.Example{
		{Text: `credentials "app.terraform.io" { token = "puu3xf6mzkp0ec.atlasv1.UZYKARu64Gd5D6QVjSBE8QTdvhFlYsngm7nrIIHaHNGlGCSFBFF9IuwbCK4PGFWXEfp" }`, Span: "puu3xf6mzkp0ec.atlasv1.UZYKARu64Gd5D6QVjSBE8QTdvhFlYsngm7nrIIHaHNGlGCSFBFF9IuwbCK4PGFWXEfp", Valid: true},
		{Text: "TF_TOKEN_app_terraform_io=g3cga4o2xcsohd.atlasv1.CcqbCx4NWtBScGnngy06ecjdMD2NL92DG2ckfwDq0qKQhNBdJ4D2oVZU4Q6oPgZ9eY5", Span: "g3cga4o2xcsohd.atlasv1.CcqbCx4NWtBScGnngy06ecjdMD2NL92DG2ckfwDq0qKQhNBdJ4D2oVZU4Q6oPgZ9eY5", Valid: true},
		{Text: "TF_TOKEN_app_terraform_io=g3cga4o2xcsoh.atlasv1.CcqbCx4NWtBScGnngy06ecjdMD2NL92DG2ckfwDq0qKQhNBdJ4D2oVZU4Q6oPgZ9eY5"},
		{Text: "TF_TOKEN_app_terraform_io=g3cga4o2xcsohd.atlasv1.CcqbCx4NWtBScGnngy06ecjdMD2"},
		{Text: "TF_TOKEN_app_terraform_io=g3cga4o2xcsohd.atlasv2.CcqbCx4NWtBScGnngy06ecjdMD2NL92DG2ckfwDq0qKQhNBdJ4D2oVZU4Q6oPgZ9eY5"},
	},
}

// findTerraform handles the token t[ts:te], which must be "atlasv1"
// between two dots.
func findTerraform(s *detect.Scan, ts, te int) {
	t := s.T
	b, p := ts-15, te+1
	if b < 0 || p >= len(t) || t[ts-1] != '.' || t[te] != '.' || string(t[ts:te]) != "atlasv1" || !detect.FreeLeft(t, b) {
		return
	}
	for _, c := range t[b : ts-1] {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return
		}
	}
	e := detect.Span(t, p, 71, detect.B64URL)
	if n := e - p; n < 60 || n > 70 || e < len(t) && detect.IsWord(t[e]) {
		return
	}
	s.Add(0, b, e, 0.97, true)
}
