package kafka

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"
)

// recordOverhead approximates the bytes a record adds to a batch beyond
// its key, value and header bytes (varint lengths, deltas, attributes).
const recordOverhead = 64

// headerOverhead approximates the bytes each header adds.
const headerOverhead = 8

// errorHeader names the dead-letter reason on a dead-letter record.
const errorHeader = "datafog-error"

// producer is the Produce method of a session or client.
type producer func(context.Context, *kgo.Record, func(*kgo.Record, error))

// task is one input partition's records in a batch.
type task struct {
	chain   ChainID
	recs    []*kgo.Record
	hwm     int64
	next    int64  // the offset after the last record processed
	rkey    []byte // the receipt record key: the chain id
	head    ChainHead
	roff    int64 // offset of the chain's last acknowledged receipt
	stopped bool  // the batch failed before this task finished
	tally   tally
}

// batch is one transaction's worth of records: what PollRecords returned.
type batch struct {
	p       *Pipeline
	rules   *ruleSet
	static  []byte
	produce producer
	pctx    context.Context
	tasks   []*task
	byChain map[ChainID]*task
	byKey   map[string]*task
	states  []*procState
	gen     uint64

	mu    sync.Mutex
	err   error // the first produce error
	fatal error // a record that cannot be processed and has nowhere to go
}

// newBatch groups fetched records by input partition.
func (p *Pipeline) newBatch(fetches kgo.Fetches, produce producer, pctx context.Context) *batch {
	b := &batch{p: p, rules: p.rules.Load(), produce: produce, pctx: pctx,
		byChain: map[ChainID]*task{}, byKey: map[string]*task{}, gen: p.heads.generation()}
	b.static = append(b.static, `,"time":"`...)
	b.static = time.Now().UTC().AppendFormat(b.static, time.RFC3339Nano)
	b.static = append(b.static, '"')
	b.static = append(b.static, b.rules.static...)
	fetches.EachPartition(func(ftp kgo.FetchTopicPartition) {
		if len(ftp.Records) == 0 {
			return
		}
		c := ChainID{ftp.Topic, ftp.Partition}
		t := b.byChain[c]
		if t == nil {
			t = &task{chain: c, roff: -1, rkey: []byte(c.String())}
			b.byChain[c] = t
			b.byKey[c.String()] = t
			b.tasks = append(b.tasks, t)
		}
		t.recs = append(t.recs, ftp.Records...)
		t.hwm = ftp.HighWatermark
	})
	return b
}

// records returns the number of records in the batch.
func (b *batch) records() int {
	n := 0
	for _, t := range b.tasks {
		n += len(t.recs)
	}
	return n
}

// run restores the receipt chains the batch needs and redacts its
// partitions concurrently, producing through b.produce. It returns an
// error only when the chains cannot be restored.
func (b *batch) run(ctx context.Context, adm *kadm.Client) error {
	p := b.p
	if p.cfg.Receipts != "" {
		chains := make([]ChainID, len(b.tasks))
		for i, t := range b.tasks {
			chains[i] = t.chain
		}
		if err := p.restoreHeads(ctx, adm, chains); err != nil {
			return err
		}
		for _, t := range b.tasks {
			h, ok := p.heads.get(t.chain)
			if !ok {
				return fmt.Errorf("kafka: partition %s was revoked while its receipt chain was restored", t.chain)
			}
			t.head = h
		}
	}
	work := make(chan *task, len(b.tasks))
	for _, t := range b.tasks {
		work <- t
	}
	close(work)
	n := min(p.cfg.Concurrency, len(b.tasks))
	b.states = make([]*procState, n)
	var wg sync.WaitGroup
	for i := range n {
		st := p.acquireState()
		b.states[i] = st
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range work {
				b.process(st, t)
			}
		}()
	}
	wg.Wait()
	for _, t := range b.tasks {
		if t.next > 0 {
			p.m.setLag(t.chain, max(0, t.hwm-t.next))
		}
	}
	return nil
}

// failed reports whether the batch can no longer commit.
func (b *batch) failed() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err != nil || b.fatal != nil
}

func (b *batch) fail(err error) {
	b.mu.Lock()
	if b.err == nil {
		b.err = err
	}
	b.mu.Unlock()
}

func (b *batch) setFatal(err error) {
	b.mu.Lock()
	if b.fatal == nil {
		b.fatal = err
	}
	b.mu.Unlock()
}

// outputDone is the promise of output and dead-letter records.
func (b *batch) outputDone(_ *kgo.Record, err error) {
	if err != nil {
		b.fail(err)
	}
}

// receiptDone is the promise of receipt records; it notes the offset of
// each chain's last receipt for the offset commit's hint.
func (b *batch) receiptDone(r *kgo.Record, err error) {
	if err != nil {
		b.fail(err)
		return
	}
	b.mu.Lock()
	if t := b.byKey[string(r.Key)]; t != nil && r.Offset > t.roff {
		t.roff = r.Offset
	}
	b.mu.Unlock()
}

// recordSize approximates the bytes r takes in a record batch with value v.
func recordSize(r *kgo.Record, v []byte) int {
	n := len(r.Key) + len(v) + recordOverhead
	for _, h := range r.Headers {
		n += len(h.Key) + len(h.Value) + headerOverhead
	}
	return n
}

// process redacts one partition's records in order and produces the
// output, dead-letter and receipt records.
func (b *batch) process(st *procState, t *task) {
	p, red, max := b.p, b.rules.red, b.p.cfg.MaxRecordBytes
	st.seal.static = b.static
	for _, r := range t.recs {
		if b.failed() {
			t.stopped = true
			return
		}
		if n := p.outParts.Load(); r.Partition >= n {
			b.setFatal(&FatalError{fmt.Errorf("kafka: input partition %s/%d has no counterpart in output topic %q, which has %d partitions: add partitions to the output topic", r.Topic, r.Partition, p.cfg.Out, n)})
			t.stopped = true
			return
		}
		t.tally.in++
		t.tally.bytesIn += uint64(len(r.Value))
		t.next = r.Offset + 1 // r becomes the output record below; the producer overwrites its offset
		rc := Receipt{Topic: r.Topic, Partition: r.Partition, Offset: r.Offset, Timestamp: r.Timestamp.UnixMilli(), Outcome: OutcomeClean}
		var out []byte
		var rerr *RecordError
		if size := recordSize(r, r.Value); size > max {
			rerr = &RecordError{Code: ReasonTooLarge, Message: fmt.Sprintf("record of %d bytes, more than the limit of %d", size, max)}
		} else {
			res := red.redact(&st.sc, st.ar.room(len(r.Value)+len(r.Value)/8+64), r.Value)
			switch {
			case res.err != nil:
				rerr = res.err
			case recordSize(r, res.out) > max:
				rerr = &RecordError{Code: ReasonOutputTooLarge, Message: fmt.Sprintf("redacted record of %d bytes, more than the limit of %d", recordSize(r, res.out), max)}
			default:
				out = res.out
				st.ar.keep(out)
				rc.Findings, rc.Unredacted = res.counts, res.unredacted
				if len(res.counts) > 0 {
					rc.Outcome = OutcomeRedacted
				}
				for _, c := range res.counts {
					t.tally.findings = addCountN(t.tally.findings, c.Type, c.Count)
				}
				t.tally.unredacted += uint64(res.unredacted) // #nosec G115 -- a count, never negative
			}
		}
		var dead *kgo.Record
		if rerr != nil {
			if p.cfg.DLQ == "" {
				b.setFatal(&FatalError{fmt.Errorf("kafka: record %s/%d@%d cannot be processed (%s) and there is no dead-letter topic (--dlq); stopping before it", r.Topic, r.Partition, r.Offset, rerr)})
				t.stopped = true
				return
			}
			rc.Outcome, rc.Error = OutcomeDeadLetter, rerr.Code
			d := &deadLetter{Topic: r.Topic, Partition: r.Partition, Offset: r.Offset, Timestamp: rc.Timestamp, Err: rerr, HeaderKeys: len(r.Headers)}
			v := st.seal.appendDeadLetter(st.ar.room(512+len(rerr.Message)), d, r.Key, r.Value, p.cfg.TransactionalID)
			st.ar.keep(v)
			dead = st.record()
			dead.Topic, dead.Partition, dead.Value = p.cfg.DLQ, r.Partition%p.dlqParts, v
			dead.Headers = []kgo.RecordHeader{{Key: errorHeader, Value: []byte(rerr.Code)}}
			t.tally.deadLetter(rerr.Code)
		}
		var receipt *kgo.Record
		if p.cfg.Receipts != "" {
			var v []byte
			v, t.head = st.seal.seal(st.ar.room(1024), t.head, &rc, r.Key, r.Value, out)
			st.ar.keep(v)
			receipt = st.record()
			receipt.Topic, receipt.Partition, receipt.Key, receipt.Value = p.cfg.Receipts, t.chain.Partition%p.receiptParts, t.rkey, v
			t.tally.receipts++
		}
		if dead != nil {
			b.produce(b.pctx, dead, b.outputDone)
		} else {
			// The input record becomes the output record: same key,
			// headers, timestamp and partition number.
			r.Topic, r.Value = p.cfg.Out, out
			t.tally.out++
			t.tally.bytesOut += uint64(len(out))
			b.produce(b.pctx, r, b.outputDone)
		}
		if receipt != nil {
			b.produce(b.pctx, receipt, b.receiptDone)
		}
	}
}

// addCountN adds n findings of type typ.
func addCountN(dst []TypeCount, typ string, n int) []TypeCount {
	for i := range dst {
		if dst[i].Type == typ {
			dst[i].Count += n
			return dst
		}
	}
	return append(dst, TypeCount{Type: typ, Count: n})
}
