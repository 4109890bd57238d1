package cloud

import (
	"github.com/datafog/datafog-api/engine/detect"
)

// AzureADClientSecret finds Microsoft Entra ID (Azure AD) application
// client secrets in the identifiable format Entra ID issues: three
// URL-unreserved characters, a format digit and "Q~", then the rest of
// the secret; "8Q~" secrets are 40 characters, the earlier "7Q~" ones 37
// (Microsoft security-utilities, SEC101/156
// AadClientAppIdentifiableCredentials; Microsoft Entra documentation,
// "Add a client secret"). URL-unreserved characters are letters, digits,
// '-', '.', '_' and '~'.
var AzureADClientSecret = &detect.Detector{
	Name: "azure_ad_client_secret",
	Types: []detect.Type{{
		Name: "azure_ad_client_secret", Family: detect.Secret, Confidence: 0.9,
		Confirm: "3 URL-unreserved characters + 8Q~ + 34 (or 7Q~ + 31) URL-unreserved characters",
	}},
	Source:      "Microsoft security-utilities, SEC101/156 AadClientAppIdentifiableCredentials; Microsoft Entra ID, Add a client secret",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"8Q~", "7Q~"}, Find: findAzureAD},
	Examples: []detect.Example{
		{Text: "AZURE_CLIENT_SECRET=ZkG8Q~.RBYVnpvtd2G4sy_09oxvVDSJJDwA50GT4", Span: "ZkG8Q~.RBYVnpvtd2G4sy_09oxvVDSJJDwA50GT4", Valid: true},
		{Text: `"clientSecret": "cGW8Q~tEC9cOnXS01cwZeVyUV3qd72O~rAWTslT~"`, Span: "cGW8Q~tEC9cOnXS01cwZeVyUV3qd72O~rAWTslT~", Valid: true},
		{Text: "secret PSv7Q~eEALgONx4dmlguLD0AZAirFQmjdtB6y", Span: "PSv7Q~eEALgONx4dmlguLD0AZAirFQmjdtB6y", Valid: true},
		// One character short; the 8Q~ body at the 7Q~ length; glued.
		{Text: "AZURE_CLIENT_SECRET=ZkG8Q~.RBYVnpvtd2G4sy_09oxvVDSJJDwA50GT"},
		{Text: "secret PSv8Q~eEALgONx4dmlguLD0AZAirFQmjdtB6y"},
		{Text: "AZURE_CLIENT_SECRET=xZkG8Q~.RBYVnpvtd2G4sy_09oxvVDSJJDwA50GT4"},
	},
}

// findAzureAD handles "8Q~" or "7Q~" at t[d:d+3].
func findAzureAD(s *detect.Scan, d, p int) {
	t := s.T
	b := d - 3
	n := 34
	if t[d] == '7' {
		n = 31
	}
	e := p + n
	if b < 0 || e > len(t) || b > 0 && (urlUnreserved(t[b-1]) || detect.IsWord(t[b-1])) {
		return
	}
	for _, c := range t[b:d] {
		if !urlUnreserved(c) {
			return
		}
	}
	for _, c := range t[p:e] {
		if !urlUnreserved(c) {
			return
		}
	}
	// A '.' that ends a sentence may follow.
	if e < len(t) && urlUnreserved(t[e]) && !(t[e] == '.' && (e+1 == len(t) || !urlUnreserved(t[e+1]))) {
		return
	}
	s.Add(0, b, e, 0.9, true)
}

// urlUnreserved reports whether c is an RFC 3986 unreserved character:
// an ASCII letter or digit, '-', '.', '_' or '~'.
func urlUnreserved(c byte) bool {
	return detect.IsAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~'
}
