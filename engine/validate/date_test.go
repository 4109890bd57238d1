package validate

import (
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    bool
	}{
		{2024, 2, 29, true}, // leap year
		{2023, 2, 29, false},
		{2000, 2, 29, true},  // divisible by 400
		{1900, 2, 29, false}, // divisible by 100 only
		{2100, 2, 29, false},
		{2024, 4, 30, true},
		{2024, 4, 31, false},
		{2024, 12, 31, true},
		{2024, 13, 1, false},
		{2024, 0, 1, false},
		{2024, 1, 0, false},
		{2024, 1, 32, false},
		{1, 1, 1, true},
		{9999, 12, 31, true},
		{0, 1, 1, false},
		{10000, 1, 1, false},
		{-4, 2, 29, false},
	}
	for _, tt := range tests {
		if got := Date(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("Date(%d, %d, %d) = %v, want %v", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

func TestDaysIn(t *testing.T) {
	want := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	for m := 0; m <= 12; m++ {
		if got := DaysIn(2023, m); got != want[m] {
			t.Errorf("DaysIn(2023, %d) = %d, want %d", m, got, want[m])
		}
	}
	if got := DaysIn(2024, 2); got != 29 {
		t.Errorf("DaysIn(2024, 2) = %d, want 29", got)
	}
	if got := DaysIn(2024, 13); got != 0 {
		t.Errorf("DaysIn(2024, 13) = %d, want 0", got)
	}
}

func TestParseMonthName(t *testing.T) {
	tests := []struct {
		in string
		m  int
		ok bool
	}{
		{"January", 1, true}, {"jan", 1, true}, {"JAN", 1, true}, {"feb", 2, true},
		{"March", 3, true}, {"Apr", 4, true}, {"may", 5, true}, {"MAY", 5, true},
		{"June", 6, true}, {"jul", 7, true}, {"August", 8, true}, {"Sep", 9, true},
		{"september", 9, true}, {"Oct", 10, true}, {"NOVEMBER", 11, true}, {"dec", 12, true},
		{"Sept", 0, false}, {"Janu", 0, false}, {"ja", 0, false}, {"", 0, false},
		{"Decembers", 0, false}, {"mai", 0, false}, {"Jan.", 0, false}, {"junee", 0, false},
	}
	for _, tt := range tests {
		m, ok := ParseMonthName([]byte(tt.in))
		if m != tt.m || ok != tt.ok {
			t.Errorf("ParseMonthName(%q) = %d, %v; want %d, %v", tt.in, m, ok, tt.m, tt.ok)
		}
	}
}

// refDate builds the date with time.Date, which normalises out-of-range
// fields, and accepts it only when nothing had to be normalised.
func refDate(y, m, d int) bool {
	if y < 1 || y > 9999 || m < 1 || m > 12 {
		return false
	}
	tm := time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC)
	return tm.Year() == y && int(tm.Month()) == m && tm.Day() == d
}

func FuzzDate(f *testing.F) {
	f.Add(2024, 2, 29)
	f.Add(2023, 2, 29)
	f.Add(1900, 2, 29)
	f.Add(2024, 4, 31)
	f.Add(0, 1, 1)
	f.Fuzz(func(t *testing.T, y, m, d int) {
		// Keep time.Date's arithmetic away from int overflow.
		if d < -1e6 || d > 1e6 || y < -1e6 || y > 1e6 {
			if Date(y, m, d) {
				t.Fatalf("Date(%d, %d, %d) = true for an out-of-range field", y, m, d)
			}
			return
		}
		if got, want := Date(y, m, d), refDate(y, m, d); got != want {
			t.Fatalf("Date(%d, %d, %d) = %v, time.Date round-trip says %v", y, m, d, got, want)
		}
	})
}
