package corpus

import "math/rand/v2"

// Payment and commerce credentials (engine/detect/secrets/payments).
func init() {
	RegisterType(TypeGen{
		Type: "stripe_publishable_key", NeedsContext: true,
		Context: []string{"publishable key", "STRIPE_PUBLISHABLE_KEY", "Stripe key"},
		Valid: func(r *rand.Rand) string {
			return provPick(r, "pk_live_", "pk_test_") + provRand(r, provAlnum, 24+r.IntN(80))
		},
		Invalid: func(r *rand.Rand) string { return "pk_live_" + provRand(r, provAlnum, 12+r.IntN(10)) },
		Check:   provCheck(`pk_(live|test)_[A-Za-z0-9]{24,247}`),
	})
	RegisterType(TypeGen{
		Type:    "stripe_webhook_secret",
		Context: []string{"webhook secret", "STRIPE_WEBHOOK_SECRET", "signing secret"},
		Valid: func(r *rand.Rand) string {
			if r.IntN(2) == 0 {
				return "whsec_" + provRand(r, provAlnum, 32)
			}
			return "whsec_" + provRand(r, provHex, 64)
		},
		Invalid: func(r *rand.Rand) string { return "whsec_" + provRand(r, provAlnum, 16+r.IntN(14)) },
		Check:   provCheck(`whsec_[A-Za-z0-9]{32,64}`),
	})
	RegisterType(TypeGen{
		Type:    "square_access_token",
		Context: []string{"Square access token", "SQUARE_ACCESS_TOKEN", "square token"},
		Valid: func(r *rand.Rand) string {
			if r.IntN(3) == 0 {
				return "sq0atp-" + provRand(r, provURL, 22)
			}
			return "EAAA" + provRand(r, provURL, 60)
		},
		Invalid: func(r *rand.Rand) string {
			if r.IntN(2) == 0 {
				return "sq0atp-" + provRand(r, provURL, 18)
			}
			return "EAAA" + provRand(r, provURL, 50)
		},
		Check: provCheck(`EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22}`),
	})
	RegisterType(TypeGen{
		Type:    "square_oauth_secret",
		Context: []string{"Square application secret", "SQUARE_APPLICATION_SECRET", "oauth secret"},
		Valid:   func(r *rand.Rand) string { return "sq0csp-" + provRand(r, provURL, 43) },
		Invalid: func(r *rand.Rand) string { return "sq0csp-" + provRand(r, provURL, 30) },
		Check:   provCheck(`sq0csp-[A-Za-z0-9_-]{43}`),
	})
	RegisterType(TypeGen{
		Type:    "braintree_access_token",
		Context: []string{"Braintree access token", "BRAINTREE_ACCESS_TOKEN", "paypal token"},
		Valid: func(r *rand.Rand) string {
			return "access_token$" + provPick(r, "production", "sandbox") + "$" + provRand(r, provLower, 16) + "$" + provRand(r, provHex, 32)
		},
		Invalid: func(r *rand.Rand) string {
			return "access_token$production$" + provRand(r, provLower, 16) + "$" + provRand(r, provHex, 31)
		},
		Check: provCheck(`access_token\$(production|sandbox)\$[a-z0-9]{16}\$[0-9a-f]{32}`),
	})
	shopify := func(typ, prefix string) {
		RegisterType(TypeGen{
			Type:    typ,
			Context: []string{"Shopify token", "X-Shopify-Access-Token", "SHOPIFY_SECRET"},
			Valid:   func(r *rand.Rand) string { return prefix + provRand(r, provHex, 32) },
			Invalid: func(r *rand.Rand) string { return prefix + provRand(r, provHex, 28) },
			Check:   provCheck(prefix + `[0-9a-f]{32}`),
		})
	}
	shopify("shopify_access_token", "shpat_")
	shopify("shopify_shared_secret", "shpss_")
	shopify("shopify_custom_app_access_token", "shpca_")
	shopify("shopify_private_app_access_token", "shppa_")
	RegisterType(TypeGen{
		Type: "adyen_api_key", NeedsContext: true,
		Context: []string{"Adyen API key", "ADYEN_API_KEY", "x-api-key"},
		Valid: func(r *rand.Rand) string {
			return "AQE" + provRand(r, provStd, 70+r.IntN(40)) + "==-" + provRand(r, provStd, 43) + "=-" + provRand(r, provAlnum, 8)
		},
		Invalid: func(r *rand.Rand) string { return "AQE" + provRand(r, provAlnum, 30) },
		Check:   provCheck(`AQE[A-Za-z0-9+/=-]{61,253}`),
	})
	RegisterType(TypeGen{
		Type:    "plaid_access_token",
		Context: []string{"Plaid access token", "PLAID_ACCESS_TOKEN", "item token"},
		Valid: func(r *rand.Rand) string {
			return "access-" + provPick(r, "sandbox", "development", "production") + "-" + provUUID(r, "-")
		},
		Invalid: func(r *rand.Rand) string { return "access-sandbox-" + provCut(provUUID(r, "-")) },
		Check:   provCheck(`access-(sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`),
	})
	RegisterType(TypeGen{
		Type: "plaid_client_secret", NeedsContext: true,
		Context: []string{"PLAID_SECRET", "PLAID_CLIENT_SECRET", "PLAID_SANDBOX_SECRET"},
		Valid:   func(r *rand.Rand) string { return provRand(r, provHex, 30) },
		Invalid: func(r *rand.Rand) string { return provRand(r, provHex, 26) },
		Check:   provCheck(`[0-9a-f]{30}`),
	})
}
