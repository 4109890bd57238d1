package ci

import "github.com/datafog/datafog-api/engine/detect"

// GitLabSCIMToken finds GitLab SCIM tokens: "glsoat-" and 20 URL-safe
// characters.
var GitLabSCIMToken = gitlabDetector("gitlab_scim_token",
	"glsoat- + 20 URL-safe characters",
	"glsoat-", gitlabBody{min: 20, max: 20}, []detect.Example{
		{Text: "Authorization: Bearer glsoat-PvHrFoue9Us9RcFJkIWH", Span: "glsoat-PvHrFoue9Us9RcFJkIWH", Valid: true},
		{Text: "scim_token: glsoat-8Lm3Qw7Zr2Tx9Vp4Kc6N", Span: "glsoat-8Lm3Qw7Zr2Tx9Vp4Kc6N", Valid: true},
		{Text: "scim_token: glsoat-8Lm3Qw7Zr2Tx9Vp4Kc6"},
		{Text: "scim_token: glsoat-8Lm3Qw7Zr2Tx9Vp4Kc6N+x"},
	})
