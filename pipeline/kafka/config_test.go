package kafka

import (
	"strings"
	"testing"
	"time"
)

// TestConfigProblemsListed gives New a configuration with many problems and
// expects every one of them in a single error.
func TestConfigProblemsListed(t *testing.T) {
	cfg := Config{In: []string{"a", "b"}, Out: "b", Receipts: "r", DLQ: "r", Mode: "tokenize", Format: FormatText,
		Fields: []string{"/x"}, TransactionTimeout: time.Minute, SessionTimeout: 30 * time.Second, MaxRecordBytes: 2 << 30}
	_, err := New(cfg, defaultPolicy(t))
	if err == nil {
		t.Fatal("accepted")
	}
	for _, want := range []string{"no brokers", "no consumer group", "no transactional id",
		`the output topic "b" is also an input topic`, "the output, receipts and dead-letter topics must differ",
		"fields need --format json", "a key is needed", "must be shorter than the session timeout", "the record size limit"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if _, err := ParseDelivery("twice"); err == nil {
		t.Error(`ParseDelivery("twice") accepted`)
	}
	if d, err := ParseDelivery(" At-Least-Once "); err != nil || d != AtLeastOnce {
		t.Errorf("ParseDelivery = %q, %v", d, err)
	}
	if _, err := ParseFormat("xml"); err == nil {
		t.Error(`ParseFormat("xml") accepted`)
	}
}
