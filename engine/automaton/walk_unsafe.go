package automaton

import "unsafe"

// walk4 is walk2 with four lanes: lane j reads h[j*laneBlock+k] for
// k < n, in lock step, until a lane reaches a special state (returning its
// step and the four states) or the input ends (returning n).
//
// It is the one place that reads tables without bounds checks, because
// the checks are a quarter of the loop's instructions and the loop is
// throughput-bound when the core is shared. Why every read is in bounds:
//   - h is resliced to exactly n+3*laneBlock bytes first (a checked slice
//     expression), and k+3*laneBlock < n+3*laneBlock;
//   - classes is a [256]uint8 array indexed by a byte;
//   - each s is a DFA state id: a multiple of C = a.nclass below
//     len(trans) = n_states*C (Compile builds only such ids, and Load
//     rejects any transition that is not one), and every class is below C
//     (also checked by Load), so s+class < len(trans).
//
//go:noinline
func walk4(trans []int32, classes *[256]uint8, h []byte, n int, s0, s1, s2, s3, special uint32) (int, uint32, uint32, uint32, uint32) {
	h = h[:n+3*laneBlock]
	cl := classes[:]
	// #nosec G103 -- base pointers of trans and h, used only for the in-bounds reads below (see the doc comment).
	tp := unsafe.Pointer(unsafe.SliceData(trans))
	// #nosec G103 -- as above.
	hp := unsafe.Pointer(unsafe.SliceData(h))
	// #nosec G103 -- every read is in bounds: k+3*laneBlock < len(h), and s+class < len(trans) for every DFA id s (see the doc comment).
	for k := 0; k < n; k++ {
		p := unsafe.Add(hp, k)
		s0 = *(*uint32)(unsafe.Add(tp, uintptr(s0+uint32(cl[*(*byte)(p)]))*4))
		s1 = *(*uint32)(unsafe.Add(tp, uintptr(s1+uint32(cl[*(*byte)(unsafe.Add(p, laneBlock))]))*4))
		s2 = *(*uint32)(unsafe.Add(tp, uintptr(s2+uint32(cl[*(*byte)(unsafe.Add(p, 2*laneBlock))]))*4))
		s3 = *(*uint32)(unsafe.Add(tp, uintptr(s3+uint32(cl[*(*byte)(unsafe.Add(p, 3*laneBlock))]))*4))
		if s0 >= special || s1 >= special || s2 >= special || s3 >= special {
			return k, s0, s1, s2, s3
		}
	}
	return n, s0, s1, s2, s3
}
