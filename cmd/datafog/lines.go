package main

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// Line and column numbers. Reports give each finding's start and end as
// a 1-based line and a 1-based column next to its byte offsets. A column
// counts Unicode code points (characters) from the start of the line, so
// "é" is one column though it is two bytes; bytes that are not UTF-8 count
// one column each. The end is exclusive, like the end offset: end_column
// is the column just after the finding's last character (SARIF's
// endColumn). Lines end at '\n' ("\r\n" too: the '\r' is the line's last
// character).

// position is a place in a stream: its byte offset, its line and the
// number of characters between the start of the line and it.
type position struct {
	off  int64
	line int64
	col  int64 // characters before off on its line (the column is col+1)
}

// startPosition is the position of a stream's first byte.
func startPosition() position { return position{line: 1} }

// advance moves p over b, the stream bytes from p.off on.
func (p *position) advance(b []byte) {
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		p.line += int64(bytes.Count(b[:i+1], []byte{'\n'}))
		p.col = characters(b[i+1:])
	} else {
		p.col += characters(b)
	}
	p.off += int64(len(b))
}

// characters counts the UTF-8 characters of b: the bytes that are not
// continuation bytes (10xxxxxx), eight at a time.
func characters(b []byte) int64 {
	n := len(b)
	cont := 0
	i := 0
	for ; i+8 <= n; i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		// A continuation byte has bit 7 set and bit 6 clear.
		cont += bits.OnesCount64(w & ^(w << 1) & 0x8080808080808080)
	}
	for ; i < n; i++ {
		if b[i]&0xc0 == 0x80 {
			cont++
		}
	}
	return int64(n - cont)
}

// allowMarker on a finding's line suppresses the finding. Only the lines
// the finding itself stands on count (its first and its last), and after
// the finding only its first allowReach bytes; a marker on the line
// before does not.
const allowMarker = "datafog:allow"

// allowLines finds the lines of a stream that hold allowMarker, as the
// stream is read.
type allowLines struct {
	line  int64  // the line being read (1-based)
	carry []byte // the last len(allowMarker)-1 bytes read
	lines []int64
	buf   []byte
}

func (a *allowLines) reset() {
	a.line, a.carry, a.lines = 1, a.carry[:0], a.lines[:0]
}

// read takes the next chunk of the stream.
func (a *allowLines) read(chunk []byte) {
	marker := []byte(allowMarker)
	if len(a.carry) > 0 && len(chunk) > 0 {
		// A marker cut by the chunk boundary starts in the carried tail.
		a.buf = append(append(a.buf[:0], a.carry...), chunk[:min(len(chunk), len(marker)-1)]...)
		if i := bytes.Index(a.buf, marker); i >= 0 && i < len(a.carry) {
			a.add(a.line) // a marker has no '\n': it is on the line the chunk starts on
		}
	}
	line, counted := a.line, 0
	for from := 0; ; {
		i := bytes.Index(chunk[from:], marker)
		if i < 0 {
			break
		}
		at := from + i
		line += int64(bytes.Count(chunk[counted:at], []byte{'\n'}))
		counted = at
		a.add(line)
		from = at + len(marker)
	}
	a.line = line + int64(bytes.Count(chunk[counted:], []byte{'\n'}))
	if keep := len(marker) - 1; len(chunk) >= keep {
		a.carry = append(a.carry[:0], chunk[len(chunk)-keep:]...)
	} else {
		a.carry = append(a.carry, chunk...)
		a.carry = a.carry[max(0, len(a.carry)-keep):]
	}
}

// add records that line holds the marker.
func (a *allowLines) add(line int64) {
	if n := len(a.lines); n == 0 || a.lines[n-1] != line {
		a.lines = append(a.lines, line)
	}
}

// complete reports whether line has been read to its end.
func (a *allowLines) complete(line int64) bool { return line < a.line }

// allowed reports whether line holds the marker.
func (a *allowLines) allowed(line int64) bool {
	for _, l := range a.lines {
		if l == line {
			return true
		}
		if l > line {
			break
		}
	}
	return false
}

// forget drops the lines before line, which no later finding can be on.
func (a *allowLines) forget(line int64) {
	k := 0
	for k < len(a.lines) && a.lines[k] < line {
		k++
	}
	if k > 0 {
		a.lines = append(a.lines[:0], a.lines[k:]...)
	}
}
