package ci

import "github.com/datafog/datafog-api/engine/detect"

// GitLabOAuthAppSecret finds GitLab OAuth application secrets: "gloas-"
// and 64 URL-safe characters.
var GitLabOAuthAppSecret = gitlabDetector("gitlab_oauth_app_secret",
	"gloas- + 64 URL-safe characters",
	"gloas-", gitlabBody{min: 64, max: 64}, []detect.Example{
		{Text: "client_secret=gloas-NKYv0XkgfV4dRjN0gmAyZPV0BXBIp5o2ccTAJnf_JaI5sH2TA35HkDmv62V-X0w8", Span: "gloas-NKYv0XkgfV4dRjN0gmAyZPV0BXBIp5o2ccTAJnf_JaI5sH2TA35HkDmv62V-X0w8", Valid: true},
		{Text: "secret gloas-7dQm2Zx9Lp4Wr6Tk8Vn3Bc5Hy1Js0Gf4Ae7Ku9Oi2Pq6Sw8Xz3Cv5Nb7Mh1Lj4Dg", Span: "gloas-7dQm2Zx9Lp4Wr6Tk8Vn3Bc5Hy1Js0Gf4Ae7Ku9Oi2Pq6Sw8Xz3Cv5Nb7Mh1Lj4Dg", Valid: true},
		{Text: "secret gloas-7dQm2Zx9Lp4Wr6Tk8Vn3Bc5Hy1Js0Gf4Ae7Ku9Oi2Pq6Sw8Xz3Cv5Nb7Mh1Lj4D"},
		{Text: "secret gloas-7dQm2Zx9Lp4Wr6Tk8Vn3Bc5Hy1Js0Gf4Ae7Ku9Oi2Pq6Sw8Xz3Cv5Nb7Mh1Lj4DgQ"},
	})
