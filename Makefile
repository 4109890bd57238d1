# datafog-api. `make run` and `make test` are the two commands a new machine needs.
# Every tool comes from the Go module proxy and is pinned with a `tool` line in
# tools/go.mod, its own module, so the tools' dependencies stay out of the main one.
#
# MODULES: the main module (the binary and its tests) and the two kept out of its
# dependency graph: deploy (manifest checks; k8s.io/api) and bench/suite (the suite
# runner; gonum/plot). `go test ./...` in the root does not enter them; every
# target below that checks code runs in each of them.

GO        ?= go
BIN       := bin/datafog
FUZZTIME  ?= 10s
VULNDB    ?= $(abspath ../shared/vulndb)
PKGS      := ./...
MODULES   := . deploy bench/suite
TOOLS_MOD := $(abspath tools/go.mod)
TOOL      := $(GO) tool -modfile=$(TOOLS_MOD)
# Build identity (internal/buildinfo), shown by `datafog version`, /health and
# datafog_build_info. Override on the command line: make build VERSION=v1.2.3
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT    ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
DATE      ?= $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
BUILDINFO := github.com/datafog/datafog-api/internal/buildinfo
LDFLAGS   := -X $(BUILDINFO).version=$(VERSION) -X $(BUILDINFO).commit=$(COMMIT) -X $(BUILDINFO).date=$(DATE)

.PHONY: readme all build run test fmt vet unit test-race gosec govulncheck fuzz fuzz-seeds crash-test crash-test-short big-stream bench bench-compare check-all clean

all: build

build:                 ## one static binary, stamped with VERSION, COMMIT and DATE
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/datafog

run: build             ## serve on 127.0.0.1:8080 with the embedded default policy
	./$(BIN) serve

test: fmt vet govulncheck gosec unit crash-test-short   ## everything CI runs; cheap static gates first

fmt:                   ## fail if any file needs gofmt
	@out="$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"; if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	@for m in $(MODULES); do echo "go vet ($$m)"; $(GO) -C $$m vet $(PKGS) || exit 1; done

unit: build            ## unit tests, plus every fuzz target's seed corpus (go test runs them)
	@for m in $(MODULES); do echo "go test ($$m)"; $(GO) -C $$m test -count=1 $(PKGS) || exit 1; done

test-race:
	@for m in $(MODULES); do echo "go test -race ($$m)"; $(GO) -C $$m test -race -count=1 $(PKGS) || exit 1; done

gosec:                 ## hard-failing; exceptions carry a #nosec comment with the reason at the finding
	@for m in $(MODULES); do echo "gosec ($$m)"; $(GO) -C $$m tool -modfile=$(TOOLS_MOD) gosec -quiet -exclude-dir=bench/results $(PKGS) || exit 1; done

govulncheck:           ## offline database in ../shared/vulndb when it exists, else the online one
	@db=; if [ -d "$(VULNDB)" ]; then db="-db file://$(VULNDB)"; fi; \
	for m in $(MODULES); do echo "govulncheck ($$m)"; $(TOOL) govulncheck -C $$m $$db $(PKGS) || exit 1; done

fuzz:                  ## every fuzz target for FUZZTIME, one after the other
	FUZZTIME=$(FUZZTIME) ./.ci/fuzz.sh

crash-test-short: build   ## 3 SIGKILL/restart cycles against the real binary
	DATAFOG_CRASH_BIN=$(abspath $(BIN)) DATAFOG_CRASH_CYCLES=3 $(GO) test -count=1 -run TestCrash ./receipts/crashtest/

crash-test: build      ## 50 SIGKILL/restart cycles against the real binary
	DATAFOG_CRASH_BIN=$(abspath $(BIN)) DATAFOG_CRASH_CYCLES=50 $(GO) test -count=1 -timeout 30m -run TestCrash -v ./receipts/crashtest/

big-stream: build      ## a 4 GiB chunked body through /v1/scan/stream; peak RSS must stay under 100 MB
	DATAFOG_BIG_STREAM=1 $(GO) test -count=1 -timeout 60m -run TestBigStream -v ./transport/

bench:                 ## the whole suite: JSON, Markdown table and PNG chart in bench/results/
	$(GO) -C bench/suite run ./cmd/suite

bench-compare:         ## make bench-compare OLD=bench/results/a.txt NEW=bench/results/b.txt
	$(TOOL) benchstat $(OLD) $(NEW)

readme:                ## regenerate README.md's entity type list from `datafog entities`
	$(GO) test -count=1 -run TestREADMEEntityList ./cmd/datafog -update-readme

check-all: test test-race

clean:
	rm -rf bin
