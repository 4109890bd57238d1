package cloud

import "github.com/datafog/datafog-api/engine/detect"

// DigitalOceanOAuthToken finds "doo_v1_" OAuth access tokens (see
// digitalocean.go).
var DigitalOceanOAuthToken = digitalOceanDetector("digitalocean_oauth_token", "doo_v1_", []detect.Example{
	{Text: "Authorization: Bearer doo_v1_ff2d3c425c8d99d19bdd0b6cc60d5d32cbe54014c2b54b95523cf6941fa1c257", Span: "doo_v1_ff2d3c425c8d99d19bdd0b6cc60d5d32cbe54014c2b54b95523cf6941fa1c257", Valid: true},
	{Text: `"access_token": "doo_v1_10b93b7d946bf54074e3248c801bef750110c57513064d6d59291f0cde2e5738"`, Span: "doo_v1_10b93b7d946bf54074e3248c801bef750110c57513064d6d59291f0cde2e5738", Valid: true},
	{Text: `"access_token": "doo_v1_10B93B7D946BF54074E3248C801BEF750110C57513064D6D59291F0CDE2E5738"`},
	{Text: `"access_token": "doo_v1_10b93b7d946bf54074e3248c801bef750110c57513064d6d59291f0cde2e573"`},
})
