package cloud

import (
	"encoding/base64"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// AWSBedrockAPIKey finds Amazon Bedrock API keys in both forms the
// Amazon Bedrock User Guide describes ("API keys", "Generate Amazon
// Bedrock API keys"):
//
//   - long-term keys: "ABSK" and the standard base64 encoding of the IAM
//     service-specific credential "BedrockAPIKey-<id>-at-<12-digit
//     account>:<secret>"; the detector decodes the first 36 bytes and
//     checks that layout;
//   - short-term keys: "bedrock-api-key-" and the base64 encoding of a
//     SigV4 presigned URL "bedrock.amazonaws.com/?Action=CallWithBearerToken&…"
//     (as the aws-bedrock-token-generator packages build it); the
//     detector decodes its first 51 bytes and checks them.
var AWSBedrockAPIKey = &detect.Detector{
	Name: "aws_bedrock_api_key",
	Types: []detect.Type{{
		Name: "aws_bedrock_api_key", Family: detect.Secret, Confidence: 0.98,
		Confirm: "ABSK + base64 of BedrockAPIKey-<id>-at-<account>:<secret>, or bedrock-api-key- + base64 of a CallWithBearerToken presigned URL",
	}},
	Source:      "Amazon Bedrock User Guide, API keys (long-term ABSK keys, short-term bedrock-api-key- keys); IAM User Guide, API keys for Amazon Bedrock",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"ABSK", "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t"},
		Find:     findBedrock,
	},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS1xd3g0LWF0LTExNzc3NzQxMjE1NDo5VklMYWJsTERaZ3VoYnRWdG5Lb2NtTjZ6WFJtL0xZT0RvL3hoR093NUxLNktYQTBkUEJrckdqM0FQVT0=", Span: "ABSKQmVkcm9ja0FQSUtleS1xd3g0LWF0LTExNzc3NzQxMjE1NDo5VklMYWJsTERaZ3VoYnRWdG5Lb2NtTjZ6WFJtL0xZT0RvL3hoR093NUxLNktYQTBkUEJrckdqM0FQVT0=", Valid: true},
		{Text: "key: ABSKQmVkcm9ja0FQSUtleS13Zmh5LWF0LTM3MjY1MTY3NjEyMjpRUTVON2tyeXMwOURDZ2MwUjk1amJBNkFiSlY3cG9UV1F4KzE2dGRDVFFuaFhRSk1XRWp5UFIrbTl6WT0= (30 days)", Span: "ABSKQmVkcm9ja0FQSUtleS13Zmh5LWF0LTM3MjY1MTY3NjEyMjpRUTVON2tyeXMwOURDZ2MwUjk1amJBNkFiSlY3cG9UV1F4KzE2dGRDVFFuaFhRSk1XRWp5UFIrbTl6WT0=", Valid: true},
		{Text: "Authorization: Bearer bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbiZYLUFtei1BbGdvcml0aG09QVdTNC1ITUFDLVNIQTI1NiZYLUFtei1DcmVkZW50aWFsPUFLSUFaWU1MT1BJRlFZRjdNMk5YJTJGMjAyNTA4MDElMkZ1cy1lYXN0LTElMkZiZWRyb2NrJTJGYXdzNF9yZXF1ZXN0JlgtQW16LURhdGU9MjAyNTA4MDFUMTIwMDAwWiZYLUFtei1FeHBpcmVzPTQzMjAwJlgtQW16LVNpZ25lZEhlYWRlcnM9aG9zdCZYLUFtei1TaWduYXR1cmU9YzY0ZTVhMjJmYWMxODBkNmIyZTZlMWI0NjVlNTUxMzA1ZmQyZDI0OTBjYTRjNjE2ZThjNGJmMTQ0ZDMzMzQ5NSZWZXJzaW9uPTE=", Span: "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbiZYLUFtei1BbGdvcml0aG09QVdTNC1ITUFDLVNIQTI1NiZYLUFtei1DcmVkZW50aWFsPUFLSUFaWU1MT1BJRlFZRjdNMk5YJTJGMjAyNTA4MDElMkZ1cy1lYXN0LTElMkZiZWRyb2NrJTJGYXdzNF9yZXF1ZXN0JlgtQW16LURhdGU9MjAyNTA4MDFUMTIwMDAwWiZYLUFtei1FeHBpcmVzPTQzMjAwJlgtQW16LVNpZ25lZEhlYWRlcnM9aG9zdCZYLUFtei1TaWduYXR1cmU9YzY0ZTVhMjJmYWMxODBkNmIyZTZlMWI0NjVlNTUxMzA1ZmQyZDI0OTBjYTRjNjE2ZThjNGJmMTQ0ZDMzMzQ5NSZWZXJzaW9uPTE=", Valid: true},
		{Text: "AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbiZYLUFtei1BbGdvcml0aG09QVdTNC1ITUFDLVNIQTI1NiZYLUFtei1DcmVkZW50aWFsPUFLSUFMMkpOVTdPUUhYTEVTQURWJTJGMjAyNTA4MDElMkZ1cy1lYXN0LTElMkZiZWRyb2NrJTJGYXdzNF9yZXF1ZXN0JlgtQW16LURhdGU9MjAyNTA4MDFUMTIwMDAwWiZYLUFtei1FeHBpcmVzPTQzMjAwJlgtQW16LVNpZ25lZEhlYWRlcnM9aG9zdCZYLUFtei1TaWduYXR1cmU9NmNjYWNjZGIyNTFiY2U3OTc5M2E2N2M5ZTJlZDgyOWFmNDhkOWQ1OWNlNmNhNmIwYjk2NThkN2RiYzAzNjA5NSZWZXJzaW9uPTE=", Span: "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbiZYLUFtei1BbGdvcml0aG09QVdTNC1ITUFDLVNIQTI1NiZYLUFtei1DcmVkZW50aWFsPUFLSUFMMkpOVTdPUUhYTEVTQURWJTJGMjAyNTA4MDElMkZ1cy1lYXN0LTElMkZiZWRyb2NrJTJGYXdzNF9yZXF1ZXN0JlgtQW16LURhdGU9MjAyNTA4MDFUMTIwMDAwWiZYLUFtei1FeHBpcmVzPTQzMjAwJlgtQW16LVNpZ25lZEhlYWRlcnM9aG9zdCZYLUFtei1TaWduYXR1cmU9NmNjYWNjZGIyNTFiY2U3OTc5M2E2N2M5ZTJlZDgyOWFmNDhkOWQ1OWNlNmNhNmIwYjk2NThkN2RiYzAzNjA5NSZWZXJzaW9uPTE=", Valid: true},
		// The account part is not "-at-"; the URL is not CallWithBearerToken;
		// truncated to a bare prefix.
		{Text: "AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS1xd3g0LW9uLTExNzc3NzQxMjE1NDo5VklMYWJsTERaZ3VoYnRWdG5Lb2NtTjZ6WFJtL0xZT0RvL3hoR093NUxLNktYQTBkUEJrckdqM0FQVT0="},
		{Text: "Authorization: Bearer bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlcyZYLUFtei1BbGdvcml0aG09QVdTNC1ITUFDLVNIQTI1NiZYLUFtei1DcmVkZW50aWFsPUFLSUFaWU1MT1BJRlFZRjdNMk5YJTJGMjAyNTA4MDElMkZ1cy1lYXN0LTElMkZiZWRyb2NrJTJGYXdzNF9yZXF1ZXN0JlgtQW16LURhdGU9MjAyNTA4MDFUMTIwMDAwWiZYLUFtei1FeHBpcmVzPTQzMjAwJlgtQW16LVNpZ25lZEhlYWRlcnM9aG9zdCZYLUFtei1TaWduYXR1cmU9YzY0ZTVhMjJmYWMxODBkNmIyZTZlMWI0NjVlNTUxMzA1ZmQyZDI0OTBjYTRjNjE2ZThjNGJmMTQ0ZDMzMzQ5NSZWZXJzaW9uPTE="},
		{Text: "AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS0"},
		// A lookalike under a name or prefix that says what it is: vetoed, so
		// not the generic api_key either.
		{Text: `value = 'ABSKQmVkcm9ja0FQSUtleS1yb2pkLW9uLTQyOTg5NTE4NzAwNjp0aEI3aHBZUk9yZnYvTVVoc2VIdTYzMFhGZ1JJVHhzUHh5Ull5bnIxQmZIUUh0QUZBd3VMU2o1TnlEQT0='`, Type: "api_key"},
		{Text: `setting=ABSKQmVkcm9ja0FQSUtleS1teGtyLWF0LTM2ODM0ODk2NTY2NDp0SjNjR2RzelRTV3FUM1A0a0l5UTIyTktyV3gxeExqQXppVllZNGh4RGI1KzJ2NTNBK0NmcGhXQEXAMPLE`, Type: "api_key"},
	},
}

// Decoded heads of the two forms.
const (
	bedrockLongHead  = "BedrockAPIKey-"
	bedrockShortHead = "bedrock.amazonaws.com/?Action=CallWithBearerToken&"
)

// findBedrock handles a prefix t[b:p].
func findBedrock(s *detect.Scan, b, p int) {
	t := s.T
	if !detect.FreeLeft(t, b) {
		return
	}
	m := b + 4 // the base64 body
	if p-b > 4 {
		m = b + len("bedrock-api-key-")
	}
	e := detect.Span(t, m, 4001, detect.B64)
	for k := 0; k < 2 && e < len(t) && t[e] == '='; k++ {
		e++
	}
	if e-m > 4000 || (e-m)%4 != 0 || e < len(t) && (detect.IsWord(t[e]) || t[e] == '=' || t[e] == '+' || t[e] == '/') {
		return
	}
	if p-b == 4 {
		var head [36]byte
		if e-m < 120 || !tokenshape.DecodedPrefix(head[:], t[m:e], base64.StdEncoding) || string(head[:14]) != bedrockLongHead {
			return
		}
		if !bedrockLongID(head[14:]) {
			shape.VetoValue(s, b) // "BedrockAPIKey-" without the key id after it
			return
		}
	} else {
		var head [51]byte
		if e-m < 200 || !tokenshape.DecodedPrefix(head[:], t[m:e], base64.StdEncoding) || string(head[:len(bedrockShortHead)]) != bedrockShortHead {
			return
		}
	}
	s.Add(0, b, e, 0.98, true)
}

// bedrockLongID reports whether id, the decoded bytes after
// "BedrockAPIKey-", is four alphanumerics, "-at-", the 12-digit account
// id and ':'.
func bedrockLongID(id []byte) bool {
	if !detect.All(id[:4], detect.Alnum) || string(id[4:8]) != "-at-" || id[20] != ':' {
		return false
	}
	return detect.All(id[8:20], detect.Digit)
}
