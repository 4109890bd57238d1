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
