package corpus

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
)

// Type generators for the cloud-provider secrets
// (engine/detect/secrets/cloud), written from the providers' formats and
// independently of the detectors.

// mixedChars returns n characters of alphabet holding an upper- and a
// lower-case letter.
func mixedChars(r *rand.Rand, alphabet string, n int) string {
	for {
		v := secretChars(r, alphabet, n)
		if strings.ContainsAny(v, secretLetters[:26]) && strings.ContainsAny(v, secretLetters[26:]) {
			return v
		}
	}
}

// bedrockLongTerm returns a long-term Bedrock API key: "ABSK" and the
// base64 of "BedrockAPIKey-<id>-<sep>-<account>:<secret>" (sep "at" is
// right).
func bedrockLongTerm(r *rand.Rand, sep string) string {
	secret := make([]byte, 44)
	for i := range secret {
		secret[i] = byte(r.IntN(256)) // #nosec G115 -- the value is below 256
	}
	cred := fmt.Sprintf("BedrockAPIKey-%s-%s-%012d:%s", secretChars(r, secretLowerAN, 4), sep, r.Int64N(1e12), base64.StdEncoding.EncodeToString(secret))
	return "ABSK" + base64.StdEncoding.EncodeToString([]byte(cred))
}

// bedrockShortTerm returns a short-term Bedrock API key: the base64 of a
// presigned CallWithBearerToken URL after "bedrock-api-key-".
func bedrockShortTerm(r *rand.Rand) string {
	url := "bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA" +
		secretChars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16) + "%2F20250801%2Fus-east-1%2Fbedrock%2Faws4_request&X-Amz-Date=20250801T120000Z" +
		"&X-Amz-Expires=43200&X-Amz-SignedHeaders=host&X-Amz-Signature=" + secretChars(r, secretLowerHex, 64) + "&Version=1"
	return "bedrock-api-key-" + base64.StdEncoding.EncodeToString([]byte(url))
}

// azureStorageKey returns the base64 of n random bytes (64 for a key).
func azureStorageKey(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.IntN(256)) // #nosec G115 -- the value is below 256
	}
	return base64.StdEncoding.EncodeToString(b)
}

// azureUnreserved is the alphabet of Entra ID client secrets.
const azureUnreserved = secretAlnum + "-._~"

func init() {
	RegisterType(TypeGen{
		Type:         "aws_secret_access_key",
		Valid:        func(r *rand.Rand) string { return mixedChars(r, secretBase64, 40) },
		Invalid:      func(r *rand.Rand) string { return mixedChars(r, secretBase64, 39) },
		Context:      []string{"AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY"},
		NeedsContext: true,
	})
	RegisterType(TypeGen{
		Type: "aws_bedrock_api_key",
		Valid: func(r *rand.Rand) string {
			if r.IntN(2) == 0 {
				return bedrockShortTerm(r)
			}
			return bedrockLongTerm(r, "at")
		},
		Invalid: func(r *rand.Rand) string { return bedrockLongTerm(r, "on") },
		Context: []string{"AWS_BEARER_TOKEN_BEDROCK", "Bearer"},
		Check: func(v string) bool {
			return strings.HasPrefix(v, "ABSKQmVkcm9ja0FQSUtleS") || strings.HasPrefix(v, "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbi")
		},
	})
	RegisterType(TypeGen{
		Type:         "azure_storage_account_key",
		Valid:        func(r *rand.Rand) string { return azureStorageKey(r, 64) },
		Invalid:      func(r *rand.Rand) string { return azureStorageKey(r, 63) },
		Context:      []string{"AZURE_STORAGE_KEY", "AZURE_STORAGE_ACCOUNT_KEY"},
		NeedsContext: true,
	})
	RegisterType(TypeGen{
		Type: "azure_ad_client_secret",
		Valid: func(r *rand.Rand) string {
			return secretChars(r, secretAlnum, 1) + secretChars(r, azureUnreserved, 2) + "8Q~" + secretChars(r, azureUnreserved, 33) + secretChars(r, secretAlnum, 1)
		},
		Invalid: func(r *rand.Rand) string {
			return secretChars(r, secretAlnum, 3) + "8Q~" + secretChars(r, azureUnreserved, 32) + secretChars(r, secretAlnum, 1)
		},
		Context: []string{"AZURE_CLIENT_SECRET", "client secret"},
		Check:   matches(`[A-Za-z0-9._~-]{3}8Q~[A-Za-z0-9._~-]{34}`),
	})
	RegisterType(TypeGen{
		Type:         "gcp_service_account_key",
		Valid:        func(r *rand.Rand) string { return secretChars(r, secretLowerHex, 40) },
		Invalid:      func(r *rand.Rand) string { return secretChars(r, secretLowerHex, 39) },
		Context:      []string{`"type": "service_account", "private_key_id`},
		NeedsContext: true,
	})
	for _, k := range []struct{ typ, prefix string }{
		{"digitalocean_personal_access_token", "dop_v1_"},
		{"digitalocean_oauth_token", "doo_v1_"},
		{"digitalocean_refresh_token", "dor_v1_"},
	} {
		RegisterType(TypeGen{
			Type:    k.typ,
			Valid:   func(r *rand.Rand) string { return k.prefix + secretChars(r, secretLowerHex, 64) },
			Invalid: func(r *rand.Rand) string { return k.prefix + secretChars(r, secretLowerHex, 63) },
			Context: []string{"DIGITALOCEAN_ACCESS_TOKEN", "token"},
			Check:   matches(k.prefix + `[0-9a-f]{64}`),
		})
	}
	RegisterType(TypeGen{
		Type:    "heroku_api_key",
		Valid:   func(r *rand.Rand) string { return "HRKU-AA" + secretChars(r, secretURLSafe, 58) },
		Invalid: func(r *rand.Rand) string { return "HRKU-AA" + secretChars(r, secretURLSafe, 57) },
		Context: []string{"HEROKU_API_KEY", "token"},
		Check:   matches(`HRKU-AA[A-Za-z0-9_-]{58}`),
	})
	RegisterType(TypeGen{
		Type: "alibaba_access_key_id",
		Valid: func(r *rand.Rand) string {
			return "LTAI" + secretChars(r, "0123456789", 1) + secretChars(r, secretAlnum, 18) + secretChars(r, secretLetters, 1)
		},
		Invalid:      func(r *rand.Rand) string { return "LTAI" + secretChars(r, secretAlnum, 8) },
		Context:      []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY"},
		NeedsContext: true,
		Check:        matches(`LTAI[A-Za-z0-9]{12,20}`),
	})
	RegisterType(TypeGen{
		Type:         "alibaba_access_key_secret",
		Valid:        func(r *rand.Rand) string { return mixedChars(r, secretAlnum, 30) },
		Invalid:      func(r *rand.Rand) string { return mixedChars(r, secretAlnum, 29) },
		Context:      []string{"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY"},
		NeedsContext: true,
	})
	RegisterType(TypeGen{
		Type:         "ibm_cloud_api_key",
		Valid:        func(r *rand.Rand) string { return secretChars(r, secretURLSafe, 44) },
		Invalid:      func(r *rand.Rand) string { return secretChars(r, secretURLSafe, 43) },
		Context:      []string{"IBMCLOUD_API_KEY", "IC_API_KEY"},
		NeedsContext: true,
	})
}
