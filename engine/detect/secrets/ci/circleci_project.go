package ci

import (
	"github.com/datafog/datafog-api/engine/detect"
)

// CircleCIProjectAPIToken finds CircleCI project API tokens (CircleCI
// documentation, "Managing API tokens": project API tokens begin with
// "CCIPRJ_"), laid out as personal tokens are: "CCIPRJ_", 22 letters and
// digits, '_' and 40 lower-case hexadecimal digits.
var CircleCIProjectAPIToken = &detect.Detector{
	Name: "circleci_project_api_token",
	Types: []detect.Type{{
		Name: "circleci_project_api_token", Family: detect.Secret, Confidence: 0.97,
		Confirm: "CCIPRJ_ + 22 alphanumerics + _ + 40 hex digits",
	}},
	Source:      "CircleCI documentation, Managing API tokens (CCIPRJ_ project API tokens)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"CCIPRJ_"}, Find: findCircleCIPrefixed},
	Examples: []detect.Example{
		{Text: "CIRCLE_PROJECT_TOKEN=CCIPRJ_VG0Tp4lxWvY5gX4llUGp4s_8767efc2f91624a8940f1f836f99eee3692f09e2", Span: "CCIPRJ_VG0Tp4lxWvY5gX4llUGp4s_8767efc2f91624a8940f1f836f99eee3692f09e2", Valid: true},
		{Text: "token: CCIPRJ_qWzSHODwyxD4b59lXGyN8c_83b7ffc050fec94dbca3a0aac36098b2cc2bd818", Span: "CCIPRJ_qWzSHODwyxD4b59lXGyN8c_83b7ffc050fec94dbca3a0aac36098b2cc2bd818", Valid: true},
		{Text: "token: CCIPRJ_qWzSHODwyxD4b59lXGyN8c_83b7ffc050fec94dbca3a0aac36098b2cc2bd81Z"},
		{Text: "token: CCIPRJ_qWzSHODwyxD4b59lXGyN8_83b7ffc050fec94dbca3a0aac36098b2cc2bd818"},
	},
}
