// Package ai holds the detectors of AI-service credentials: OpenAI,
// Anthropic, Hugging Face, Cohere, Replicate, Groq, Mistral, Perplexity,
// OpenRouter, xAI and LangSmith. Each file declares one detector; the
// engine's registry lists them.
package ai
