package cloud

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// IBMCloudAPIKey finds IBM Cloud API keys: 44 URL-safe characters (IBM
// Cloud documentation, "Managing user API keys"). The key has no mark of
// its own, so it is reported only after an IBM Cloud key name
// (IBMCLOUD_API_KEY, IBM_CLOUD_API_KEY, IC_API_KEY as the CLI and the
// Terraform provider read it), at 0.8.
var IBMCloudAPIKey = &detect.Detector{
	Name: "ibm_cloud_api_key",
	Types: []detect.Type{{
		Name: "ibm_cloud_api_key", Family: detect.Secret, Confidence: 0.8, NeedsContext: true,
		Confirm: "44 URL-safe characters after an IBM Cloud API key name",
	}},
	Source:      "IBM Cloud documentation, Managing user API keys; IBM Cloud CLI and Terraform provider environment variables",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"IBMCLOUD_API_KEY", "IBM_CLOUD_API_KEY", "IC_API_KEY"},
		Find:     func(s *detect.Scan, _, p int) { ibmKey.AfterName(s, p) },
	},
	Keys: &detect.OnKey{
		Words:    []string{"ibmcloud_api_key", "ibm_cloud_api_key", "ibmcloudapikey", "ic_api_key", "ibm-cloud-api-key", "ibm_api_key"},
		MinValue: 44,
		Find:     ibmKey.InAssignment,
	},
	Examples: []detect.Example{
		{Text: "export IBMCLOUD_API_KEY=qwQNoFj7WZmp719rrjXDScpSoxRLG8OySIjqxbGyjTYm", Span: "qwQNoFj7WZmp719rrjXDScpSoxRLG8OySIjqxbGyjTYm", Valid: true},
		{Text: `ibmcloud_api_key = "WsNz0ZjVcfz-sAkJcn7AfHi11Q9bWCITNviJQpLBcP_R"`, Span: "WsNz0ZjVcfz-sAkJcn7AfHi11Q9bWCITNviJQpLBcP_R", Valid: true},
		{Text: "IC_API_KEY WsNz0ZjVcfz-sAkJcn7AfHi11Q9bWCITNviJQpLBcP_R", Span: "WsNz0ZjVcfz-sAkJcn7AfHi11Q9bWCITNviJQpLBcP_R", Valid: true},
		{Text: "key qwQNoFj7WZmp719rrjXDScpSoxRLG8OySIjqxbGyjTYm"},
		{Text: "export IBMCLOUD_API_KEY=qwQNoFj7WZmp719rrjXDScpSoxRLG8OySIjqxbGyjTY"},
	},
}

// ibmKey is an IBM Cloud API key after its key name.
var ibmKey = &tokenshape.Named{Min: 44, Max: 44, Class: detect.B64URL, MinEntropy: 3.5, Conf: 0.8}
