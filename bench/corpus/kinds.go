package corpus

import (
	"strconv"
)

// This file holds one generator per Kind. Each loops appending whole
// segments until the next one would not fit, then pads to the exact size.

var words = []string{
	"the", "of", "and", "to", "in", "is", "was", "for", "on", "that", "with", "as", "by", "at", "from",
	"report", "customer", "order", "account", "team", "meeting", "quarter", "review", "service", "update",
	"shipment", "invoice", "project", "support", "request", "policy", "office", "manager", "system", "data",
	"weather", "garden", "river", "morning", "letter", "history", "market", "village", "journey", "window",
	"quickly", "carefully", "often", "never", "always", "today", "yesterday", "later", "soon", "again",
	"received", "approved", "delivered", "noted", "scheduled", "discussed", "confirmed", "requested", "moved",
	"large", "small", "new", "old", "bright", "quiet", "early", "final", "recent", "annual", "local",
}

// sentence appends an English-like sentence of plain words.
func (g *gen) sentence(s *seg) {
	n := 6 + g.rng.IntN(9)
	for i := range n {
		w := g.pick(words)
		if i == 0 {
			s.b = append(s.b, w[0]-'a'+'A')
			s.b = append(s.b, w[1:]...)
		} else {
			s.b = append(s.b, ' ')
			s.b = append(s.b, w...)
		}
	}
	s.text(". ")
	if g.rng.IntN(8) == 0 {
		s.text("\n\n")
	}
}

// piiSentence appends a sentence carrying one valid value.
func (g *gen) piiSentence(s *seg) {
	switch g.rng.IntN(10) {
	case 0:
		s.text("Please contact ")
		s.value("email", g.email(), true)
		s.text(" for details. ")
	case 1:
		s.text("Call me at ")
		s.value("phone", g.phone(), true)
		s.text(" tomorrow. ")
	case 2:
		s.text("My SSN is ")
		s.value("ssn", g.ssn(true), true)
		s.text(" on the form. ")
	case 3:
		s.text("The card ")
		s.value("credit_card", g.card(true), true)
		s.text(" was charged. ")
	case 4:
		s.text("The server at ")
		s.value("ip_address", g.ipv4(), true)
		s.text(" responded. ")
	case 5:
		s.text("Wire the funds to IBAN ")
		s.value("iban", g.iban(), true)
		s.text(" today. ")
	case 6:
		s.text("Set api_key=")
		s.value("api_key", g.apiKeyValue(), true)
		s.text(" in the config. ")
	case 7:
		s.text("Her birthday is ")
		s.value("date", g.date(), true)
		s.text(" this year. ")
	case 8:
		s.text("Rotate the AWS key ")
		s.value("aws_access_key", g.awsKey(), true)
		s.text(" now. ")
	default:
		s.text("The deploy token ")
		s.value("github_token", g.githubToken(), true)
		s.text(" leaked. ")
	}
}

// prose writes sentences; on average one in every bytesPerValue bytes
// carries a value (0 means none at all).
func (g *gen) prose(bytesPerValue int) {
	for {
		s := &seg{}
		if bytesPerValue > 0 && g.rng.IntN(bytesPerValue/70) == 0 {
			g.piiSentence(s)
		} else {
			g.sentence(s)
		}
		if !g.put(s) {
			break
		}
	}
	g.pad(0)
}

var (
	levels = []string{"info", "info", "info", "warn", "error", "debug"}
	paths  = []string{"/api/v2/orders", "/api/v2/users", "/login", "/checkout", "/api/v2/payments", "/health"}
	currs  = []string{"USD", "EUR", "GBP", "JPY"}
)

// jsonLogs writes one JSON object per line, every line carrying a
// timestamp, an IP and an email, and some a phone or card number.
func (g *gen) jsonLogs() {
	for {
		s := &seg{}
		s.text(`{"ts":"`)
		s.value("date", g.date(), true)
		s.b = append(s.b, 'T')
		s.b = appendPadded(s.b, g.rng.IntN(24), 2)
		s.b = append(s.b, ':')
		s.b = appendPadded(s.b, g.rng.IntN(60), 2)
		s.b = append(s.b, ':')
		s.b = appendPadded(s.b, g.rng.IntN(60), 2)
		s.b = append(s.b, '.')
		s.b = appendPadded(s.b, g.rng.IntN(1000), 3)
		s.text(`Z","level":"`)
		s.text(g.pick(levels))
		s.text(`","req_id":"`)
		s.b = g.chars(s.b, hexLow, 16)
		s.text(`","user_id":`)
		s.b = strconv.AppendInt(s.b, int64(1000+g.rng.IntN(900000)), 10)
		s.text(`,"client_ip":"`)
		s.value("ip_address", g.ipv4(), true)
		s.text(`","email":"`)
		s.value("email", g.email(), true)
		s.text(`","amount":`)
		s.b = strconv.AppendInt(s.b, int64(g.rng.IntN(100000)), 10)
		s.b = append(s.b, '.')
		s.b = appendPadded(s.b, g.rng.IntN(100), 2)
		s.text(`,"currency":"`)
		s.text(g.pick(currs))
		s.text(`","path":"`)
		s.text(g.pick(paths))
		s.text(`","status":`)
		s.b = strconv.AppendInt(s.b, int64([]int{200, 200, 201, 204, 400, 404, 500}[g.rng.IntN(7)]), 10)
		s.text(`,"latency_ms":`)
		s.b = strconv.AppendInt(s.b, int64(g.rng.IntN(2000)), 10)
		if g.rng.IntN(5) == 0 {
			s.text(`,"phone":"`)
			s.value("phone", g.phone(), true)
			s.text(`"`)
		}
		if g.rng.IntN(10) == 0 {
			s.text(`,"card":"`)
			s.value("credit_card", g.card(true), true)
			s.text(`"`)
		}
		s.text("}\n")
		if !g.put(s) {
			break
		}
	}
	g.pad('\n')
}

// csv writes a header and customer rows.
func (g *gen) csv() {
	s := &seg{}
	s.text("id,first_name,last_name,email,phone,ssn,card,iban,zip,signup_date\n")
	if !g.put(s) {
		g.pad('\n')
		return
	}
	for id := 1; ; id++ {
		s := &seg{}
		s.b = strconv.AppendInt(s.b, int64(id), 10)
		s.text(",")
		s.text(g.pick(firstNames))
		s.text(",")
		s.text(g.pick(lastNames))
		s.text(",")
		s.value("email", g.email(), true)
		s.text(",")
		s.value("phone", g.phone(), true)
		s.text(",")
		s.value("ssn", g.ssn(true), true)
		s.text(",")
		s.value("credit_card", g.card(true), true)
		s.text(",")
		s.value("iban", g.iban(), true)
		s.text(",")
		s.value("zip_code", g.zip(), true)
		s.text(",")
		s.value("date", g.date(), true)
		s.text("\n")
		if !g.put(s) {
			break
		}
	}
	g.pad('\n')
}

// binary writes random bytes, with a NUL-delimited email or card number
// about every 16 KB.
func (g *gen) binary() {
	for {
		s := &seg{}
		n := 1 + g.rng.IntN(32<<10)
		for range n {
			s.b = append(s.b, byte(g.rng.Uint32()&0xff))
		}
		s.b = append(s.b, 0)
		if g.rng.IntN(2) == 0 {
			s.value("email", g.email(), true)
		} else {
			s.value("credit_card", g.cardDigits(true), true)
		}
		s.b = append(s.b, 0)
		if !g.put(s) {
			break
		}
	}
	// Random filler rather than a fixed byte keeps the tail binary-looking.
	for len(g.buf) < g.size {
		b := byte(g.rng.Uint32() & 0xff)
		if b >= '0' && b <= '9' || b == '@' {
			b = 0
		}
		g.buf = append(g.buf, b)
	}
}

// adversarial writes pathological input for scanners: long digit runs,
// Luhn-invalid cards in real IIN ranges, SSNs with forbidden areas, N11
// phone numbers, emails under undelegated TLDs, IBANs with a wrong check,
// runs of '@', and a few valid values among them.
func (g *gen) adversarial() {
	for {
		s := &seg{}
		switch g.rng.IntN(10) {
		case 0:
			s.b = g.digits(s.b, 50+g.rng.IntN(350))
		case 1:
			s.value("credit_card", g.card(false), false)
		case 2:
			s.value("ssn", g.ssn(false), false)
		case 3:
			// An N11 area code makes the number invalid under NANP.
			b := strconv.AppendInt(nil, int64(2+g.rng.IntN(8)), 10)
			b = append(b, "11-"...)
			b = strconv.AppendInt(b, int64(g.nanpPart()), 10)
			b = append(b, '-')
			s.value("phone", appendPadded(b, g.rng.IntN(10000), 4), false)
		case 4:
			s.value("email", g.badEmail(), false)
		case 5:
			for range 20 + g.rng.IntN(200) {
				s.b = append(s.b, '@')
				if g.rng.IntN(3) == 0 {
					s.b = append(s.b, g.pick(firstNames)...)
				}
			}
		case 6:
			v := g.iban()
			v[2] = byte('0' + (int(v[2]-'0')+1)%10) // any change of one check digit breaks mod 97
			s.value("iban", v, false)
		case 7:
			s.value("credit_card", g.card(true), true)
		case 8:
			s.value("email", g.email(), true)
		default:
			// Digits glued to a card-like run: 20 digits is no card length.
			s.b = g.digits(s.b, 20)
		}
		s.text([]string{" ", "\n", " , "}[g.rng.IntN(3)])
		if !g.put(s) {
			break
		}
	}
	g.pad(' ')
}
