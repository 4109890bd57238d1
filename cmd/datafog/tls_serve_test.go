package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/binary"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testServerCert returns a CA certificate and a server certificate and key
// it issued for 127.0.0.1, all PEM.
func testServerCert(t *testing.T) (caPEM, certPEM, keyPEM []byte) {
	t.Helper()
	newKey := func() *ecdsa.PrivateKey {
		k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	caKey, leafKey := newKey(), newKey()
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	leafTmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "datafog"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}}
	leafDER, err := x509.CreateCertificate(rand.Reader, leafTmpl, ca, &leafKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(leafKey)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}),
		pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: leafDER}),
		pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER})
}

// TestServeTLSCallerInReceipts runs the real binary over HTTPS with a
// tokens file, a trusted proxy (loopback) and Linkerd's identity header.
// The receipt of a decision names the token and carries the identity and
// the forwarded client address as keyed digests, which `receipts
// caller-digest` reproduces from the key; `receipts verify` accepts the
// log, and finds a caller edited in place.
func TestServeTLSCallerInReceipts(t *testing.T) {
	bin := datafogBinary(t)
	dir := t.TempDir()
	caPEM, certPEM, keyPEM := testServerCert(t)
	const token = "alpha-token-0123456789abcdef"
	receiptDir := filepath.Join(dir, "receipts")
	vars := []string{
		"DATAFOG_RECEIPT_PATH=" + receiptDir,
		"DATAFOG_TLS_CERT_FILE=" + writeFile(t, dir, "tls.crt", string(certPEM)),
		"DATAFOG_TLS_KEY_FILE=" + writeFile(t, dir, "tls.key", string(keyPEM)),
		"DATAFOG_API_TOKENS_FILE=" + writeFile(t, dir, "tokens", "alpha "+token+"\n"),
		"DATAFOG_TRUSTED_PROXIES=127.0.0.1/32",
		"DATAFOG_IDENTITY_HEADER=l5d-client-id",
	}
	s := &server{cmd: exec.Command(bin, "serve", "--addr", "127.0.0.1:0"), stderr: &lockedBuffer{}, done: make(chan struct{})}
	s.cmd.Env = childEnv(vars...)
	s.cmd.Stdout, s.cmd.Stderr = s.stderr, s.stderr
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.err = s.cmd.Wait(); close(s.done) }()
	t.Cleanup(func() { s.stop(t) })
	roots := x509.NewCertPool()
	roots.AppendCertsFromPEM(caPEM)
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}}}
	waitUntil(t, "serve over HTTPS", func() bool {
		if m := servingAddr.FindStringSubmatch(s.stderr.String()); m != nil {
			s.base = "https://" + m[1]
			code, _, err := httpDo(client, "GET", s.base+"/health", "", nil)
			return err == nil && code == 200
		}
		select {
		case <-s.done:
			t.Fatalf("serve exited: %v\n%s", s.err, s.stderr.String())
		default:
		}
		return false
	})
	hdr := map[string]string{"Authorization": "Bearer " + token, "X-Forwarded-For": "203.0.113.9", "L5d-Client-Id": "web.ns.serviceaccount.identity.linkerd.cluster.local"}
	code, body, err := httpDo(client, "POST", s.base+"/v1/decide", `{"action":{"type":"file.write"},"text":"to bob@example.com"}`, hdr)
	var dec struct {
		ReceiptID string `json:"receipt_id"`
	}
	if err != nil || code != 200 || json.Unmarshal([]byte(body), &dec) != nil {
		t.Fatalf("decide: %d %s %v", code, body, err)
	}
	code, body, err = httpDo(client, "GET", s.base+"/v1/receipts/"+dec.ReceiptID, "", map[string]string{"X-API-Key": token})
	var rec struct {
		Version int               `json:"receipt_version"`
		Caller  map[string]string `json:"caller"`
	}
	if err != nil || code != 200 || json.Unmarshal([]byte(body), &rec) != nil {
		t.Fatalf("get receipt: %d %s %v", code, body, err)
	}
	if err := s.stop(t); err != nil {
		t.Fatalf("serve: %v\n%s", err, s.stderr.String())
	}
	if strings.Contains(s.stderr.String(), token) {
		t.Fatal("the server log holds the token")
	}

	keyFile := receiptDir + ".key"
	r := runCLI(t, nil, nil, "receipts", "caller-digest", "--key-file", keyFile, "203.0.113.9", "web.ns.serviceaccount.identity.linkerd.cluster.local", "::ffff:203.0.113.9")
	digests := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if r.code != 0 || len(digests) != 3 || digests[2] != digests[0] {
		t.Fatalf("caller-digest: %+v", r)
	}
	want := map[string]string{"token": "alpha", "identity_source": "header", "identity": digests[1], "address": digests[0]}
	if rec.Version != 3 || fmt.Sprint(rec.Caller) != fmt.Sprint(want) {
		t.Fatalf("receipt version %d caller %v; want %v", rec.Version, rec.Caller, want)
	}
	if r := runCLI(t, nil, nil, "receipts", "verify", receiptDir); r.code != 0 || !strings.HasPrefix(r.stdout, "OK "+receiptDir+": 1 segments") {
		t.Fatalf("verify: %+v", r)
	}
	// Edit the token name in the one record and fix its CRC-32C (the
	// frame at offset 72: length, CRC, body), as a forger who knows the
	// format but not the key would: only the chain can tell.
	seg := filepath.Join(receiptDir, "0000000000000001.seg")
	data := []byte(strings.Replace(mustRead(t, seg), `"token":"alpha"`, `"token":"omega"`, 1))
	n := binary.LittleEndian.Uint32(data[72:])
	binary.LittleEndian.PutUint32(data[76:], crc32.Checksum(data[80:80+n], crc32.MakeTable(crc32.Castagnoli)))
	replaceFile(t, seg, string(data))
	if r := runCLI(t, nil, nil, "receipts", "verify", receiptDir); r.code != exitFindings || !strings.HasPrefix(r.stdout, "FAIL "+receiptDir+": first bad record: segment 0000000000000001.seg") {
		t.Fatalf("verify after editing the caller: %+v", r)
	}
}

// TestServeRefusesBadTLSConfig: serve exits 2 before listening and lists
// every problem of its transport security configuration at once, before
// it creates the receipt directory.
func TestServeRefusesBadTLSConfig(t *testing.T) {
	dir := t.TempDir()
	_, certPEM, _ := testServerCert(t)
	_, _, otherKey := testServerCert(t)
	cert := writeFile(t, dir, "tls.crt", string(certPEM))
	key := writeFile(t, dir, "other.key", string(otherKey))
	r := runCLI(t, nil, map[string]string{
		"DATAFOG_RECEIPT_PATH":       filepath.Join(dir, "receipts"),
		"DATAFOG_TLS_CERT_FILE":      cert,
		"DATAFOG_TLS_KEY_FILE":       key,
		"DATAFOG_TLS_CLIENT_CA_FILE": filepath.Join(dir, "missing-ca.pem"),
		"DATAFOG_TRUSTED_PROXIES":    "10.0.0.0/8,300.1.1.1",
	}, "serve", "--addr", "127.0.0.1:0")
	want := "datafog serve: 3 problems in the configuration; nothing was started:\n" +
		"  - DATAFOG_TLS_CLIENT_CA_FILE: open " + filepath.Join(dir, "missing-ca.pem") + ": no such file or directory\n" +
		"  - DATAFOG_TLS_CERT_FILE " + cert + " and DATAFOG_TLS_KEY_FILE " + key + ": tls: private key does not match public key\n" +
		`  - DATAFOG_TRUSTED_PROXIES: "300.1.1.1" is not a CIDR or an IP address` + "\n"
	if r.code != exitError || !strings.HasSuffix(r.stderr, want) || strings.Contains(r.stderr, "transport: serving") {
		t.Fatalf("code %d\nstderr: %s\nwant suffix: %s", r.code, r.stderr, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "receipts")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the receipt directory was created before the TLS settings were refused: %v", err)
	}
}
