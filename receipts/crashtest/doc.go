// Package crashtest holds the crash-under-load test of the receipt log: it
// runs the real datafog binary, SIGKILLs it at random moments under
// concurrent /v1/decide load, restarts it, and checks that every receipt id
// that was handed out is still served with the same content.
//
// The test runs only when DATAFOG_CRASH_BIN names the binary:
//
//	DATAFOG_CRASH_BIN=bin/datafog DATAFOG_CRASH_CYCLES=50 go test ./receipts/crashtest/
package crashtest
