package ai

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// XAIAPIKey finds xAI API keys (xAI documentation, "The Hitchhiker's
// Guide to Grok": API keys from the xAI console begin with xai-): "xai-"
// and 80 letters and digits.
var XAIAPIKey = &detect.Detector{
	Name: "xai_api_key",
	Types: []detect.Type{{
		Name: "xai_api_key", Family: detect.Secret, Confidence: 0.95,
		Confirm: "xai- + 80 alphanumerics",
	}},
	Source:      "xAI documentation, API keys (xai- prefix)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"xai-"}, Find: xaiKey.Find},
	Examples: []detect.Example{
		{Text: "XAI_API_KEY=xai-wtrDEVVFMjFuFDTDtmM94rgTQkC5nSS9gbMgXf3PuGPqePvsJBuQqKKvtxPBkwNyobPdhVXzqUBC28qX", Span: "xai-wtrDEVVFMjFuFDTDtmM94rgTQkC5nSS9gbMgXf3PuGPqePvsJBuQqKKvtxPBkwNyobPdhVXzqUBC28qX", Valid: true},
		{Text: "Authorization: Bearer xai-D50N1qNWcGqAlm6xcDgKn5FREqEQ6rwU5zcVl8nYBGFx8ymsBOBhdzkjIy6H6rVmAF0s1jDcDr30EFB1", Span: "xai-D50N1qNWcGqAlm6xcDgKn5FREqEQ6rwU5zcVl8nYBGFx8ymsBOBhdzkjIy6H6rVmAF0s1jDcDr30EFB1", Valid: true},
		{Text: "XAI_API_KEY=xai-wtrDEVVFMjFuFDTDtmM94rgTQkC5nSS9gbMgXf3PuGPqePvsJBuQqKKvtxPBkwNyobPdhVXzqUBC28q"},
		{Text: "XAI_API_KEY=xxai-wtrDEVVFMjFuFDTDtmM94rgTQkC5nSS9gbMgXf3PuGPqePvsJBuQqKKvtxPBkwNyobPdhVXzqUBC28qX"},
	},
}

// xaiKey is the xai- body.
var xaiKey = &tokenshape.Prefixed{Min: 80, Max: 80, Class: detect.Alnum, Conf: 0.95}
