package kafka

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/datafog/datafog-api/engine/policy"
	"github.com/datafog/datafog-api/engine/transform"
)

// Delivery is the delivery guarantee of the output.
type Delivery string

// The delivery modes.
const (
	// ExactlyOnce writes output, receipts, dead letters and the consumer
	// offsets in one transaction per batch.
	ExactlyOnce Delivery = "exactly-once"
	// AtLeastOnce produces without transactions and commits offsets after
	// the batch is acknowledged; a crash can repeat a batch.
	AtLeastOnce Delivery = "at-least-once"
)

// ParseDelivery returns the delivery mode named s.
func ParseDelivery(s string) (Delivery, error) {
	switch d := Delivery(strings.ToLower(strings.TrimSpace(s))); d {
	case ExactlyOnce, AtLeastOnce:
		return d, nil
	}
	return "", fmt.Errorf("kafka: unknown delivery %q (want exactly-once or at-least-once)", clip(s))
}

// Defaults of the Config limits.
const (
	DefaultMaxRecordBytes   = 1_000_000
	DefaultMaxBatchRecords  = 10_000
	DefaultFetchMaxBytes    = 16 << 20
	DefaultMaxBufferedBytes = 64 << 20
	DefaultTxnTimeout       = 40 * time.Second
	DefaultSessionTimeout   = 45 * time.Second
	DefaultRebalanceTimeout = 60 * time.Second
	DefaultShutdownTimeout  = 30 * time.Second
)

// Upper bounds of the Config limits.
const (
	// MaxTransactionTimeout is Kafka's default transaction.max.timeout.ms.
	MaxTransactionTimeout = 15 * time.Minute
	// MaxRecordBytesLimit bounds MaxRecordBytes.
	MaxRecordBytesLimit = 1 << 30
)

// Config configures a Pipeline. The zero value of a limit takes its
// default.
type Config struct {
	Connection Connection
	Group      string
	In         []string
	Out        string
	// Receipts and DLQ are topic names; empty for none.
	Receipts, DLQ string
	// TransactionalID identifies this worker: stable across its restarts
	// and unique among the workers of the group. It is also the worker's
	// static group instance id.
	TransactionalID string
	Delivery        Delivery
	Mode            transform.Mode
	Entities        []string
	Format          Format
	// Fields are JSON Pointers limiting --format json redaction.
	Fields []string
	// Keys key tokenize, hash, receipts and dead letters; required when
	// any of them is used.
	Keys *Keys

	// MaxRecordBytes bounds an input or output record (key, value and
	// headers); a larger one is dead-lettered.
	MaxRecordBytes int
	// MaxBatchRecords bounds the records polled into one transaction.
	MaxBatchRecords int
	// FetchMaxBytes bounds one fetch response (per broker).
	FetchMaxBytes int32
	// MaxBufferedBytes bounds the records waiting to be acknowledged;
	// producing blocks beyond it, which stops polling and so fetching.
	MaxBufferedBytes int
	// Concurrency is how many partitions of a batch are redacted at once
	// (default GOMAXPROCS).
	Concurrency int
	// StaticMembership joins the group with TransactionalID as the
	// instance id, so a restarted worker takes its partitions back
	// without a rebalance; SIGTERM still leaves the group.
	StaticMembership bool

	TransactionTimeout, SessionTimeout, RebalanceTimeout time.Duration
	// ShutdownTimeout bounds finishing the open transaction on stop.
	ShutdownTimeout time.Duration

	Logger  *slog.Logger
	Metrics *Metrics
}

// FatalError is an error the pipeline cannot retry: a configuration the
// topics do not allow, or a record that cannot be processed without a
// dead-letter topic. Run returns it; the process should exit non-zero.
type FatalError struct{ Err error }

// Error implements error.
func (e *FatalError) Error() string { return e.Err.Error() }

// Unwrap returns the cause.
func (e *FatalError) Unwrap() error { return e.Err }

// ruleSet is what processing a record needs from one policy. It is
// immutable; SetPolicy swaps in a new one between batches.
type ruleSet struct {
	red    *redactor
	static []byte // receipt fields after "unredacted", minus the time
}

// Pipeline is one worker of the redaction pipeline.
type Pipeline struct {
	cfg    Config
	log    *slog.Logger
	m      *Metrics
	fields *fieldSet
	plan   []byte
	rules  atomic.Pointer[ruleSet]
	heads  *headStore
	arenas arenaPool

	statesMu sync.Mutex
	states   []*procState

	receiptParts int32 // partitions of the receipts topic, from start-up
	dlqParts     int32
	outParts     atomic.Int32
}

// New validates cfg and returns a Pipeline that redacts under comp.
// Every configuration problem is reported in one error.
func New(cfg Config, comp *policy.Compiled) (*Pipeline, error) {
	cfg.setDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	fields, err := parseFields(cfg.Fields)
	if err != nil {
		return nil, err
	}
	p := &Pipeline{cfg: cfg, log: cfg.Logger, m: cfg.Metrics, fields: fields, heads: newHeadStore()}
	p.plan, err = json.Marshal(struct {
		Format   Format         `json:"format"`
		Mode     transform.Mode `json:"mode"`
		Entities []string       `json:"entities"`
		Fields   []string       `json:"fields,omitempty"`
		Delivery Delivery       `json:"delivery"`
	}{cfg.Format, cfg.Mode, entitiesOrAll(cfg.Entities), cfg.Fields, cfg.Delivery})
	if err != nil {
		return nil, err
	}
	if err := p.SetPolicy(comp); err != nil {
		return nil, err
	}
	return p, nil
}

func entitiesOrAll(e []string) []string {
	if len(e) == 0 {
		return []string{"all"}
	}
	return e
}

func (c *Config) setDefaults() {
	if c.Delivery == "" {
		c.Delivery = ExactlyOnce
	}
	if c.Mode == "" {
		c.Mode = transform.Redact
	}
	if c.Format == "" {
		c.Format = FormatText
	}
	setDefault(&c.MaxRecordBytes, DefaultMaxRecordBytes)
	setDefault(&c.MaxBatchRecords, DefaultMaxBatchRecords)
	setDefault(&c.FetchMaxBytes, DefaultFetchMaxBytes)
	setDefault(&c.MaxBufferedBytes, DefaultMaxBufferedBytes)
	setDefault(&c.Concurrency, runtime.GOMAXPROCS(0))
	setDefault(&c.TransactionTimeout, DefaultTxnTimeout)
	setDefault(&c.SessionTimeout, DefaultSessionTimeout)
	setDefault(&c.RebalanceTimeout, DefaultRebalanceTimeout)
	setDefault(&c.ShutdownTimeout, DefaultShutdownTimeout)
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.Metrics == nil {
		c.Metrics = NewMetrics()
	}
	if c.Connection.ClientID == "" {
		c.Connection.ClientID = "datafog-pipeline"
	}
}

func setDefault[T int | int32 | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

// validate lists every problem with c.
func (c *Config) validate() error {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if len(c.Connection.Brokers) == 0 {
		add("no brokers")
	}
	if c.Group == "" {
		add("no consumer group")
	}
	if len(c.In) == 0 {
		add("no input topic")
	}
	if c.Out == "" {
		add("no output topic")
	}
	if c.TransactionalID == "" {
		add("no transactional id")
	}
	for _, t := range []struct{ name, flag string }{{c.Out, "output"}, {c.Receipts, "receipts"}, {c.DLQ, "dead-letter"}} {
		if t.name != "" && slices.Contains(c.In, t.name) {
			add("the %s topic %q is also an input topic: the pipeline would read its own output", t.flag, t.name)
		}
	}
	if c.Receipts != "" && (c.Receipts == c.Out || c.Receipts == c.DLQ) || c.DLQ != "" && c.DLQ == c.Out {
		add("the output, receipts and dead-letter topics must differ")
	}
	if c.Delivery != ExactlyOnce && c.Delivery != AtLeastOnce {
		add("unknown delivery %q", c.Delivery)
	}
	if c.Format != FormatText && c.Format != FormatJSON {
		add("unknown format %q", c.Format)
	}
	if len(c.Fields) > 0 && c.Format != FormatJSON {
		add("fields need --format json")
	}
	needKey := c.Mode == transform.Tokenize || c.Mode == transform.Hash || c.Receipts != "" || c.DLQ != ""
	if needKey && c.Keys == nil {
		add("a key is needed for tokenize, hash, receipts and dead letters")
	}
	if c.TransactionTimeout > MaxTransactionTimeout {
		add("the transaction timeout (%s) is over %s", c.TransactionTimeout, MaxTransactionTimeout)
	}
	if c.MaxRecordBytes > MaxRecordBytesLimit {
		add("the record size limit %d is over %d", c.MaxRecordBytes, MaxRecordBytesLimit)
	}
	if c.TransactionTimeout >= c.SessionTimeout {
		add("the transaction timeout (%s) must be shorter than the session timeout (%s)", c.TransactionTimeout, c.SessionTimeout)
	}
	if len(problems) > 0 {
		return errors.New("kafka: " + strings.Join(problems, "; "))
	}
	return nil
}

// SetPolicy swaps in a new compiled policy; batches already running keep
// the one they started with. A policy that does not know one of the
// configured entity types is refused and the one in force stays.
func (p *Pipeline) SetPolicy(comp *policy.Compiled) error {
	var key []byte
	if p.cfg.Keys != nil {
		key = p.cfg.Keys.Transform
	}
	red, err := newRedactor(comp, p.cfg.Entities, p.cfg.Mode, key, p.cfg.Format, p.fields)
	if err != nil {
		return fmt.Errorf("kafka: policy: %w", err)
	}
	var st []byte
	st = append(st, `,"worker":`...)
	st = appendJSONString(st, p.cfg.TransactionalID)
	st = append(st, `,"plan":`...)
	st = append(st, p.plan...)
	st = append(st, `,"policy_id":`...)
	st = appendJSONString(st, comp.Policy.PolicyID)
	st = append(st, `,"policy_version":`...)
	st = appendJSONString(st, comp.Policy.PolicyVersion)
	p.rules.Store(&ruleSet{red: red, static: st})
	return nil
}

// Metrics returns the pipeline's metrics.
func (p *Pipeline) Metrics() *Metrics { return p.m }
