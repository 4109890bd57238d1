package names_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/datafog/datafog-api/engine"
)

// The labelled name corpus: real-looking names of every covered culture
// (written for this test, not drawn from the gazetteers' files) in the
// places names occur — prose, emails, support tickets, JSON, log lines
// and ALL-CAPS forms — each with the evidence a reader would use, and
// hard negatives: capitalised common words, products and companies named
// after people, cities and countries, months, log levels, HTTP words,
// code identifiers and numbers.

// people are given name, surname pairs by culture.
var people = map[string][][2]string{
	"en": {{"John", "Smith"}, {"Emily", "Johnson"}, {"Michael", "Brown"}, {"Sarah", "Williams"}, {"David", "Miller"},
		{"Jennifer", "Davis"}, {"Robert", "Wilson"}, {"Olivia", "Taylor"}, {"James", "Anderson"}, {"Charlotte", "Thompson"},
		{"Oliver", "Hughes"}, {"Amelia", "Clarke"}, {"Harry", "Walsh"}, {"Megan", "O'Brien"}, {"Ryan", "McDonald"}},
	"de": {{"Hans", "Müller"}, {"Jürgen", "Schmidt"}, {"Anna", "Schneider"}, {"Klaus", "Fischer"}, {"Sabine", "Weber"},
		{"Lukas", "Becker"}, {"Katrin", "Hoffmann"}, {"Florian", "Wagner"}},
	"fr": {{"Jean", "Dupont"}, {"Marie", "Dubois"}, {"Pierre", "Lefèvre"}, {"Camille", "Moreau"}, {"François", "Girard"},
		{"Élodie", "Laurent"}, {"Nicolas", "Bernard"}},
	"es": {{"José", "García"}, {"María", "Rodríguez"}, {"Carlos", "Hernández"}, {"Lucía", "Martínez"}, {"Alejandro", "López"},
		{"Valentina", "Gómez"}, {"Diego", "Fernández"}, {"Camila", "Pérez"}, {"Sofía", "Ramírez"}},
	"it": {{"Giuseppe", "Rossi"}, {"Francesca", "Russo"}, {"Marco", "Bianchi"}, {"Giulia", "Romano"}, {"Luca", "Colombo"},
		{"Chiara", "Ricci"}},
	"nl": {{"Jan", "de Vries"}, {"Sanne", "Jansen"}, {"Pieter", "van Dijk"}, {"Femke", "Bakker"}, {"Daan", "Visser"}},
	"pt": {{"João", "Silva"}, {"Ana", "Santos"}, {"Pedro", "Oliveira"}, {"Beatriz", "Souza"}},
	"pl": {{"Piotr", "Kowalski"}, {"Katarzyna", "Nowak"}, {"Tomasz", "Wiśniewski"}},
	"in": {{"Priya", "Sharma"}, {"Rahul", "Patel"}, {"Ananya", "Gupta"}, {"Arjun", "Singh"}, {"Deepika", "Reddy"},
		{"Vikram", "Iyer"}, {"Sanjay", "Kumar"}, {"Lakshmi", "Nair"}},
	"zh": {{"Wei", "Wang"}, {"Na", "Li"}, {"Jing", "Chen"}, {"Yang", "Liu"}, {"Xiaoming", "Huang"}, {"Jie", "Zhou"}, {"Mei", "Lin"}},
	"ar": {{"Mohammed", "Al-Sayed"}, {"Fatima", "Hassan"}, {"Omar", "Abdullah"}, {"Aisha", "Rahman"}, {"Yusuf", "Ibrahim"},
		{"Layla", "Haddad"}, {"Khalid", "Mansour"}},
	"af": {{"Chinedu", "Okafor"}, {"Ngozi", "Adeyemi"}, {"Kwame", "Mensah"}, {"Thabo", "Nkosi"}, {"Amara", "Diallo"},
		{"Oluwaseun", "Adebayo"}, {"Abena", "Asante"}, {"Sipho", "Dlamini"}},
	"tr": {{"Mehmet", "Yılmaz"}, {"Ayşe", "Kaya"}},
}

// record is a text and the names in it.
type record struct {
	text  string
	names []string
}

// templates put a name in context; {N} is the full name, {G} the given
// name, {S} the surname, {I} the initial and surname, {U} the full name
// in capitals.
var templates = []string{
	"Please ask {N} to review the contract before Friday.",
	"Dr. {N} will see you at 3pm in room 12.",
	"Dear {G},\nThanks for your order. It ships tomorrow.",
	"From: {N} <billing@example.com>\nSubject: invoice 4471",
	`{"customer_name": "{N}", "order_id": 42, "status": "paid"}`,
	`{"first_name": "{G}", "last_name": "{S}", "country": "US"}`,
	"2024-01-02T10:00:00Z INFO order 991 created by {N} (id=42)",
	"Ticket #4521 opened by {N}: printer on floor 3 is offline.",
	"NAME: {U}\nDOB: 01/02/1980\nPOLICY: 4471-22",
	"The lease was signed by {N} on 2024-03-01.",
	"Kind regards,\n{N}\nAccounts team",
	"Mr {S} called about the refund for order 5521.",
	"Ms. {S} asked for a copy of the statement.",
	"{I} approved the change request yesterday.",
	"level=info msg=\"password reset\" name={N}",
	"Meeting notes: {N} and the vendor agreed on the rollout plan.",
	"Hi {G}, your appointment is confirmed for Monday.",
	"Customer {N} reported that the app crashes on login.",
}

// hardNegatives must yield no person.
var hardNegatives = []string{
	"Calvin Klein Company shipped 40 units to the Boston store.",
	"ERROR 2024-01-01T10:00:00Z WARN Payment Service failed with 503 after 3 retries",
	"GET /api/v1/users HTTP/1.1 200 OK 1532 bytes in 12 ms",
	"The review is in May and the audit in June.",
	"We flew from Paris to Houston via Jordan and Georgia.",
	"Victoria Station is closed for engineering works.",
	"Call getUserName() and then JohnSmith.parse(raw) on the result.",
	"order 12345 shipped 2024-03-04 qty 7 total 1999.00",
	"Ford Focus and Tesla Model 3 are in the fleet.",
	"Will you grant me access? May I bill you later?",
	"Morgan Stanley and Goldman Sachs reported earnings today.",
	"The Rose Garden opens at noon.",
	"Amazon Web Services and Microsoft Azure both work.",
	"FATAL: out of memory; DEBUG trace follows; INFO retrying",
	"Content-Type: application/json\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64)\nAccept-Encoding: gzip",
	"January February March April",
	"North Carolina State University admitted 400 students.",
	"Main Street Bank charged a fee of 12.50 USD.",
	"The Grand Canyon and Lake Tahoe are popular in August.",
	"Monday Tuesday Wednesday Thursday Friday",
	"Use the Lincoln Memorial entrance near Constitution Avenue.",
	"Status: Pending Review; Priority: High; Owner: Platform Team",
	"The Supreme Court ruled in Brown v. Board of Education.",
	"Apple Pay and Google Wallet are accepted.",
	"Grace Period ends after Labor Day.",
	"WARN disk /dev/sda1 at 91% on host web-03",
	"Invoice Total Amount Due Balance Forward",
	"Johnson & Johnson and Procter & Gamble shares rose.",
	"Harley Davidson motorcycles and Rolls Royce engines.",
	"Jordan River Valley Tours depart at 9.",
	"Austin Texas Dallas Denver Phoenix Orlando",
	"404 Not Found 500 Internal Server Error 301 Moved Permanently",
	"func (s *Server) HandleRequest(w http.ResponseWriter)",
	"SELECT Name, Email FROM Customers WHERE Country = 'US'",
	"Best Buy and Dollar General opened new stores.",
	"Holly Jolly Christmas Carol Service at St Mary Church",
}

// nameCorpus builds n records from the templates and every culture.
func nameCorpus(seed uint64, n int) []record {
	r := rand.New(rand.NewPCG(seed, 16))
	cultures := make([]string, 0, len(people))
	for c := range people {
		cultures = append(cultures, c)
	}
	sortStrings(cultures)
	var out []record
	for i := 0; i < n; i++ {
		ps := people[cultures[i%len(cultures)]]
		p := ps[r.IntN(len(ps))]
		tpl := templates[r.IntN(len(templates))]
		full := p[0] + " " + p[1]
		var span string
		switch {
		case strings.Contains(tpl, "{N}"):
			span = full
		case strings.Contains(tpl, "{G}") && strings.Contains(tpl, "{S}"):
			out = append(out, record{expand(tpl, p), []string{p[0], p[1]}})
			continue
		case strings.Contains(tpl, "{G}"):
			span = p[0]
		case strings.Contains(tpl, "{S}"):
			span = p[1]
		case strings.Contains(tpl, "{I}"):
			span = initial(p[0]) + ". " + p[1]
		case strings.Contains(tpl, "{U}"):
			span = strings.ToUpper(full)
		}
		out = append(out, record{expand(tpl, p), []string{span}})
	}
	return out
}

// expand fills a template with the person p.
func expand(tpl string, p [2]string) string {
	return strings.NewReplacer("{N}", p[0]+" "+p[1], "{G}", p[0], "{S}", p[1], "{I}", initial(p[0])+". "+p[1],
		"{U}", strings.ToUpper(p[0]+" "+p[1])).Replace(tpl)
}

// initial returns the first letter of s.
func initial(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// TestNameCorpus holds the person detector to recall >= 0.90 and
// precision >= 0.95 on names with evidence, and to at most 1% of hard
// negatives flagged, at the default minimum confidence.
func TestNameCorpus(t *testing.T) {
	e, err := engine.New(engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	f := engine.Filter{}.WithMinConfidence(engine.DefaultMinConfidence)
	var tp, fp, fn int
	missed := map[string]int{}
	for _, rec := range nameCorpus(16, 2000) {
		want := map[string]bool{}
		for _, n := range rec.names {
			want[n] = true
		}
		for _, fd := range e.Scan(nil, []byte(rec.text), f) {
			if fd.Type != "person" {
				continue
			}
			got := rec.text[fd.Start:fd.End]
			if want[got] {
				tp++
				delete(want, got)
			} else {
				fp++
				t.Logf("unexpected person %q in %q", got, rec.text)
			}
		}
		for n := range want {
			fn++
			missed[fmt.Sprintf("%q in %q", n, rec.text)]++
		}
	}
	for m := range missed {
		t.Logf("missed %s", m)
	}
	flagged := 0
	for _, neg := range hardNegatives {
		for _, fd := range e.Scan(nil, []byte(neg), f) {
			if fd.Type == "person" {
				flagged++
				t.Logf("hard negative flagged: %q in %q", neg[fd.Start:fd.End], neg)
				break
			}
		}
	}
	p := float64(tp) / float64(max(1, tp+fp))
	rc := float64(tp) / float64(max(1, tp+fn))
	neg := float64(flagged) / float64(len(hardNegatives))
	t.Logf("person: precision %.3f recall %.3f (tp %d fp %d fn %d); hard negatives flagged %d of %d", p, rc, tp, fp, fn, flagged, len(hardNegatives))
	if p < 0.95 || rc < 0.90 || neg > 0.01 {
		t.Errorf("precision %.3f (want >= 0.95), recall %.3f (want >= 0.90), negatives flagged %.3f (want <= 0.01)", p, rc, neg)
	}
}
