package ci

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// JFrogAPIKey finds JFrog Artifactory API keys (JFrog Platform
// documentation, "API Key", deprecated in favour of access tokens):
// "AKCp" and 69 letters and digits, 73 characters in all.
var JFrogAPIKey = &detect.Detector{
	Name: "jfrog_api_key",
	Types: []detect.Type{{
		Name: "jfrog_api_key", Family: detect.Secret, Confidence: 0.9,
		Confirm: "AKCp + 69 alphanumerics",
	}},
	Source:      "JFrog Platform documentation, Artifactory API keys (AKCp prefix)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"AKCp"}, Find: jfrogAPIKey.Find},
	Examples: []detect.Example{
		{Text: "X-JFrog-Art-Api: AKCprS8Q7PSK4gFR4DgJo7vn9yjfgN9Gu8zTEly6PuVAgrEAjRWPLQCMK5kN1LZTSj1OLXdIW", Span: "AKCprS8Q7PSK4gFR4DgJo7vn9yjfgN9Gu8zTEly6PuVAgrEAjRWPLQCMK5kN1LZTSj1OLXdIW", Valid: true},
		{Text: "ARTIFACTORY_API_KEY=AKCpz47woEu65GH2vnBHm8qRswhqyGP9YwWaViK5H3piBRv4Hy1e5pG5csE4Gt7T0LZQxwHd8", Span: "AKCpz47woEu65GH2vnBHm8qRswhqyGP9YwWaViK5H3piBRv4Hy1e5pG5csE4Gt7T0LZQxwHd8", Valid: true},
		{Text: "ARTIFACTORY_API_KEY=AKCpz47woEu65GH2vnBHm8qRswhqyGP9YwWaViK5H3piBRv4Hy1e5pG5csE4Gt7T0LZQxwHd"},
		{Text: "ARTIFACTORY_API_KEY=AKCpz47woEu65GH2vnBHm8qRswhqyGP9YwWaViK5H3piBRv4Hy1e5pG5csE4Gt7T0LZQxwHd8-x"},
	},
}

// jfrogAPIKey is the AKCp body.
var jfrogAPIKey = &tokenshape.Prefixed{Min: 69, Max: 69, Class: detect.Alnum, Conf: 0.9}
