// Package validate holds the pure predicates that confirm detector
// candidates: check digits (Luhn, ISO 7064 mod 97-10, ABA 3-7-1, NHS mod 11,
// Verhoeff, and the national identifier checks of Korea, India, Singapore,
// Australia, Thailand, Japan, China, Türkiye, South Africa, Brazil,
// Mexico and Israel), issuer and numbering-plan rules (card IIN ranges, NANP, ITU
// E.164 country calling codes), embedded reference lists (the IANA TLD list),
// calendar validity, Shannon entropy, and the address and token encodings of
// Bitcoin (Base58Check, bech32/bech32m), Ethereum (EIP-55) and JWT.
//
// Every function takes ASCII bytes and neither retains nor modifies them.
// The predicates run on the scanner's hot path, so unless a function's doc
// says otherwise it does not allocate; allocs_test.go pins that down.
// All functions are safe for concurrent use.
package validate
