# atelier — build, run, test, benchmark.
GO      ?= go
BIN     ?= bin/atelier
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)

.PHONY: build run test test-short fuzz bench lint clean

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/atelier

# The main job on this machine: create the default ledger if needed, probe
# this machine and judge it against Zorin OS.
run: build
	$(BIN) init
	$(BIN) probe
	$(BIN) check

# The whole suite: unit and package tests, end-to-end scripts, loop-device
# tests (as root), corpus tests, then each fuzz target briefly on its seeds
# (a count of executions: see scripts/fuzz.sh for why not a duration).
test: lint
	$(GO) test -count=1 -timeout 30m ./...
	./scripts/fuzz.sh 50000x

test-short:
	$(GO) test -short ./...

fuzz:
	./scripts/fuzz.sh 500000x

bench: build
	./scripts/bench.sh

lint:
	$(GO) vet ./...
	@out=$$(gofmt -l cmd inventory probe imaging reports internal); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

clean:
	rm -rf bin
