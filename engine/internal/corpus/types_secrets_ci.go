package corpus

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
)

// Type generators for the code-hosting, CI and package-registry secrets
// (engine/detect/secrets/ci); see types_secrets_github.go for the shared
// values.

// gitlabKinds are GitLab's token prefixes with their legacy body length.
var gitlabKinds = []struct {
	typ, prefix string
	n           int
	alphabet    string
}{
	{"gitlab_personal_access_token", "glpat-", 20, secretURLSafe},
	{"gitlab_deploy_token", "gldt-", 20, secretURLSafe},
	{"gitlab_runner_token", "glrt-", 20, secretURLSafe},
	{"gitlab_pipeline_trigger_token", "glptt-", 40, secretLowerHex},
	{"gitlab_feed_token", "glft-", 20, secretURLSafe},
	{"gitlab_incoming_mail_token", "glimt-", 25, secretURLSafe},
	{"gitlab_agent_token", "glagent-", 50, secretURLSafe},
	{"gitlab_oauth_app_secret", "gloas-", 64, secretURLSafe},
	{"gitlab_scim_token", "glsoat-", 20, secretURLSafe},
	{"gitlab_feature_flag_client_token", "glffct-", 20, secretURLSafe},
}

// gitlabRoutable returns a routable GitLab token: prefix, a base64url
// payload, '.', the payload length in two base36 digits and the base36
// CRC-32 of all that.
func gitlabRoutable(r *rand.Rand, prefix string) string {
	const base36 = "0123456789abcdefghijklmnopqrstuvwxyz"
	n := 27 + r.IntN(20)
	head := prefix + secretChars(r, secretURLSafe, n) + "." + string([]byte{base36[n/36], base36[n%36]})
	return head + crc32Encoded(head, base36, 7)
}

// pypiToken returns a PyPI token: "pypi-" and the base64url encoding of a
// version 2 macaroon with the given location, an identifier field (field
// type idType: 2 is right), and a signature.
func pypiToken(r *rand.Rand, location string, idType byte) string {
	m := []byte{2, 1, byte(len(location))} // #nosec G115 -- the value is below 256
	m = append(m, location...)
	m = append(m, idType, 36)
	m = append(m, fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", r.Uint32(), r.IntN(1<<16), r.IntN(1<<12), 0x8000|r.IntN(1<<14), r.Uint64()&(1<<48-1))...)
	m = append(m, 0, 6, 32)
	for range 32 {
		m = append(m, byte(r.IntN(256))) // #nosec G115 -- the value is below 256
	}
	return "pypi-" + base64.RawURLEncoding.EncodeToString(m)
}

// jfrogReference returns a JFrog reference token: the base64 encoding of
// "reftkn:01:", a ten-digit expiry, sep (':' is right) and 27 random
// bytes.
func jfrogReference(r *rand.Rand, sep byte) string {
	b := []byte(fmt.Sprintf("reftkn:01:%010d", 1700000000+r.IntN(100000000)))
	b = append(b, sep)
	for range 27 {
		b = append(b, byte(r.IntN(256))) // #nosec G115 -- the value is below 256
	}
	return base64.StdEncoding.EncodeToString(b)
}

// stdBase64 decodes standard base64.
func stdBase64(v string) ([]byte, error) { return base64.StdEncoding.DecodeString(v) }

func init() {
	for _, k := range gitlabKinds {
		valid := func(r *rand.Rand) string { return k.prefix + secretChars(r, k.alphabet, k.n) }
		check := matches(regexp.QuoteMeta(k.prefix) + "[A-Za-z0-9_-]{" + fmt.Sprint(k.n) + "}")
		if k.typ == "gitlab_personal_access_token" {
			legacy := valid
			valid = func(r *rand.Rand) string {
				if r.IntN(2) == 0 {
					return gitlabRoutable(r, "glpat-")
				}
				return legacy(r)
			}
		}
		RegisterType(TypeGen{
			Type:    k.typ,
			Valid:   valid,
			Invalid: func(r *rand.Rand) string { return k.prefix + secretChars(r, k.alphabet, k.n-1) },
			Context: []string{"GitLab token", "token", "GITLAB_TOKEN"},
			Check:   check,
		})
	}
	RegisterType(TypeGen{
		Type: "gitlab_ci_job_token",
		Valid: func(r *rand.Rand) string {
			return "glcbt-" + secretChars(r, secretAlnum, 1+r.IntN(5)) + "_" + secretChars(r, secretURLSafe, 20)
		},
		Invalid: func(r *rand.Rand) string {
			return "glcbt-" + secretChars(r, secretAlnum, 2) + "_" + secretChars(r, secretURLSafe, 19)
		},
		Context: []string{"CI_JOB_TOKEN", "job token"},
		Check:   matches(`glcbt-[A-Za-z0-9]{1,5}_[A-Za-z0-9_-]{20}`),
	})
	atbb := func(r *rand.Rand) string {
		h := "ATBB" + secretChars(r, secretAlnum, 24)
		return h + crc32Encoded(h, "0123456789ABCDEF", 8)
	}
	RegisterType(TypeGen{
		Type:    "bitbucket_app_password",
		Valid:   atbb,
		Invalid: func(r *rand.Rand) string { return corrupt(r, atbb(r), "0123456789ABCDEF") },
		Context: []string{"BITBUCKET_APP_PASSWORD", "app password"},
		Check: func(v string) bool {
			return matches(`ATBB[A-Za-z0-9]{24}[0-9A-F]{8}`)(v) && crc32Encoded(v[:28], "0123456789ABCDEF", 8) == v[28:]
		},
	})
	atctt := func(r *rand.Rand) string {
		h := "ATCTT3xFfGN0" + secretChars(r, secretURLSafe, 150+r.IntN(40)) + "="
		return h + crc32Encoded(h, "0123456789ABCDEF", 8)
	}
	RegisterType(TypeGen{
		Type:    "bitbucket_access_token",
		Valid:   atctt,
		Invalid: func(r *rand.Rand) string { return corrupt(r, atctt(r), "0123456789ABCDEF") },
		Context: []string{"BITBUCKET_TOKEN", "access token"},
		Check: func(v string) bool {
			i := strings.LastIndexByte(v, '=')
			return matches(`ATCTT3xFfGN0[A-Za-z0-9_-]{100,300}=[0-9A-F]{8}`)(v) && crc32Encoded(v[:i+1], "0123456789ABCDEF", 8) == v[i+1:]
		},
	})
	for _, k := range []struct{ typ, prefix string }{{"circleci_personal_api_token", "CCIPAT_"}, {"circleci_project_api_token", "CCIPRJ_"}} {
		RegisterType(TypeGen{
			Type: k.typ,
			Valid: func(r *rand.Rand) string {
				return k.prefix + secretChars(r, secretAlnum, 22) + "_" + secretChars(r, secretLowerHex, 40)
			},
			Invalid: func(r *rand.Rand) string {
				return k.prefix + secretChars(r, secretAlnum, 22) + "_" + secretChars(r, secretLowerHex, 39)
			},
			Context: []string{"CIRCLECI_TOKEN", "Circle-Token"},
			Check:   matches(k.prefix + `[A-Za-z0-9]{22}_[0-9a-f]{40}`),
		})
	}
	RegisterType(TypeGen{
		Type:         "travis_api_token",
		Valid:        func(r *rand.Rand) string { return secretChars(r, secretAlnum, 22) },
		Invalid:      func(r *rand.Rand) string { return secretChars(r, secretAlnum, 21) },
		Context:      []string{"TRAVIS_TOKEN", "TRAVIS_API_TOKEN"},
		NeedsContext: true,
	})
	prefixedTypes := []struct {
		typ, prefix, alphabet string
		n                     int
		context               []string
	}{
		{"buildkite_api_token", "bkua_", secretLowerHex, 40, []string{"BUILDKITE_API_TOKEN", "token"}},
		{"rubygems_api_key", "rubygems_", secretLowerHex, 48, []string{"GEM_HOST_API_KEY", "api key"}},
		{"nuget_api_key", "oy2", secretLowerAN, 43, []string{"NUGET_API_KEY", "--api-key"}},
		{"dockerhub_personal_access_token", "dckr_pat_", secretURLSafe, 27, []string{"DOCKERHUB_TOKEN", "password"}},
		{"jfrog_api_key", "AKCp", secretAlnum, 69, []string{"X-JFrog-Art-Api:", "api key"}},
		{"vault_service_token", "hvs.", secretURLSafe, 90, []string{"VAULT_TOKEN", "X-Vault-Token"}},
		{"vault_batch_token", "hvb.", secretURLSafe, 138, []string{"VAULT_TOKEN", "X-Vault-Token"}},
		{"vault_recovery_token", "hvr.", secretURLSafe, 24, []string{"VAULT_TOKEN", "X-Vault-Token"}},
	}
	for _, k := range prefixedTypes {
		// Vault tokens are looked for only as a token's value (see
		// engine/detect/secrets/ci/vault.go).
		vault := strings.HasPrefix(k.typ, "vault_")
		class := "[A-Za-z0-9_-]"
		switch k.alphabet {
		case secretLowerHex:
			class = "[0-9a-f]"
		case secretLowerAN:
			class = "[a-z0-9]"
		case secretAlnum:
			class = "[A-Za-z0-9]"
		}
		RegisterType(TypeGen{
			Type:         k.typ,
			Valid:        func(r *rand.Rand) string { return k.prefix + secretChars(r, k.alphabet, k.n) },
			Invalid:      func(r *rand.Rand) string { return k.prefix + secretChars(r, k.alphabet, min(k.n, 23)-1) },
			Context:      k.context,
			NeedsContext: vault,
			Check:        matches(regexp.QuoteMeta(k.prefix) + class + "{" + fmt.Sprint(k.n) + "}"),
		})
	}
	npm := func(r *rand.Rand) string { return withGitHubChecksum("npm_" + secretChars(r, secretAlnum, 36)) }
	RegisterType(TypeGen{
		Type:    "npm_token",
		Valid:   npm,
		Invalid: func(r *rand.Rand) string { return corrupt(r, npm(r), secretAlnum) },
		Context: []string{"NPM_TOKEN", "_authToken="},
		Check: func(v string) bool {
			return matches(`npm_[A-Za-z0-9]{36}`)(v) && withGitHubChecksum(v) == v
		},
	})
	RegisterType(TypeGen{
		Type:    "pypi_api_token",
		Valid:   func(r *rand.Rand) string { return pypiToken(r, "pypi.org", 2) },
		Invalid: func(r *rand.Rand) string { return pypiToken(r, "pypi.org", 3) },
		Context: []string{"TWINE_PASSWORD", "password"},
		Check:   func(v string) bool { return strings.HasPrefix(v, "pypi-AgEIcHlwaS5vcmcC") },
	})
	RegisterType(TypeGen{
		Type:    "jfrog_reference_token",
		Valid:   func(r *rand.Rand) string { return jfrogReference(r, ':') },
		Invalid: func(r *rand.Rand) string { return jfrogReference(r, '-') },
		Context: []string{"JF_ACCESS_TOKEN", "Bearer"},
		Check: func(v string) bool {
			d, err := stdBase64(v)
			return err == nil && len(v) == 64 && strings.HasPrefix(string(d), "reftkn:01:") && d[20] == ':'
		},
	})
	RegisterType(TypeGen{
		Type: "terraform_cloud_api_token",
		Valid: func(r *rand.Rand) string {
			return secretChars(r, secretLowerAN, 14) + ".atlasv1." + secretChars(r, secretAlnum, 60+r.IntN(11))
		},
		Invalid: func(r *rand.Rand) string {
			return secretChars(r, secretLowerAN, 13) + ".atlasv1." + secretChars(r, secretAlnum, 67)
		},
		Context: []string{"TFE_TOKEN", "token"},
		Check:   matches(`[a-z0-9]{14}\.atlasv1\.[A-Za-z0-9_-]{60,70}`),
	})
}
