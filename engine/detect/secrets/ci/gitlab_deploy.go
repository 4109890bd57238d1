package ci

import "github.com/datafog/datafog-api/engine/detect"

// GitLabDeployToken finds GitLab deploy tokens: "gldt-" and 20 URL-safe
// characters, or a routable token (see gitlab.go).
var GitLabDeployToken = gitlabDetector("gitlab_deploy_token",
	"gldt- + 20 URL-safe characters, or a routable token with its CRC-32",
	"gldt-", gitlabBody{min: 20, max: 20}, []detect.Example{
		{Text: "password: gldt-3JxIyiJG21DHtOR3WRbU", Span: "gldt-3JxIyiJG21DHtOR3WRbU", Valid: true},
		// #nosec G101 -- a fabricated credential in a URL, not a real one.
		{Text: "https://deploy:gldt-4MvhRw7Tq2LpXs9KcYe3@gitlab.example.com", Span: "gldt-4MvhRw7Tq2LpXs9KcYe3", Valid: true},
		{Text: "password: gldt-3JxIyiJG21DHtOR3WRbUx"},
		{Text: "password: xgldt-3JxIyiJG21DHtOR3WRbU"},
	})
