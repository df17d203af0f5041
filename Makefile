# Innovation in Clustered Networks: the two commands are `make book` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
JB := $(BIN)/jupyter-book
STAMP := $(VENV)/.installed
FINGERPRINT := _build/.inputs-fingerprint
RENDER_FINGERPRINT := _build/.render-fingerprint
JBFLAGS ?= -W -n --keep-going
BOOK_JOBS ?= 2
# One BLAS thread per process: notebooks execute two at a time (no oversubscription), and the
# unrounded numbers do not depend on how many cores the machine has.
OMP_NUM_THREADS ?= 1
OPENBLAS_NUM_THREADS ?= 1
MKL_NUM_THREADS ?= 1
export OMP_NUM_THREADS OPENBLAS_NUM_THREADS MKL_NUM_THREADS

.PHONY: site-checks release snapshot format-chapters fresh help book rebuild pdf test unit lint build-check browser data bench serve clean lock venv

help:
	@echo "make book   build the site strictly from clean (creates .venv on first use)"
	@echo "make test   lint, unit tests, strict clean build, PDFs, post-build and browser checks"
	@echo "make pdf    the briefing and the whole report as PDFs in _build/pdf (builds the site if stale)"
	@echo "make snapshot  pin every glued number of the last build (review the diff)"
	@echo "make release VERSION=X.Y.Z  record the key numbers as a new version, update CHANGELOG.md"
	@echo "make data   regenerate the sample data in data/ from the seeded generators"
	@echo "make bench  benchmarks (speed ratios) and the clean/cached build times"
	@echo "make site-checks  build and browser tests of the built site (after make book and make pdf)"
	@echo "make serve  serve _build/html on http://127.0.0.1:8000"

$(STAMP): requirements-lock.txt pyproject.toml
	@test -n "$(PYTHON)" && $(PYTHON) -c "import sys; assert sys.version_info >= (3, 11)" || { echo "error: Python 3.11 not found; install it (Debian: apt-get install python3.11 python3.11-venv)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-lock.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

# Clear the execution cache whenever src/, the data folder actually read (CLUSTERNET_DATA or data/) or the locked
# environment changed since the last build, so no page can show a number computed from older code or data;
# clear the doctrees whenever references.bib, the configuration or _static/ changed (Sphinx does not re-read
# the pages that cite an edited reference).
# (clusternet.book.fingerprint; the site's own fingerprint is written only after a successful build.)
fresh: $(STAMP)
	@mkdir -p _build
	@new=$$($(PY) -m clusternet.book.fingerprint execution); \
	old=$$(cat $(FINGERPRINT) 2>/dev/null || true); \
	if [ "$$new" != "$$old" ]; then \
	  echo "src/ or the data folder changed since the last build: clearing the execution cache and doctrees"; \
	  rm -rf _build/.jupyter_cache _build/jupyter_execute _build/.doctrees _build/html; \
	fi; \
	mkdir -p _build; echo "$$new" > $(FINGERPRINT); \
	render=$$($(PY) -m clusternet.book.fingerprint render); \
	if [ "$$render" != "$$(cat $(RENDER_FINGERPRINT) 2>/dev/null || true)" ]; then \
	  echo "references, configuration or static files changed: clearing the doctrees"; \
	  rm -rf _build/.doctrees _build/html; \
	fi; \
	echo "$$render" > $(RENDER_FINGERPRINT)

## book: strict build from clean (what readers and CI get)
book: $(STAMP)
	rm -rf _build
	$(MAKE) --no-print-directory rebuild
	@echo "The site is in $(CURDIR)/_build/html/index.html (make serve to view it)"

## rebuild: incremental strict build; re-executes whatever a change to src/ or data/ can affect
## (notebooks execute BOOK_JOBS at a time into the cache first; Sphinx then renders them)
rebuild: $(STAMP)
	@$(MAKE) --no-print-directory fresh
	@rm -f _build/html/.build-fingerprint
	$(PY) -m clusternet.book.execute --jobs $(BOOK_JOBS)
	$(JB) build . $(JBFLAGS) --path-output .
	@$(PY) -m clusternet.book.fingerprint site > _build/html/.build-fingerprint
	@test ! -d _build/html/reports || test -z "$$(ls -A _build/html/reports)" || { echo "execution reports found in _build/html/reports"; exit 1; }

## pdf: print the briefing and the whole report from the built site with headless Chromium
## (clusternet.book.pdf) into _build/pdf and the site's _downloads/, which its pages link;
## rebuilds the site first when it is missing or older than the sources
pdf: $(STAMP)
	@if [ "$$($(PY) -m clusternet.book.fingerprint site)" != "$$(cat _build/html/.build-fingerprint 2>/dev/null || true)" ]; then \
	  echo "the site is missing or stale: building it first"; \
	  $(MAKE) --no-print-directory rebuild; \
	fi
	bash .ci/install-browser.sh
	$(PY) -m clusternet.book.pdf --copy-to-site

test: $(STAMP)
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory unit
	$(MAKE) --no-print-directory book
	$(MAKE) --no-print-directory pdf
	$(MAKE) --no-print-directory site-checks

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(PY) -m tests.chapter_code

## format-chapters: ruff's safe fixes and formatting applied to the chapters' code cells
format-chapters: $(STAMP)
	$(PY) -m tests.chapter_code --fix

unit: $(STAMP)
	$(BIN)/pytest -q -n 2 -m "not build and not browser" tests

## the checks of the built site, two at a time (xdist; the PDF tests share one worker,
## which reads the book's PDF once); build-check and browser run either half alone
site-checks: $(STAMP)
	bash .ci/install-browser.sh
	$(BIN)/pytest -q -n 2 --dist loadgroup -m "build or browser" tests

build-check: $(STAMP)
	$(BIN)/pytest -q -n 2 --dist loadgroup -m build tests

browser: $(STAMP)
	bash .ci/install-browser.sh
	$(BIN)/pytest -q -n 2 --dist loadgroup -m browser tests

## snapshot: pin every glued number of the last build in tests/expected/glued-numbers.csv
## (a deliberate change to a number: rebuild, then this, then review the diff)
snapshot: $(STAMP)
	test -f _build/html/.build-fingerprint || { echo "error: build the book first (make book)"; exit 1; }
	$(PY) -m tests.snapshot

## release: record the built key numbers as VERSION, bump the version files, write CHANGELOG.md
release: $(STAMP)
	test -n "$(VERSION)" || { echo "usage: make release VERSION=X.Y.Z (after make book)"; exit 1; }
	test -f _build/html/.build-fingerprint || { echo "error: build the book first (make book)"; exit 1; }
	$(PY) -m clusternet.book.release $(VERSION)

data: $(STAMP)
	$(PY) -m clusternet.samples

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

serve:
	@echo "Serving http://127.0.0.1:8000 (Ctrl-C to stop)"
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory _build/html

lock: $(STAMP)
	$(PY) -m pip freeze --all --exclude-editable | grep -v '^clusternet' | grep -v '^pip==' > requirements-lock.txt

clean:
	rm -rf _build
