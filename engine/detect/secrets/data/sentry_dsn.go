package data

import (
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
// project id. The trigger is the ':' of "://" (a trigger byte already).
var SentryDSN = &detect.Detector{
	Name: "sentry_dsn",
	Types: []detect.Type{{
		Name: "sentry_dsn", Family: detect.Secret, Confidence: 0.95,
		Confirm: "http(s)://<32 hex>[:<32 hex>]@o<digits>.ingest[.region].sentry.io/<project id>",
	}},
	Source:      "Sentry documentation, Data Source Name (DSN)",
	Placeholder: detect.SecretPlaceholder,
	Bytes:       []detect.OnByte{{Byte: ':', After: detect.NumGlue, Find: findSentryDSN}},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "SENTRY_DSN=https://2eb1cac6d71e1dec4ad782e14964ce78@o482910.ingest.sentry.io/5738201",
			Span: "https://2eb1cac6d71e1dec4ad782e14964ce78@o482910.ingest.sentry.io/5738201", Valid: true},
		{Text: `dsn: "https://aada8eda257853398ed623affb4df418@o1739.ingest.us.sentry.io/4506183"`,
			Span: "https://aada8eda257853398ed623affb4df418@o1739.ingest.us.sentry.io/4506183", Valid: true},
		{Text: "https://2eb1cac6d71e1dec4ad782e14964ce78:aada8eda257853398ed623affb4df418@sentry.io/1290",
			Span: "https://2eb1cac6d71e1dec4ad782e14964ce78:aada8eda257853398ed623affb4df418@sentry.io/1290", Valid: true},
		{Text: "https://2eb1cac6d71e1dec4ad782e14964ce7@o482910.ingest.sentry.io/5738201"},
		{Text: "https://2eb1cac6d71e1dec4ad782e14964ce78@o482910.ingest.example.io/5738201"},
		{Text: "ftp://2eb1cac6d71e1dec4ad782e14964ce78@o482910.ingest.sentry.io/5738201"},
	},
}

// findSentryDSN handles ':' at t[p] when '/', '.', ',', '-' or ':'
// follows it.
func findSentryDSN(s *detect.Scan, p int) {
	t := s.T
	var b int
	switch {
	case detect.HasPrefix(t, p-5, "https://"):
		b = p - 5
	case detect.HasPrefix(t, p-4, "http://"):
		b = p - 4
	default:
		return
	}
	k := p + 3
	if !shape.Left(t, b, shape.Alnum) || k+33 > len(t) || !shape.LowerHex(t[k:k+32]) {
		return
	}
	at := k + 32
	if t[at] == ':' && at+34 <= len(t) && shape.LowerHex(t[at+1:at+33]) {
		at += 33
	}
	if at >= len(t) || t[at] != '@' {
		return
	}
	h := at + 1 // the host
	if detect.HasPrefix(t, h, "o") {
		o := detect.DigitEnd(t, h+1)
		if o == h+1 || !detect.HasPrefix(t, o, ".ingest.") {
			return
		}
		r := o + len(".ingest.")
		if l := detect.Span(t, r, 8, detect.Lower); l > r && l-r <= 4 && detect.HasPrefix(t, l, ".sentry.io/") {
			r = l + 1 // a region label
		}
		h = r
	}
	if !detect.HasPrefix(t, h, "sentry.io/") {
		return
	}
	pid := h + len("sentry.io/")
	e := detect.DigitEnd(t, pid)
	if e == pid || e-pid > 20 || !detect.FreeRight(t, e) {
		return
	}
	s.Add(0, b, e, 0.95, true)
}
