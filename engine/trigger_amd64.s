#include "textflag.h"

// func triggerMaskAVX2(p *byte, tabs *nibbleTables) (mask, broken, high uint64)
//
// Two 32-byte halves; for each byte, lo[b&15] & hi[b>>4] (VPSHUFB), then
// one bit per byte that is not zero: mask. broken has a bit for each byte
// of p[:63] that has its top bit set and is no continuation byte (a lead
// byte, or one that is never in UTF-8) when the byte after it is no
// continuation byte (b&0xc0 != 0x80) either. high has a bit for each byte
// of p[:64] that has its top bit set.
TEXT ·triggerMaskAVX2(SB), NOSPLIT, $0-40
	MOVQ p+0(FP), SI
	MOVQ tabs+8(FP), DI
	VMOVDQU (DI), Y6
	VMOVDQU 32(DI), Y7
	VMOVDQU 64(DI), Y8
	VMOVDQU 96(DI), Y10
	VMOVDQU 128(DI), Y11
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
	MOVQ AX, mask+16(FP)

	// High bits (BX) and continuation bytes (CX) of the 64 bytes.
	VPMOVMSKB Y0, BX
	VPMOVMSKB Y1, DX
	SHLQ $32, DX
	ORQ DX, BX
	VPAND Y10, Y0, Y2
	VPCMPEQB Y11, Y2, Y2
	VPMOVMSKB Y2, CX
	VPAND Y10, Y1, Y3
	VPCMPEQB Y11, Y3, Y3
	VPMOVMSKB Y3, DX
	SHLQ $32, DX
	ORQ DX, CX
	MOVQ BX, high+32(FP)
	VZEROUPPER

	// broken = high &^ cont &^ (cont >> 1), bit 63 left out.
	MOVQ CX, DX
	NOTQ DX
	ANDQ DX, BX
	SHRQ $1, CX
	NOTQ CX
	ANDQ CX, BX
	BTRQ $63, BX
	MOVQ BX, broken+24(FP)
	RET
