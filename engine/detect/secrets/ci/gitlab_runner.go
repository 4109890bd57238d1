package ci

import "github.com/datafog/datafog-api/engine/detect"

// GitLabRunnerToken finds GitLab runner authentication tokens: "glrt-" and
// 20 URL-safe characters, or a routable token ("glrt-t1_…", see
// gitlab.go).
var GitLabRunnerToken = gitlabDetector("gitlab_runner_token",
	"glrt- + 20 URL-safe characters, or a routable token with its CRC-32",
	"glrt-", gitlabBody{min: 20, max: 20}, []detect.Example{
		{Text: "token = \"glrt-fXrG7jwrGJ2uN0JMIyF7\"", Span: "glrt-fXrG7jwrGJ2uN0JMIyF7", Valid: true},
		{Text: "token = \"glrt-t1_gSOUpTP_j33ZyXOivikASDTyPhQ.0r13s6tyj\"", Span: "glrt-t1_gSOUpTP_j33ZyXOivikASDTyPhQ.0r13s6tyj", Valid: true},
		{Text: "token = \"glrt-t1_gSOUpTP_j33ZyXOivikASDTyPhQ.0r13s6tyk\""},
		{Text: "token = \"glrt-fXrG7jwrGJ2uN0JMIy\""},
	})
