package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/datafog/datafog-api/pipeline/kafka"
)

// Variables the pipeline reads for its secrets; flags never carry them.
const (
	envSASLUser     = "DATAFOG_KAFKA_SASL_USER"
	envSASLPassword = "DATAFOG_KAFKA_SASL_PASSWORD" // #nosec G101 -- the name of the variable, not a credential
)

// connFlags are the broker connection flags that `pipeline kafka` and
// `receipts verify --brokers` share.
type connFlags struct {
	brokers, tlsCA, tlsCert, tlsKey, tlsServerName string
	tls                                            bool
	saslMechanism, saslUserFile, saslPasswordFile  string
}

func (c *connFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.brokers, "brokers", "", "seed brokers, HOST:PORT[,...]")
	fs.BoolVar(&c.tls, "tls", false, "connect with TLS (implied by the other --tls-* flags)")
	fs.StringVar(&c.tlsCA, "tls-ca-file", "", "PEM CA bundle that signs the brokers' certificates (default: the system roots)")
	fs.StringVar(&c.tlsCert, "tls-cert-file", "", "PEM client certificate, for mutual TLS")
	fs.StringVar(&c.tlsKey, "tls-key-file", "", "PEM key of the client certificate")
	fs.StringVar(&c.tlsServerName, "tls-server-name", "", "name to verify in the brokers' certificates (default: the broker host)")
	fs.StringVar(&c.saslMechanism, "sasl-mechanism", "", "SASL mechanism: plain, scram-sha-256 or scram-sha-512")
	fs.StringVar(&c.saslUserFile, "sasl-user-file", "", "file holding the SASL user (default: $"+envSASLUser+")")
	fs.StringVar(&c.saslPasswordFile, "sasl-password-file", "", "file holding the SASL password (default: $"+envSASLPassword+")")
}

// connection builds the broker connection. Secrets come from files or the
// environment; an error never quotes them.
func (c *connFlags) connection(env *environment) (kafka.Connection, error) {
	conn := kafka.Connection{Brokers: splitList(c.brokers)}
	if len(conn.Brokers) == 0 {
		return conn, errors.New("--brokers is required")
	}
	if c.tls || c.tlsCA != "" || c.tlsCert != "" || c.tlsKey != "" || c.tlsServerName != "" {
		cfg, err := kafka.TLSConfig(kafka.TLSFiles{CAFile: c.tlsCA, CertFile: c.tlsCert, KeyFile: c.tlsKey, ServerName: c.tlsServerName})
		if err != nil {
			return conn, err
		}
		conn.TLS = cfg
	}
	if c.saslMechanism == "" {
		if c.saslUserFile != "" || c.saslPasswordFile != "" {
			return conn, errors.New("--sasl-user-file and --sasl-password-file need --sasl-mechanism")
		}
		return conn, nil
	}
	user, err := secretFrom(c.saslUserFile, envSASLUser, env)
	if err != nil {
		return conn, err
	}
	pass, err := secretFrom(c.saslPasswordFile, envSASLPassword, env)
	if err != nil {
		return conn, err
	}
	conn.SASL, err = kafka.SASLMechanism(c.saslMechanism, user, pass)
	return conn, err
}

// secretFrom reads a secret from path (trailing newline trimmed), else from
// the variable.
func secretFrom(path, variable string, env *environment) (string, error) {
	if path == "" {
		return env.getenv(variable), nil
	}
	b, err := os.ReadFile(path) // #nosec G304 -- the operator names the file
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", path, err)
	}
	return strings.TrimRight(string(b), "\r\n"), nil
}
