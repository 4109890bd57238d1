package cloud

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// AlibabaAccessKeyID finds Alibaba Cloud AccessKey IDs: "LTAI" and 12 to
// 20 letters and digits (Alibaba Cloud Resource Access Management
// documentation, "Create an AccessKey pair": AccessKey IDs of RAM users
// begin with LTAI). An AccessKey ID alone grants nothing, but it names
// the account and travels with its secret.
//
// "LTAI" would anchor the scan on every capital L (as in "Linux" in every
// user agent of a log), so the ID is looked for as the value of an
// AccessKey ID assignment (AccessKeyId, access_key_id,
// ALIBABA_CLOUD_ACCESS_KEY_ID, ALICLOUD_ACCESS_KEY) or after one of the
// upper-case names and blanks; its LTAI prefix then confirms it.
var AlibabaAccessKeyID = &detect.Detector{
	Name: "alibaba_access_key_id",
	Types: []detect.Type{{
		Name: "alibaba_access_key_id", Family: detect.Secret, Confidence: 0.9, NeedsContext: true,
		Confirm: "LTAI + 12-20 alphanumerics as an AccessKey ID's value",
	}},
	Source:      "Alibaba Cloud RAM documentation, Create an AccessKey pair (LTAI AccessKey IDs)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY"},
		Find:     func(s *detect.Scan, _, p int) { alibabaID.AfterName(s, p) },
	},
	Keys: &detect.OnKey{
		Words:    []string{"accesskeyid", "access_key_id", "access-key-id", "alicloud_access_key"},
		MinValue: 16,
		Find:     alibabaID.InAssignment,
	},
	Examples: []detect.Example{
		{Text: "ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIoRiEWeIT19GclP0lFwsR", Span: "LTAIoRiEWeIT19GclP0lFwsR", Valid: true},
		{Text: `"AccessKeyId": "LTAIBf7TRKGei6vQ"`, Span: "LTAIBf7TRKGei6vQ", Valid: true},
		{Text: "ALICLOUD_ACCESS_KEY LTAIiablfQsEgkfuunfibsE7", Span: "LTAIiablfQsEgkfuunfibsE7", Valid: true},
		{Text: "ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIoRiEWeI"},
		{Text: "ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIoRiEWeIT19GclP0lFwsRxy"},
		{Text: "aws_access_key_id = AKIA2XUID5ZZZZG6ZDME"},
	},
}

// alibabaID is an AccessKey ID after its key name.
var alibabaID = &tokenshape.Named{Min: 16, Max: 24, Class: detect.Alnum, Conf: 0.9, Check: ltaiBody, Provider: alibabaWords}

// ltaiBody reports whether v is "LTAI" and a body that holds a digit and
// a letter.
func ltaiBody(v []byte) bool {
	if len(v) < 16 || string(v[:4]) != "LTAI" {
		return false
	}
	d, l := false, false
	for _, c := range v[4:] {
		d = d || detect.IsDigit(c)
		l = l || detect.IsAlpha(c)
	}
	return d && l
}

// alibabaWords name Alibaba Cloud in a key name; "access_key_id" and
// "access_key_secret" alone are other stores' names too.
var alibabaWords = []string{"alibaba", "alicloud", "aliyun"}
