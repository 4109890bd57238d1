package corpus

import (
	"math/rand/v2"
	"strings"
)

// URLs for the type corpus: http(s), ftp and ws URLs with real TLDs,
// ports, paths, queries and fragments; lookalikes have hosts without a
// real TLD.

func init() {
	RegisterType(TypeGen{
		Type: "url", Valid: urlValid, Invalid: urlInvalid, Check: urlCheck,
		Context: []string{"url", "link", "see", "homepage"},
	})
}

var (
	urlTLDs    = []string{"com", "org", "net", "io", "de", "co.uk", "fr", "dev", "app", "info"}
	urlBadTLDs = []string{"notatld", "internal", "local", "corp", "lan"}
	urlWords   = []string{"example", "shop", "docs", "api", "blog", "portal", "files", "status"}
)

func urlHost(r *rand.Rand, tld string) string {
	h := urlWords[r.IntN(len(urlWords))] + pickN(r, 1+r.IntN(3), "abcdefghijklmnopqrstuvwxyz")
	if r.IntN(2) == 0 {
		h = pickStr(r, "www", "app", "cdn") + "." + h
	}
	return h + "." + tld
}

func urlFrom(r *rand.Rand, host string) string {
	u := pickStr(r, "https", "http", "ftp", "wss") + "://" + host
	if r.IntN(4) == 0 {
		u += ":" + pickStr(r, "8080", "8443", "2121")
	}
	for n := r.IntN(3); n > 0; n-- {
		u += "/" + pickN(r, 3+r.IntN(6), "abcdefghijklmnopqrstuvwxyz")
	}
	if r.IntN(2) == 0 {
		u += "?q=" + pickN(r, 4, "abcdefghijklmnopqrstuvwxyz") + "&page=" + pickN(r, 1, "abc")
	}
	if r.IntN(4) == 0 {
		u += "#" + pickN(r, 5, "abcdefghijklmnopqrstuvwxyz")
	}
	return u
}

func urlValid(r *rand.Rand) string { return urlFrom(r, urlHost(r, urlTLDs[r.IntN(len(urlTLDs))])) }

func urlInvalid(r *rand.Rand) string {
	return urlFrom(r, urlHost(r, urlBadTLDs[r.IntN(len(urlBadTLDs))]))
}

// urlCheck reports whether v is a URL with a scheme and a host whose
// last label is one of the TLDs the generator uses.
func urlCheck(v string) bool {
	i := strings.Index(v, "://")
	if i < 0 {
		return false
	}
	host := v[i+3:]
	if k := strings.IndexAny(host, ":/?#"); k >= 0 {
		host = host[:k]
	}
	for _, t := range urlTLDs {
		if strings.HasSuffix(host, "."+t) {
			return true
		}
	}
	return false
}
