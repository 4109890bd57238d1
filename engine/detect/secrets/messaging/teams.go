package messaging

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// MicrosoftTeamsWebhookURL finds Microsoft Teams incoming webhook URLs
// (Microsoft Learn, "Create an Incoming Webhook",
// https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook):
// https://<tenant>.webhook.office.com/webhookb2/<group id>@<tenant id>/IncomingWebhook/<32 hex>/<connector id>,
// the ids UUIDs, with the "/V2<base64url>" suffix of newer URLs (and the
// older outlook.office.com host). Anyone holding the URL can post to the
// channel, so the whole URL is the secret. The trigger is the ':' of
// "://" (a trigger byte already).
var MicrosoftTeamsWebhookURL = &detect.Detector{
	Name: "microsoft_teams_webhook_url",
	Types: []detect.Type{{
		Name: "microsoft_teams_webhook_url", Family: detect.Secret, Confidence: 0.97,
		Confirm: "https://<tenant>.webhook.office.com/webhookb2/<uuid>@<uuid>/IncomingWebhook/<32 hex>/<uuid>[/V2…]",
	}},
	Source:      "Microsoft Learn, Create an Incoming Webhook (Teams connector URL)",
	Placeholder: detect.SecretPlaceholder,
	Bytes:       []detect.OnByte{{Byte: ':', After: detect.NumGlue, Find: findTeams}},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "url = https://contoso.webhook.office.com/webhookb2/7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b@de3ce8ef-33f8-452c-a685-8671031fc0f6/IncomingWebhook/ed2d8f598271fc0ed9adb98a5c1df882/3c9b1e7a-2d4f-4a8e-b9c2-0f1e3d5a7c9b",
			Span: "https://contoso.webhook.office.com/webhookb2/7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b@de3ce8ef-33f8-452c-a685-8671031fc0f6/IncomingWebhook/ed2d8f598271fc0ed9adb98a5c1df882/3c9b1e7a-2d4f-4a8e-b9c2-0f1e3d5a7c9b", Valid: true},
		{Text: "https://contoso.webhook.office.com/webhookb2/7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b@de3ce8ef-33f8-452c-a685-8671031fc0f6/IncomingWebhook/ed2d8f598271fc0ed9adb98a5c1df882/3c9b1e7a-2d4f-4a8e-b9c2-0f1e3d5a7c9b/V2XBHsVo7pJ4aeHoF8f0kJzUslxYULkvfpxcrrL8LgfnP",
			Span: "https://contoso.webhook.office.com/webhookb2/7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b@de3ce8ef-33f8-452c-a685-8671031fc0f6/IncomingWebhook/ed2d8f598271fc0ed9adb98a5c1df882/3c9b1e7a-2d4f-4a8e-b9c2-0f1e3d5a7c9b/V2XBHsVo7pJ4aeHoF8f0kJzUslxYULkvfpxcrrL8LgfnP", Valid: true},
		{Text: "https://contoso.webhook.office.com/webhookb2/7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b@de3ce8ef-33f8-452c-a685-8671031fc0f6/IncomingWebhook/ed2d8f598271fc0ed9adb98a5c1df88/3c9b1e7a-2d4f-4a8e-b9c2-0f1e3d5a7c9b"},
		{Text: "https://contoso.example.com/webhookb2/7b1e2a9c-4d3f-4e8a-9b2c-1f0e3d5a7c9b@de3ce8ef-33f8-452c-a685-8671031fc0f6/IncomingWebhook/ed2d8f598271fc0ed9adb98a5c1df882/3c9b1e7a-2d4f-4a8e-b9c2-0f1e3d5a7c9b"},
	},
}

// teamsHosts are the hosts of Teams incoming webhooks, after the tenant
// label where there is one.
var teamsHosts = [...]string{".webhook.office.com/webhookb2/", "outlook.office.com/webhookb2/", "outlook.office365.com/webhookb2/"}

// findTeams handles ':' at t[p] when '/', '.', ',', '-' or ':' follows
// it.
func findTeams(s *detect.Scan, p int) {
	t := s.T
	if !detect.HasPrefix(t, p-5, "https://") || !shape.Left(t, p-5, shape.Alnum) {
		return
	}
	b := p - 5
	h := p + 3
	g := -1
	for _, host := range teamsHosts {
		if host[0] == '.' {
			l := detect.Span(t, h, 64, detect.Label)
			if l > h && detect.HasPrefix(t, l, host) {
				g = l + len(host)
			}
		} else if detect.HasPrefix(t, h, host) {
			g = h + len(host)
		}
	}
	// g is the group id: <uuid>@<uuid>/IncomingWebhook/<32 hex>/<uuid>.
	if g < 0 || g-p > detect.AnchorSpan || g+74+len("IncomingWebhook")+70 > len(t) || t[g+36] != '@' ||
		!shape.UUIDAt(t, g, '-') || !shape.UUIDAt(t, g+37, '-') || t[g+73] != '/' || !detect.HasPrefix(t, g+74, "IncomingWebhook/") {
		return
	}
	q := g + 74 + len("IncomingWebhook/")
	if !shape.LowerHex(t[q:q+32]) || t[q+32] != '/' || !shape.UUIDAt(t, q+33, '-') {
		return
	}
	e := q + 69
	if detect.HasPrefix(t, e, "/V2") {
		if ve, ok := shape.Body(t, e+3, 20, 128, shape.URL); ok {
			e = ve
		}
	}
	s.Add(0, b, e, 0.97, true)
}
