package kafka

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
)

// Backoff bounds between rebuilding the Kafka session after an error.
const (
	minBackoff = 250 * time.Millisecond
	maxBackoff = 30 * time.Second
)

// Run runs the pipeline until ctx is done or a FatalError. Broker
// failures are retried with exponential backoff from the last committed
// offsets. When ctx is done, the open transaction (if any) is finished,
// the worker leaves the group, and Run returns nil.
func (p *Pipeline) Run(ctx context.Context) error {
	p.m.SetState(StateStarting)
	cl, err := p.cfg.Connection.newClient()
	if err != nil {
		p.m.SetState(StateFailed)
		return &FatalError{fmt.Errorf("kafka: %w", err)}
	}
	defer cl.Close()
	adm := kadm.NewClient(cl)
	if err := p.startup(ctx, adm); err != nil {
		if ctx.Err() != nil {
			p.m.SetState(StateStopped)
			return nil
		}
		p.m.SetState(StateFailed)
		return err
	}
	p.log.Info("pipeline started", "group", p.cfg.Group, "in", p.cfg.In, "out", p.cfg.Out, "receipts", p.cfg.Receipts,
		"dlq", p.cfg.DLQ, "delivery", string(p.cfg.Delivery), "transactional_id", p.cfg.TransactionalID)
	backoff := minBackoff
	for {
		p.m.SetState(StateRunning)
		before := p.m.txCommitted.Load()
		var err error
		if p.cfg.Delivery == ExactlyOnce {
			err = p.runExactlyOnce(ctx, cl, adm)
		} else {
			err = p.runAtLeastOnce(ctx, adm)
		}
		if ctx.Err() != nil && (err == nil || !isFatal(err)) {
			p.m.SetState(StateStopped)
			p.log.Info("pipeline stopped")
			return nil
		}
		if isFatal(err) {
			p.m.SetState(StateFailed)
			return err
		}
		if p.m.txCommitted.Load() != before {
			backoff = minBackoff
		}
		p.m.retries.Add(1)
		if isFenced(err) {
			p.m.fenced.Add(1)
			p.log.Warn("fenced: another producer took this transactional id, or the transaction timed out; rebuilding the session (transactional ids must be unique among workers)",
				"transactional_id", p.cfg.TransactionalID, "error", errString(err))
		}
		p.m.SetState(StateRetrying)
		wait := jitter(backoff)
		p.log.Warn("kafka session failed; retrying from the last committed offsets", "error", errString(err), "retry_in", wait.String())
		if !sleepCtx(ctx, wait) {
			p.m.SetState(StateStopped)
			return nil
		}
		backoff = min(backoff*2, maxBackoff)
	}
}

// groupOpts are the consumer group options both delivery modes share.
func (p *Pipeline) groupOpts() []kgo.Opt {
	opts := append(p.cfg.Connection.opts(),
		kgo.ConsumerGroup(p.cfg.Group),
		kgo.ConsumeTopics(p.cfg.In...),
		kgo.FetchIsolationLevel(kgo.ReadCommitted()),
		kgo.RequireStableFetchOffsets(),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()),
		kgo.RecordPartitioner(kgo.ManualPartitioner()),
		kgo.SessionTimeout(p.cfg.SessionTimeout),
		kgo.RebalanceTimeout(p.cfg.RebalanceTimeout),
		kgo.FetchMaxBytes(p.cfg.FetchMaxBytes),
		kgo.MaxBufferedBytes(p.cfg.MaxBufferedBytes),
		kgo.ProducerBatchMaxBytes(int32(p.cfg.MaxRecordBytes+recordOverhead)), // #nosec G115 -- validate bounds MaxRecordBytes to MaxRecordBytesLimit
		kgo.OnPartitionsRevoked(p.onRevoked),
		kgo.OnPartitionsLost(p.onRevoked),
		kgo.WithLogger(&kgoLogger{p.log}),
	)
	if p.cfg.StaticMembership {
		opts = append(opts, kgo.InstanceID(p.cfg.TransactionalID))
	}
	return opts
}

// onRevoked forgets the chain heads and lag of partitions taken away.
func (p *Pipeline) onRevoked(_ context.Context, _ *kgo.Client, parts map[string][]int32) {
	p.heads.revoke(parts)
	p.m.dropLag(parts)
}

// leaveGroup removes this worker's static membership so its partitions
// move at once; a dynamic member leaves when its client closes.
func (p *Pipeline) leaveGroup(adm *kadm.Client) {
	if !p.cfg.StaticMembership {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	resp, err := adm.LeaveGroup(ctx, kadm.LeaveGroup(p.cfg.Group).InstanceIDs(p.cfg.TransactionalID).Reason("datafog pipeline stopping"))
	if err == nil {
		err = resp.Error()
	}
	if err != nil {
		p.log.Warn("leaving the group", "error", errString(err))
		return
	}
	p.log.Info("left the group", "group", p.cfg.Group, "instance_id", p.cfg.TransactionalID)
}

// pollWait bounds one poll, so the state reported in the metrics follows
// the brokers even when no record arrives.
const pollWait = time.Second

// poll polls for up to MaxBatchRecords records, waiting at most pollWait.
func (p *Pipeline) poll(ctx context.Context, fn func(context.Context, int) kgo.Fetches) kgo.Fetches {
	pctx, cancel := context.WithTimeout(ctx, pollWait)
	defer cancel()
	return fn(pctx, p.cfg.MaxBatchRecords)
}

// pollCheck notes fetch errors. It returns false when the client closed
// or ctx ended.
func (p *Pipeline) pollCheck(ctx context.Context, fetches kgo.Fetches) bool {
	if fetches.IsClientClosed() || ctx.Err() != nil {
		return false
	}
	failing := false
	fetches.EachError(func(t string, part int32, err error) {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return
		}
		failing = true
		p.m.fetchErrors.Add(1)
		p.log.Warn("fetch error; the client retries", "topic", t, "partition", part, "error", errString(err))
	})
	switch {
	case failing && fetches.NumRecords() == 0:
		p.m.SetState(StateRetrying)
	case !failing && p.m.State() == StateRetrying:
		p.m.SetState(StateRunning)
	}
	return true
}

// endContext bounds finishing a batch. It does not end with ctx: a stop
// finishes the open transaction.
func (p *Pipeline) endContext() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), p.cfg.TransactionTimeout+p.cfg.ShutdownTimeout)
}

func isFatal(err error) bool {
	var fe *FatalError
	return errors.As(err, &fe)
}

// isAuthError reports whether err is a TLS verification or SASL failure:
// the configuration is wrong, and retrying will not help.
func isAuthError(err error) bool {
	var cve *tls.CertificateVerificationError
	var uae x509.UnknownAuthorityError
	var hne x509.HostnameError
	return errors.Is(err, kerr.SaslAuthenticationFailed) || errors.Is(err, kerr.UnsupportedSaslMechanism) ||
		errors.Is(err, kerr.IllegalSaslState) || errors.Is(err, kerr.ClusterAuthorizationFailed) ||
		errors.As(err, &cve) || errors.As(err, &uae) || errors.As(err, &hne)
}

func isFenced(err error) bool {
	return errors.Is(err, kerr.ProducerFenced) || errors.Is(err, kerr.InvalidProducerEpoch) || errors.Is(err, kerr.FencedInstanceID)
}

// errString returns err's text, or "" for nil.
func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// jitter spreads d by ±20%.
func jitter(d time.Duration) time.Duration {
	return time.Duration(float64(d) * (0.8 + 0.4*rand.Float64())) // #nosec G404 -- retry spreading, not security
}

// sleepCtx sleeps for d; it returns false if ctx ended first.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
