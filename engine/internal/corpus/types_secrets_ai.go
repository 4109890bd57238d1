package corpus

import (
	"math/rand/v2"
	"strings"
)

// Type generators for the AI-service secrets (engine/detect/secrets/ai),
// written from the providers' formats and independently of the
// detectors.

// openAIKey returns prefix, n URL-safe characters, "T3BlbkFJ" (base64 of
// "OpenAI") and n more.
func openAIKey(r *rand.Rand, prefix string, n int) string {
	return prefix + secretChars(r, secretURLSafe, n) + "T3BlbkFJ" + secretChars(r, secretURLSafe, n)
}

func init() {
	openAIKinds := []struct {
		typ      string
		prefixes []string
	}{
		{"openai_api_key", []string{"sk-proj-", "sk-None-", "sk-"}},
		{"openai_service_account_key", []string{"sk-svcacct-"}},
		{"openai_admin_key", []string{"sk-admin-"}},
	}
	for _, k := range openAIKinds {
		RegisterType(TypeGen{
			Type: k.typ,
			Valid: func(r *rand.Rand) string {
				p := k.prefixes[r.IntN(len(k.prefixes))]
				if p == "sk-" {
					return p + secretChars(r, secretAlnum, 20) + "T3BlbkFJ" + secretChars(r, secretAlnum, 20)
				}
				return openAIKey(r, p, []int{58, 74}[r.IntN(2)])
			},
			Invalid: func(r *rand.Rand) string {
				return k.prefixes[0] + secretChars(r, secretURLSafe, 58) + "T3BlbkFQ" + secretChars(r, secretURLSafe, 58)
			},
			Context: []string{"OPENAI_API_KEY", "Bearer"},
			Check:   func(v string) bool { return strings.HasPrefix(v, "sk-") && strings.Contains(v, "T3BlbkFJ") },
		})
	}
	for _, k := range []struct{ typ, prefix string }{{"anthropic_api_key", "sk-ant-api03-"}, {"anthropic_admin_key", "sk-ant-admin01-"}} {
		RegisterType(TypeGen{
			Type:    k.typ,
			Valid:   func(r *rand.Rand) string { return k.prefix + secretChars(r, secretURLSafe, 93) + "AA" },
			Invalid: func(r *rand.Rand) string { return k.prefix + secretChars(r, secretURLSafe, 93) + "AB" },
			Context: []string{"ANTHROPIC_API_KEY", "x-api-key:"},
			Check:   matches(k.prefix + `[A-Za-z0-9_-]{93}AA`),
		})
	}
	for _, k := range []struct {
		typ, prefix, alphabet, class string
		n                            int
		context                      []string
	}{
		{"huggingface_access_token", "hf_", secretLetters, "[A-Za-z]", 34, []string{"HF_TOKEN", "token"}},
		{"replicate_api_token", "r8_", secretAlnum, "[A-Za-z0-9]", 37, []string{"REPLICATE_API_TOKEN", "Bearer"}},
		{"groq_api_key", "gsk_", secretAlnum, "[A-Za-z0-9]", 52, []string{"GROQ_API_KEY", "api_key"}},
		{"perplexity_api_key", "pplx-", secretAlnum, "[A-Za-z0-9]", 48, []string{"PERPLEXITY_API_KEY", "Bearer"}},
		{"openrouter_api_key", "sk-or-v1-", secretLowerHex, "[0-9a-f]", 64, []string{"OPENROUTER_API_KEY", "Bearer"}},
		{"xai_api_key", "xai-", secretAlnum, "[A-Za-z0-9]", 80, []string{"XAI_API_KEY", "Bearer"}},
	} {
		RegisterType(TypeGen{
			Type:    k.typ,
			Valid:   func(r *rand.Rand) string { return k.prefix + secretChars(r, k.alphabet, k.n) },
			Invalid: func(r *rand.Rand) string { return k.prefix + secretChars(r, k.alphabet, k.n-1) },
			Context: k.context,
			Check:   matches(strings.ReplaceAll(k.prefix, ".", `\.`) + k.class + "{" + itoa(k.n) + "}"),
		})
	}
	langsmith := func(r *rand.Rand, n int) string {
		return []string{"lsv2_pt_", "lsv2_sk_"}[r.IntN(2)] + secretChars(r, secretLowerHex, 32) + "_" + secretChars(r, secretLowerHex, n)
	}
	RegisterType(TypeGen{
		Type:    "langsmith_api_key",
		Valid:   func(r *rand.Rand) string { return langsmith(r, 10) },
		Invalid: func(r *rand.Rand) string { return langsmith(r, 9) },
		Context: []string{"LANGSMITH_API_KEY", "LANGCHAIN_API_KEY"},
		Check:   matches(`lsv2_(pt|sk)_[0-9a-f]{32}_[0-9a-f]{10}`),
	})
	RegisterType(TypeGen{
		Type:         "cohere_api_key",
		Valid:        func(r *rand.Rand) string { return mixedChars(r, secretAlnum, 40) },
		Invalid:      func(r *rand.Rand) string { return mixedChars(r, secretAlnum, 39) },
		Context:      []string{"COHERE_API_KEY", "CO_API_KEY"},
		NeedsContext: true,
	})
	RegisterType(TypeGen{
		Type:         "mistral_api_key",
		Valid:        func(r *rand.Rand) string { return mixedChars(r, secretAlnum, 32) },
		Invalid:      func(r *rand.Rand) string { return mixedChars(r, secretAlnum, 31) },
		Context:      []string{"MISTRAL_API_KEY"},
		NeedsContext: true,
	})
}

// itoa formats a small non-negative int.
func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n)) // #nosec G115 -- the value is below 256
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
