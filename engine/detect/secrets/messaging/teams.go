package messaging

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// MicrosoftTeamsWebhookURL finds Microsoft Teams incoming webhook URLs
// (Microsoft Learn, "Create an Incoming Webhook",
// https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook):
// https://<tenant>.webhook.office.com/webhookb2/<group id>@<tenant id>/IncomingWebhook/<32 hex>/<connector id>,
// the ids UUIDs, with the "/V2<base64url>" suffix of newer URLs. Anyone
// holding the path can post to the channel. The trigger is the '@'
// between the two ids (a trigger byte already), after two hexadecimal
// digits; the finding covers the credential part of the path, from the
// group id to the end (the host, which may be long, lies beyond the
// reach of one anchor).
var MicrosoftTeamsWebhookURL = &detect.Detector{
	Name: "microsoft_teams_webhook_url",
	Types: []detect.Type{{
		Name: "microsoft_teams_webhook_url", Family: detect.Secret, Confidence: 0.97,
		Confirm: "webhookb2/<uuid>@<uuid>/IncomingWebhook/<32 hex>/<uuid>[/V2…] path",
	}},
	Source:      "Microsoft Learn, Create an Incoming Webhook (Teams connector URL)",
	Placeholder: detect.SecretPlaceholder,
	Bytes:       []detect.OnByte{{Byte: '@', Before: detect.Hex, Before2: detect.Hex, Find: findTeams}},
	Examples: []detect.Example{
		{Text: "url = https://contoso.webhook.office.com/webhookb2/7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b@de3ce8ef-33f8-452c-a685-8671031fc0f6/IncomingWebhook/ed2d8f598271fc0ed9adb98a5c1df882/3c9b1e7a-2d4f-4a8e-b9c2-0f1e3d5a7c9b",
			Span: "7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b@de3ce8ef-33f8-452c-a685-8671031fc0f6/IncomingWebhook/ed2d8f598271fc0ed9adb98a5c1df882/3c9b1e7a-2d4f-4a8e-b9c2-0f1e3d5a7c9b", Valid: true},
		{Text: "https://contoso.webhook.office.com/webhookb2/7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b@de3ce8ef-33f8-452c-a685-8671031fc0f6/IncomingWebhook/ed2d8f598271fc0ed9adb98a5c1df882/3c9b1e7a-2d4f-4a8e-b9c2-0f1e3d5a7c9b/V2XBHsVo7pJ4aeHoF8f0kJzUslxYULkvfpxcrrL8LgfnP",
			Span: "7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b@de3ce8ef-33f8-452c-a685-8671031fc0f6/IncomingWebhook/ed2d8f598271fc0ed9adb98a5c1df882/3c9b1e7a-2d4f-4a8e-b9c2-0f1e3d5a7c9b/V2XBHsVo7pJ4aeHoF8f0kJzUslxYULkvfpxcrrL8LgfnP", Valid: true},
		{Text: "https://contoso.webhook.office.com/webhookb2/7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b@de3ce8ef-33f8-452c-a685-8671031fc0f6/IncomingWebhook/ed2d8f598271fc0ed9adb98a5c1df88/3c9b1e7a-2d4f-4a8e-b9c2-0f1e3d5a7c9b"},
		{Text: "the IncomingWebhook connector"},
	},
}

// findTeams handles '@' at t[at] after two hexadecimal digits.
func findTeams(s *detect.Scan, at int) {
	t := s.T
	g := at - 36 // the group id
	if g < 10 || at+37+16 > len(t) || t[at+9] != '-' || t[at+37] != '/' || !detect.HasPrefix(t, g-10, "webhookb2/") ||
		!shape.UUIDAt(t, g, '-') || !shape.UUIDAt(t, at+1, '-') || !detect.HasPrefix(t, at+38, "IncomingWebhook") {
		return
	}
	p := at + 38 + len("IncomingWebhook")
	if p >= len(t) || t[p] != '/' || p+34+36 > len(t) || !shape.LowerHex(t[p+1:p+33]) || t[p+33] != '/' || !shape.UUIDAt(t, p+34, '-') {
		return
	}
	e := p + 70
	if detect.HasPrefix(t, e, "/V2") {
		if ve, ok := shape.Body(t, e+3, 20, 128, shape.URL); ok {
			e = ve
		}
	}
	s.Add(0, g, e, 0.97, true)
}
