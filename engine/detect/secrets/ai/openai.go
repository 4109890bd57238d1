package ai

import (
	"bytes"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// OpenAI secret keys. OpenAI's keys are "sk-" and a kind ("proj-" project
// keys, "svcacct-" service account keys, "admin-" admin keys, "None-"
// migrated user keys, or none for legacy user keys) followed by a
// URL-safe body; every one of them carries "T3BlbkFJ", the base64
// encoding of "OpenAI", with at least 20 characters on each side (legacy
// keys: 20, "T3BlbkFJ", 20). The body rule here is that structure; the
// prefixes are documented in OpenAI's API reference ("Authentication":
// project keys; "Administration": admin API keys; "Service accounts").

// openAIKey checks the body that starts after a prefix t[b:p]: 48 to 300
// URL-safe characters holding "T3BlbkFJ" with at least 20 on each side.
// It returns the key's end, or -1.
func openAIKey(t []byte, b, p int) int {
	if !detect.FreeLeft(t, b) {
		return -1
	}
	e, ok := tokenshape.Body(t, p, 48, 300, detect.B64URL)
	if !ok {
		return -1
	}
	m := bytes.Index(t[p:e], []byte("T3BlbkFJ"))
	if m < 20 || e-(p+m+8) < 20 {
		return -1
	}
	return e
}

// OpenAIAPIKey finds OpenAI user and project API keys ("sk-proj-…",
// "sk-None-…", legacy "sk-…").
var OpenAIAPIKey = &detect.Detector{
	Name: "openai_api_key",
	Types: []detect.Type{{
		Name: "openai_api_key", Family: detect.Secret, Confidence: 0.98,
		Confirm: "sk- (proj-, None-) + URL-safe body holding T3BlbkFJ (base64 \"OpenAI\") with 20+ characters each side",
	}},
	Source:      "OpenAI API reference, Authentication (sk-proj- project API keys; legacy sk- user keys)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: []string{"sk-"}, Find: findOpenAI},
	Examples: []detect.Example{
		{Text: "OPENAI_API_KEY=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", Span: "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", Valid: true},
		{Text: `openai.api_key = "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"`, Span: "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", Valid: true},
		{Text: "key sk-None-sOGGTW3Esr4yJZkxibzv4aNn_k-kK8YPNuxf0IEs6aAAzxQTec-b7RyVdeT3BlbkFJWg5HXiiJ6i1eePNaw6KCzXo6qPHHk1vkrVFhvf0quPGEq_o_vS5v9YElk8 rotated", Span: "sk-None-sOGGTW3Esr4yJZkxibzv4aNn_k-kK8YPNuxf0IEs6aAAzxQTec-b7RyVdeT3BlbkFJWg5HXiiJ6i1eePNaw6KCzXo6qPHHk1vkrVFhvf0quPGEq_o_vS5v9YElk8", Valid: true},
		{Text: "Authorization: Bearer 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", Span: "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", Valid: true},
		// No marker; the marker too near the start.
		{Text: "OPENAI_API_KEY=sk-UBkbJCukQmjmGYFeqlVMT3BlbkFQQXkdzDJYjLX4kntDimkT"},
		{Text: "OPENAI_API_KEY=sk-UBkbJCukQmjmGYFeqlT3BlbkFJVMQXkdzDJYjLX4kntDimkT"},
		{Text: "see task-xjrtf9YDtQ3nMeQT7kl8T3BlbkFJmKOLMoCKRQKaDvtQED2l"},
	},
}

// findOpenAI handles "sk-" at t[b:p]; the service account and admin
// kinds are left to their own detectors.
func findOpenAI(s *detect.Scan, b, p int) {
	t := s.T
	if detect.HasPrefix(t, p, "svcacct-") || detect.HasPrefix(t, p, "admin-") {
		return
	}
	if e := openAIKey(t, b, p); e > 0 {
		s.Add(0, b, e, 0.98, true)
	}
}
