package kafka

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
)

// restoreHeads gives every chain in chains that has no head in the store
// the head of its last committed receipt. The committed offset of each
// input partition carries a hint naming that receipt (see headHint):
//
//   - exactly-once: the hint is exact, since the receipts and the offset
//     commit are in one transaction. The receipt it names is read back with
//     read_committed and must match it; if retention removed it, the hint
//     alone is the head.
//   - at-least-once: receipts can outlive an offset commit that failed, so
//     the partition is read from the hinted receipt to its end and the last
//     receipt of the chain is the head.
//   - no hint (a new group, or offsets committed by another tool): the
//     receipts partition is searched backwards from its end.
func (p *Pipeline) restoreHeads(ctx context.Context, adm *kadm.Client, chains []ChainID) error {
	if p.cfg.Receipts == "" {
		return nil
	}
	gen := p.heads.generation()
	var missing []ChainID
	topics := map[string]bool{}
	for _, c := range chains {
		if _, ok := p.heads.get(c); !ok {
			missing = append(missing, c)
			topics[c.Topic] = true
		}
	}
	if len(missing) == 0 {
		return nil
	}
	names := make([]string, 0, len(topics))
	for t := range topics {
		names = append(names, t)
	}
	offs, err := p.stableOffsets(ctx, adm, names)
	if err != nil {
		return fmt.Errorf("kafka: fetching committed offsets to restore receipt chains: %w", err)
	}
	var wg sync.WaitGroup
	errs := make([]error, len(missing))
	sem := make(chan struct{}, 8)
	for i, c := range missing {
		var hint headHint
		ok := false
		if o, found := offs.Lookup(c.Topic, c.Partition); found && o.Err == nil {
			hint, ok = parseHint(o.Metadata)
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			h, err := p.restoreChain(ctx, adm, c, hint, ok)
			if err != nil {
				errs[i] = err
				return
			}
			p.heads.put(c, h, gen)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// stableOffsets fetches the group's committed offsets for topics once no
// transaction that commits offsets for them is pending (KIP-447): the
// broker answers UNSTABLE_OFFSET_COMMIT until then, which the transaction
// timeout bounds.
func (p *Pipeline) stableOffsets(ctx context.Context, adm *kadm.Client, topics []string) (kadm.OffsetResponses, error) {
	deadline := time.Now().Add(p.cfg.TransactionTimeout + 10*time.Second)
	for wait := 10 * time.Millisecond; ; wait = min(wait*2, time.Second) {
		offs, err := adm.FetchOffsetsForTopics(kadm.RequireStable(ctx), p.cfg.Group, topics...)
		if err == nil {
			err = offs.Error()
		}
		if !errors.Is(err, kerr.UnstableOffsetCommit) || time.Now().After(deadline) {
			return offs, err
		}
		if !sleepCtx(ctx, wait) {
			return nil, ctx.Err()
		}
	}
}

// restoreChain returns the head of chain c; see restoreHeads.
func (p *Pipeline) restoreChain(ctx context.Context, adm *kadm.Client, c ChainID, hint headHint, hasHint bool) (ChainHead, error) {
	if !hasHint {
		return p.searchBackward(ctx, adm, c)
	}
	if hint.part >= p.receiptParts {
		return ChainHead{}, &FatalError{fmt.Errorf("kafka: the committed offset of %s names receipts partition %d, but %q has %d partitions: was the receipts topic recreated?", c, hint.part, p.cfg.Receipts, p.receiptParts)}
	}
	if p.cfg.Delivery == ExactlyOnce {
		return p.checkHint(ctx, c, hint)
	}
	end, err := p.receiptsEnd(ctx, adm, hint.part)
	if err != nil {
		return ChainHead{}, err
	}
	h, found, err := p.lastReceipt(ctx, c, hint.part, hint.offset, end)
	if err != nil || !found || h.Seq < hint.head.Seq {
		return hint.head, err
	}
	return h, nil
}

// checkHint reads the receipt an exactly-once hint names and checks that
// it is the chain head the hint says.
func (p *Pipeline) checkHint(ctx context.Context, c ChainID, hint headHint) (ChainHead, error) {
	// The record is committed, but it becomes visible to read_committed
	// only once every transaction that began before it on that partition
	// has ended, which the transaction timeout bounds.
	rctx, cancel := context.WithTimeout(ctx, p.cfg.TransactionTimeout+10*time.Second)
	defer cancel()
	h := p.cfg.Keys.newHasher()
	var bad error
	seen := false
	err := p.readRange(rctx, hint.part, hint.offset, hint.offset+1, func(r *kgo.Record) {
		seen = true
		rh, mac, reason := h.parseReceipt(r.Value)
		if reason != "" || (ChainID{rh.Topic, rh.Partition}) != c || rh.Seq != hint.head.Seq || mac != hint.head.MAC {
			bad = &FatalError{fmt.Errorf("kafka: %s/%d@%d is not the last receipt of chain %s that the committed offsets name (seq %d): the receipts topic was changed or recreated, or --key-file differs; refusing to fork the chain",
				p.cfg.Receipts, hint.part, hint.offset, c, hint.head.Seq)}
		}
	})
	switch {
	case bad != nil:
		return ChainHead{}, bad
	case err != nil && ctx.Err() != nil:
		return ChainHead{}, ctx.Err()
	case err != nil:
		p.log.Warn("receipt chain: the last committed receipt is not readable yet; continuing from the committed offset's record of it",
			"chain", c.String(), "receipts_partition", hint.part, "receipts_offset", hint.offset, "error", err.Error())
	case !seen:
		p.log.Info("receipt chain: the last receipt was removed by retention; continuing from the committed offset's record of it",
			"chain", c.String(), "seq", hint.head.Seq)
	}
	return hint.head, nil
}

// searchBackward finds the last receipt of c in its receipts partition,
// reading windows of growing size back from the end.
func (p *Pipeline) searchBackward(ctx context.Context, adm *kadm.Client, c ChainID) (ChainHead, error) {
	part := c.Partition % p.receiptParts
	starts, err := adm.ListStartOffsets(ctx, p.cfg.Receipts)
	if err != nil {
		return ChainHead{}, fmt.Errorf("kafka: listing receipts start offsets: %w", err)
	}
	so, ok := starts.Lookup(p.cfg.Receipts, part)
	if !ok || so.Err != nil {
		return ChainHead{}, fmt.Errorf("kafka: receipts partition %d: no start offset (%v)", part, so.Err)
	}
	to, err := p.receiptsEnd(ctx, adm, part)
	if err != nil {
		return ChainHead{}, err
	}
	for window := int64(256); to > so.Offset; window = min(window*4, 1<<20) {
		from := max(so.Offset, to-window)
		h, found, err := p.lastReceipt(ctx, c, part, from, to)
		if err != nil || found {
			return h, err
		}
		to = from
	}
	return ChainHead{}, nil
}

// receiptsEnd returns the last stable offset of a receipts partition: the
// end of what read_committed can see.
func (p *Pipeline) receiptsEnd(ctx context.Context, adm *kadm.Client, part int32) (int64, error) {
	ends, err := adm.ListCommittedOffsets(ctx, p.cfg.Receipts)
	if err != nil {
		return 0, fmt.Errorf("kafka: listing receipts end offsets: %w", err)
	}
	o, ok := ends.Lookup(p.cfg.Receipts, part)
	if !ok || o.Err != nil {
		return 0, fmt.Errorf("kafka: receipts partition %d: no end offset (%v)", part, o.Err)
	}
	return o.Offset, nil
}

// lastReceipt returns the last receipt of chain c in [from, to) of a
// receipts partition. A record there that is not a valid receipt is fatal:
// continuing the chain past it could fork it.
func (p *Pipeline) lastReceipt(ctx context.Context, c ChainID, part int32, from, to int64) (ChainHead, bool, error) {
	rctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	h := p.cfg.Keys.newHasher()
	var head ChainHead
	found := false
	var bad error
	err := p.readRange(rctx, part, from, to, func(r *kgo.Record) {
		rh, mac, reason := h.parseReceipt(r.Value)
		if reason != "" {
			if bad == nil {
				bad = &FatalError{fmt.Errorf("kafka: %s/%d@%d: %s; check --key-file, or run datafog receipts verify on the topic", p.cfg.Receipts, part, r.Offset, reason)}
			}
			return
		}
		if (ChainID{rh.Topic, rh.Partition}) == c {
			head, found = ChainHead{Seq: rh.Seq, MAC: mac}, true
		}
	})
	if bad != nil {
		return ChainHead{}, false, bad
	}
	if err != nil {
		return ChainHead{}, false, fmt.Errorf("kafka: reading receipts partition %d [%d, %d): %w", part, from, to, err)
	}
	return head, found, nil
}

// readRange calls fn for every committed data record of a receipts
// partition from offset from up to (not including) to, reading with
// read_committed. It returns once it has seen offset to-1 or beyond
// (control records count, so a range ending in a commit marker ends).
func (p *Pipeline) readRange(ctx context.Context, part int32, from, to int64, fn func(*kgo.Record)) error {
	if to <= from {
		return nil
	}
	cl, err := p.cfg.Connection.newClient(
		kgo.ConsumePartitions(map[string]map[int32]kgo.Offset{p.cfg.Receipts: {part: kgo.NewOffset().At(from)}}),
		kgo.FetchIsolationLevel(kgo.ReadCommitted()),
		kgo.KeepControlRecords(),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()),
		kgo.FetchMaxWait(500*time.Millisecond),
	)
	if err != nil {
		return err
	}
	defer cl.Close()
	for {
		fs := cl.PollFetches(ctx)
		if err := ctx.Err(); err != nil {
			return err
		}
		var fetchErr error
		fs.EachError(func(_ string, _ int32, err error) { fetchErr = err })
		done := false
		fs.EachRecord(func(r *kgo.Record) {
			if done {
				return
			}
			if r.Offset < to && !r.Attrs.IsControl() {
				fn(r)
			}
			if r.Offset >= to-1 {
				done = true
			}
		})
		if done {
			return nil
		}
		if fetchErr != nil {
			p.log.Debug("reading receipts: fetch error, retrying", "error", fetchErr.Error())
		}
	}
}
