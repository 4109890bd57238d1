#include "textflag.h"

// func triggerMaskAVX2(p *byte, tabs *nibbleTables) uint64
//
// Two 32-byte halves; for each byte, lo[b&15] & hi[b>>4] (VPSHUFB), then
// one bit per byte that is not zero.
TEXT ·triggerMaskAVX2(SB), NOSPLIT, $0-24
	MOVQ p+0(FP), SI
	MOVQ tabs+8(FP), DI
	VMOVDQU (DI), Y6
	VMOVDQU 32(DI), Y7
	VMOVDQU 64(DI), Y8
	VPXOR Y9, Y9, Y9

	VMOVDQU (SI), Y0
	VMOVDQU 32(SI), Y1

	VPSRLW $4, Y0, Y2
	VPAND Y8, Y2, Y2
	VPAND Y8, Y0, Y3
	VPSHUFB Y3, Y6, Y4
	VPSHUFB Y2, Y7, Y5
	VPAND Y4, Y5, Y4
	VPCMPEQB Y9, Y4, Y4
	VPMOVMSKB Y4, AX

	VPSRLW $4, Y1, Y2
	VPAND Y8, Y2, Y2
	VPAND Y8, Y1, Y3
	VPSHUFB Y3, Y6, Y4
	VPSHUFB Y2, Y7, Y5
	VPAND Y4, Y5, Y4
	VPCMPEQB Y9, Y4, Y4
	VPMOVMSKB Y4, DX

	SHLQ $32, DX
	ORQ DX, AX
	NOTQ AX
	VZEROUPPER
	MOVQ AX, ret+16(FP)
	RET
