package ci

import "github.com/datafog/datafog-api/engine/detect"

// GitLabFeedToken finds GitLab feed tokens (RSS and calendar feeds):
// "glft-" and 20 URL-safe characters.
var GitLabFeedToken = gitlabDetector("gitlab_feed_token",
	"glft- + 20 URL-safe characters",
	"glft-", gitlabBody{min: 20, max: 20}, []detect.Example{
		{Text: "https://gitlab.example.com/dashboard/issues.atom?feed_token=glft-fzD7VOZ5Cv38ufPZvzVX", Span: "glft-fzD7VOZ5Cv38ufPZvzVX", Valid: true},
		{Text: "feed token glft-Qe8nT2vWx5Ry7Kp3Ls9M", Span: "glft-Qe8nT2vWx5Ry7Kp3Ls9M", Valid: true},
		{Text: "feed token glft-Qe8nT2vWx5Ry7Kp3Ls9"},
		{Text: "feed token glft-Qe8nT2vWx5Ry7Kp3Ls9M7"},
	})
