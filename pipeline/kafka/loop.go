package kafka

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// runExactlyOnce is franz-go's consume-transform-produce loop: a
// GroupTransactSession polls with read_committed, and each poll becomes one
// transaction holding the output, receipt and dead-letter records and the
// consumer offsets. A rebalance, a failed produce or a failed commit aborts
// the transaction; the session then rewinds to the last committed offsets.
func (p *Pipeline) runExactlyOnce(ctx context.Context, cl *kgo.Client, adm *kadm.Client) error {
	opts := append(p.groupOpts(),
		kgo.TransactionalID(p.cfg.TransactionalID),
		kgo.TransactionTimeout(p.cfg.TransactionTimeout),
		kgo.RecordDeliveryTimeout(p.cfg.TransactionTimeout),
	)
	if err := p.abortPrevious(ctx, cl); err != nil {
		return err
	}
	sess, err := kgo.NewGroupTransactSession(opts...)
	if err != nil {
		return &FatalError{fmt.Errorf("kafka: %w", err)}
	}
	defer func() {
		if ctx.Err() != nil {
			p.m.SetState(StateStopping)
		}
		sess.Close()
		if ctx.Err() != nil {
			p.leaveGroup(adm)
		}
	}()
	for {
		fetches := p.poll(ctx, sess.PollRecords)
		if !p.pollCheck(ctx, fetches) {
			return nil
		}
		if fetches.NumRecords() == 0 {
			continue
		}
		if err := p.transact(sess, adm, fetches); err != nil {
			return err
		}
	}
}

// abortPrevious initializes this worker's transactional id before it
// joins the group, which makes the coordinator abort a transaction that a
// previous run of the worker left open (killed between its offset commit
// and its end) and fence that run. Without it, the group's offset fetch
// (which waits for pending transactional offsets, KIP-447) would wait for
// the transaction timeout, since the session initializes its producer id
// only when it first produces, after that fetch.
func (p *Pipeline) abortPrevious(ctx context.Context, cl *kgo.Client) error {
	id := p.cfg.TransactionalID
	deadline := time.Now().Add(p.cfg.TransactionTimeout)
	for wait := 20 * time.Millisecond; ; wait = min(wait*2, time.Second) {
		req := kmsg.NewPtrInitProducerIDRequest()
		req.TransactionalID = &id
		req.TransactionTimeoutMillis = int32(p.cfg.TransactionTimeout.Milliseconds()) // #nosec G115 -- validate bounds it to MaxTransactionTimeout
		req.ProducerID, req.ProducerEpoch = -1, -1
		resp, err := req.RequestWith(ctx, cl)
		if err == nil {
			err = kerr.ErrorForCode(resp.ErrorCode)
		}
		if err == nil || ctx.Err() != nil {
			return err
		}
		if isAuthError(err) || errors.Is(err, kerr.TransactionalIDAuthorizationFailed) {
			return &FatalError{fmt.Errorf("kafka: initializing transactional id %q: %w", id, err)}
		}
		if !errors.Is(err, kerr.ConcurrentTransactions) || time.Now().After(deadline) {
			return fmt.Errorf("kafka: initializing transactional id %q: %w", id, err)
		}
		if !sleepCtx(ctx, wait) {
			return ctx.Err()
		}
	}
}

// transact processes one poll in one transaction.
func (p *Pipeline) transact(sess *kgo.GroupTransactSession, adm *kadm.Client, fetches kgo.Fetches) error {
	start := time.Now()
	if err := sess.Begin(); err != nil {
		return fmt.Errorf("kafka: begin transaction: %w", err)
	}
	ectx, cancel := p.endContext()
	defer cancel()
	b := p.newBatch(fetches, sess.Produce, ectx)
	runErr := b.run(ectx, adm)
	if runErr != nil {
		b.fail(runErr)
	}
	// Every record must be acknowledged before deciding: End would commit
	// the records that made it and the offsets past the ones that failed.
	if err := sess.Client().Flush(ectx); err != nil {
		b.fail(err)
	}
	committed, err := sess.End(kgo.PreTxnCommitFnContext(ectx, b.txnMetadata), kgo.TransactionEndTry(!b.failed()))
	b.release()
	p.m.batchDone(committed, time.Since(start))
	switch {
	case committed:
		b.committed()
		p.m.SetState(StateRunning)
		return nil
	case b.fatal != nil:
		return b.fatal
	case isFatal(runErr):
		return runErr
	case err != nil:
		return fmt.Errorf("kafka: end transaction: %w", err)
	case b.err != nil:
		return fmt.Errorf("kafka: transaction aborted: %w", b.err)
	}
	p.log.Info("transaction aborted by a group rebalance or an offset commit the broker refused; continuing from the committed offsets", "records", b.records())
	return nil
}

// runAtLeastOnce polls with rebalances blocked, produces a batch, waits
// until every record is acknowledged and only then commits the offsets,
// so offsets never run ahead of output; a crash between the two repeats
// the batch.
func (p *Pipeline) runAtLeastOnce(ctx context.Context, adm *kadm.Client) error {
	opts := append(p.groupOpts(),
		kgo.DisableAutoCommit(),
		kgo.BlockRebalanceOnPoll(),
		kgo.RecordDeliveryTimeout(p.cfg.TransactionTimeout),
	)
	cl, err := kgo.NewClient(opts...)
	if err != nil {
		return &FatalError{fmt.Errorf("kafka: %w", err)}
	}
	defer func() {
		if ctx.Err() != nil {
			p.m.SetState(StateStopping)
		}
		cl.Close()
		if ctx.Err() != nil {
			p.leaveGroup(adm)
		}
	}()
	for {
		fetches := p.poll(ctx, cl.PollRecords)
		if !p.pollCheck(ctx, fetches) {
			cl.AllowRebalance()
			return nil
		}
		if fetches.NumRecords() == 0 {
			cl.AllowRebalance()
			continue
		}
		err := p.deliver(cl, adm, fetches)
		cl.AllowRebalance()
		if err != nil {
			return err
		}
	}
}

// deliver processes one poll at least once.
func (p *Pipeline) deliver(cl *kgo.Client, adm *kadm.Client, fetches kgo.Fetches) error {
	start := time.Now()
	ectx, cancel := p.endContext()
	defer cancel()
	b := p.newBatch(fetches, cl.Produce, ectx)
	if err := b.run(ectx, adm); err != nil {
		b.fail(err)
	}
	flushErr := cl.Flush(ectx)
	b.release()
	if b.failed() || flushErr != nil {
		// Some of the batch may be in the topics: its chains' heads are
		// unknown until read back.
		p.heads.forget(b.chains())
		p.m.batchDone(false, time.Since(start))
		switch {
		case b.fatal != nil:
			return b.fatal
		case isFatal(b.err):
			return b.err
		case b.err != nil:
			return fmt.Errorf("kafka: batch failed: %w", b.err)
		}
		return fmt.Errorf("kafka: flush: %w", flushErr)
	}
	b.committed()
	if err := cl.CommitUncommittedOffsets(kgo.PreCommitFnContext(ectx, b.commitMetadata)); err != nil {
		p.m.batchDone(false, time.Since(start))
		return fmt.Errorf("kafka: committing offsets after the output was acknowledged (the batch will be delivered again): %w", err)
	}
	p.m.batchDone(true, time.Since(start))
	p.m.SetState(StateRunning)
	return nil
}

// kgoLogger passes franz-go's warnings and errors to slog; its info and
// debug lines (one per transaction) go to slog's debug level.
type kgoLogger struct{ log *slog.Logger }

func (l *kgoLogger) Level() kgo.LogLevel {
	if l.log.Enabled(context.Background(), slog.LevelDebug) {
		return kgo.LogLevelDebug
	}
	return kgo.LogLevelWarn
}

func (l *kgoLogger) Log(level kgo.LogLevel, msg string, keyvals ...any) {
	lv := slog.LevelDebug
	switch level {
	case kgo.LogLevelError:
		lv = slog.LevelError
	case kgo.LogLevelWarn:
		lv = slog.LevelWarn
	}
	l.log.Log(context.Background(), lv, "kafka client: "+msg, keyvals...)
}
