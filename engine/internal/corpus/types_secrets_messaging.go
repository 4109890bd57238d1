package corpus

import (
	"fmt"
	"math/rand/v2"
)

// Messaging and email credentials (engine/detect/secrets/messaging).
func init() {
	RegisterType(TypeGen{
		Type: "twilio_account_sid", NeedsContext: true,
		Context: []string{"Twilio account SID", "TWILIO_ACCOUNT_SID", "AccountSid"},
		Valid:   func(r *rand.Rand) string { return "AC" + provRand(r, provHex, 32) },
		Invalid: func(r *rand.Rand) string { return "AC" + provRand(r, provHex, 30) },
		Check:   provCheck(`AC[0-9a-f]{32}`),
	})
	RegisterType(TypeGen{
		Type: "twilio_api_key", NeedsContext: true,
		Context: []string{"TWILIO_API_KEY", "TWILIO_API_KEY_SID", "TWILIO_API_SID"},
		Valid:   func(r *rand.Rand) string { return "SK" + provRand(r, provHex, 32) },
		Invalid: func(r *rand.Rand) string { return "SK" + provRand(r, provHex, 31) },
		Check:   provCheck(`SK[0-9a-f]{32}`),
	})
	RegisterType(TypeGen{
		Type: "twilio_auth_token", NeedsContext: true,
		Context: []string{"TWILIO_AUTH_TOKEN", "TWILIO_TOKEN"},
		Valid:   func(r *rand.Rand) string { return provRand(r, provHex, 32) },
		Invalid: func(r *rand.Rand) string { return provRand(r, provHex, 28) },
		Check:   provCheck(`[0-9a-f]{32}`),
	})
	RegisterType(TypeGen{
		Type: "twilio_api_key_secret", NeedsContext: true,
		Context: []string{"TWILIO_API_SECRET", "TWILIO_API_KEY_SECRET"},
		Valid:   func(r *rand.Rand) string { return provRand(r, provAlnum, 32) },
		Invalid: func(r *rand.Rand) string { return provRand(r, provAlnum, 27) },
		Check:   provCheck(`[A-Za-z0-9]{32}`),
	})
	RegisterType(TypeGen{
		Type:    "sendgrid_api_key",
		Context: []string{"SENDGRID_API_KEY", "SendGrid key", "sendgrid"},
		Valid:   func(r *rand.Rand) string { return "SG." + provRand(r, provURL, 22) + "." + provRand(r, provURL, 43) },
		Invalid: func(r *rand.Rand) string { return "SG." + provRand(r, provURL, 22) + "." + provRand(r, provURL, 30) },
		Check:   provCheck(`SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}`),
	})
	RegisterType(TypeGen{
		Type:    "mailgun_api_key",
		Context: []string{"MAILGUN_API_KEY", "Mailgun key", "mailgun"},
		Valid:   func(r *rand.Rand) string { return "key-" + provRand(r, provHex, 32) },
		Invalid: func(r *rand.Rand) string { return "key-" + provRand(r, provHex, 24) },
		Check:   provCheck(`key-[0-9a-f]{32}`),
	})
	RegisterType(TypeGen{
		Type:    "mailchimp_api_key",
		Context: []string{"MAILCHIMP_API_KEY", "Mailchimp key", "apikey"},
		Valid:   func(r *rand.Rand) string { return provRand(r, provHex, 32) + fmt.Sprintf("-us%d", 1+r.IntN(21)) },
		Invalid: func(r *rand.Rand) string { return provRand(r, provHex, 30) + fmt.Sprintf("-us%d", 1+r.IntN(21)) },
		Check:   provCheck(`[0-9a-f]{32}-us[0-9]{1,2}`),
	})
	RegisterType(TypeGen{
		Type: "postmark_server_token", NeedsContext: true,
		Context: []string{"X-Postmark-Server-Token", "POSTMARK_SERVER_TOKEN", "POSTMARK_API_TOKEN"},
		Valid:   func(r *rand.Rand) string { return provUUID(r, "-") },
		Invalid: func(r *rand.Rand) string { return provCut(provUUID(r, "-")) },
		Check:   provCheck(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`),
	})
	RegisterType(TypeGen{
		Type: "postmark_account_token", NeedsContext: true,
		Context: []string{"X-Postmark-Account-Token", "POSTMARK_ACCOUNT_TOKEN"},
		Valid:   func(r *rand.Rand) string { return provUUID(r, "-") },
		Invalid: func(r *rand.Rand) string { return provCut(provUUID(r, "-")) },
		Check:   provCheck(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`),
	})
	RegisterType(TypeGen{
		Type: "telegram_bot_token", NeedsContext: true,
		Context: []string{"Telegram bot token", "TELEGRAM_BOT_TOKEN", "telegram"},
		Valid: func(r *rand.Rand) string {
			return fmt.Sprint(1+r.IntN(9)) + provRand(r, provDigits, 7+r.IntN(3)) + ":AA" + provRand(r, provURL, 33)
		},
		Invalid: func(r *rand.Rand) string {
			return fmt.Sprint(1+r.IntN(9)) + provRand(r, provDigits, 8) + ":AA" + provRand(r, provURL, 30)
		},
		Check: provCheck(`[1-9][0-9]{5,11}:[A-Za-z0-9_-]{35}`),
	})
	RegisterType(TypeGen{
		Type: "discord_bot_token", NeedsContext: true,
		Context: []string{"DISCORD_BOT_TOKEN", "DISCORD_TOKEN"},
		Valid: func(r *rand.Rand) string {
			id := fmt.Sprint(1+r.IntN(9)) + provRand(r, provDigits, 17+r.IntN(2))
			return provB64URL(id) + "." + provRand(r, provURL, 6) + "." + provRand(r, provURL, 38)
		},
		Invalid: func(r *rand.Rand) string {
			return provB64URL(provRand(r, provAlnum, 18)) + "." + provRand(r, provURL, 6) + "." + provRand(r, provURL, 38)
		},
		Check: func(v string) bool { return discordCheck(v) },
	})
	RegisterType(TypeGen{
		Type:    "discord_webhook_url",
		Context: []string{"Discord webhook", "DISCORD_WEBHOOK_URL", "webhook"},
		Valid: func(r *rand.Rand) string {
			return "https://" + provPick(r, "discord.com", "discordapp.com", "canary.discord.com") + "/api/webhooks/" +
				fmt.Sprint(1+r.IntN(9)) + provRand(r, provDigits, 17+r.IntN(2)) + "/" + provRand(r, provURL, 68)
		},
		Invalid: func(r *rand.Rand) string {
			return "https://discord.com/api/webhooks/" + fmt.Sprint(1+r.IntN(9)) + provRand(r, provDigits, 17) + "/" + provRand(r, provURL, 30)
		},
		Check: provCheck(`https://[a-z.]*discord(app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,80}`),
	})
	RegisterType(TypeGen{
		Type:    "microsoft_teams_webhook_url",
		Context: []string{"Teams webhook", "TEAMS_WEBHOOK_URL", "webhook"},
		Valid: func(r *rand.Rand) string {
			return "https://" + provPick(r, "contoso", "acme", "fabrikam") + ".webhook.office.com/webhookb2/" + provUUID(r, "-") + "@" +
				provUUID(r, "-") + "/IncomingWebhook/" + provRand(r, provHex, 32) + "/" + provUUID(r, "-")
		},
		Invalid: func(r *rand.Rand) string {
			return "https://contoso.webhook.office.com/webhookb2/" + provUUID(r, "-") + "@" + provUUID(r, "-") +
				"/IncomingWebhook/" + provRand(r, provHex, 30) + "/" + provUUID(r, "-")
		},
		Check: provCheck(`https://[a-z]+\.webhook\.office\.com/webhookb2/[0-9a-f-]{36}@[0-9a-f-]{36}/IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36}`),
	})
}

// discordCheck reports whether v is three base64url segments whose first
// decodes to a snowflake id (17 to 20 digits), written from Discord's
// token layout.
func discordCheck(v string) bool {
	if !provCheck(`[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,38}`)(v) {
		return false
	}
	var first string
	for i := 0; i < len(v); i++ {
		if v[i] == '.' {
			first = v[:i]
			break
		}
	}
	id, err := base64RawURLDecode(first)
	return err == nil && provCheck(`[1-9][0-9]{16,19}`)(id)
}
