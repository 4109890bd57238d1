package kafka

import "github.com/twmb/franz-go/pkg/kmsg"

// hint returns the offset commit metadata for input partition (topic,
// partition), if this batch advanced its chain.
func (b *batch) hint(topic string, partition int32) (string, bool) {
	t := b.byChain[ChainID{topic, partition}]
	if t == nil || b.p.cfg.Receipts == "" || t.roff < 0 || t.stopped {
		return "", false
	}
	return headHint{part: t.chain.Partition % b.p.receiptParts, offset: t.roff, head: t.head}.String(), true
}

// txnMetadata writes the chain hints into a transactional offset commit.
func (b *batch) txnMetadata(req *kmsg.TxnOffsetCommitRequest) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := range req.Topics {
		tp := &req.Topics[i]
		for j := range tp.Partitions {
			if s, ok := b.hint(tp.Topic, tp.Partitions[j].Partition); ok {
				tp.Partitions[j].Metadata = &s
			}
		}
	}
	return nil
}

// commitMetadata writes the chain hints into an offset commit.
func (b *batch) commitMetadata(req *kmsg.OffsetCommitRequest) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := range req.Topics {
		tp := &req.Topics[i]
		for j := range tp.Partitions {
			if s, ok := b.hint(tp.Topic, tp.Partitions[j].Partition); ok {
				tp.Partitions[j].Metadata = &s
			}
		}
	}
	return nil
}

// committed records a batch whose output is durable: the chains' new heads
// and the counts.
func (b *batch) committed() {
	for _, t := range b.tasks {
		if b.p.cfg.Receipts != "" {
			b.p.heads.put(t.chain, t.head, b.gen)
		}
		b.p.m.add(&t.tally)
	}
}

// release returns the batch's buffers. Call it once every record it
// produced is acknowledged or aborted.
func (b *batch) release() {
	for _, st := range b.states {
		st.release()
		b.p.releaseState(st)
	}
	b.states = nil
}

// chains lists the batch's input partitions.
func (b *batch) chains() []ChainID {
	out := make([]ChainID, len(b.tasks))
	for i, t := range b.tasks {
		out[i] = t.chain
	}
	return out
}
