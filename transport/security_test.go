package transport

import (
	"crypto/x509/pkix"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSecurityConfigProblemsListed: a bad transport security configuration
// is refused by New, before anything listens, with every problem in one
// error: missing files, a certificate whose key does not match, a CA file
// without a certificate, bad CIDRs, bad enum values, a reserved identity
// header, and a bad tokens file.
func TestSecurityConfigProblemsListed(t *testing.T) {
	dir := t.TempDir()
	ca := newTestCA(t, "CA")
	certA, _ := ca.issue(t, leafSpec{serial: 1, subject: pkix.Name{CommonName: "a"}, server: true})
	_, keyB := ca.issue(t, leafSpec{serial: 2, subject: pkix.Name{CommonName: "b"}, server: true})
	file := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	missing := filepath.Join(dir, "missing.crt")
	cases := []struct {
		name string
		mod  func(c *Config)
		want []string
	}{
		{"missing files", func(c *Config) {
			c.TLSCertFile, c.TLSKeyFile = missing, filepath.Join(dir, "missing.key")
		}, []string{
			"DATAFOG_TLS_CERT_FILE: open " + missing + ": no such file or directory",
			"DATAFOG_TLS_KEY_FILE: open " + filepath.Join(dir, "missing.key") + ": no such file or directory",
		}},
		{"key mismatch and everything else", func(c *Config) {
			c.TLSCertFile, c.TLSKeyFile = file("a.crt", certA), file("b.key", keyB)
			c.TLSClientCAFile = file("notca.pem", []byte("not a certificate"))
			c.TLSClientAuth = "sometimes"
			c.TrustedProxies = "10.0.0.0/8, 10.0.0.0/33,bogus, fe80::1%eth0"
			c.ForwardedHeader = "x-real-ip"
			c.IdentityHeader = "authorization"
			c.APITokensFile = file("tokens", []byte("a short\n"))
			c.PeerCAFile = missing
		}, []string{
			"DATAFOG_TLS_CLIENT_AUTH: want \"require\" or \"optional\"",
			"DATAFOG_TLS_CERT_FILE " + filepath.Join(dir, "a.crt") + " and DATAFOG_TLS_KEY_FILE " + filepath.Join(dir, "b.key") + ": tls: private key does not match public key",
			"DATAFOG_TLS_CLIENT_CA_FILE: " + filepath.Join(dir, "notca.pem") + ": no PEM certificate",
			`DATAFOG_TRUSTED_PROXIES: "10.0.0.0/33" is not a CIDR or an IP address`,
			`DATAFOG_TRUSTED_PROXIES: "bogus" is not a CIDR or an IP address`,
			`DATAFOG_TRUSTED_PROXIES: "fe80::1%eth0" is not a CIDR or an IP address`,
			"DATAFOG_FORWARDED_HEADER: want \"x-forwarded-for\" or \"forwarded\"",
			"DATAFOG_IDENTITY_HEADER: Authorization is reserved",
			"DATAFOG_API_TOKENS_FILE: " + filepath.Join(dir, "tokens") + ": line 1: the token of a must be 16 to 4096 characters",
			"DATAFOG_PEER_CA_FILE: open " + missing + ": no such file or directory",
		}},
		{"half configured", func(c *Config) {
			c.TLSKeyFile = file("k.key", keyB)
			c.TLSClientCAFile = file("ca.pem", ca.pem)
			c.IdentityHeader = "l5d-client-id"
		}, []string{
			"DATAFOG_TLS_CERT_FILE: not set, but DATAFOG_TLS_KEY_FILE is",
			"DATAFOG_TLS_CLIENT_CA_FILE: needs DATAFOG_TLS_CERT_FILE and DATAFOG_TLS_KEY_FILE",
			"DATAFOG_IDENTITY_HEADER: needs DATAFOG_TRUSTED_PROXIES: the header is trusted only from them",
		}},
		{"client auth without a CA", func(c *Config) { c.TLSClientAuth = "optional" }, []string{
			"DATAFOG_TLS_CLIENT_AUTH: needs DATAFOG_TLS_CLIENT_CA_FILE",
		}},
	}
	for _, tc := range cases {
		cfg := testConfig()
		tc.mod(&cfg)
		_, err := New(cfg, testPolicy(t), newFakeStore())
		want := "transport: config: " + strings.Join(tc.want, "; ")
		if err == nil || err.Error() != want {
			t.Errorf("%s:\n got %v\nwant %s", tc.name, err, want)
		}
	}
}

// TestSecurityFromEnv: the variables reach Config through ConfigFromEnv.
func TestSecurityFromEnv(t *testing.T) {
	vars := map[string]string{
		"DATAFOG_TLS_CERT_FILE": "/c", "DATAFOG_TLS_KEY_FILE": "/k", "DATAFOG_TLS_CLIENT_CA_FILE": "/ca",
		"DATAFOG_TLS_CLIENT_AUTH": "optional", "DATAFOG_TRUSTED_PROXIES": "127.0.0.1", "DATAFOG_FORWARDED_HEADER": "forwarded",
		"DATAFOG_IDENTITY_HEADER": "l5d-client-id", "DATAFOG_API_TOKENS_FILE": "/t", "DATAFOG_PEER_CA_FILE": "/p",
	}
	c, err := ConfigFromEnv(envMap(vars))
	if err != nil {
		t.Fatal(err)
	}
	got := []string{c.TLSCertFile, c.TLSKeyFile, c.TLSClientCAFile, c.TLSClientAuth, c.TrustedProxies, c.ForwardedHeader, c.IdentityHeader, c.APITokensFile, c.PeerCAFile}
	want := []string{"/c", "/k", "/ca", "optional", "127.0.0.1", "forwarded", "l5d-client-id", "/t", "/p"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("config %v, want %v", got, want)
	}
	for k := range vars {
		found := false
		for _, e := range Env {
			found = found || e == k
		}
		if !found {
			t.Errorf("%s is not listed in Env", k)
		}
	}
}

// TestTLSReloadRefusesMismatchedPair drives the poll by hand: a new key
// beside the old certificate is refused (the old pair stays in force and
// the refusal is counted once, not at every poll); the new certificate
// then completes the pair and is taken; a client CA file that stops
// parsing is refused too.
func TestTLSReloadRefusesMismatchedPair(t *testing.T) {
	dir := t.TempDir()
	ca := newTestCA(t, "CA")
	certFile, keyFile, caFile := tlsFiles(t, dir, ca, 1)
	cfg := testConfig()
	cfg.TLSCertFile, cfg.TLSKeyFile, cfg.TLSClientCAFile = certFile, keyFile, caFile
	sec, err := newSecurity(cfg)
	if err != nil {
		t.Fatal(err)
	}
	serial := func() int64 { return sec.gen.Load().leaf.SerialNumber.Int64() }
	counts := func() (uint64, uint64) { return sec.reloads[reloadTLS][0].Load(), sec.reloads[reloadTLS][1].Load() }
	newCert, newKey := ca.issue(t, leafSpec{serial: 2, subject: pkix.Name{CommonName: "datafog"}, server: true})
	replaceFile(t, keyFile, newKey)
	sec.poll()
	sec.poll()
	if ok, failed := counts(); serial() != 1 || ok != 0 || failed != 1 {
		t.Fatalf("new key, old certificate: serial %d, reloads ok %d failed %d", serial(), ok, failed)
	}
	replaceFile(t, certFile, newCert)
	sec.poll()
	if ok, failed := counts(); serial() != 2 || ok != 1 || failed != 1 {
		t.Fatalf("new pair: serial %d, reloads ok %d failed %d", serial(), ok, failed)
	}
	before := sec.gen.Load()
	replaceFile(t, caFile, []byte("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
	sec.poll()
	if ok, failed := counts(); sec.gen.Load() != before || ok != 1 || failed != 2 {
		t.Fatalf("broken CA file: generation replaced %v, reloads ok %d failed %d", sec.gen.Load() != before, ok, failed)
	}
	// The file reappearing as it was is a change too, and is taken.
	replaceFile(t, caFile, ca.pem)
	sec.poll()
	if ok, _ := counts(); ok != 2 || sec.gen.Load() == before {
		t.Fatalf("restored CA file: reloads ok %d", ok)
	}
}
