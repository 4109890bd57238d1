package ci

import "github.com/datafog/datafog-api/engine/detect"

// GitLabFeatureFlagClientToken finds GitLab feature flags client tokens:
// "glffct-" and 20 URL-safe characters.
var GitLabFeatureFlagClientToken = gitlabDetector("gitlab_feature_flag_client_token",
	"glffct- + 20 URL-safe characters",
	"glffct-", gitlabBody{min: 20, max: 20}, []detect.Example{
		{Text: "UNLEASH_INSTANCE_ID=glffct-xSCo-KSKtphrPjeBk2hw", Span: "glffct-xSCo-KSKtphrPjeBk2hw", Valid: true},
		{Text: "instanceId: 'glffct-Rz5Wq8Lm2Vx7Tn4Kp9Yc'", Span: "glffct-Rz5Wq8Lm2Vx7Tn4Kp9Yc", Valid: true},
		{Text: "instanceId: 'glffct-Rz5Wq8Lm2Vx7Tn4Kp9Y'"},
		{Text: "instanceId: 'glffct_Rz5Wq8Lm2Vx7Tn4Kp9Yc'"},
	})
