package cloud

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/internal/tokenshape"
)

// DigitalOcean tokens (DigitalOcean documentation, "How to Create a
// Personal Access Token", and the token prefix announcement on the
// DigitalOcean blog, 2022): "dop_v1_" personal access tokens, "doo_v1_"
// OAuth access tokens and "dor_v1_" OAuth refresh tokens, each followed
// by 64 lower-case hexadecimal digits.

// digitalOceanBody is the 64-digit body every DigitalOcean token has.
var digitalOceanBody = &tokenshape.Prefixed{Min: 64, Max: 64, Class: detect.Alnum, Conf: 0.97, Check: tokenshape.LowerHex}

// digitalOceanDetector declares the detector of one kind of token.
func digitalOceanDetector(typ, prefix string, examples []detect.Example) *detect.Detector {
	return &detect.Detector{
		Name: typ,
		Types: []detect.Type{{
			Name: typ, Family: detect.Secret, Confidence: 0.97,
			Confirm: prefix + " + 64 lower-case hex digits",
		}},
		Source:      "DigitalOcean documentation, How to Create a Personal Access Token (dop_v1_, doo_v1_, dor_v1_ prefixes)",
		Placeholder: detect.SecretPlaceholder,
		Prefixes:    &detect.OnPrefix{Literals: []string{prefix}, Find: digitalOceanBody.Find},
		Examples:    examples,
	}
}

// DigitalOceanPersonalAccessToken finds "dop_v1_" personal access tokens.
var DigitalOceanPersonalAccessToken = digitalOceanDetector("digitalocean_personal_access_token", "dop_v1_", []detect.Example{
	{Text: "DIGITALOCEAN_ACCESS_TOKEN=dop_v1_988b886e7577496a2c8773e130f7eb19731662b5e803b61ba4168160adb59261", Span: "dop_v1_988b886e7577496a2c8773e130f7eb19731662b5e803b61ba4168160adb59261", Valid: true},
	{Text: "doctl auth init -t dop_v1_572b85a8e48f687ab165c58ac5831be38cb8cb4ba2e751989a01749ddb14f710", Span: "dop_v1_572b85a8e48f687ab165c58ac5831be38cb8cb4ba2e751989a01749ddb14f710", Valid: true},
	{Text: "DIGITALOCEAN_ACCESS_TOKEN=dop_v1_988b886e7577496a2c8773e130f7eb19731662b5e803b61ba4168160adb5926"},
	{Text: "DIGITALOCEAN_ACCESS_TOKEN=dop_v2_988b886e7577496a2c8773e130f7eb19731662b5e803b61ba4168160adb59261"},
})
