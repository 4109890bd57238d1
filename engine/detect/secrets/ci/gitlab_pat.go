package ci

import "github.com/datafog/datafog-api/engine/detect"

// GitLabPersonalAccessToken finds GitLab personal, project, group and
// impersonation access tokens: "glpat-" and 20 URL-safe characters, or a
// routable token whose CRC-32 checks (see gitlab.go).
var GitLabPersonalAccessToken = gitlabDetector("gitlab_personal_access_token",
	"glpat- + 20 URL-safe characters, or a routable token with its CRC-32 (base36)",
	"glpat-", gitlabBody{min: 20, max: 20}, []detect.Example{
		{Text: "GITLAB_TOKEN=glpat-z0ziAFnPzMtgBoxpAKLG", Span: "glpat-z0ziAFnPzMtgBoxpAKLG", Valid: true},
		{Text: "token glpat-rleG6woopoDzp7O8QuKEh6D0JCk.0r1oudfar used", Span: "glpat-rleG6woopoDzp7O8QuKEh6D0JCk.0r1oudfar", Valid: true},
		{Text: `"token": "glpat-39QmJWikyFE-xzzdAIDhXzK2QkI3cBXkLjS.01.0z02vcua9"`, Span: "glpat-39QmJWikyFE-xzzdAIDhXzK2QkI3cBXkLjS.01.0z02vcua9", Valid: true},
		// One character short; a routable token with a wrong checksum.
		{Text: "GITLAB_TOKEN=glpat-z0ziAFnPzMtgBoxpAKL"},
		{Text: "token glpat-rleG6woopoDzp7O8QuKEh6D0JCk.0r1oudfaz used"},
		{Text: "GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx"},
	})
