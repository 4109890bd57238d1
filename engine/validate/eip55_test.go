package validate

import (
	"sync"
	"testing"
)

// The test vectors of EIP-55, without their "0x".
var eip55Vectors = []string{
	// all caps
	"52908400098527886E0F7030069857D2E4169EE7",
	"8617E340B3D01FA5F11F306F4090FD50E238070D",
	// all lower
	"de709f2102306220921060314715629080e2fb77",
	"27b1fdb04752bbc536007a920d24acb045561c26",
	// normal
	"5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
	"fB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
	"dbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
	"D1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
}

func TestEIP55(t *testing.T) {
	for _, s := range eip55Vectors {
		if !EIP55([]byte(s)) {
			t.Errorf("EIP55(%q) = false, want true", s)
		}
	}
	// Flipping the case of any one letter of a checksummed (mixed-case)
	// address must fail, unless that leaves it all one case.
	for _, s := range eip55Vectors[4:] {
		b := []byte(s)
		for i, c := range b {
			if c <= '9' {
				continue
			}
			b[i] = c ^ 0x20
			if EIP55(b) {
				t.Errorf("EIP55(%s) = true after flipping the case at %d of %s", b, i, s)
			}
			b[i] = c
		}
	}
	for _, s := range []string{
		"5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",   // 39 chars
		"5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd", // 41 chars
		"5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg",  // not hex
		"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA",
	} {
		if EIP55([]byte(s)) {
			t.Errorf("EIP55(%q) = true, want false", s)
		}
	}
}

func TestEIP55Concurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if !EIP55([]byte(eip55Vectors[4+i%4])) {
					t.Error("EIP55 failed under concurrency")
					return
				}
			}
		}()
	}
	wg.Wait()
}
