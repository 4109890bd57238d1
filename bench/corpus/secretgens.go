package corpus

import (
	"encoding/base64"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"strings"
)

// builtinSecretGens generate the contract's first secret types from their
// published formats.
var builtinSecretGens = map[string]secretGen{
	"aws_access_key": {
		// AWS IAM User Guide, unique ID prefixes: AKIA (access key) and ASIA
		// (temporary) + 16 base32 characters.
		valid: func(r *rand.Rand) string { return pickR(r, "AKIA", "ASIA") + randChars(r, base32, 16) },
		// Characters outside base32 (0, 1, 8, 9).
		invalid: func(r *rand.Rand) string {
			b := []byte(randChars(r, base32, 16))
			b[r.IntN(16)] = "0189"[r.IntN(4)]
			return "AKIA" + string(b)
		},
		context: []string{"aws_access_key_id", "AWS access key"},
	},
	"github_token": {
		valid: func(r *rand.Rand) string {
			if r.IntN(5) == 0 {
				// A fine-grained token: github_pat_, 22 characters, '_', 59.
				return "github_pat_" + randChars(r, alnum, 22) + "_" + randChars(r, alnum, 59)
			}
			return GitHubToken(pickR(r, "ghp_", "gho_", "ghu_", "ghs_", "ghr_"), randChars(r, alnum, 30))
		},
		// A classic token with one body character changed: its CRC32 no
		// longer matches.
		invalid: func(r *rand.Rand) string {
			t := []byte(GitHubToken("ghp_", randChars(r, alnum, 30)))
			i := 4 + r.IntN(30)
			t[i] = alnum[(strings.IndexByte(alnum, t[i])+1+r.IntN(len(alnum)-1))%len(alnum)]
			return string(t)
		},
		context: []string{"github_token", "GH_TOKEN"},
	},
	"slack_token": {
		// Slack API documentation, token types: a bot token is xoxb-, the
		// team's and the bot user's numeric ids, and 24 characters.
		valid: func(r *rand.Rand) string {
			if r.IntN(2) == 0 {
				return "xoxb-" + randChars(r, decimal, 12) + "-" + randChars(r, decimal, 13) + "-" + randChars(r, alnum, 24)
			}
			return "xoxp-" + randChars(r, decimal, 12) + "-" + randChars(r, decimal, 12) + "-" + randChars(r, decimal, 13) + "-" + randChars(r, hexLow, 32)
		},
		// Letters where Slack puts the numeric ids.
		invalid: func(r *rand.Rand) string {
			return "xoxb-" + randChars(r, upperAZ, 12) + "-" + randChars(r, upperAZ, 13) + "-" + randChars(r, alnum, 24)
		},
		context: []string{"slack_bot_token"},
	},
	"stripe_key": {
		// Stripe documentation, API keys: secret and restricted keys.
		valid: func(r *rand.Rand) string {
			return pickR(r, "sk_live_", "rk_live_", "sk_test_") + randChars(r, alnum, 24+r.IntN(76))
		},
		// A publishable key, which is not secret.
		invalid: func(r *rand.Rand) string { return "pk_live_" + randChars(r, alnum, 24+r.IntN(76)) },
		context: []string{"stripe_secret_key"},
	},
	"google_api_key": {
		// Google Cloud documentation: AIza and 35 characters.
		valid:   func(r *rand.Rand) string { return "AIza" + randChars(r, alnum+"-_", 35) },
		invalid: func(r *rand.Rand) string { return "AIza" + randChars(r, alnum, 28) },
		context: []string{"google_api_key"},
	},
	"private_key": {
		// RFC 7468: BEGIN and END lines around base64 lines of 64.
		valid: func(r *rand.Rand) string {
			return pemBlock(r, pickR(r, "RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"))
		},
		invalid: func(r *rand.Rand) string { return pemBlock(r, pickR(r, "PUBLIC KEY", "CERTIFICATE")) },
	},
	"jwt": {
		// RFC 7519: base64url header with "alg", payload, signature.
		valid: func(r *rand.Rand) string {
			header := pickR(r, `{"alg":"HS256","typ":"JWT"}`, `{"alg":"RS256","kid":"`+randChars(r, hexLow, 16)+`"}`)
			return jwtOf(r, header)
		},
		// A header without "alg": no JWS.
		invalid: func(r *rand.Rand) string { return jwtOf(r, `{"typ":"JWT","cty":"json"}`) },
		context: []string{"Authorization: Bearer", "id_token"},
	},
	"api_key": {
		// A secret-like key name with a random value (the generic
		// assignment detector's definition).
		valid: func(r *rand.Rand) string { return randChars(r, alnum+"-_", 20+r.IntN(21)) },
		invalid: func(r *rand.Rand) string {
			return pickR(r, "DefaultAccessTokenProvider", "/etc/ssl/private/server.key", "https://auth.example.com/oauth/token")
		},
		context:      []string{"api_key", "client_secret", "auth_token", "db_password"},
		needsContext: true,
		assignOnly:   true,
	},
}

// GitHubToken returns a classic GitHub token: the prefix, the 30-character
// body and the body's CRC32 in six base62 digits ("Behind GitHub's new
// authentication token formats", GitHub blog, 2021).
func GitHubToken(prefix, body string) string {
	const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	c := crc32.ChecksumIEEE([]byte(body))
	var sum [6]byte
	for i := 5; i >= 0; i-- {
		sum[i] = digits[c%62]
		c /= 62
	}
	return prefix + body + string(sum[:])
}

// pemBlock returns a PEM block of label with a random body.
func pemBlock(r *rand.Rand, label string) string {
	raw := make([]byte, 48*(4+r.IntN(9)))
	for i := range raw {
		raw[i] = byte(r.Uint32() & 0xff)
	}
	body := base64.StdEncoding.EncodeToString(raw)
	var b strings.Builder
	b.WriteString("-----BEGIN " + label + "-----\n")
	for len(body) > 64 {
		b.WriteString(body[:64] + "\n")
		body = body[64:]
	}
	b.WriteString(body + "\n-----END " + label + "-----")
	return b.String()
}

// jwtOf returns a JWT with header, a small payload and a signature.
func jwtOf(r *rand.Rand, header string) string {
	enc := base64.RawURLEncoding
	payload := fmt.Sprintf(`{"sub":"%s","name":"%s","iat":%d}`, randChars(r, decimal, 10), pickR(r, firstNames...), 1700000000+r.IntN(1e8))
	sig := make([]byte, 32)
	for i := range sig {
		sig[i] = byte(r.Uint32() & 0xff)
	}
	return enc.EncodeToString([]byte(header)) + "." + enc.EncodeToString([]byte(payload)) + "." + enc.EncodeToString(sig)
}

func randChars(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

func pickR(r *rand.Rand, xs ...string) string { return xs[r.IntN(len(xs))] }
