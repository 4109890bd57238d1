package kafka

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kerr"
)

// startup waits for the brokers and checks the topics: each exists, and
// the output topic has at least as many partitions as every input topic.
func (p *Pipeline) startup(ctx context.Context, adm *kadm.Client) error {
	topics := append([]string{p.cfg.Out}, p.cfg.In...)
	for _, t := range []string{p.cfg.Receipts, p.cfg.DLQ} {
		if t != "" {
			topics = append(topics, t)
		}
	}
	var md kadm.Metadata
	for backoff := minBackoff; ; backoff = min(backoff*2, maxBackoff) {
		var err error
		if md, err = adm.Metadata(ctx, topics...); err == nil {
			break
		}
		if isAuthError(err) {
			return &FatalError{fmt.Errorf("kafka: connecting to the brokers: %w", err)}
		}
		p.m.SetState(StateRetrying)
		p.log.Warn("kafka brokers not reachable yet; retrying", "error", errString(err))
		if !sleepCtx(ctx, jitter(backoff)) {
			return ctx.Err()
		}
	}
	parts := map[string]int32{}
	var problems []error
	for _, t := range topics {
		td, ok := md.Topics[t]
		switch {
		case !ok || errors.Is(td.Err, kerr.UnknownTopicOrPartition):
			problems = append(problems, fmt.Errorf("topic %q does not exist (the pipeline does not create topics)", t))
		case td.Err != nil:
			problems = append(problems, fmt.Errorf("topic %q: %w", t, td.Err))
		default:
			parts[t] = int32(len(td.Partitions)) // #nosec G115 -- Kafka partition counts are int32
		}
	}
	if len(problems) == 0 {
		for _, in := range p.cfg.In {
			if parts[in] > parts[p.cfg.Out] {
				problems = append(problems, fmt.Errorf("output topic %q has %d partitions, fewer than the %d of input topic %q: every record keeps its partition number, so the output topic needs at least %d partitions",
					p.cfg.Out, parts[p.cfg.Out], parts[in], in, parts[in]))
			}
		}
	}
	if len(problems) == 0 {
		problems = p.checkTopicConfigs(ctx, adm)
	}
	if len(problems) > 0 {
		return &FatalError{fmt.Errorf("kafka: %w", errors.Join(problems...))}
	}
	p.outParts.Store(parts[p.cfg.Out])
	p.receiptParts, p.dlqParts = max(parts[p.cfg.Receipts], 1), max(parts[p.cfg.DLQ], 1)
	return nil
}

// batchOverhead is a record batch's header size (Kafka's v2 format).
const batchOverhead = 61

// checkTopicConfigs refuses topic settings that would make records fail
// on every retry: an output or dead-letter topic whose max.message.bytes
// is below --max-record-bytes, and a compacted receipts topic (compaction
// keeps one receipt per chain). When the configs cannot be read (the
// principal may lack DescribeConfigs), it logs and goes on.
func (p *Pipeline) checkTopicConfigs(ctx context.Context, adm *kadm.Client) []error {
	topics := []string{p.cfg.Out}
	for _, t := range []string{p.cfg.DLQ, p.cfg.Receipts} {
		if t != "" {
			topics = append(topics, t)
		}
	}
	rcs, err := adm.DescribeTopicConfigs(ctx, topics...)
	if err != nil {
		p.log.Warn("cannot read the topics' configs; max.message.bytes and cleanup.policy are not checked", "error", errString(err))
		return nil
	}
	var problems []error
	need := p.cfg.MaxRecordBytes + recordOverhead + batchOverhead
	for _, rc := range rcs {
		if rc.Err != nil {
			p.log.Warn("cannot read a topic's configs", "topic", rc.Name, "error", errString(rc.Err))
			continue
		}
		for _, c := range rc.Configs {
			v := c.MaybeValue()
			switch {
			case c.Key == "max.message.bytes" && rc.Name != p.cfg.Receipts:
				if n, err := strconv.Atoi(v); err == nil && n < need {
					problems = append(problems, fmt.Errorf("topic %q has max.message.bytes %d, below what --max-record-bytes %d needs (%d): lower --max-record-bytes or raise max.message.bytes", rc.Name, n, p.cfg.MaxRecordBytes, need))
				}
			case c.Key == "cleanup.policy" && rc.Name == p.cfg.Receipts && strings.Contains(v, "compact"):
				problems = append(problems, fmt.Errorf("receipts topic %q has cleanup.policy %q: compaction would keep one receipt per chain; use delete", rc.Name, v))
			}
		}
	}
	return problems
}
