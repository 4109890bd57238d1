//go:build !race

package jsonstr

import "testing"

// TestAppendAllocs pins Append to zero allocations when dst has room.
func TestAppendAllocs(t *testing.T) {
	buf := make([]byte, 0, 256)
	s := "mail <bob@example.com>\n\xff tail"
	if n := testing.AllocsPerRun(100, func() { buf = Append(buf[:0], s) }); n != 0 {
		t.Fatalf("Append allocated %v times", n)
	}
}

// TestAppendTextAllocs pins AppendText to zero allocations too.
func TestAppendTextAllocs(t *testing.T) {
	buf := make([]byte, 0, 256)
	s := "<EMAIL_1> & <PHONE_2>\n\xff tail"
	if n := testing.AllocsPerRun(100, func() { buf = AppendText(buf[:0], s) }); n != 0 {
		t.Fatalf("AppendText allocated %v times", n)
	}
}
