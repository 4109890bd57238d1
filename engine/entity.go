package engine

import "github.com/datafog/datafog-api/engine/detect"

// EntityType names a kind of sensitive value. Built-in types use the
// lowercase snake_case names of the external contract; a policy dictionary
// may introduce its own names.
type EntityType string

// The entity types of the external contract's first table. Every other
// built-in type is named by its detector (see Catalog).
const (
	Email           EntityType = "email"
	Phone           EntityType = "phone"
	SSN             EntityType = "ssn"
	CreditCard      EntityType = "credit_card"
	APIKey          EntityType = "api_key"
	IPAddress       EntityType = "ip_address"
	Date            EntityType = "date"
	ZipCode         EntityType = "zip_code"
	IBAN            EntityType = "iban"
	BankRouting     EntityType = "bank_routing"
	MACAddress      EntityType = "mac_address"
	AWSAccessKey    EntityType = "aws_access_key"
	GitHubToken     EntityType = "github_token"
	SlackToken      EntityType = "slack_token"
	StripeKey       EntityType = "stripe_key"
	GoogleAPIKey    EntityType = "google_api_key"
	PrivateKey      EntityType = "private_key"
	JWT             EntityType = "jwt"
	BitcoinAddress  EntityType = "bitcoin_address"
	EthereumAddress EntityType = "ethereum_address"
	UKNHSNumber     EntityType = "uk_nhs_number"
	CASIN           EntityType = "ca_sin"
	USNPI           EntityType = "us_npi"
	INAadhaar       EntityType = "in_aadhaar"
)

// BuiltinTypes lists every built-in entity type in tie-break order: the
// order in which the registry's detectors first name them. Callers must
// not modify it.
var BuiltinTypes = registryTypes(registry)

// builtinIndex maps each built-in type to its index in BuiltinTypes.
var builtinIndex = func() map[EntityType]int {
	m := make(map[EntityType]int, len(BuiltinTypes))
	for i, t := range BuiltinTypes {
		m[t] = i
	}
	return m
}()

// genericTypes holds the built-in types marked detect.Type.Generic.
var genericTypes = func() map[EntityType]bool {
	m := map[EntityType]bool{}
	for _, d := range registry {
		for _, t := range d.Types {
			if t.Generic {
				m[EntityType(t.Name)] = true
			}
		}
	}
	return m
}()

// registryTypes returns the distinct types of dets in order of first
// appearance.
func registryTypes(dets []*detect.Detector) []EntityType {
	var out []EntityType
	seen := map[string]bool{}
	for _, d := range dets {
		for _, t := range d.Types {
			if !seen[t.Name] {
				seen[t.Name] = true
				out = append(out, EntityType(t.Name))
			}
		}
	}
	return out
}

// IsBuiltin reports whether t is one of BuiltinTypes.
func IsBuiltin(t EntityType) bool {
	return builtinRank(t) >= 0
}

// builtinRank returns t's index in BuiltinTypes, or -1.
func builtinRank(t EntityType) int {
	if i, ok := builtinIndex[t]; ok {
		return i
	}
	return -1
}

// Finding is one detected value. Offsets are byte offsets into the scanned
// input (or stream): Start inclusive, End exclusive. A Finding never holds
// the value itself; callers slice the input when they need it.
type Finding struct {
	Type       EntityType
	Start, End int64
	// Confidence is in [0, 1].
	Confidence float64
	// Validated is true when a checksum or structural rule confirmed the
	// candidate (Luhn, mod 97, TLD list, ...), not just its shape.
	Validated bool
}
