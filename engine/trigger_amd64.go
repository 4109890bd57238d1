package engine

import "golang.org/x/sys/cpu"

// useVector says the AVX2 kernel classifies blocks (trigger.go).
var useVector = cpu.X86.HasAVX2

// triggerMaskAVX2 returns the trigger mask of p[:64] under tabs. p must
// have 64 readable bytes.
//
//go:noescape
func triggerMaskAVX2(p *byte, tabs *nibbleTables) uint64

// triggerMask returns the trigger bits of w[:64]: bit k is set when w[k] is
// a trigger byte (and, with inexact nibble tables, for a few others).
func (d *dispatch) triggerMask(w []byte) uint64 {
	if useVector {
		_ = w[63]
		return triggerMaskAVX2(&w[0], &d.nib)
	}
	return d.triggerMaskTable(w)
}
