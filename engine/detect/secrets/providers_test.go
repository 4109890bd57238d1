package secrets_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine"
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/data"
	"github.com/datafog/datafog-api/engine/detect/secrets/messaging"
	"github.com/datafog/datafog-api/engine/detect/secrets/payments"
	"github.com/datafog/datafog-api/engine/detect/secrets/saas"
)

// providers are the provider detectors of issue 14's payments, messaging,
// data and SaaS families.
var providers = []*detect.Detector{
	payments.StripePublishableKey, payments.StripeWebhookSecret, payments.Square, payments.BraintreeAccessToken,
	payments.Shopify, payments.AdyenAPIKey, payments.PlaidAccessToken, payments.PlaidClientSecret,
	messaging.TwilioSID, messaging.TwilioAuthToken, messaging.TwilioAPIKeySecret, messaging.SendGridAPIKey,
	messaging.MailgunAPIKey, messaging.MailchimpAPIKey, messaging.Postmark, messaging.TelegramBotToken,
	messaging.DiscordBotToken, messaging.DiscordWebhookURL, messaging.MicrosoftTeamsWebhookURL,
	data.DatadogAPIKey, data.DatadogAppKey, data.NewRelic, data.SentryDSN, data.SentryAuthToken, data.Grafana,
	data.PagerDutyAPIKey, data.DatabricksToken, data.ConfluentAPIKey, data.ConfluentAPISecret,
	data.ConnectionPassword, data.ElasticAPIKey, data.ElasticCloudID,
	saas.AtlassianAPIToken, saas.Linear, saas.NotionIntegrationToken, saas.AirtablePersonalAccessToken,
	saas.AsanaPersonalAccessToken, saas.FigmaPersonalAccessToken, saas.DropboxAccessToken, saas.OktaAPIToken,
	saas.Auth0ClientSecret, saas.TwitchAccessToken, saas.TwitchClientSecret, saas.ZendeskAPIToken,
	saas.IntercomAccessToken, saas.ContentfulPersonalAccessToken, saas.Doppler, saas.OnePasswordServiceAccountToken,
	saas.PostmanAPIKey, saas.NetlifyAccessToken, saas.Vercel, saas.VercelLegacyToken, saas.FlyIO, saas.Supabase,
	saas.Cloudflare, saas.CloudflareLegacy,
}

func newEngine(t testing.TB) *engine.Engine {
	t.Helper()
	e, err := engine.New(engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// exampleText joins every provider example, valid and invalid, with
// filler between them, in an order and with separators drawn from seed.
func exampleText(seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 14)) // #nosec G404 -- deterministic test text
	var texts []string
	for _, d := range providers {
		for _, ex := range d.Examples {
			texts = append(texts, ex.Text)
		}
	}
	r.Shuffle(len(texts), func(i, j int) { texts[i], texts[j] = texts[j], texts[i] })
	var b strings.Builder
	for _, s := range texts {
		b.WriteString(s)
		b.WriteString([]string{"\n", " ; ", "\n\nSome prose between the examples, 42 of them.\n", "\t"}[r.IntN(4)])
	}
	return []byte(b.String())
}

// TestProviderTypesCount pins the number of types the provider detectors
// add, that each is named <provider>_<kind> in lower case, and that every
// detector has a placeholder rule and cites its source.
func TestProviderTypesCount(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range providers {
		if d.Placeholder == nil || d.Source == "" {
			t.Errorf("%s: needs a Placeholder and a Source", d.Name)
		}
		for _, typ := range d.Types {
			if typ.Family != detect.Secret || !strings.Contains(typ.Name, "_") || strings.ToLower(typ.Name) != typ.Name {
				t.Errorf("%s: type %q is not a secret named <provider>_<kind>", d.Name, typ.Name)
			}
			seen[typ.Name] = true
		}
	}
	if len(seen) < 55 {
		t.Errorf("%d provider types, want at least 55", len(seen))
	}
	t.Logf("%d provider types from %d detectors", len(seen), len(providers))
}

// TestProvidersStreamExact scans every example at once and streamed in
// chunks of 1, 7, 64 and 4096 bytes, and requires the same findings: the
// detectors keep to the locality bounds the streaming scanner relies on.
func TestProvidersStreamExact(t *testing.T) {
	e := newEngine(t)
	for seed := uint64(1); seed <= 3; seed++ {
		text := exampleText(seed)
		want := e.Scan(nil, text, engine.Filter{})
		if len(want) < 100 {
			t.Fatalf("seed %d: only %d findings in the examples", seed, len(want))
		}
		for _, sizes := range [][]int{{1}, {7}, {64}, {4096}, {3, 500, 1, 90}} {
			sc := e.NewScanner(engine.Filter{})
			var got []engine.Finding
			emit := func(f engine.Finding) { got = append(got, f) }
			for i, k := 0, 0; i < len(text); k++ {
				n := min(sizes[k%len(sizes)], len(text)-i)
				sc.Write(text[i:i+n], emit)
				i += n
			}
			sc.Close(emit)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("seed %d chunks %v: streamed findings differ from the whole scan (%d vs %d)", seed, sizes, len(got), len(want))
			}
		}
	}
}

// TestProvidersBeatAPIKey puts provider credentials where the generic
// api_key detector also finds them (the value of a secret-like key) and
// requires the provider type on the same span.
func TestProvidersBeatAPIKey(t *testing.T) {
	e := newEngine(t)
	f := engine.Filter{}.WithMinConfidence(engine.DefaultMinConfidence)
	cases := []struct{ value, typ string }{
		{"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", "shopify_access_token"},
		{"whsec_Qm7rT2xK9pLw4ZnB8vYc3HdF6jSg1aUe", "stripe_webhook_secret"},
		{"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", "sendgrid_api_key"},
		{"NRAK-TMH3MV2ZD9HRGHMMVKJ4D56RX5C", "new_relic_user_api_key"},
		{"glsa_yvok56yK5SsJry2UWKaXpQ1bC8jjUukq_17fd9f48", "grafana_service_account_token"},
		{"dapi131d962bf40334518a705d19c432d0fc", "databricks_token"},
		{"lin_api_GS6FoilOruevkLf3sz7zeOg2ZZZVdgH2xbxBtzLi", "linear_api_key"},
		{"dp.st.prd.FlJnZ6usuZSbFwwezDvkvOa5GSfOlvbBZjiUzs5sV2v", "doppler_service_token"},
		{"PMAK-ef22225f2157c57fecd32ab9-23b7fdb6333b0dd011308bf5b78bebc7ec", "postman_api_key"},
		{"cfut_bdS6H3ZEZN8ikX5nxSLzCUhzKud2kd4JWXeR90P240ff554f", "cloudflare_api_token"},
	}
	for _, key := range []string{"api_key", "client_secret", "password", "auth_token"} {
		for _, c := range cases {
			text := fmt.Sprintf(`{"%s": "%s"}`, key, c.value)
			fs := e.Scan(nil, []byte(text), f)
			if len(fs) != 1 || string(fs[0].Type) != c.typ || text[fs[0].Start:fs[0].End] != c.value {
				t.Errorf("%s: findings %v, want one %s over the value", text, fs, c.typ)
			}
		}
	}
	// A value the provider rejects (a Grafana token with a wrong
	// checksum) falls back to the generic detector.
	text := `api_key = "glsa_yvok56yK5SsJry2UWKaXpQ1bC8jjUukq_17fd9f49"`
	if fs := e.Scan(nil, []byte(text), f); len(fs) != 1 || fs[0].Type != engine.APIKey {
		t.Errorf("%s: findings %v, want api_key", text, fs)
	}
}

// TestPublishableKeysAreNotSecrets checks that publishable keys, public
// by design, are not reported at the default minimum even where the
// generic api_key detector would take them, and are with a context word.
func TestPublishableKeysAreNotSecrets(t *testing.T) {
	e := newEngine(t)
	f := engine.Filter{}.WithMinConfidence(engine.DefaultMinConfidence)
	for _, text := range []string{
		`const key = "pk_live_51Hq8sKLmWc4r2TxYz7Qb0Vn";`,
		`{"api_key": "pk_live_51Hq8sKLmWc4r2TxYz7Qb0Vn"}`,
		`{"anon_key": "sb_publishable_lOm0xBHWHIEIs4t-EnLVXhs2bCUe_rfZ"}`,
	} {
		if fs := e.Scan(nil, []byte(text), f); len(fs) != 0 {
			t.Errorf("%s: findings %v, want none", text, fs)
		}
	}
	text := "Stripe publishable key: pk_live_51Hq8sKLmWc4r2TxYz7Qb0Vn"
	fs := e.Scan(nil, []byte(text), f)
	if len(fs) != 1 || fs[0].Type != "stripe_publishable_key" || fs[0].Confidence != 0.6 {
		t.Errorf("%s: findings %v, want stripe_publishable_key at 0.6", text, fs)
	}
}

// TestConnectionPasswordOutranksURL checks that a connection URI yields
// its password alone, above the confidence of any url finding (at most
// 0.85) and of the email address the password and host would form.
func TestConnectionPasswordOutranksURL(t *testing.T) {
	e := newEngine(t)
	for _, tc := range []struct{ text, typ, span string }{
		{"DATABASE_URL=postgresql://billing:Xk4Vp2Lr9T@db.internal.example.com:5432/billing?sslmode=require",
			"postgresql_connection_password", "Xk4Vp2Lr9T"},
		{"see mongodb+srv://app:Hd9Js3Mf5Gx@cluster0.ab1cd.mongodb.net/shop for details", "mongodb_connection_password", "Hd9Js3Mf5Gx"},
		{"redis://default:pa$$w0rd!9@cache.example.com:6379/0", "redis_connection_password", "pa$$w0rd!9"},
	} {
		fs := e.Scan(nil, []byte(tc.text), engine.Filter{})
		if len(fs) != 1 || string(fs[0].Type) != tc.typ || tc.text[fs[0].Start:fs[0].End] != tc.span {
			t.Errorf("%s: findings %v, want one %s %q", tc.text, fs, tc.typ, tc.span)
			continue
		}
		if fs[0].Confidence < 0.9 || fs[0].Confidence <= 0.95 {
			t.Errorf("%s: confidence %.2f, want above a url's 0.85 and an email's 0.95", tc.text, fs[0].Confidence)
		}
	}
	// Credentials in an http URL are not a database password; the
	// email address in it stays an email address.
	text := "https://user:Xk4Vp2Lr9T@example.com/x"
	for _, f := range e.Scan(nil, []byte(text), engine.Filter{}) {
		if strings.HasSuffix(string(f.Type), "_connection_password") {
			t.Errorf("%s: %s finding", text, f.Type)
		}
	}
}

// TestProviderPlaceholders checks that documentation placeholders with a
// provider's prefix are not reported as the provider's type (what the
// generic api_key detector makes of them is its own placeholder rule's
// business).
func TestProviderPlaceholders(t *testing.T) {
	e := newEngine(t)
	ours := map[engine.EntityType]bool{}
	for _, d := range providers {
		for _, typ := range d.Types {
			ours[engine.EntityType(typ.Name)] = true
		}
	}
	for _, text := range []string{
		"shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
		"SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
		"lin_api_0000000000000000000000000000000000000000",
		"NRAK-ABCDEFGHIJKLMNOPQRSTUVWXYZ1",
		"DD_API_KEY=00000000000000000000000000000000",
		"DATABRICKS_TOKEN=dapiabcdef0123456789abcdef0123456789",
		"postgres://admin:changeme@localhost/app",
		"TWILIO_AUTH_TOKEN=your_auth_token_here_0123456789ab",
	} {
		for _, f := range e.Scan(nil, []byte(text), engine.Filter{}) {
			if ours[f.Type] {
				t.Errorf("%s: %s %q reported", text, f.Type, text[f.Start:f.End])
			}
		}
	}
}
