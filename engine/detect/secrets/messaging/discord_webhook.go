package messaging

import (
	"bytes"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Discord webhook URL limits: the webhook id is a snowflake; the token a
// base64url string (68 characters today).
const (
	dwMinToken, dwMaxToken = 60, 80
	// dwMaxLead is how far before the id the URL may start:
	// "https://canary.discordapp.com/api/v10/webhooks/".
	dwMaxLead = 64
	// dwConf outranks a credit card number that the snowflake id may
	// also be (19 digits, Luhn-valid one time in ten): the URL's literal
	// host and path confirm the whole of it.
	dwConf = 0.99
)

// DiscordWebhookURL finds Discord webhook URLs (Discord developer docs,
// "Webhook resource: Execute Webhook",
// https://discord.com/developers/docs/resources/webhook#execute-webhook,
// POST /webhooks/{webhook.id}/{webhook.token}): a discord.com or
// discordapp.com host (with canary. or ptb.), "/api/" with an optional
// version, "webhooks/", the webhook's 17-20 digit snowflake id, "/" and
// its token. Anyone holding the URL can post as the webhook, so the
// whole URL is the secret. The trigger is the id's digit run.
var DiscordWebhookURL = &detect.Detector{
	Name: "discord_webhook_url",
	Types: []detect.Type{{
		Name: "discord_webhook_url", Family: detect.Secret, Confidence: dwConf,
		Confirm: "discord(app).com/api/[vN/]webhooks/<17-20 digit id>/<60-80 base64url token>",
	}},
	Source:      "Discord developer documentation, Webhook resource (Execute Webhook URL)",
	Placeholder: detect.SecretPlaceholder,
	Digits:      &detect.OnDigits{Short: 1<<17 | 1<<18 | 1<<19 | 1<<20, ShortNext: "/", OnShort: findDiscordWebhook},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "hook: https://discord.com/api/webhooks/1153718320457269281/1YcuCbCh4lScW-yejH7z6LBlnvEGm1vb4R1v0iEL20MgKndrQ3FvkRoE85IaRWdsZAdw done",
			Span: "https://discord.com/api/webhooks/1153718320457269281/1YcuCbCh4lScW-yejH7z6LBlnvEGm1vb4R1v0iEL20MgKndrQ3FvkRoE85IaRWdsZAdw", Valid: true},
		{Text: "canary.discordapp.com/api/v10/webhooks/920461738295016473/1YcuCbCh4lScW-yejH7z6LBlnvEGm1vb4R1v0iEL20MgKndrQ3FvkRoE85IaRWdsZAdw",
			Span: "canary.discordapp.com/api/v10/webhooks/920461738295016473/1YcuCbCh4lScW-yejH7z6LBlnvEGm1vb4R1v0iEL20MgKndrQ3FvkRoE85IaRWdsZAdw", Valid: true},
		{Text: "https://discord.com/api/webhooks/4459289983730625889/TIoohlnwqHmfNkCW4U36LZAQwFuI1UsQcYcR4HicAqF8nhKhFfsQOgty-P1wIQx8wPSf",
			Span: "https://discord.com/api/webhooks/4459289983730625889/TIoohlnwqHmfNkCW4U36LZAQwFuI1UsQcYcR4HicAqF8nhKhFfsQOgty-P1wIQx8wPSf", Valid: true},
		{Text: "https://example.com/api/webhooks/1153718320457269281/1YcuCbCh4lScW-yejH7z6LBlnvEGm1vb4R1v0iEL20MgKndrQ3FvkRoE85IaRWdsZAdw"},
		{Text: "https://discord.com/api/webhooks/1153718320457269281/1YcuCbCh4lScW-yejH7z6LBl"},
	},
}

// urlByte reports whether c may stand in the scheme and host part of a
// URL.
func urlByte(c byte) bool { return detect.Is(c, detect.Label) || c == '.' || c == '/' || c == ':' }

// findDiscordWebhook handles the digit run t[i:j].
func findDiscordWebhook(s *detect.Scan, i, j int) {
	t := s.T
	if !detect.HasPrefix(t, i-9, "webhooks/") || j >= len(t) || t[j] != '/' {
		return
	}
	e, ok := shape.Body(t, j+1, dwMinToken, dwMaxToken, shape.URL)
	if !ok || !shape.Mixed(t[j+1:e]) {
		return
	}
	b := i - 9
	for b > 0 && i-b < dwMaxLead && urlByte(t[b-1]) {
		b--
	}
	lead := t[b : i-9]
	api := bytes.Index(lead, []byte("/api/"))
	if api < 0 || !(bytes.HasSuffix(lead[:api], []byte("discord.com")) || bytes.HasSuffix(lead[:api], []byte("discordapp.com"))) {
		return
	}
	if h := bytes.Index(lead, []byte("://")); h >= 0 {
		b += h - schemeLen(lead[:h])
	} else {
		b += hostStart(lead[:api])
	}
	s.Add(0, b, e, dwConf, true)
}

// schemeLen returns the length of the scheme that ends lead (the letters
// before "://").
func schemeLen(lead []byte) int {
	n := 0
	for n < len(lead) && detect.IsAlpha(lead[len(lead)-1-n]) {
		n++
	}
	return n
}

// hostStart returns the index in host of its first label byte after any
// punctuation the walk back took in.
func hostStart(host []byte) int {
	k := len(host)
	for k > 0 && (detect.Is(host[k-1], detect.Label) || host[k-1] == '.') {
		k--
	}
	return k
}
