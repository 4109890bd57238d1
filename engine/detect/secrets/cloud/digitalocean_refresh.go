package cloud

import "github.com/datafog/datafog-api/engine/detect"

// DigitalOceanRefreshToken finds "dor_v1_" OAuth refresh tokens (see
// digitalocean.go).
var DigitalOceanRefreshToken = digitalOceanDetector("digitalocean_refresh_token", "dor_v1_", []detect.Example{
	{Text: `"refresh_token": "dor_v1_c6f561c5cb347611a3ce9d97dcbee500fe7ee5fc324bdb2e1142a21c402364f9"`, Span: "dor_v1_c6f561c5cb347611a3ce9d97dcbee500fe7ee5fc324bdb2e1142a21c402364f9", Valid: true},
	{Text: "refresh dor_v1_713a818d8962058765a6ca7cff00d796c25410335b400141212b62c376631129 now", Span: "dor_v1_713a818d8962058765a6ca7cff00d796c25410335b400141212b62c376631129", Valid: true},
	{Text: "refresh dor_v1_713a818d8962058765a6ca7cff00d796c25410335b400141212b62c3766311290 now"},
	{Text: "refresh dor_v1_713a818d8962058765a6ca7cff00d796c25410335b400141212b62c37663112g now"},
})
