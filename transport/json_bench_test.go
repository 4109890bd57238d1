package transport

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/valyala/fastjson"

	"github.com/datafog/datafog-api/engine"
)

// JSON library choice. Parsing a ~1 KB scan request and encoding its
// findings, encoding/json against fastjson plus the hand-written appenders
// in jsonenc.go. Run:
//
//	go test -run '^$' -bench 'JSON' -benchtime 1s -count 3 ./transport/

var benchScanRequest = []byte(`{"text":"` + strings.Repeat("Contact alice@example.com or call 555-867-5309; ", 20) +
	`","entity_types":["email","phone"],"request_id":"req-123","trace_id":"trace-456","idempotency_key":"idem-789"}`)

type stdScanRequest struct {
	Text           string   `json:"text"`
	EntityTypes    []string `json:"entity_types,omitempty"`
	RequestID      string   `json:"request_id,omitempty"`
	TraceID        string   `json:"trace_id,omitempty"`
	IdempotencyKey string   `json:"idempotency_key,omitempty"`
}

func BenchmarkJSONParseStd(b *testing.B) {
	b.SetBytes(int64(len(benchScanRequest)))
	b.ReportAllocs()
	for b.Loop() {
		var r stdScanRequest
		if err := json.Unmarshal(benchScanRequest, &r); err != nil || len(r.Text) == 0 {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSONParseFastjson(b *testing.B) {
	b.SetBytes(int64(len(benchScanRequest)))
	b.ReportAllocs()
	var p fastjson.Parser
	var types []string
	for b.Loop() {
		v, err := p.ParseBytes(benchScanRequest)
		if err != nil {
			b.Fatal(err)
		}
		text, _ := strField(v, "text", 0)
		types, _ = strsField(types[:0], v, "entity_types")
		if len(text) == 0 || len(types) != 2 {
			b.Fatal("bad parse")
		}
	}
}

type stdFinding struct {
	EntityType string  `json:"entity_type"`
	Start      int64   `json:"start"`
	End        int64   `json:"end"`
	Confidence float64 `json:"confidence"`
}

var benchFindings = func() []engine.Finding {
	fs := make([]engine.Finding, 40)
	for i := range fs {
		fs[i] = engine.Finding{Type: engine.Email, Start: int64(i * 48), End: int64(i*48 + 17), Confidence: 0.95}
	}
	return fs
}()

func BenchmarkJSONEncodeFindingsStd(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		out := make([]stdFinding, len(benchFindings))
		for i, f := range benchFindings {
			out[i] = stdFinding{string(f.Type), f.Start, f.End, f.Confidence}
		}
		if _, err := json.Marshal(out); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSONEncodeFindingsAppend(b *testing.B) {
	b.ReportAllocs()
	var buf []byte
	for b.Loop() {
		buf = appendFindings(buf[:0], benchFindings, nil, nil, false)
	}
}

// TestAppendFindingsMatchesStd pins the appender's output to encoding/json's.
func TestAppendFindingsMatchesStd(t *testing.T) {
	out := make([]stdFinding, len(benchFindings))
	for i, f := range benchFindings {
		out[i] = stdFinding{string(f.Type), f.Start, f.End, f.Confidence}
	}
	want, _ := json.Marshal(out)
	if got := appendFindings(nil, benchFindings, nil, nil, false); string(got) != string(want) {
		t.Fatalf("got %s\nwant %s", got, want)
	}
}
