package ci

import (
	"github.com/datafog/datafog-api/engine/detect"
)

// NuGetAPIKey finds nuget.org API keys: "oy2" and 43 lower-case letters
// and digits, 46 characters in all (the form nuget.org issues, listed
// with GitHub secret scanning's supported patterns as nuget_api_key). The
// prefix has no capital or punctuation to anchor a literal on, so the
// detector takes tokens: two letters, a run of digits starting with '2'.
var NuGetAPIKey = &detect.Detector{
	Name: "nuget_api_key",
	Types: []detect.Type{{
		Name: "nuget_api_key", Family: detect.Secret, Confidence: 0.9,
		Confirm: "oy2 + 43 lower-case letters and digits",
	}},
	Source:      "nuget.org API keys (Microsoft Learn, Publishing packages: API keys); GitHub secret scanning supported patterns, nuget_api_key",
	Placeholder: detect.SecretPlaceholder,
	Tokens:      &detect.OnToken{MinLen: 46, MaxLen: 46, MinLead: 2, MaxLead: 2, Lower: "2", Find: findNuGet},
	Examples: []detect.Example{
		{Text: "dotnet nuget push pkg.nupkg --api-key oy244tfjgvq4k7bn7xj8b7tfq7xkwo886vompzom75wbbr --source nuget.org", Span: "oy244tfjgvq4k7bn7xj8b7tfq7xkwo886vompzom75wbbr", Valid: true},
		{Text: "NUGET_API_KEY=oy24qmw2wxfogo4mvn4a4wfhym4l1vfz3zfkkibj3j4wj9", Span: "oy24qmw2wxfogo4mvn4a4wfhym4l1vfz3zfkkibj3j4wj9", Valid: true},
		{Text: "NUGET_API_KEY=oy24qmw2wxfogo4mvn4a4wfhym4l1vfz3zfkkibj3j4wj"},
		{Text: "NUGET_API_KEY=oy24qmw2wxfogo4mvn4a4wfhym4l1vfz3zfkkibj3j4wJ9"},
		{Text: "NUGET_API_KEY=ox24qmw2wxfogo4mvn4a4wfhym4l1vfz3zfkkibj3j4wj9"},
	},
}

// findNuGet handles a token t[ts:te] of 46 letters and digits.
func findNuGet(s *detect.Scan, ts, te int) {
	t := s.T
	if t[ts] != 'o' || t[ts+1] != 'y' || t[ts+2] != '2' {
		return
	}
	for _, c := range t[ts+3 : te] {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return
		}
	}
	s.Add(0, ts, te, 0.9, true)
}
