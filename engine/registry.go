package engine

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/address"
	"github.com/datafog/datafog-api/engine/detect/crypto"
	"github.com/datafog/datafog-api/engine/detect/device"
	"github.com/datafog/datafog-api/engine/detect/financial"
	"github.com/datafog/datafog-api/engine/detect/ids"
	"github.com/datafog/datafog-api/engine/detect/ids/apac"
	"github.com/datafog/datafog-api/engine/detect/ids/de"
	"github.com/datafog/datafog-api/engine/detect/ids/eu"
	"github.com/datafog/datafog-api/engine/detect/ids/uk"
	"github.com/datafog/datafog-api/engine/detect/ids/us"
	"github.com/datafog/datafog-api/engine/detect/ids/world"
	"github.com/datafog/datafog-api/engine/detect/names"
	"github.com/datafog/datafog-api/engine/detect/network"
	"github.com/datafog/datafog-api/engine/detect/pii"
	"github.com/datafog/datafog-api/engine/detect/secrets"
	"github.com/datafog/datafog-api/engine/detect/secrets/ai"
	"github.com/datafog/datafog-api/engine/detect/secrets/ci"
	"github.com/datafog/datafog-api/engine/detect/secrets/cloud"
	"github.com/datafog/datafog-api/engine/detect/secrets/data"
	"github.com/datafog/datafog-api/engine/detect/secrets/messaging"
	"github.com/datafog/datafog-api/engine/detect/secrets/payments"
	"github.com/datafog/datafog-api/engine/detect/secrets/saas"
	"github.com/datafog/datafog-api/engine/detect/vehicle"
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

	// Added after the contract's first table (issue 13).
	secrets.SlackWebhookURL,

	// United States, United Kingdom and Germany (issue 15).
	us.ITIN,
	us.Passport,
	us.DriverLicense,
	us.MBI,
	us.BankNumber,
	us.EIN,
	us.MedicalLicense,
	uk.NINO,
	uk.Passport,
	uk.DrivingLicence,
	uk.Postcode,
	uk.VehicleRegistration,
	de.TaxID,
	de.TaxNumber,
	de.VATID,
	de.IDCard,
	de.Passport,
	de.SocialSecurity,
	de.HealthInsurance,
	de.LANR,
	de.BSNR,
	de.Fuehrerschein,
	de.Kfz,
	de.PLZ,
	de.Handelsregister,

	// Finance, vehicles and devices (issue 15).
	financial.SwiftBIC,
	financial.LEI,
	financial.ISIN,
	financial.CUSIP,
	vehicle.VIN,
	device.IMEI,

	// URLs (issue 15).
	pii.URL,
	// Secrets: code hosting, CI and package registries (issue 14).
	ci.GitLabPersonalAccessToken,
	ci.GitLabDeployToken,
	ci.GitLabRunnerToken,
	ci.GitLabPipelineTriggerToken,
	ci.GitLabFeedToken,
	ci.GitLabIncomingMailToken,
	ci.GitLabAgentToken,
	ci.GitLabCIJobToken,
	ci.GitLabOAuthAppSecret,
	ci.GitLabSCIMToken,
	ci.GitLabFeatureFlagClientToken,
	ci.BitbucketAppPassword,
	ci.BitbucketAccessToken,
	ci.CircleCIPersonalAPIToken,
	ci.CircleCIProjectAPIToken,
	ci.TravisAPIToken,
	ci.BuildkiteAPIToken,
	ci.NpmToken,
	ci.PyPIAPIToken,
	ci.RubyGemsAPIKey,
	ci.NuGetAPIKey,
	ci.DockerHubPersonalAccessToken,
	ci.JFrogAPIKey,
	ci.JFrogReferenceToken,
	ci.VaultServiceToken,
	ci.VaultBatchToken,
	ci.VaultRecoveryToken,
	ci.TerraformCloudAPIToken,

	// Secrets: cloud providers (issue 14).
	cloud.AWSSecretAccessKey,
	cloud.AWSBedrockAPIKey,
	cloud.AzureStorageAccountKey,
	cloud.AzureADClientSecret,
	cloud.GCPServiceAccountKey,
	cloud.DigitalOceanPersonalAccessToken,
	cloud.DigitalOceanOAuthToken,
	cloud.DigitalOceanRefreshToken,
	cloud.HerokuAPIKey,
	cloud.AlibabaAccessKeyID,
	cloud.AlibabaAccessKeySecret,
	cloud.IBMCloudAPIKey,

	// Secrets: AI services (issue 14).
	ai.OpenAIAPIKey,
	ai.OpenAIServiceAccountKey,
	ai.OpenAIAdminKey,
	ai.AnthropicAPIKey,
	ai.AnthropicAdminKey,
	ai.HuggingFaceAccessToken,
	ai.CohereAPIKey,
	ai.ReplicateAPIToken,
	ai.GroqAPIKey,
	ai.MistralAPIKey,
	ai.PerplexityAPIKey,
	ai.OpenRouterAPIKey,
	ai.XAIAPIKey,
	ai.LangSmithAPIKey,
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
	// European national identifiers (issue 15).
	eu.ESNIF,
	eu.ESNIE,
	eu.ESPassport,
	eu.ITFiscalCode,
	eu.ITVATCode,
	eu.ITIdentityCard,
	eu.ITPassport,
	eu.ITDriverLicense,
	eu.FRNIR,
	eu.FRSIREN,
	eu.FRSIRET,
	eu.NLBSN,
	eu.BENationalNumber,
	eu.PLPESEL,
	eu.PLNIP,
	eu.SEPersonnummer,
	eu.SEOrganisationsnummer,
	eu.FIPersonalIdentityCode,
	eu.NOFodselsnummer,
	eu.DKCPR,
	eu.CHAHV,
	eu.ATSVNR,
	eu.IEPPSN,
	eu.PTNIF,
	eu.CZBirthNumber,
	eu.ROCNP,
	eu.EUVATID,
	// National identifiers: Asia-Pacific (issue 15).
	apac.KRRRN,
	apac.KRFRN,
	apac.KRBRN,
	apac.KRPassport,
	apac.KRDriverLicense,
	apac.INPAN,
	apac.INGSTIN,
	apac.INPassport,
	apac.INVoter,
	apac.INVehicleRegistration,
	apac.SGNRICFIN,
	apac.SGUEN,
	apac.AUTFN,
	apac.AUABN,
	apac.AUACN,
	apac.AUMedicare,
	apac.THTNIN,
	apac.PHTIN,
	apac.JPMyNumber,
	apac.CNResidentID,

	// National identifiers and plates: Türkiye, Nigeria, South Africa,
	// Brazil, Mexico, Israel (issue 15).
	world.TRNationalID,
	world.TRLicensePlate,
	world.NGNIN,
	world.NGVehicleRegistration,
	world.ZAIDNumber,
	world.BRCPF,
	world.BRCNPJ,
	world.MXCURP,
	world.MXRFC,
	world.ILID,
	// Names and addresses (issue 16).
	names.Person,
	address.StreetAddress,
}
