package cloud

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// AlibabaAccessKeySecret finds Alibaba Cloud AccessKey secrets: 30
// letters and digits (Alibaba Cloud RAM documentation, "Create an
// AccessKey pair"). Like an AWS secret key it has no mark of its own, so
// it is reported only after a key name (AccessKeySecret,
// ALIBABA_CLOUD_ACCESS_KEY_SECRET, access_key_secret,
// ALICLOUD_SECRET_KEY), at 0.8.
var AlibabaAccessKeySecret = &detect.Detector{
	Name: "alibaba_access_key_secret",
	Types: []detect.Type{{
		Name: "alibaba_access_key_secret", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "30 alphanumerics after an Alibaba Cloud secret key name",
	}},
	Source:      "Alibaba Cloud RAM documentation, Create an AccessKey pair",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY"},
		Find:     func(s *detect.Scan, _, p int) { alibabaSecret.AfterName(s, p) },
	},
	Keys: &detect.OnKey{
		Words:    []string{"accesskeysecret", "access_key_secret", "access-key-secret", "alicloud_secret_key", "alibaba_cloud_access_key_secret"},
		MinValue: 30,
		Find:     alibabaSecret.InAssignment,
	},
	Examples: []detect.Example{
		{Text: "ALIBABA_CLOUD_ACCESS_KEY_SECRET=FoPjjeAGsRUT1dsQXhgxtBvfKn0OrV", Span: "FoPjjeAGsRUT1dsQXhgxtBvfKn0OrV", Valid: true},
		{Text: `{"AccessKeyId": "LTAIoRiEWeIT19GclP0lFwsR", "AccessKeySecret": "w62GYDAjoyyCXM6saTYDjUW1eorNXL"}`, Span: "w62GYDAjoyyCXM6saTYDjUW1eorNXL", Valid: true},
		{Text: "ALICLOUD_SECRET_KEY FoPjjeAGsRUT1dsQXhgxtBvfKn0OrV", Span: "FoPjjeAGsRUT1dsQXhgxtBvfKn0OrV", Valid: true},
		// No context; 29 characters.
		{Text: "value FoPjjeAGsRUT1dsQXhgxtBvfKn0OrV"},
		{Text: "ALIBABA_CLOUD_ACCESS_KEY_SECRET=FoPjjeAGsRUT1dsQXhgxtBvfKn0Or"},
	},
}

// alibabaSecret is an AccessKey secret after its key name.
var alibabaSecret = &tokenshape.Named{Min: 30, Max: 30, Class: detect.Alnum, MinEntropy: 3.5, Conf: 0.8, Check: mixedCase, Provider: alibabaWords}
