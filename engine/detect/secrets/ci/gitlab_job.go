package ci

import "github.com/datafog/datafog-api/engine/detect"

// GitLabCIJobToken finds GitLab CI/CD job tokens: "glcbt-", the partition
// (1 to 5 letters or digits), '_' and 20 URL-safe characters.
var GitLabCIJobToken = gitlabDetector("gitlab_ci_job_token",
	"glcbt- + partition (1-5 alphanumerics) + _ + 20 URL-safe characters",
	"glcbt-", gitlabBody{partition: true}, []detect.Example{
		{Text: "CI_JOB_TOKEN=glcbt-64_xU2bw9vYnQQ9BIXkGZEk", Span: "glcbt-64_xU2bw9vYnQQ9BIXkGZEk", Valid: true},
		{Text: "job token glcbt-1a_Hq7mZ3pR9sLw2Xv5Nc8K used", Span: "glcbt-1a_Hq7mZ3pR9sLw2Xv5Nc8K", Valid: true},
		{Text: "CI_JOB_TOKEN=glcbt-64_xU2bw9vYnQQ9BIXkGZE"},
		{Text: "CI_JOB_TOKEN=glcbt-64-xU2bw9vYnQQ9BIXkGZEk"},
	})
