package cloud

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// AWSSecretAccessKey finds AWS secret access keys: 40 characters of the
// standard base64 alphabet (AWS IAM User Guide, "Manage access keys for
// IAM users": a secret access key such as
// wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY). Nothing in the key itself
// marks it, so it is reported only with its context, at 0.8:
//
//   - after a key name that says so (OnKey: aws_secret_access_key,
//     AWS_SECRET_ACCESS_KEY, "SecretAccessKey" in STS output,
//     aws_secret_key; or the upper-case name and blanks, OnPrefix);
//   - right after an AWS access key ID (AKIA… or ASIA…) and a separator,
//     as in the credentials.csv the console downloads ("AKIA…,wJal…").
//
// The key must mix upper- and lower-case letters and have a Shannon
// entropy of at least 3.5 bits per byte, which every generated key has
// and words, paths and hexadecimal digests do not.
var AWSSecretAccessKey = &detect.Detector{
	Name: "aws_secret_access_key",
	Types: []detect.Type{{
		Name: "aws_secret_access_key", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "40 base64 characters, mixed case, after an AWS secret key name or next to an AWS access key ID",
	}},
	Source:      "AWS IAM User Guide, Manage access keys for IAM users (secret access key format)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "AKIA", "ASIA"},
		Find:     findAWSSecret,
	},
	Keys: &detect.OnKey{
		Words:    []string{"aws_secret", "awssecret", "aws-secret", "secret_access_key", "secretaccesskey", "secret-access-key"},
		MinValue: 40,
		Find:     awsSecret.InAssignment,
	},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "aws_secret_access_key = pTyGJMuHbEL31IeL2HPcHyGcFRl1SPnXNYvMIHa/", Span: "pTyGJMuHbEL31IeL2HPcHyGcFRl1SPnXNYvMIHa/", Valid: true},
		{Text: `{"AccessKeyId": "ASIAN4KHVDGAJGXBENYJ", "SecretAccessKey": "2o76umfXfKm/r5kJP1VrT+1FJors/6ILi8IHn5kx"}`, Span: "2o76umfXfKm/r5kJP1VrT+1FJors/6ILi8IHn5kx", Valid: true},
		{Text: "jdoe,,AKIA2XUID5ZZZZG6ZDME,sC7tVO/HbkQfyy/KV5zjR3j1twdTKWTddB+XhkAS", Span: "sC7tVO/HbkQfyy/KV5zjR3j1twdTKWTddB+XhkAS", Valid: true},
		{Text: "export AWS_SECRET_ACCESS_KEY sC7tVO/HbkQfyy/KV5zjR3j1twdTKWTddB+XhkAS", Span: "sC7tVO/HbkQfyy/KV5zjR3j1twdTKWTddB+XhkAS", Valid: true},
		// No context; one character short; a hex digest; AWS's own example.
		{Text: "value pTyGJMuHbEL31IeL2HPcHyGcFRl1SPnXNYvMIHa/"},
		{Text: "aws_secret_access_key = pTyGJMuHbEL31IeL2HPcHyGcFRl1SPnXNYvMIHa"},
		{Text: "aws_secret_access_key = 6be6abf0d7c1c1e21862ab8a18a8902073fec8df"},
		{Text: "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
	},
}

// awsSecret is a secret access key after its key name.
var awsSecret = &tokenshape.Named{Min: 40, Max: 40, Class: detect.B64, MinEntropy: 3.5, Conf: 0.8, Check: mixedCase, Provider: []string{"aws"}}

// findAWSSecret handles a key-name literal or an access key ID t[b:p].
func findAWSSecret(s *detect.Scan, b, p int) {
	if p-b != 4 {
		awsSecret.AfterName(s, p)
		return
	}
	t := s.T
	e := b + 20
	if e > len(t) || !detect.FreeLeft(t, b) || !detect.FreeRight(t, e) {
		return
	}
	for _, c := range t[b+4 : e] {
		if !(detect.IsUpper(c) || c >= '2' && c <= '7') {
			return
		}
	}
	if v, ok := afterID(t, e); ok {
		awsSecret.Value(s, v)
	}
}

// afterID returns where a secret that follows an access key ID ending at
// t[e] starts: after one to four separators (blanks, ',', ';', ':', '|',
// quotes), as in a CSV row or a "id secret" pair.
func afterID(t []byte, e int) (int, bool) {
	v := e
	for v < len(t) && v-e < 4 {
		switch t[v] {
		case ' ', '\t', ',', ';', ':', '|', '"', '\'':
			v++
			continue
		}
		break
	}
	return v, v > e && v < len(t) && (t[v-1] != '"' && t[v-1] != '\'' || v-e > 1)
}

// mixedCase reports whether v holds both an upper- and a lower-case ASCII
// letter.
func mixedCase(v []byte) bool {
	up, low := false, false
	for _, c := range v {
		up = up || detect.IsUpper(c)
		low = low || detect.IsLower(c)
	}
	return up && low
}
