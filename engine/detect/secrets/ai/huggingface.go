package ai

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// HuggingFaceAccessToken finds Hugging Face user access tokens (Hugging
// Face Hub documentation, "User access tokens": tokens begin with hf_):
// "hf_" and 34 ASCII letters.
var HuggingFaceAccessToken = &detect.Detector{
	Name: "huggingface_access_token",
	Types: []detect.Type{{
		Name: "huggingface_access_token", Family: detect.Secret, Confidence: 0.95,
		Confirm: "hf_ + 34 letters",
	}},
	Source:      "Hugging Face Hub documentation, User access tokens (hf_ prefix)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"hf_"}, Find: huggingFaceToken.Find},
	Examples: []detect.Example{
		{Text: "HF_TOKEN=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", Span: "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", Valid: true},
		{Text: "huggingface-cli login --token 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", Span: "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", Valid: true},
		{Text: "HF_TOKEN=hf_OEPwcDjdazCSdyFsUwPMgLnEEnldCpRKc"},
		{Text: "HF_TOKEN=hf_OEPwcDjdazCSdyFsUwPMgLnEEnldCpRKc4"},
	},
}

// huggingFaceToken is the hf_ body.
var huggingFaceToken = &tokenshape.Prefixed{Min: 34, Max: 34, Class: detect.Alpha, Conf: 0.95}
