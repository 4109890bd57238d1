package corpus

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"strings"
)

// Observability and data platform credentials, and connection URI
// passwords (engine/detect/secrets/data).
func init() {
	RegisterType(TypeGen{
		Type: "datadog_api_key", NeedsContext: true,
		Context: []string{"DD_API_KEY", "DATADOG_API_KEY", "DD-API-KEY"},
		Valid:   func(r *rand.Rand) string { return provRand(r, provHex, 32) },
		Invalid: func(r *rand.Rand) string { return provRand(r, provHex, 31) },
		Check:   provCheck(`[0-9a-f]{32}`),
	})
	RegisterType(TypeGen{
		Type: "datadog_app_key", NeedsContext: true,
		Context: []string{"DD_APP_KEY", "DD_APPLICATION_KEY", "DD-APPLICATION-KEY"},
		Valid:   func(r *rand.Rand) string { return provRand(r, provHex, 40) },
		Invalid: func(r *rand.Rand) string { return provRand(r, provHex, 38) },
		Check:   provCheck(`[0-9a-f]{40}`),
	})
	newRelic := func(typ, prefix, alphabet string, n int, expr string) {
		RegisterType(TypeGen{
			Type:    typ,
			Context: []string{"New Relic key", "NEW_RELIC_API_KEY", "newrelic"},
			Valid:   func(r *rand.Rand) string { return prefix + provRand(r, alphabet, n) },
			Invalid: func(r *rand.Rand) string { return prefix + provRand(r, alphabet, n-3) },
			Check:   provCheck(expr),
		})
	}
	newRelic("new_relic_user_api_key", "NRAK-", provUpper, 27, `NRAK-[A-Z0-9]{27}`)
	newRelic("new_relic_browser_api_key", "NRJS-", provHex, 19, `NRJS-[0-9a-f]{19}`)
	newRelic("new_relic_insights_insert_key", "NRII-", provURL, 32, `NRII-[A-Za-z0-9_-]{32}`)
	newRelic("new_relic_insights_query_key", "NRIQ-", provURL, 32, `NRIQ-[A-Za-z0-9_-]{32}`)
	RegisterType(TypeGen{
		Type:    "new_relic_license_key",
		Context: []string{"NEW_RELIC_LICENSE_KEY", "license key", "newrelic"},
		Valid: func(r *rand.Rand) string {
			if r.IntN(4) == 0 {
				return "eu01xx" + provRand(r, provHex, 30) + "NRAL"
			}
			return provRand(r, provHex, 36) + "NRAL"
		},
		Invalid: func(r *rand.Rand) string { return provRand(r, provHex, 33) + "NRAL" },
		Check:   provCheck(`([0-9a-f]{36}|eu01xx[0-9a-f]{30})NRAL`),
	})
	RegisterType(TypeGen{
		Type:    "sentry_dsn",
		Context: []string{"SENTRY_DSN", "Sentry DSN", "dsn"},
		Valid: func(r *rand.Rand) string {
			host := fmt.Sprintf("o%d.ingest.%ssentry.io", 1+r.IntN(999999), provPick(r, "", "us.", "de."))
			return "https://" + provRand(r, provHex, 32) + "@" + host + "/" + fmt.Sprint(1+r.IntN(9999999))
		},
		Invalid: func(r *rand.Rand) string {
			return "https://" + provRand(r, provHex, 30) + "@o" + fmt.Sprint(1+r.IntN(99999)) + ".ingest.sentry.io/" + fmt.Sprint(1+r.IntN(9999))
		},
		Check: provCheck(`https://[0-9a-f]{32}@o[0-9]+\.ingest\.([a-z]{2}\.)?sentry\.io/[0-9]+`),
	})
	RegisterType(TypeGen{
		Type:    "sentry_org_auth_token",
		Context: []string{"SENTRY_AUTH_TOKEN", "Sentry token", "auth token"},
		Valid: func(r *rand.Rand) string {
			payload, _ := json.Marshal(map[string]any{ // a fixed key order: iat first, as Sentry writes it
				"iat": 1.7e9 + float64(r.IntN(1e8)), "url": "https://sentry.io", "region_url": "https://us.sentry.io",
				"org": provPick(r, "acme", "globex", "initech"),
			})
			doc := `{"iat": ` + strings.TrimPrefix(string(payload), `{"iat":`)
			return "sntrys_" + provB64(doc) + "_" + provRand(r, provStd, 43)
		},
		Invalid: func(r *rand.Rand) string {
			return "sntrys_" + provB64(`{"org":"acme"}`) + "_" + provRand(r, provStd, 43)
		},
		Check: func(v string) bool {
			return strings.HasPrefix(v, "sntrys_eyJpYXQiOi") && provCheck(`sntrys_[A-Za-z0-9+/=]+_[A-Za-z0-9+/]{43}`)(v)
		},
	})
	RegisterType(TypeGen{
		Type:    "sentry_user_auth_token",
		Context: []string{"SENTRY_AUTH_TOKEN", "Sentry token", "auth token"},
		Valid:   func(r *rand.Rand) string { return "sntryu_" + provRand(r, provHex, 64) },
		Invalid: func(r *rand.Rand) string { return "sntryu_" + provRand(r, provHex, 60) },
		Check:   provCheck(`sntryu_[0-9a-f]{64}`),
	})
	RegisterType(TypeGen{
		Type:    "grafana_cloud_token",
		Context: []string{"GRAFANA_CLOUD_TOKEN", "Grafana Cloud token", "access policy token"},
		Valid: func(r *rand.Rand) string {
			doc := fmt.Sprintf(`{"o":"%d","n":"stack-%d-token","k":"%s","m":{"r":"%s"}}`, 1+r.IntN(999999), r.IntN(999999),
				provRand(r, provAlnum, 24), provPick(r, "us", "eu", "prod-us-east-0"))
			return "glc_" + provB64(doc)
		},
		Invalid: func(r *rand.Rand) string { return "glc_" + provB64(`{"a":"`+provRand(r, provAlnum, 30)+`"}`) },
		Check: func(v string) bool {
			return strings.HasPrefix(v, "glc_eyJvIjoi") && provCheck(`glc_[A-Za-z0-9+/]+=*`)(v)
		},
	})
	RegisterType(TypeGen{
		Type:    "grafana_service_account_token",
		Context: []string{"GRAFANA_TOKEN", "Grafana service account token", "grafana"},
		Valid: func(r *rand.Rand) string {
			body := "glsa_" + provRand(r, provAlnum, 32)
			var le [4]byte
			binary.LittleEndian.PutUint32(le[:], crc32.ChecksumIEEE([]byte(body)))
			return body + "_" + hex.EncodeToString(le[:])
		},
		Invalid: func(r *rand.Rand) string { return "glsa_" + provRand(r, provAlnum, 32) + "_" + provRand(r, provHex, 8) },
		Check:   grafanaCheck,
	})
	RegisterType(TypeGen{
		Type:    "grafana_api_key",
		Context: []string{"GRAFANA_API_KEY", "Grafana API key", "grafana"},
		Valid: func(r *rand.Rand) string {
			return provB64(fmt.Sprintf(`{"k":"%s","n":"%s","id":%d}`, provRand(r, provAlnum, 32), provPick(r, "deploy", "ci-bot", "backup"), 1+r.IntN(99)))
		},
		Invalid: func(r *rand.Rand) string { return provB64(`{"k":"` + provRand(r, provAlnum, 32) + `","n":"x"}`) },
		Check: func(v string) bool {
			d, err := base64StdDecode(v)
			return err == nil && strings.HasPrefix(d, `{"k":"`) && strings.Contains(d, `"id":`)
		},
	})
	RegisterType(TypeGen{
		Type: "pagerduty_api_key", NeedsContext: true,
		Context: []string{"PAGERDUTY_API_KEY", "PAGERDUTY_TOKEN", "PAGERDUTY_API_TOKEN"},
		Valid:   func(r *rand.Rand) string { return provRand(r, provURL+"+", 20) },
		Invalid: func(r *rand.Rand) string { return provRand(r, provURL+"+", 17) },
		Check:   provCheck(`[A-Za-z0-9_+-]{20}`),
	})
	RegisterType(TypeGen{
		Type: "databricks_token", NeedsContext: true,
		Context: []string{"DATABRICKS_TOKEN", "DATABRICKS_ACCESS_TOKEN"},
		Valid:   func(r *rand.Rand) string { return "dapi" + provRand(r, provHex, 32) },
		Invalid: func(r *rand.Rand) string { return "dapi" + provRand(r, provHex, 29) },
		Check:   provCheck(`dapi[0-9a-f]{32}(-[0-9])?`),
	})
	RegisterType(TypeGen{
		Type: "confluent_api_key", NeedsContext: true,
		Context: []string{"CONFLUENT_API_KEY", "CONFLUENT_CLOUD_API_KEY"},
		Valid:   func(r *rand.Rand) string { return provRand(r, provUpper, 16) },
		Invalid: func(r *rand.Rand) string { return provRand(r, provUpper, 14) },
		Check:   provCheck(`[A-Z0-9]{16}`),
	})
	RegisterType(TypeGen{
		Type: "confluent_api_secret", NeedsContext: true,
		Context: []string{"CONFLUENT_API_SECRET", "CONFLUENT_CLOUD_API_SECRET"},
		Valid:   func(r *rand.Rand) string { return provRand(r, provStd, 64) },
		Invalid: func(r *rand.Rand) string { return provRand(r, provStd, 60) },
		Check:   provCheck(`[A-Za-z0-9+/]{64}`),
	})
	uri := func(typ string, schemes ...string) {
		RegisterType(TypeGen{
			Type:    typ,
			Context: []string{"DATABASE_URL", "connection string", "dsn"},
			Valid: func(r *rand.Rand) string {
				return provPick(r, schemes...) + "://" + provPick(r, "app", "svc_user", "admin", "") + ":" + provRand(r, provAlnum+"-_", 8+r.IntN(16)) +
					"@" + provPick(r, "db.internal.example.com:5432", "10.0.3.7", "cache-1.prod.example.net", "cluster0.ab1cd.mongodb.net") + "/" + provPick(r, "app", "0", "shop")
			},
			Invalid: func(r *rand.Rand) string {
				return provPick(r, schemes...) + "://app:" + provPick(r, "password", "${DB_PASSWORD}", "changeme", "<password>") + "@db.example.com/app"
			},
			Span: func(v string) (int, int) {
				u := strings.Index(v, "://") + 3
				c := u + strings.IndexByte(v[u:], ':') + 1
				return c, strings.LastIndexByte(v, '@')
			},
			Check: provCheck(`[a-z+]+://[^:/@]*:[^@/]{3,}@.+`),
		})
	}
	uri("mongodb_connection_password", "mongodb", "mongodb+srv")
	uri("postgresql_connection_password", "postgres", "postgresql", "postgresql+psycopg2")
	uri("mysql_connection_password", "mysql", "mariadb", "mysql+pymysql")
	uri("redis_connection_password", "redis", "rediss")
	uri("amqp_connection_password", "amqp", "amqps")
	uri("snowflake_connection_password", "snowflake")
	RegisterType(TypeGen{
		Type: "elastic_api_key", NeedsContext: true,
		Context: []string{"ES_API_KEY", "ELASTIC_API_KEY", "ELASTICSEARCH_API_KEY"},
		Valid:   func(r *rand.Rand) string { return provB64(provRand(r, provURL, 20) + ":" + provRand(r, provURL, 22)) },
		Invalid: func(r *rand.Rand) string { return provB64(provRand(r, provAlnum, 42)) },
		Check: func(v string) bool {
			d, err := base64StdDecode(v)
			return err == nil && provCheck(`[A-Za-z0-9_-]{16,40}:[A-Za-z0-9_-]{16,64}`)(d)
		},
	})
	RegisterType(TypeGen{
		Type: "elastic_cloud_id", NeedsContext: true,
		Context: []string{"ELASTIC_CLOUD_ID", "ES_CLOUD_ID"},
		Valid: func(r *rand.Rand) string {
			host := provPick(r, "us-east-1.aws.found.io", "us-central1.gcp.cloud.es.io:443", "westeurope.azure.elastic-cloud.com")
			return provPick(r, "prod-logs", "staging", "search_1") + ":" + provB64(host+"$"+provRand(r, provHex, 32)+"$"+provRand(r, provHex, 32))
		},
		Invalid: func(r *rand.Rand) string { return "prod-logs:" + provB64("example.com$"+provRand(r, provHex, 20)) },
		Check: func(v string) bool {
			i := strings.IndexByte(v, ':')
			d, err := base64StdDecode(v[i+1:])
			return i > 0 && err == nil && provCheck(`[a-z0-9.:-]+\$[0-9a-f]{32}\$[0-9a-f]{32}`)(d)
		},
	})
}

// grafanaCheck reports whether v is a Grafana service account token with
// the right checksum, computed with hash/crc32.
func grafanaCheck(v string) bool {
	if !provCheck(`glsa_[A-Za-z0-9]{32}_[0-9a-f]{8}`)(v) {
		return false
	}
	var le [4]byte
	binary.LittleEndian.PutUint32(le[:], crc32.ChecksumIEEE([]byte(v[:37])))
	return v[38:] == hex.EncodeToString(le[:])
}
