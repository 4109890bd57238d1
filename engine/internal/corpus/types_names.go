package corpus

import (
	"math/rand/v2"
	"strings"
)

// Type-corpus generator for person names (issue 16): a given name and a
// surname of one of the covered cultures; its lookalikes are two
// capitalised English words of the same shape ("Quarterly Report").

// givenNames and surnames are common names of the covered cultures,
// written for the corpus (not read from the detector's gazetteers).
var (
	givenNames = []string{"James", "Mary", "Robert", "Linda", "Oliver", "Amelia", "Hans", "Sabine", "Jean", "Camille",
		"José", "María", "Giuseppe", "Giulia", "Pieter", "Sanne", "João", "Ana", "Piotr", "Katarzyna", "Priya",
		"Rahul", "Wei", "Jing", "Mohammed", "Fatima", "Kwame", "Ngozi", "Mehmet", "Carlos", "Lucía", "Anna"}
	surnames = []string{"Smith", "Johnson", "Brown", "Garcia", "Müller", "Schmidt", "Dubois", "Moreau", "Rossi",
		"Bianchi", "Jansen", "Bakker", "Silva", "Santos", "Nowak", "Kowalski", "Sharma", "Patel", "Wang", "Chen",
		"Hassan", "Ibrahim", "Mensah", "Okafor", "Yilmaz", "Hernández", "Martínez", "Wilson", "Taylor", "Fischer"}
	notNameAdj  = []string{"Quarterly", "Annual", "Final", "Urgent", "Pending", "Internal", "Monthly", "Weekly"}
	notNameNoun = []string{"Report", "Review", "Summary", "Invoice", "Budget", "Update", "Schedule", "Forecast"}
)

func init() {
	RegisterType(TypeGen{
		Type: "person",
		Valid: func(r *rand.Rand) string {
			return givenNames[r.IntN(len(givenNames))] + " " + surnames[r.IntN(len(surnames))]
		},
		Invalid: func(r *rand.Rand) string {
			return notNameAdj[r.IntN(len(notNameAdj))] + " " + notNameNoun[r.IntN(len(notNameNoun))]
		},
		Context: []string{"contact", "customer", "signed by", "patient", "attn:"},
		Check: func(v string) bool {
			f := strings.Fields(v)
			return len(f) == 2 && contains(givenNames, f[0]) && contains(surnames, f[1])
		},
	})
}

// contains reports whether xs holds x.
func contains(xs []string, x string) bool {
	for _, s := range xs {
		if s == x {
			return true
		}
	}
	return false
}
