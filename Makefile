# KyCuong — the two commands a fresh machine needs: `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
DOCS_DIR ?= docs-site
SYMBOLS_DIR := .build/symbol-graphs

.PHONY: run test deps build release lint checklists-check spreadsheet-check consumer-check unit-tests archive-tests server-check fuzz-smoke fuzz pty-tests render-check docs-check docs docs-preview bench bench-tools bench-repl bench-server bench-summary format clean

# Installs what a fresh Debian machine lacks: libedit-dev (the REPL's line editor), Python's jsonschema (the
# schema tests), pexpect (the pseudo-terminal tests) and cryptography (the server check's own RFC 9421 signer). Scripts/render-html.sh installs Chromium and poppler
# when it first runs. Everything else ships with the Swift toolchain.
deps:
	@if ! pkg-config --exists libedit 2>/dev/null; then \
	  echo "Installing libedit-dev (needed by the kycuong REPL)…"; \
	  apt-get update && apt-get install -y libedit-dev; \
	fi
	@if ! pkg-config --exists zlib 2>/dev/null; then \
	  echo "Installing zlib1g-dev (needed by ZIPFoundation for audit bundles)…"; \
	  apt-get update && apt-get install -y zlib1g-dev; \
	fi
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet jsonschema
	@python3 -c 'import pexpect' 2>/dev/null || python3 -m pip install --quiet pexpect
	@python3 -c 'import cryptography' 2>/dev/null || python3 -m pip install --quiet cryptography

build: deps
	$(SWIFT) build

# The kycuong to install (and the one make bench measures): release, the Swift runtime and Foundation linked
# statically, so it starts in half the instructions and needs no Swift toolchain where it runs
# (Scripts/build-release.sh; installs libxml2-dev when missing). Prints the binary's path.
release: deps
	@Scripts/build-release.sh

run: deps
	$(SWIFT) build --product kycuong
	$$($(SWIFT) build --show-bin-path)/kycuong $(ARGS)

lint:
	swift-format lint --strict --recursive Package.swift Sources Tests

# Every Swift test but the archive's (archive-tests).
unit-tests: deps
	$(SWIFT) test --skip KyCuongArchiveTests

# The archive's suite, on SQLite and on a throwaway PostgreSQL cluster that Scripts/with-postgres.sh starts on
# loopback, on a free port, for the run (installing PostgreSQL from Debian's packages with apt-get when
# initdb/pg_ctl are missing) and always removes. CI=true makes a PostgreSQL case that cannot run a failure.
archive-tests: deps
	Scripts/with-postgres.sh $(SWIFT) test --filter KyCuongArchiveTests

# The department server as a team and a department use it (Scripts/server/test_server.py): a team audit on three
# devices merged, pushed to a real `kycuong serve` on loopback (a free port, a temp dir), hostile requests, kill -9
# and restart, the dashboard's review in its pages (screenshotted by headless Chromium when installed); on SQLite,
# then on a throwaway PostgreSQL (Scripts/with-postgres.sh).
server-check: deps
	$(SWIFT) build --product kycuong
	python3 Scripts/server/test_server.py $$($(SWIFT) build --show-bin-path)/kycuong
	Scripts/with-postgres.sh python3 Scripts/server/test_server.py $$($(SWIFT) build --show-bin-path)/kycuong --postgres

# libFuzzer + AddressSanitizer over the committed seed corpus (Tests/Fuzz/Corpus): bounded in `make test`,
# longer with `make fuzz` (RUNS=N to choose).
fuzz-smoke:
	Scripts/fuzz.sh 20000

fuzz:
	Scripts/fuzz.sh $(or $(RUNS),500000)

# The standard checklists against their JSON Schema (Python's jsonschema) and against every rule of the loader.
checklists-check: deps
	python3 Scripts/check-checklists.py
	$(SWIFT) build --product kycuong
	$$($(SWIFT) build --show-bin-path)/kycuong validate Checklists

# The REPL in a real pseudo-terminal: keystrokes in, screen out (Scripts/pty/).
pty-tests: deps
	$(SWIFT) build --product kycuong
	python3 Scripts/pty/test_terminal.py $$($(SWIFT) build --show-bin-path)/kycuong
	python3 Scripts/pty/test_attach.py $$($(SWIFT) build --show-bin-path)/kycuong
	python3 Scripts/pty/test_durability.py $$($(SWIFT) build --show-bin-path)/kycuong

# The HTML record and summary rendered by headless Chromium, their text checked (Scripts/render-html.sh).
render-check: deps
	Scripts/render-html.sh

# Checklists authored in a spreadsheet, against LibreOffice (installed headless with apt-get when missing):
# export, read, re-save by LibreOffice, import — byte for byte (Scripts/check-spreadsheets.sh).
spreadsheet-check: deps
	$(SWIFT) build --product kycuong
	Scripts/check-spreadsheets.sh $$($(SWIFT) build --show-bin-path)/kycuong

# A third-party package with `traits: []` that imports only KyCuong: resolves nothing else, builds, runs the
# tutorial's steps (Scripts/check-consumer.sh).
consumer-check:
	Scripts/check-consumer.sh

docs-check: deps
	Scripts/build-docs.sh check

docs: deps
	Scripts/build-docs.sh site $(DOCS_DIR)

docs-preview: deps
	Scripts/build-docs.sh preview

# Every check, in this order, each timed (Scripts/run-checks.sh prints the time of each step at the end).
TEST_STEPS := lint checklists-check unit-tests archive-tests fuzz-smoke pty-tests render-check server-check spreadsheet-check consumer-check docs-check

test: deps
	Scripts/run-checks.sh $(TEST_STEPS)
	@echo "make test: all checks passed"

# The benchmarks of issue 13 (Benchmarks/run.py): kycuong in release (.build-release) beside its peers —
# sqlite3, a C fsync loop, a Swift hello, Python, jq, cat — medians of alternating runs, ratios, instruction
# counts (callgrind); the table goes into Benchmarks/README.md, the raw figures into .build-bench/results.json.
# BENCH_QUICK=1 for a short run; Benchmarks/README.md lists the other settings. Installs sqlite3, jq, valgrind
# and GNU time with apt-get, each only when missing.
bench: deps bench-tools
	python3 Benchmarks/run.py

bench-tools:
	@missing=""; \
	for tool in sqlite3 jq valgrind; do command -v $$tool >/dev/null || missing="$$missing $$tool"; done; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing (peers and instruction counts of make bench)…"; \
	  apt-get update && apt-get install -y $$missing; \
	fi

# The earlier benchmarks, kept as they were: the REPL's (launch, per-answer round trips in a pty, memory) and
# the summary's (best of RUNS against jq and Python). They share make bench's release build.
bench-repl: deps
	Scripts/build-release.sh >/dev/null
	SCRATCH=.build-release Benchmarks/repl/run.sh --no-build

# The department server under load and faults (Benchmarks/server/run.py): 50 clients push 2,000 audits with
# injected connection drops, then a kill -9 mid-push; on SQLite, then on a throwaway PostgreSQL.
bench-server: deps
	Scripts/build-release.sh >/dev/null
	KYCUONG=.build-release/release/kycuong python3 Benchmarks/server/run.py
	KYCUONG=.build-release/release/kycuong Scripts/with-postgres.sh python3 Benchmarks/server/run.py --postgres

bench-summary: deps bench-tools
	KYCUONG=$$(Scripts/build-release.sh) Benchmarks/summary/run.sh $(N)

format:
	swift-format format --in-place --recursive Package.swift Sources Tests

clean:
	rm -rf .build .build-release .build-bench $(DOCS_DIR)
