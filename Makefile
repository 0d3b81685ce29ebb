# atelier — build, run, test, benchmark.
GO      ?= go
BIN     ?= bin/atelier
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)

.PHONY: build run test test-short fuzz bench lint clean docs install uninstall

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/atelier

# The main job on this machine: create the default ledger if needed, probe
# this machine and judge it against Zorin OS.
run: build
	$(BIN) init
	$(BIN) probe
	$(BIN) check

# The whole suite: each fuzz target briefly from its seeds (the same time
# each: see scripts/fuzz.sh), then unit and
# package tests, end-to-end scripts, loop-device tests (as root), corpus
# tests, through scripts/testreport: it ends with the list of the tests that
# failed and of those that skipped, with their reasons (with CI=true a skip
# fails the run).
test: lint
	./scripts/fuzz.sh 10s
	$(GO) run ./scripts/testreport -count=1 -timeout 30m ./...
	@if [ -n "$$ATELIER_TEST_PG" ] || [ "$$CI" = true ]; then \
	  echo "ledger contract suite on PostgreSQL (README: PostgreSQL tests)"; \
	  GO=$(GO) ./scripts/test-pg.sh; \
	else echo "PostgreSQL contract run skipped: ATELIER_TEST_PG not set (README: PostgreSQL tests)"; fi

test-short:
	$(GO) run ./scripts/testreport -short ./...

fuzz:
	./scripts/fuzz.sh 2m

bench: build
	./scripts/bench.sh

lint:
	$(GO) vet ./...
	$(GO) run ./scripts/realdisks
	@out=$$(gofmt -l cmd inventory probe imaging reports internal scripts hub workshop); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

clean:
	rm -rf bin

# Manual pages (cobra/doc, through the hidden `atelier man DIR`) and shell
# completions (cobra's `atelier completion SHELL`), made from the built
# binary's own help so that they never drift from it.
PREFIX  ?= /usr/local
DESTDIR ?=
DOCDIR  ?= bin/share

docs: build
	rm -rf $(DOCDIR)
	mkdir -p $(DOCDIR)/man1 $(DOCDIR)/completions
	$(BIN) man $(DOCDIR)/man1
	$(BIN) completion bash > $(DOCDIR)/completions/atelier.bash
	$(BIN) completion zsh > $(DOCDIR)/completions/_atelier
	$(BIN) completion fish > $(DOCDIR)/completions/atelier.fish

# The binary, its man pages and its completions for bash, zsh and fish,
# where each looks by default under PREFIX (DESTDIR for packagers).
install: docs
	install -D -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/atelier
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 $(DOCDIR)/man1/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -D -m 644 $(DOCDIR)/completions/atelier.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/atelier
	install -D -m 644 $(DOCDIR)/completions/_atelier $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_atelier
	install -D -m 644 $(DOCDIR)/completions/atelier.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/atelier.fish

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/atelier $(DESTDIR)$(PREFIX)/share/man/man1/atelier.1 $(DESTDIR)$(PREFIX)/share/man/man1/atelier-*.1
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/atelier $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_atelier
	rm -f $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/atelier.fish
