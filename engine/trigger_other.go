//go:build !amd64

package engine

// useVector is false: no vector kernel on this architecture.
const useVector = false

// triggerMaskAVX2 is never called here (useVector is false).
func triggerMaskAVX2(p *byte, tabs *nibbleTables) (mask, broken, high uint64) {
	panic("engine: no vector kernel on this architecture")
}
