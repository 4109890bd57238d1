package engine

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/crypto"
	"github.com/datafog/datafog-api/engine/detect/financial"
	"github.com/datafog/datafog-api/engine/detect/ids"
	"github.com/datafog/datafog-api/engine/detect/network"
	"github.com/datafog/datafog-api/engine/detect/pii"
	"github.com/datafog/datafog-api/engine/detect/secrets"
	"github.com/datafog/datafog-api/engine/detect/secrets/data"
	"github.com/datafog/datafog-api/engine/detect/secrets/messaging"
	"github.com/datafog/datafog-api/engine/detect/secrets/payments"
	"github.com/datafog/datafog-api/engine/detect/secrets/saas"
)

// registry lists every built-in detector. Adding a detector is adding its
// file under detect/<family>/ and one line here. The order of first
// appearance of each entity type is the tie-break order between
// overlapping candidates of equal standing (earlier wins); the first 24
// types keep the order of the external contract's table.
var registry = []*detect.Detector{
	pii.Email,
	pii.Phone,
	ids.SSN,
	financial.CreditCard,
	secrets.APIKey,
	network.IPv4,
	network.IPv6,
	pii.Date,
	pii.ZipCode,
	financial.IBAN,
	financial.BankRouting,
	network.MAC,
	secrets.AWSAccessKey,
	secrets.GitHubToken,
	secrets.SlackToken,
	secrets.StripeKey,
	secrets.GoogleAPIKey,
	secrets.PrivateKey,
	secrets.JWT,
	crypto.Bitcoin,
	crypto.Ethereum,
	ids.UKNHSNumber,
	ids.CASIN,
	ids.USNPI,
	ids.INAadhaar,

	// Secrets (issue 14): payments and commerce.
	payments.StripePublishableKey,
	payments.StripeWebhookSecret,
	payments.Square,
	payments.BraintreeAccessToken,
	payments.Shopify,
	payments.AdyenAPIKey,
	payments.PlaidAccessToken,
	payments.PlaidClientSecret,

	// Secrets (issue 14): messaging and email.
	messaging.TwilioSID,
	messaging.TwilioAuthToken,
	messaging.TwilioAPIKeySecret,
	messaging.SendGridAPIKey,
	messaging.MailgunAPIKey,
	messaging.MailchimpAPIKey,
	messaging.Postmark,
	messaging.TelegramBotToken,
	messaging.DiscordBotToken,
	messaging.DiscordWebhookURL,
	messaging.MicrosoftTeamsWebhookURL,

	// Secrets (issue 14): observability and data.
	data.DatadogAPIKey,
	data.DatadogAppKey,
	data.NewRelic,
	data.SentryDSN,
	data.SentryAuthToken,
	data.Grafana,
	data.PagerDutyAPIKey,
	data.DatabricksToken,
	data.ConfluentAPIKey,
	data.ConfluentAPISecret,
	data.ConnectionPassword,
	data.ElasticAPIKey,
	data.ElasticCloudID,

	// Secrets (issue 14): software as a service.
	saas.AtlassianAPIToken,
	saas.Linear,
	saas.NotionIntegrationToken,
	saas.AirtablePersonalAccessToken,
	saas.AsanaPersonalAccessToken,
	saas.FigmaPersonalAccessToken,
	saas.DropboxAccessToken,
	saas.OktaAPIToken,
	saas.Auth0ClientSecret,
	saas.TwitchAccessToken,
	saas.TwitchClientSecret,
	saas.ZendeskAPIToken,
	saas.IntercomAccessToken,
	saas.ContentfulPersonalAccessToken,
	saas.Doppler,
	saas.OnePasswordServiceAccountToken,
	saas.PostmanAPIKey,
	saas.NetlifyAccessToken,
	saas.Vercel,
	saas.VercelLegacyToken,
	saas.FlyIO,
	saas.Supabase,
	saas.Cloudflare,
	saas.CloudflareLegacy,
}
