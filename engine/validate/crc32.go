package validate

import "hash/crc32"

// Token checksums built on CRC-32 (IEEE 802.3 polynomial, the one
// hash/crc32.ChecksumIEEE computes). Several providers append the CRC-32
// of a token's leading part to the token itself, each in its own text
// encoding:
//
//   - GitHub ("Behind GitHub's new authentication token formats", GitHub
//     blog, 2021-04-05) and npm ("Announcing npm's new access token
//     format", GitHub blog, 2021-09-23): the last 6 characters are the
//     CRC-32 of the 30 random characters after the prefix, in base62
//     (digits, then A-Z, then a-z), left-padded with '0';
//   - GitLab's routable tokens (GitLab handbook, "Routable tokens"
//     design document): the last 7 characters are the CRC-32 of
//     everything before them, in lower-case base36, left-padded with '0';
//   - Atlassian's Bitbucket app passwords and access tokens: the last 8
//     characters are the CRC-32 of everything before them, in upper-case
//     hexadecimal;
//   - Grafana service account tokens (glsa_<secret>_<checksum>,
//     grafana/grafana pkg/components/satokengen): the checksum is the
//     CRC-32 of "glsa_<secret>" as the lower-case hexadecimal text of its
//     four bytes, least significant first.
//
// Each function takes the checksummed data and the checksum text as they
// stand in the token and reports whether they agree. None allocates.

// CRC32Base62 reports whether sum, six base62 characters (0-9, A-Z, a-z),
// is the CRC-32 of data, as GitHub and npm tokens carry it.
func CRC32Base62(data, sum []byte) bool {
	n, ok := radixValue(sum, 6, 62, base62Value)
	return ok && n == uint64(crc32.ChecksumIEEE(data))
}

// CRC32Base36 reports whether sum, seven lower-case base36 characters
// (0-9, a-z), is the CRC-32 of data, as GitLab routable tokens carry it.
func CRC32Base36(data, sum []byte) bool {
	n, ok := radixValue(sum, 7, 36, base36Value)
	return ok && n == uint64(crc32.ChecksumIEEE(data))
}

// CRC32HexUpper reports whether sum, eight upper-case hexadecimal digits,
// is the CRC-32 of data, as Atlassian tokens carry it.
func CRC32HexUpper(data, sum []byte) bool {
	n, ok := radixValue(sum, 8, 16, hexUpperValue)
	return ok && n == uint64(crc32.ChecksumIEEE(data))
}

// CRC32HexLE reports whether sum, eight lower-case hexadecimal digits of
// the checksum's bytes in little-endian order, is the CRC-32 of data, as
// Grafana service account tokens carry it.
func CRC32HexLE(data, sum []byte) bool {
	const digits = "0123456789abcdef"
	if len(sum) != 8 {
		return false
	}
	c := crc32.ChecksumIEEE(data)
	for k := 0; k < 4; k++ {
		x := c >> (8 * k) & 0xff
		if sum[2*k] != digits[x>>4] || sum[2*k+1] != digits[x&15] {
			return false
		}
	}
	return true
}

// radixValue reads s, exactly width digits of the given base whose
// values table gives (0xff for a byte that is no digit), as a number.
// width digits of any of these bases fit in 48 bits, so the value never
// overflows.
func radixValue(s []byte, width int, base uint64, values *[256]byte) (uint64, bool) {
	if len(s) != width {
		return 0, false
	}
	var n uint64
	for _, c := range s {
		v := values[c]
		if v == 0xff {
			return 0, false
		}
		n = n*base + uint64(v)
	}
	return n, true
}

// Digit value tables: base62Value[c] is c's value in 0-9A-Za-z order,
// base36Value[c] in 0-9a-z order, hexUpperValue[c] in 0-9A-F order; 0xff
// marks a byte that is not a digit of the base.
var base62Value, base36Value, hexUpperValue = digitTable("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
	digitTable("0123456789abcdefghijklmnopqrstuvwxyz"),
	digitTable("0123456789ABCDEF")

// digitTable returns the value table of the digits alphabet.
func digitTable(alphabet string) *[256]byte {
	var t [256]byte
	for i := range t {
		t[i] = 0xff
	}
	for i := 0; i < len(alphabet); i++ {
		t[alphabet[i]] = byte(i)
	}
	return &t
}
