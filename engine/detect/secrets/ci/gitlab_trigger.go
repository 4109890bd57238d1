package ci

import "github.com/datafog/datafog-api/engine/detect"

// GitLabPipelineTriggerToken finds GitLab pipeline trigger tokens:
// "glptt-" and 40 lower-case hexadecimal digits.
var GitLabPipelineTriggerToken = gitlabDetector("gitlab_pipeline_trigger_token",
	"glptt- + 40 lower-case hexadecimal digits",
	"glptt-", gitlabBody{hex: true}, []detect.Example{
		{Text: "curl -F token=glptt-22f828767efc2f91624a8940f1f836f99eee3692 -F ref=main", Span: "glptt-22f828767efc2f91624a8940f1f836f99eee3692", Valid: true},
		{Text: "TRIGGER glptt-9b04c1d7e2a35f86b1c0d9e4f7a2b3c5d6e8f1a4", Span: "glptt-9b04c1d7e2a35f86b1c0d9e4f7a2b3c5d6e8f1a4", Valid: true},
		{Text: "token=glptt-22f828767efc2f91624a8940f1f836f99eee369"},
		{Text: "token=glptt-22F828767EFC2F91624A8940F1F836F99EEE3692"},
	})
