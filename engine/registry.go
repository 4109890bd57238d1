package engine

import (
	"github.com/datafog/datafog-api/engine/detect"
	"github.com/datafog/datafog-api/engine/detect/address"
	"github.com/datafog/datafog-api/engine/detect/crypto"
	"github.com/datafog/datafog-api/engine/detect/financial"
	"github.com/datafog/datafog-api/engine/detect/ids"
	"github.com/datafog/datafog-api/engine/detect/names"
	"github.com/datafog/datafog-api/engine/detect/network"
	"github.com/datafog/datafog-api/engine/detect/pii"
	"github.com/datafog/datafog-api/engine/detect/secrets"
)

// registry lists every built-in detector. Adding a detector is adding its
// file under detect/<family>/ and one line here. The order of first
// appearance of each entity type is the tie-break order between
// overlapping candidates of equal standing (earlier wins); the first 24
// types keep the order of the external contract's table.
var registry = []*detect.Detector{
	pii.Email,
	pii.Phone,
	ids.SSN,
	financial.CreditCard,
	secrets.APIKey,
	network.IPv4,
	network.IPv6,
	pii.Date,
	pii.ZipCode,
	financial.IBAN,
	financial.BankRouting,
	network.MAC,
	secrets.AWSAccessKey,
	secrets.GitHubToken,
	secrets.SlackToken,
	secrets.StripeKey,
	secrets.GoogleAPIKey,
	secrets.PrivateKey,
	secrets.JWT,
	crypto.Bitcoin,
	crypto.Ethereum,
	ids.UKNHSNumber,
	ids.CASIN,
	ids.USNPI,
	ids.INAadhaar,

	// Added after the contract's first table.
	secrets.SlackWebhookURL,

	// Names and addresses (issue 16).
	names.Person,
	address.StreetAddress,
}
