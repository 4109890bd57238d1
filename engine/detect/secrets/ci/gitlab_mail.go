package ci

import "github.com/datafog/datafog-api/engine/detect"

// GitLabIncomingMailToken finds GitLab incoming email tokens (the token in
// a project's issue-by-email address): "glimt-" and 25 URL-safe
// characters.
var GitLabIncomingMailToken = gitlabDetector("gitlab_incoming_mail_token",
	"glimt- + 25 URL-safe characters",
	"glimt-", gitlabBody{min: 25, max: 25, mailTail: true}, []detect.Example{
		{Text: "send to incoming+group-project-7-glimt-4fBZ7Ns9Y2BXAS8XFw1hrYG5U-issue@gitlab.example.com", Span: "glimt-4fBZ7Ns9Y2BXAS8XFw1hrYG5U", Valid: true},
		{Text: "token glimt-Tk3vP9wLm2Qx7Rz5Nc8Bd4Hj6", Span: "glimt-Tk3vP9wLm2Qx7Rz5Nc8Bd4Hj6", Valid: true},
		{Text: "token glimt-Tk3vP9wLm2Qx7Rz5Nc8Bd4Hj"},
		{Text: "token glimt-Tk3vP9wLm2Qx7Rz5Nc8Bd4Hj6Y"},
		{Text: "send to incoming+group-project-7-glimt-4fBZ7Ns9Y2BXAS8XFw1hrYG5U-Issue@gitlab.example.com"},
	})
