package data

import (
	"bytes"

	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// SentryDSN finds Sentry DSNs for sentry.io (Sentry docs, "Data Source
// Name (DSN)", https://docs.sentry.io/concepts/key-terms/dsn-explainer/:
// {PROTOCOL}://{PUBLIC_KEY}:{SECRET_KEY}@{HOST}{PATH}/{PROJECT_ID}, the
// secret key deprecated): "http(s)://", a 32-hexadecimal public key (and
// optionally ':' and a 32-hexadecimal secret key), "@", the host
// "o<org id>.ingest.sentry.io" (with a region label such as "us." or
// "de." before sentry.io) or the older "sentry.io", "/" and the numeric
// project id. The trigger is "@o" and a digit, or "@sentry.io/".
var SentryDSN = &detect.Detector{
	Name: "sentry_dsn",
	Types: []detect.Type{{
		Name: "sentry_dsn", Family: detect.Secret, Confidence: 0.95,
		Confirm: "http(s)://<32 hex>[:<32 hex>]@o<digits>.ingest[.region].sentry.io/<project id>",
	}},
	Source:      "Sentry documentation, Data Source Name (DSN)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes:    &detect.OnPrefix{Literals: sentryLiterals(), Find: findSentryDSN},
	Examples: []detect.Example{
		{Text: "SENTRY_DSN=https://2eb1cac6d71e1dec4ad782e14964ce78@o482910.ingest.sentry.io/5738201",
			Span: "https://2eb1cac6d71e1dec4ad782e14964ce78@o482910.ingest.sentry.io/5738201", Valid: true},
		{Text: `dsn: "https://aada8eda257853398ed623affb4df418@o1739.ingest.us.sentry.io/4506183"`,
			Span: "https://aada8eda257853398ed623affb4df418@o1739.ingest.us.sentry.io/4506183", Valid: true},
		{Text: "https://2eb1cac6d71e1dec4ad782e14964ce78:aada8eda257853398ed623affb4df418@sentry.io/1290",
			Span: "https://2eb1cac6d71e1dec4ad782e14964ce78:aada8eda257853398ed623affb4df418@sentry.io/1290", Valid: true},
		{Text: "https://2eb1cac6d71e1dec4ad782e14964ce7@o482910.ingest.sentry.io/5738201"},
		{Text: "https://2eb1cac6d71e1dec4ad782e14964ce78@o482910.ingest.example.io/5738201"},
		{Text: "mail ops@o4.example.com"},
	},
}

// sentryLiterals returns "@o1" … "@o9" and "@sentry.io/".
func sentryLiterals() []string {
	out := []string{"@sentry.io/"}
	for c := '1'; c <= '9'; c++ {
		out = append(out, "@o"+string(c))
	}
	return out
}

// findSentryDSN handles a literal at t[at:p]; t[at] is '@'.
func findSentryDSN(s *detect.Scan, at, p int) {
	t := s.T
	// The keys before '@': 32 hex, or 32 hex ':' 32 hex.
	k := at - 32
	if k < 0 || !shape.LowerHex(t[k:at]) {
		return
	}
	if k >= 33 && t[k-1] == ':' && shape.LowerHex(t[k-33:k-1]) {
		k -= 33
	}
	var b int
	switch {
	case detect.HasPrefix(t, k-8, "https://"):
		b = k - 8
	case detect.HasPrefix(t, k-7, "http://"):
		b = k - 7
	default:
		return
	}
	if !shape.Left(t, b, shape.Alnum) {
		return
	}
	h := at + 1 // the host
	if p-at == 3 {
		o := detect.DigitEnd(t, h+1)
		if !detect.HasPrefix(t, o, ".ingest.") {
			return
		}
		r := o + len(".ingest.")
		if l := detect.Span(t, r, 8, detect.Lower); l > r && l-r <= 4 && detect.HasPrefix(t, l, ".sentry.io/") {
			r = l + 1 // a region label
		}
		if !detect.HasPrefix(t, r, "sentry.io/") {
			return
		}
		h = r
	}
	pid := bytes.IndexByte(t[h:min(len(t), h+16)], '/')
	if pid < 0 {
		return
	}
	pid += h + 1
	e := detect.DigitEnd(t, pid)
	if e == pid || e-pid > 20 || !detect.FreeRight(t, e) {
		return
	}
	s.Add(0, b, e, 0.95, true)
}
