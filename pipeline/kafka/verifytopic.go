package kafka

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"
)

// MaxExportLine is the longest line VerifyExport reads.
const MaxExportLine = 16 << 20

// VerifyTopic verifies every committed receipt of a receipts topic, read
// with read_committed from the start of each partition up to its last
// stable offset when the call starts. It returns the Verifier with its
// counts and chains, and a *BadReceiptError naming the first bad record
// found, if any.
func VerifyTopic(ctx context.Context, conn Connection, topic string, k *Keys) (*Verifier, error) {
	cl, err := conn.newClient()
	if err != nil {
		return nil, fmt.Errorf("kafka: %w", err)
	}
	defer cl.Close()
	adm := kadm.NewClient(cl)
	md, err := adm.Metadata(ctx, topic)
	if err != nil {
		return nil, fmt.Errorf("kafka: metadata of %q: %w", topic, err)
	}
	if td, ok := md.Topics[topic]; !ok || td.Err != nil {
		return nil, fmt.Errorf("kafka: topic %q: %v", topic, td.Err)
	}
	ends, err := adm.ListCommittedOffsets(ctx, topic)
	if err != nil {
		return nil, fmt.Errorf("kafka: end offsets of %q: %w", topic, err)
	}
	starts, err := adm.ListStartOffsets(ctx, topic)
	if err != nil {
		return nil, fmt.Errorf("kafka: start offsets of %q: %w", topic, err)
	}
	want := map[int32]int64{}
	ends.Each(func(o kadm.ListedOffset) {
		if s, ok := starts.Lookup(topic, o.Partition); ok && o.Offset > s.Offset {
			want[o.Partition] = o.Offset
		}
	})
	v := NewVerifier(k)
	if len(want) == 0 {
		return v, nil
	}
	rd, err := conn.newClient(kgo.ConsumeTopics(topic), kgo.FetchIsolationLevel(kgo.ReadCommitted()),
		kgo.KeepControlRecords(), kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))
	if err != nil {
		return nil, fmt.Errorf("kafka: %w", err)
	}
	defer rd.Close()
	var bad error
	for len(want) > 0 && bad == nil {
		fs := rd.PollFetches(ctx)
		if err := ctx.Err(); err != nil {
			return v, fmt.Errorf("kafka: reading %q: %w", topic, err)
		}
		fs.EachRecord(func(r *kgo.Record) {
			end, ok := want[r.Partition]
			if !ok || bad != nil || r.Offset >= end {
				return
			}
			if !r.Attrs.IsControl() {
				bad = v.Check(r.Value, Coord{Topic: topic, Partition: r.Partition, Offset: r.Offset})
			}
			if r.Offset >= end-1 {
				delete(want, r.Partition)
			}
		})
	}
	return v, bad
}

// exportLine is one line of an export in the JSON shape kcat (-J) or rpk
// writes: the record's coordinates and its value as a string.
type exportLine struct {
	Topic     string  `json:"topic"`
	Partition int32   `json:"partition"`
	Offset    int64   `json:"offset"`
	Value     *string `json:"value"`
	Payload   *string `json:"payload"`
}

// VerifyExport verifies an export of a receipts topic: one record per
// line, either the receipt value itself or a JSON envelope with the value
// as the string "value" (rpk) or "payload" (kcat -J). The records of each
// partition must keep their order; partitions may interleave. Blank lines
// are skipped.
func VerifyExport(r io.Reader, k *Keys) (*Verifier, error) {
	v := NewVerifier(k)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), MaxExportLine)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		at := Coord{Line: line}
		value := b
		if _, _, ok := splitReceipt(b); !ok {
			var env exportLine
			if err := json.Unmarshal(b, &env); err != nil {
				return v, &BadReceiptError{At: at, Reason: "neither a receipt nor a JSON record envelope: " + err.Error()}
			}
			s := env.Value
			if s == nil {
				s = env.Payload
			}
			if s == nil {
				return v, &BadReceiptError{At: at, Reason: `a JSON record envelope without a "value" or "payload" string`}
			}
			value = []byte(*s)
			at.Topic, at.Partition, at.Offset = env.Topic, env.Partition, env.Offset
		}
		if err := v.Check(value, at); err != nil {
			return v, err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return v, fmt.Errorf("kafka: export: a line is longer than %d bytes", MaxExportLine)
		}
		return v, fmt.Errorf("kafka: export: %w", err)
	}
	return v, nil
}
