package engine

import "golang.org/x/sys/cpu"

// useVector says the AVX2 kernel classifies blocks (trigger.go).
var useVector = cpu.X86.HasAVX2

// triggerMaskAVX2 returns the trigger mask of p[:64] under tabs; the
// bits of the bytes of p[:63] that are not ASCII and begin no UTF-8
// character: neither they nor the byte after them is a continuation byte
// (brokenLeads); and the bits of the bytes of p[:64] that are not ASCII.
// p must have 64 readable bytes.
//
//go:noescape
func triggerMaskAVX2(p *byte, tabs *nibbleTables) (mask, broken, high uint64)

// triggerMask returns the trigger bits of w[:64]: bit k is set when w[k] is
// a trigger byte (and, with inexact nibble tables, for a few others). The
// vector kernel also leaves out a non-ASCII trigger byte that no
// continuation byte follows when d.leadsOnly holds (see there); the
// portable one leaves it to the main loop. high has the bits of the bytes
// of w[:64] that are not ASCII, from the vector kernel only (it finds them
// anyway); the portable one returns 0, and the main loop then drops no
// dead stop (dead.go).
func (d *dispatch) triggerMask(w []byte) (m, high uint64) {
	if useVector {
		_ = w[63]
		m, broken, high := triggerMaskAVX2(&w[0], &d.nib)
		return m &^ (broken & d.leadsOnly), high
	}
	return d.triggerMaskTable(w), 0
}
