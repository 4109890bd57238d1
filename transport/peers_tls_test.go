package transport

import (
	"crypto/x509/pkix"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/receipts"
)

// TestPeerForwardOverMTLS: two TLS replicas that require client
// certificates, with certificates that allow client authentication. A
// receipt lookup on replica n0 for an id of n1 is forwarded over https,
// verified against DATAFOG_PEER_CA_FILE, with n0's own certificate as its
// client certificate, and n1's receipt comes back. A peer whose
// certificate does not chain to the peer CA is not trusted (503).
func TestPeerForwardOverMTLS(t *testing.T) {
	ca := newTestCA(t, "cluster CA")
	start := func(node string, peers map[string]string, peerCA string) (*Server, string, *receipts.Log) {
		dir := t.TempDir()
		c, k := ca.issue(t, leafSpec{serial: int64(len(node)) + 10, subject: pkix.Name{CommonName: "datafog-" + node}, server: true, client: true})
		certFile, keyFile := filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key")
		replaceFile(t, certFile, c)
		replaceFile(t, keyFile, k)
		replaceFile(t, filepath.Join(dir, "ca.crt"), ca.pem)
		log, err := receipts.Open(receipts.Options{Dir: filepath.Join(dir, "log"), NodeID: node, Logger: quietLogger()})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { log.Close() })
		cfg := testConfig()
		cfg.TLSCertFile, cfg.TLSKeyFile, cfg.TLSClientCAFile = certFile, keyFile, filepath.Join(dir, "ca.crt")
		cfg.PeerCAFile = peerCA
		if peers != nil {
			p, err := PeersFromEnv(envMap(peers), node)
			if err != nil {
				t.Fatal(err)
			}
			cfg.Peers = p
		}
		s, base := startTLSServer(t, cfg, log)
		return s, base, log
	}
	client := tlsClient(ca.pool(), ca.clientCert(t, leafSpec{serial: 99, subject: pkix.Name{CommonName: "auditor"}}))
	_, base1, _ := start("n1", nil, "")
	r := do(t, client, "POST", base1+"/v1/decide", strings.NewReader(decideBody), jsonHdr)
	var dec struct {
		ReceiptID string `json:"receipt_id"`
	}
	if err := json.Unmarshal([]byte(r.body), &dec); err != nil || r.status != 200 || !strings.HasPrefix(dec.ReceiptID, "rc1_n1_") {
		t.Fatalf("decide on n1: %d %s", r.status, r.body)
	}
	caFile := filepath.Join(t.TempDir(), "peer-ca.crt")
	replaceFile(t, caFile, ca.pem)
	_, base0, _ := start("n0", map[string]string{"DATAFOG_PEERS": "n1=" + base1}, caFile)
	g := do(t, client, "GET", base0+"/v1/receipts/"+dec.ReceiptID, nil, nil)
	if g.status != 200 || !strings.Contains(g.body, `"receipt_id":"`+dec.ReceiptID+`"`) || !strings.Contains(g.body, `"identity_source":"mtls"`) {
		t.Fatalf("forwarded lookup: %d %s", g.status, g.body)
	}
	// A peer CA that did not issue n1's certificate: n1 is not trusted.
	otherFile := filepath.Join(t.TempDir(), "other-ca.crt")
	replaceFile(t, otherFile, newTestCA(t, "other").pem)
	_, baseX, _ := start("nx", map[string]string{"DATAFOG_PEERS": "n1=" + base1}, otherFile)
	wantError(t, do(t, client, "GET", baseX+"/v1/receipts/"+dec.ReceiptID, nil, nil), 503, "receipt_error", "the replica holding this receipt did not answer")
}
