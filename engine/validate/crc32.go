package validate

// crc32Table is the byte-at-a-time table of the reflected CRC-32 with
// the IEEE 802.3 polynomial 0x04C11DB7 (0xEDB88320 reflected), the CRC
// of Ethernet, zlib, PNG and Go's hash/crc32.ChecksumIEEE.
var crc32Table = func() (tab [256]uint32) {
	for i := range tab {
		c := uint32(i) // #nosec G115 -- i < 256
		for k := 0; k < 8; k++ {
			if c&1 != 0 {
				c = c>>1 ^ 0xEDB88320
			} else {
				c >>= 1
			}
		}
		tab[i] = c
	}
	return tab
}()

// CRC32 returns the IEEE CRC-32 of b (initial value and final xor
// 0xFFFFFFFF, reflected input and output).
func CRC32(b []byte) uint32 {
	c := ^uint32(0)
	for _, x := range b {
		c = crc32Table[(c^uint32(x))&0xff] ^ c>>8
	}
	return ^c
}

// CRC32HexLE reports whether sum is the CRC-32 of data as eight
// lower-case hexadecimal digits of its four bytes in little-endian order,
// the checksum Grafana appends to service account tokens
// (glsa_<secret>_<checksum>, grafana/grafana
// pkg/components/satokengen: hex.EncodeToString of the checksum's bytes,
// least significant first).
func CRC32HexLE(data, sum []byte) bool {
	if len(sum) != 8 {
		return false
	}
	const digits = "0123456789abcdef"
	c := CRC32(data)
	for k := 0; k < 4; k++ {
		x := c >> (8 * k) & 0xff
		if sum[2*k] != digits[x>>4] || sum[2*k+1] != digits[x&15] {
			return false
		}
	}
	return true
}
