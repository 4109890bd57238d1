package saas

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/secrets/shape"
)

// Dropbox short-lived access token limits: the base64url body after
// "sl." (about 140 characters, longer in the "sl.u." format).
const dropboxMin, dropboxMax = 100, 1400

// dropboxToken reads a Dropbox short-lived access token, after an
// optional "Bearer ": "sl.", an optional "u.", and the base64url body.
var dropboxToken = &shape.Named{
	Provider: []string{"dropbox"},
	Value: func(t []byte, v int) (int, int, bool) {
		v = shape.Scheme(t, v)
		if !detect.HasPrefix(t, v, "sl.") {
			return 0, 0, false
		}
		p := v + 3
		if detect.HasPrefix(t, p, "u.") {
			p += 2
		}
		e, ok := shape.Body(t, p, dropboxMin, dropboxMax, shape.URL)
		return v, e, ok && shape.Varied(t[p:e])
	},
	Conf: 0.95,
	Self: true,
}

// DropboxAccessToken finds Dropbox short-lived OAuth access tokens
// (Dropbox developers, "OAuth Guide",
// https://developers.dropbox.com/oauth-guide: short-lived access tokens
// begin "sl."), with 100 to 1400 base64url characters after "sl." (or
// "sl.u."). The prefix is lower-case with a '.' and has no trigger byte,
// so a token is found where it is stored or sent: after Dropbox's
// variable names, in an Authorization header with the Bearer scheme, or
// as the value of any token, key, secret or password assignment.
var DropboxAccessToken = &detect.Detector{
	Name: "dropbox_access_token",
	Types: []detect.Type{{
		Name: "dropbox_access_token", Family: detect.Secret, Confidence: 0.95, NeedsContext: true,
		Confirm: "sl.[u.] + 100-1400 base64url characters, where stored or sent",
	}},
	Source:      "Dropbox developers, OAuth Guide (short-lived sl. access tokens)",
	Placeholder: detect.SecretPlaceholder,
	Prefixes: &detect.OnPrefix{
		Literals: []string{"DROPBOX_ACCESS_TOKEN", "DROPBOX_TOKEN", "DROPBOX_API_TOKEN", "Authorization: Bearer "},
		Find:     dropboxToken.FindName,
	},
	Keys: &detect.OnKey{Words: []string{"dropbox", "token", "key", "secret", "password"}, MinValue: 12, Find: dropboxToken.FindKey},
	// #nosec G101 -- the examples are fabricated credentials, not real ones.
	Examples: []detect.Example{
		{Text: "DROPBOX_ACCESS_TOKEN=sl.1ots-I5nUnW9JBAV6qKl76tfyldJs5KvdTPB9PXaNvLJQ4AOuheRLBsoVXPBB-juk4RRuFZlKdjAxBilVdzD86nscdvDqr-eMarnFNgEAabztbmlaEdASrP7HGCiz29CEGmtnsZGFGT9",
			Span: "sl.1ots-I5nUnW9JBAV6qKl76tfyldJs5KvdTPB9PXaNvLJQ4AOuheRLBsoVXPBB-juk4RRuFZlKdjAxBilVdzD86nscdvDqr-eMarnFNgEAabztbmlaEdASrP7HGCiz29CEGmtnsZGFGT9", Valid: true},
		{Text: "Authorization: Bearer sl.u.1ots-I5nUnW9JBAV6qKl76tfyldJs5KvdTPB9PXaNvLJQ4AOuheRLBsoVXPBB-juk4RRuFZlKdjAxBilVdzD86nscdvDqr-eMarnFNgEAabztbmlaEdASrP7HGCiz29CEGmtnsZGFGT9",
			Span: "sl.u.1ots-I5nUnW9JBAV6qKl76tfyldJs5KvdTPB9PXaNvLJQ4AOuheRLBsoVXPBB-juk4RRuFZlKdjAxBilVdzD86nscdvDqr-eMarnFNgEAabztbmlaEdASrP7HGCiz29CEGmtnsZGFGT9", Valid: true},
		{Text: "DROPBOX_ACCESS_TOKEN=sl.1ots-I5nUnW9JBAV6qKl76tfyldJs5KvdTPB9PXaNvLJQ4AOuheRLBsoVX"},
		{Text: "note sl.1ots-I5nUnW9JBAV6qKl76tfyldJs5KvdTPB9PXaNvLJQ4AOuheRLBsoVXPBB-juk4RRuFZlKdjAxBilVdzD86nscdvDqr-eMarnFNgEAabztbmlaEdASrP7HGCiz29CEGmtnsZGFGT9"},
		// A lookalike under a name or prefix that says what it is: vetoed, so
		// not the generic api_key either.
		{Text: `dropbox_access_token = 'sl.tF1lEdYtK5Naj-zECnW6ZeFvBjNG-G-2LZXbtgokPtrQcIk62gue5Pmn__uP'`, Type: "api_key"},
	},
}
