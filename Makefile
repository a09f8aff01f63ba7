# digest: `make brief` builds the sample brief, `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
CONFIG ?= config.yaml
DATE   ?= 2023-09-13
STAMP   = $(VENV)/.installed

.PHONY: install brief pdf send test lint eval train dupes-bbc bench clean check-system check-browser debian-packages

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory check-system
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# WeasyPrint needs Pango, and HarfBuzz's subsetter for fast, reproducible PDFs. This is the
# one list of Debian packages; `.ci/run` installs them through this target too. They are
# installed when missing and we are root or have password-less sudo; otherwise the target
# stops with the apt-get line to run.
DEBIAN_PACKAGES = libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
SYSTEM_LIBS     = libpango-1.0.so.0 libpangoft2-1.0.so.0 libharfbuzz-subset.so.0

check-system:
	@$(MAKE) --no-print-directory debian-packages PACKAGES="$(DEBIAN_PACKAGES)"

# The browser tests (tests/test_browser.py) open brief.html and the email in Chromium;
# without it they are skipped. `.ci/run` installs it through this target.
BROWSER_PACKAGES = chromium

check-browser:
	@$(MAKE) --no-print-directory debian-packages PACKAGES="$(BROWSER_PACKAGES)" SYSTEM_LIBS=

# Installs PACKAGES when missing (root or password-less sudo), else stops with the line.
debian-packages:
	@missing=""; \
	if command -v dpkg-query >/dev/null 2>&1; then \
	  for pkg in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}' "$$pkg" 2>/dev/null | grep -q "ok installed" || missing="$$missing $$pkg"; \
	  done; \
	else \
	  for lib in $(SYSTEM_LIBS); do \
	    ldconfig -p 2>/dev/null | grep -q "$$lib" || missing="$$missing $$lib"; \
	  done; \
	  if [ -n "$$missing" ]; then \
	    echo "digest: missing system libraries:$$missing (install Pango and HarfBuzz's subset library)"; exit 1; \
	  fi; \
	fi; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
	  else \
	    echo "digest: missing Debian packages:$$missing"; \
	    echo "  install them with: sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	  echo "digest: installing Debian packages:$$missing"; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq$$missing >/dev/null || { \
	    echo "digest: apt-get could not install:$$missing"; exit 1; }; \
	fi

brief: install
	$(BIN)/digest build --config $(CONFIG) --date $(DATE)

pdf: install
	$(BIN)/digest build --config $(CONFIG) --date $(DATE) --format pdf

# Email the built brief to config.yaml's subscribers; without an smtp: block (as shipped)
# the messages are written to out/$(DATE)/outbox/ as .eml files. Run `make brief` first.
send: install
	$(BIN)/digest send --config $(CONFIG) --date $(DATE)

test: install
	$(BIN)/pytest -q

# The benchmark (a measurement, not a test): every stage and whole builds, on a synthetic
# corpus of ARTICLES and on the BBC corpus when present; BENCH_ARGS=--json for machines.
ARTICLES ?= 20000
JOBS     ?= 2
bench: install
	$(BIN)/python -m digest.bench --articles $(ARTICLES) --jobs $(JOBS) --bbc $(BBC) $(BENCH_ARGS)

lint: install
	$(BIN)/ruff check digest tests
	$(BIN)/ruff format --check digest tests
	$(BIN)/mypy

clean:
	rm -rf out build dist .pytest_cache .mypy_cache .ruff_cache

GOLD   ?= ../shared/data/polnear-dev.jsonl
EVENTS ?= ../shared/data/events-ecbplus-dev.jsonl
# Claim extraction against GOLD (PolNeAR), speech attributions only then all of them;
# then story grouping against EVENTS (ECB+): stories against its events, threads against
# its topics.
eval: install
	@test -f $(GOLD) || { echo "digest: $(GOLD) not found; set GOLD=path/to/gold.jsonl"; exit 1; }
	$(BIN)/digest eval claims --speech $(GOLD)
	$(BIN)/digest eval claims $(GOLD)
	@test -f $(EVENTS) || { echo "digest: $(EVENTS) not found; set EVENTS=path/to/events.jsonl"; exit 1; }
	$(BIN)/digest eval stories $(EVENTS)
	$(BIN)/digest eval stories --level thread $(EVENTS)

# The claim scorer's weights (digest/extract/claim_weights.json), trained on DATA
# (PolNeAR train; dev is never read): the same code and data give the same bytes.
DATA ?= ../shared/data/polnear-train.jsonl
train: install
	@test -f $(DATA) || { echo "digest: $(DATA) not found; set DATA=path/to/polnear-train.jsonl"; exit 1; }
	$(BIN)/python -m digest.extract.train --data $(DATA) --out digest/extract/claim_weights.json

# The duplicate-article finder on the BBC corpus: identical pairs by digest, near ones
# against the pairs judged by reading (tests/data/dupes/bbc-judged.tsv).
BBC ?= ../shared/corpus/bbc
dupes-bbc: install
	@test -d $(BBC) || { echo "digest: $(BBC) not found; set BBC=path/to/bbc"; exit 1; }
	$(BIN)/digest dupes $(BBC) --judged tests/data/dupes/bbc-judged.tsv
