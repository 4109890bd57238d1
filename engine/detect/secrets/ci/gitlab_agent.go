package ci

import "github.com/datafog/datafog-api/engine/detect"

// GitLabAgentToken finds GitLab agent for Kubernetes tokens: "glagent-"
// and 50 URL-safe characters.
var GitLabAgentToken = gitlabDetector("gitlab_agent_token",
	"glagent- + 50 URL-safe characters",
	"glagent-", gitlabBody{min: 50, max: 50}, []detect.Example{
		{Text: "--set config.token=glagent-EKX6NPddQbvMYi2W412OyVvDt_odRThPHpi6G19WtK7AmaVb5w", Span: "glagent-EKX6NPddQbvMYi2W412OyVvDt_odRThPHpi6G19WtK7AmaVb5w", Valid: true},
		{Text: "token: glagent-Wq4zR8vN2kL6pX9tY3mB7cH5jD1fG0sA4eU8iO2wQ6rT9yP3nM", Span: "glagent-Wq4zR8vN2kL6pX9tY3mB7cH5jD1fG0sA4eU8iO2wQ6rT9yP3nM", Valid: true},
		{Text: "token: glagent-Wq4zR8vN2kL6pX9tY3mB7cH5jD1fG0sA4eU8iO2wQ6rT9yP3n"},
		{Text: "token: glagent-Wq4zR8vN2kL6pX9tY3mB7cH5jD1fG0sA4eU8iO2wQ6rT9yP3nMbb"},
	})
