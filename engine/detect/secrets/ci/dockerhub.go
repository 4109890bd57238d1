package ci

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// DockerHubPersonalAccessToken finds Docker Hub personal access tokens
// (Docker documentation, "Personal access tokens"; the tokens begin with
// "dckr_pat_"): "dckr_pat_" and 27 URL-safe characters.
var DockerHubPersonalAccessToken = &detect.Detector{
	Name: "dockerhub_personal_access_token",
	Types: []detect.Type{{
		Name: "dockerhub_personal_access_token", Family: detect.Secret, Confidence: 0.97,
		Confirm: "dckr_pat_ + 27 URL-safe characters",
	}},
	Source:      "Docker documentation, Docker Hub personal access tokens (dckr_pat_ prefix)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"dckr_pat_"}, Find: dockerHubPAT.Find},
	Examples: []detect.Example{
		{Text: "echo dckr_pat_G21DHtOR3WRbUfXrG7jwrGJ2uN0 | docker login -u jdoe --password-stdin", Span: "dckr_pat_G21DHtOR3WRbUfXrG7jwrGJ2uN0", Valid: true},
		{Text: `"password": "dckr_pat_JMIyF7fzD7VOZ5Cv38ufPZvzVXP"`, Span: "dckr_pat_JMIyF7fzD7VOZ5Cv38ufPZvzVXP", Valid: true},
		{Text: `"password": "dckr_pat_JMIyF7fzD7VOZ5Cv38ufPZvzVX"`},
		{Text: `"password": "dckr_pat_JMIyF7fzD7VOZ5Cv38ufPZvzVXPq"`},
	},
}

// dockerHubPAT is the dckr_pat_ body.
var dockerHubPAT = &tokenshape.Prefixed{Min: 27, Max: 27, Class: detect.B64URL, Conf: 0.97}
