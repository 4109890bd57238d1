//go:build !amd64

package engine

// useVector is false: no vector kernel on this architecture.
const useVector = false

// triggerMaskAVX2 is never called here (useVector is false).
func triggerMaskAVX2(p *byte, tabs *nibbleTables) (mask, broken, high uint64) {
	panic("engine: no vector kernel on this architecture")
}

// triggerMask returns the trigger bits of w[:64]: bit k is set when w[k] is
// a trigger byte; and no bits for the bytes that are not ASCII (the main
// loop then drops no dead stop, dead.go).
func (d *dispatch) triggerMask(w []byte) (m, high uint64) { return d.triggerMaskTable(w), 0 }
