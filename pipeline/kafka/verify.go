package kafka

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
)

// ChainID names a receipt chain: the input topic and partition whose
// records it covers.
type ChainID struct {
	Topic     string
	Partition int32
}

// String returns "topic/partition".
func (c ChainID) String() string { return c.Topic + "/" + strconv.Itoa(int(c.Partition)) }

// Coord locates one record of a receipts topic, or one line of an export
// when Topic is empty.
type Coord struct {
	Topic     string
	Partition int32
	Offset    int64
	// Line is the 1-based line of an export; 0 for a topic.
	Line int
}

// String names the record for an error message.
func (c Coord) String() string {
	if c.Line > 0 {
		s := "line " + strconv.Itoa(c.Line)
		if c.Topic != "" {
			s += fmt.Sprintf(" (%s/%d@%d)", c.Topic, c.Partition, c.Offset)
		}
		return s
	}
	return fmt.Sprintf("%s/%d@%d", c.Topic, c.Partition, c.Offset)
}

// BadReceiptError names the first receipt that fails verification.
type BadReceiptError struct {
	At     Coord
	Reason string
}

// Error implements error.
func (e *BadReceiptError) Error() string {
	return "kafka: receipt at " + e.At.String() + ": " + e.Reason
}

// receiptHeader holds the fields of a receipt that the chain checks read.
type receiptHeader struct {
	V         int    `json:"v"`
	Seq       uint64 `json:"seq"`
	Prev      string `json:"prev"`
	Topic     string `json:"topic"`
	Partition int32  `json:"partition"`
	Offset    int64  `json:"offset"`
	Outcome   string `json:"outcome"`
}

// parseReceipt checks a receipt record's MAC and decodes its chain fields.
// It returns the header, the record's MAC and, on failure, the reason.
func (h *hasher) parseReceipt(value []byte) (receiptHeader, [32]byte, string) {
	var rh receiptHeader
	body, mac, ok := splitReceipt(value)
	if !ok {
		return rh, mac, "not a receipt record (no trailing mac field)"
	}
	if !h.macValid(body, mac) {
		return rh, mac, "mac does not match (edited, or written under another key)"
	}
	if err := json.Unmarshal(value, &rh); err != nil {
		return rh, mac, "mac matches but the JSON does not decode: " + err.Error()
	}
	if rh.V != ReceiptVersion {
		return rh, mac, fmt.Sprintf("unsupported receipt version %d", rh.V)
	}
	if len(rh.Prev) != 64 || !isLowerHex([]byte(rh.Prev)) || rh.Seq == 0 || rh.Topic == "" || rh.Partition < 0 || rh.Offset < 0 {
		return rh, mac, "malformed chain fields"
	}
	return rh, mac, ""
}

// ChainSummary describes one chain after verification.
type ChainSummary struct {
	Chain ChainID
	// FirstSeq is the sequence number of the first receipt seen: 1 when
	// the chain is whole from its start, more when older receipts were
	// removed (retention) before the verified range.
	FirstSeq uint64
	Head     ChainHead
	Receipts int
}

// Verifier checks a stream of receipt records, chain by chain. Records of
// one chain must come in log order (the order of their receipts-topic
// partition); chains may interleave. It is not safe for concurrent use.
type Verifier struct {
	h      *hasher
	chains map[ChainID]*ChainSummary
	high   map[ChainID]int64 // highest input offset per chain

	// Receipts counts the receipts verified.
	Receipts int
	// DeadLetters counts receipts with outcome dead_letter.
	DeadLetters int
	// Reprocessed counts receipts whose input offset is not above every
	// earlier one of its chain: a record processed again, which
	// at-least-once delivery after a crash or an offset reset causes.
	Reprocessed int
}

// NewVerifier returns a Verifier for receipts written under k.
func NewVerifier(k *Keys) *Verifier {
	return &Verifier{h: k.newHasher(), chains: map[ChainID]*ChainSummary{}, high: map[ChainID]int64{}}
}

// Check verifies the next receipt record, found at at. It returns a
// *BadReceiptError for a record that is not a valid receipt or does not
// continue its chain; the Verifier's state is then unchanged.
func (v *Verifier) Check(value []byte, at Coord) error {
	rh, mac, reason := v.h.parseReceipt(value)
	if reason != "" {
		return &BadReceiptError{At: at, Reason: reason}
	}
	id := ChainID{Topic: rh.Topic, Partition: rh.Partition}
	cs := v.chains[id]
	prev, _ := hex.DecodeString(rh.Prev)
	switch {
	case cs != nil && rh.Seq != cs.Head.Seq+1:
		return &BadReceiptError{At: at, Reason: fmt.Sprintf("chain %s: seq %d follows seq %d (a receipt is missing, repeated or out of order)", id, rh.Seq, cs.Head.Seq)}
	case cs != nil && string(prev) != string(cs.Head.MAC[:]):
		return &BadReceiptError{At: at, Reason: fmt.Sprintf("chain %s: prev does not match the mac of seq %d", id, cs.Head.Seq)}
	case cs == nil && rh.Seq == 1 && !allZero(prev):
		return &BadReceiptError{At: at, Reason: fmt.Sprintf("chain %s: seq 1 with a non-zero prev", id)}
	}
	if cs == nil {
		cs = &ChainSummary{Chain: id, FirstSeq: rh.Seq}
		v.chains[id] = cs
	} else if rh.Offset <= v.high[id] {
		v.Reprocessed++
	}
	v.high[id] = max(v.high[id], rh.Offset)
	cs.Head = ChainHead{Seq: rh.Seq, MAC: mac}
	cs.Receipts++
	v.Receipts++
	if rh.Outcome == OutcomeDeadLetter {
		v.DeadLetters++
	}
	return nil
}

// Chains returns a summary of every chain seen, sorted by topic and
// partition.
func (v *Verifier) Chains() []ChainSummary {
	out := make([]ChainSummary, 0, len(v.chains))
	for _, cs := range v.chains {
		out = append(out, *cs)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Chain.Topic != out[j].Chain.Topic {
			return out[i].Chain.Topic < out[j].Chain.Topic
		}
		return out[i].Chain.Partition < out[j].Chain.Partition
	})
	return out
}

// allZero reports whether b holds only zero bytes.
func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}
