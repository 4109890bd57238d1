package corpus

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
)

// Software-as-a-service credentials (engine/detect/secrets/saas).
func init() {
	// prefixed registers a prefix + body type; short is a body length the
	// format does not allow.
	prefixed := func(typ, prefix, alphabet string, n, short int, expr string, ctx ...string) {
		RegisterType(TypeGen{
			Type:    typ,
			Context: ctx,
			Valid:   func(r *rand.Rand) string { return prefix + provRand(r, alphabet, n) },
			Invalid: func(r *rand.Rand) string { return prefix + provRand(r, alphabet, short) },
			Check:   provCheck(expr),
		})
	}
	RegisterType(TypeGen{
		Type:    "atlassian_api_token",
		Context: []string{"JIRA_API_TOKEN", "Atlassian API token", "confluence token"},
		Valid: func(r *rand.Rand) string {
			return "ATATT3" + provRand(r, provURL, 180) + "=" + provRand(r, provUpHex, 8)
		},
		Invalid: func(r *rand.Rand) string {
			return "ATATT3" + provRand(r, provURL, 180) + "=" + provRand(r, provUpHex, 6)
		},
		Check: provCheck(`ATATT3[A-Za-z0-9_-]{150,250}=[0-9A-F]{8}`),
	})
	prefixed("linear_api_key", "lin_api_", provAlnum, 40, 35, `lin_api_[A-Za-z0-9]{40}`, "LINEAR_API_KEY", "Linear key")
	prefixed("linear_oauth_token", "lin_oauth_", provHex, 64, 59, `lin_oauth_[0-9a-f]{64}`, "LINEAR_TOKEN", "Linear token")
	RegisterType(TypeGen{
		Type:    "notion_integration_token",
		Context: []string{"NOTION_TOKEN", "Notion integration token", "notion"},
		Valid: func(r *rand.Rand) string {
			if r.IntN(2) == 0 {
				return "secret_" + provRand(r, provAlnum, 43)
			}
			return "ntn_" + provRand(r, provAlnum, 46)
		},
		Invalid: func(r *rand.Rand) string { return "secret_" + provRand(r, provAlnum, 36) },
		Check:   provCheck(`secret_[A-Za-z0-9]{43}|ntn_[A-Za-z0-9]{40,50}`),
	})
	RegisterType(TypeGen{
		Type: "airtable_personal_access_token", NeedsContext: true,
		Context: []string{"AIRTABLE_API_KEY", "AIRTABLE_TOKEN", "AIRTABLE_PAT"},
		Valid:   func(r *rand.Rand) string { return "pat" + provRand(r, provAlnum, 14) + "." + provRand(r, provHex, 64) },
		Invalid: func(r *rand.Rand) string { return "pat" + provRand(r, provAlnum, 14) + "." + provRand(r, provHex, 60) },
		Check:   provCheck(`pat[A-Za-z0-9]{14}\.[0-9a-f]{64}`),
	})
	RegisterType(TypeGen{
		Type: "asana_personal_access_token", NeedsContext: true,
		Context: []string{"ASANA_ACCESS_TOKEN", "Asana token", "asana"},
		Valid: func(r *rand.Rand) string {
			id := func() string { return fmt.Sprint(1+r.IntN(9)) + provRand(r, provDigits, 15) }
			if r.IntN(2) == 0 {
				return "1/" + id() + ":" + provRand(r, provHex, 32)
			}
			return "2/" + id() + "/" + id() + ":" + provRand(r, provHex, 32)
		},
		Invalid: func(r *rand.Rand) string { return "3/" + provRand(r, provDigits, 16) + ":" + provRand(r, provHex, 32) },
		Check:   provCheck(`(1/[0-9]{10,20}|2/[0-9]{10,20}/[0-9]{10,20}):[0-9a-f]{32}`),
	})
	prefixed("figma_personal_access_token", "figd_", provURL, 40, 20, `figd_[A-Za-z0-9_-]{32,64}`, "FIGMA_TOKEN", "X-Figma-Token")
	RegisterType(TypeGen{
		Type: "dropbox_access_token", NeedsContext: true,
		Context: []string{"DROPBOX_ACCESS_TOKEN", "DROPBOX_TOKEN"},
		Valid:   func(r *rand.Rand) string { return "sl." + provPick(r, "", "u.") + provRand(r, provURL, 130+r.IntN(40)) },
		Invalid: func(r *rand.Rand) string { return "sl." + provRand(r, provURL, 60) },
		Check:   provCheck(`sl\.(u\.)?[A-Za-z0-9_-]{100,1000}[A-Za-z0-9_-]*`),
	})
	RegisterType(TypeGen{
		Type: "okta_api_token", NeedsContext: true,
		Context: []string{"OKTA_API_TOKEN", "OKTA_CLIENT_TOKEN", "OKTA_TOKEN"},
		Valid:   func(r *rand.Rand) string { return "00" + provRand(r, provURL, 40) },
		Invalid: func(r *rand.Rand) string { return "00" + provRand(r, provURL, 36) },
		Check:   provCheck(`00[A-Za-z0-9_-]{40}`),
	})
	RegisterType(TypeGen{
		Type: "auth0_client_secret", NeedsContext: true,
		Context: []string{"AUTH0_CLIENT_SECRET", "AUTH0_SECRET"},
		Valid:   func(r *rand.Rand) string { return provRand(r, provURL, 64) },
		Invalid: func(r *rand.Rand) string { return provRand(r, provURL, 58) },
		Check:   provCheck(`[A-Za-z0-9_-]{64}`),
	})
	prefixed("twitch_access_token", "oauth:", provLower, 30, 25, `oauth:[a-z0-9]{30}`, "TWITCH_OAUTH", "Twitch chat password", "PASS")
	RegisterType(TypeGen{
		Type: "twitch_client_secret", NeedsContext: true,
		Context: []string{"TWITCH_CLIENT_SECRET", "TWITCH_SECRET"},
		Valid:   func(r *rand.Rand) string { return provRand(r, provLower, 30) },
		Invalid: func(r *rand.Rand) string { return provRand(r, provLower, 26) },
		Check:   provCheck(`[a-z0-9]{30}`),
	})
	RegisterType(TypeGen{
		Type: "zendesk_api_token", NeedsContext: true,
		Context: []string{"ZENDESK_API_TOKEN", "ZENDESK_TOKEN"},
		Valid:   func(r *rand.Rand) string { return provRand(r, provAlnum, 40) },
		Invalid: func(r *rand.Rand) string { return provRand(r, provAlnum, 36) },
		Check:   provCheck(`[A-Za-z0-9]{40}`),
	})
	RegisterType(TypeGen{
		Type:    "intercom_access_token",
		Context: []string{"INTERCOM_ACCESS_TOKEN", "Intercom token", "intercom"},
		Valid:   func(r *rand.Rand) string { return provB64("tok:" + provUUID(r, "_") + ":1:0") },
		Invalid: func(r *rand.Rand) string { return provB64("tok:" + provRand(r, provAlnum, 30) + ":1:0") },
		Check: func(v string) bool {
			d, err := base64StdDecode(v)
			return err == nil && provCheck(`tok:[0-9a-f]{8}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{12}:1:0`)(d)
		},
	})
	prefixed("contentful_personal_access_token", "CFPAT-", provURL, 43, 38, `CFPAT-[A-Za-z0-9_-]{43}`, "CONTENTFUL_MANAGEMENT_TOKEN", "Contentful token")
	doppler := func(typ, infix string) {
		RegisterType(TypeGen{
			Type: typ, NeedsContext: true,
			Context: []string{"DOPPLER_TOKEN", "DOPPLER_SERVICE_TOKEN"},
			Valid:   func(r *rand.Rand) string { return "dp." + infix + provRand(r, provAlnum, 43) },
			Invalid: func(r *rand.Rand) string { return "dp." + infix + provRand(r, provAlnum, 30) },
			Check:   provCheck(`dp\.` + strings.ReplaceAll(infix, ".", `\.`) + `[A-Za-z0-9]{40,44}`),
		})
	}
	doppler("doppler_personal_token", "pt.")
	doppler("doppler_service_token", "st.")
	doppler("doppler_service_account_token", "sa.")
	doppler("doppler_cli_token", "ct.")
	doppler("doppler_scim_token", "scim.")
	doppler("doppler_audit_token", "audit.")
	RegisterType(TypeGen{
		Type:    "onepassword_service_account_token",
		Context: []string{"OP_SERVICE_ACCOUNT_TOKEN", "1Password service account token", "op token"},
		Valid: func(r *rand.Rand) string {
			doc, _ := json.Marshal(map[string]any{
				"signInAddress": provPick(r, "acme", "globex") + ".1password.com", "email": "ci@example.com",
				"secretKey": "A3-" + provRand(r, provUpper, 30), "srpX": provRand(r, provHex, 64),
				"muk": map[string]string{"alg": "A256GCM", "k": provRand(r, provURL, 43)}, "deviceUuid": provRand(r, provLower, 26),
			})
			return "ops_" + provB64URL(string(doc))
		},
		Invalid: func(r *rand.Rand) string { return "ops_" + provB64URL(`{"email":"ci@example.com"}`) },
		Check: func(v string) bool {
			d, err := base64RawURLDecode(strings.TrimPrefix(v, "ops_"))
			return strings.HasPrefix(v, "ops_eyJ") && err == nil && len(v) >= 254 && strings.HasPrefix(d, `{"`)
		},
	})
	RegisterType(TypeGen{
		Type:    "postman_api_key",
		Context: []string{"POSTMAN_API_KEY", "Postman key", "X-API-Key"},
		Valid:   func(r *rand.Rand) string { return "PMAK-" + provRand(r, provHex, 24) + "-" + provRand(r, provHex, 34) },
		Invalid: func(r *rand.Rand) string { return "PMAK-" + provRand(r, provHex, 24) + "-" + provRand(r, provHex, 30) },
		Check:   provCheck(`PMAK-[0-9a-f]{24}-[0-9a-f]{34}`),
	})
	RegisterType(TypeGen{
		Type:    "netlify_access_token",
		Context: []string{"NETLIFY_AUTH_TOKEN", "Netlify token", "netlify"},
		Valid: func(r *rand.Rand) string {
			return provPick(r, "nfp_", "nfc_", "nfo_", "nfu_", "nfb_") + provRand(r, provAlnum, 36)
		},
		Invalid: func(r *rand.Rand) string { return "nfp_" + provRand(r, provAlnum, 30) },
		Check:   provCheck(`nf[pcoub]_[A-Za-z0-9]{36}`),
	})
	RegisterType(TypeGen{
		Type:    "vercel_access_token",
		Context: []string{"VERCEL_TOKEN", "Vercel token", "vercel"},
		Valid: func(r *rand.Rand) string {
			return provPick(r, "vcp_", "vci_", "vca_", "vcr_") + provRand(r, provAlnum, 24+r.IntN(24))
		},
		Invalid: func(r *rand.Rand) string { return "vcp_" + provRand(r, provAlnum, 16) },
		Check:   provCheck(`vc[piar]_[A-Za-z0-9]{24,64}`),
	})
	prefixed("vercel_api_key", "vck_", provAlnum, 32, 16, `vck_[A-Za-z0-9]{24,64}`, "VERCEL_API_KEY", "Vercel key")
	RegisterType(TypeGen{
		Type:    "flyio_macaroon_token",
		Context: []string{"FLY_API_TOKEN", "Fly.io token", "fly"},
		Valid: func(r *rand.Rand) string {
			return provPick(r, "", "FlyV1 ") + "fm2_" + provRand(r, provStd, 120+r.IntN(200)) + provPick(r, "", "=", "==")
		},
		Invalid: func(r *rand.Rand) string { return "fm2_" + provRand(r, provStd, 40) },
		Check:   provCheck(`(FlyV1 )?fm2_[A-Za-z0-9+/]{64,1000}[A-Za-z0-9+/]*={0,3}`),
	})
	prefixed("flyio_access_token", "fo1_", provURL, 43, 38, `fo1_[A-Za-z0-9_-]{43}`, "FLY_ACCESS_TOKEN", "Fly.io token")
	prefixed("supabase_access_token", "sbp_", provHex, 40, 35, `sbp_[0-9a-f]{40}`, "SUPABASE_ACCESS_TOKEN", "Supabase token")
	prefixed("supabase_secret_key", "sb_secret_", provURL, 31, 12, `sb_secret_[A-Za-z0-9_-]{20,64}`, "SUPABASE_SECRET_KEY", "Supabase secret")
	RegisterType(TypeGen{
		Type: "supabase_publishable_key", NeedsContext: true,
		Context: []string{"SUPABASE_PUBLISHABLE_KEY", "publishable key", "Supabase key"},
		Valid:   func(r *rand.Rand) string { return "sb_publishable_" + provRand(r, provURL, 31) },
		Invalid: func(r *rand.Rand) string { return "sb_publishable_" + provRand(r, provURL, 12) },
		Check:   provCheck(`sb_publishable_[A-Za-z0-9_-]{20,64}`),
	})
	RegisterType(TypeGen{
		Type:    "cloudflare_api_token",
		Context: []string{"CLOUDFLARE_API_TOKEN", "CF_API_TOKEN", "Cloudflare token"},
		Valid: func(r *rand.Rand) string {
			return provPick(r, "cfut_", "cfat_") + provRand(r, provAlnum, 40) + provRand(r, provHex, 8)
		},
		Invalid: func(r *rand.Rand) string { return "cfut_" + provRand(r, provAlnum, 40) + provRand(r, provHex, 5) },
		Check:   provCheck(`cf[ua]t_[A-Za-z0-9]{40}[0-9a-f]{8}`),
	})
	RegisterType(TypeGen{
		Type:    "cloudflare_api_key",
		Context: []string{"CLOUDFLARE_API_KEY", "CF_API_KEY", "X-Auth-Key"},
		Valid:   func(r *rand.Rand) string { return "cfk_" + provRand(r, provAlnum, 40) + provRand(r, provHex, 8) },
		Invalid: func(r *rand.Rand) string { return "cfk_" + provRand(r, provAlnum, 40) + provRand(r, provHex, 5) },
		Check:   provCheck(`cfk_[A-Za-z0-9]{40}[0-9a-f]{8}`),
	})
}
