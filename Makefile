# datafog-api. `make run` and `make test` are the two commands a new machine needs.
# Every tool comes from the Go module proxy and is pinned with a `tool` line in go.mod.

GO        ?= go
BIN       := bin/datafog
FUZZTIME  ?= 10s
VULNDB    ?= $(abspath ../shared/vulndb)
PKGS      := ./...

.PHONY: all build run test fmt vet unit test-race gosec govulncheck fuzz fuzz-seeds crash-test crash-test-short big-stream bench bench-compare check-all clean

all: build

build:                 ## one static binary
	CGO_ENABLED=0 $(GO) build -trimpath -o $(BIN) ./cmd/datafog

run: build             ## serve on 127.0.0.1:8080 with the embedded default policy
	./$(BIN) serve

test: fmt vet govulncheck gosec unit crash-test-short   ## everything CI runs; cheap static gates first

fmt:                   ## fail if any file needs gofmt
	@out="$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"; if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

unit: build            ## unit tests, plus every fuzz target's seed corpus (go test runs them)
	$(GO) test -count=1 $(PKGS)

test-race:
	$(GO) test -race -count=1 $(PKGS)

gosec:                 ## hard-failing; exceptions carry a #nosec comment with the reason at the finding
	$(GO) tool gosec -quiet -exclude-dir=bench/results $(PKGS)

govulncheck:           ## offline database in ../shared/vulndb when it exists, else the online one
	@if [ -d "$(VULNDB)" ]; then $(GO) tool govulncheck -db file://$(VULNDB) $(PKGS); else $(GO) tool govulncheck $(PKGS); fi

fuzz:                  ## every fuzz target for FUZZTIME, one after the other
	FUZZTIME=$(FUZZTIME) ./.ci/fuzz.sh

crash-test-short: build   ## 3 SIGKILL/restart cycles against the real binary
	DATAFOG_CRASH_BIN=$(abspath $(BIN)) DATAFOG_CRASH_CYCLES=3 $(GO) test -count=1 -run TestCrash ./receipts/crashtest/

crash-test: build      ## 50 SIGKILL/restart cycles against the real binary
	DATAFOG_CRASH_BIN=$(abspath $(BIN)) DATAFOG_CRASH_CYCLES=50 $(GO) test -count=1 -timeout 30m -run TestCrash -v ./receipts/crashtest/

big-stream: build      ## a 4 GiB chunked body through /v1/scan/stream; peak RSS must stay under 100 MB
	DATAFOG_BIG_STREAM=1 $(GO) test -count=1 -timeout 60m -run TestBigStream -v ./transport/

bench:                 ## the whole suite: JSON, Markdown table and PNG chart in bench/results/
	$(GO) run ./bench/cmd/suite

bench-compare:         ## make bench-compare OLD=bench/results/a.txt NEW=bench/results/b.txt
	$(GO) tool benchstat $(OLD) $(NEW)

check-all: test test-race

clean:
	rm -rf bin
