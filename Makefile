# Two commands set everything up on a fresh machine:
#   make site   virtual environment + pinned dependencies, then builds site/ and the offline bundle
#   make test   the same set-up plus the browser's system packages, then the tests
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUNDLE_NAME := lecun-meta-reader
export NO_MKDOCS_2_WARNING := 1
# Reproducible output: dates in the sitemap and zip come from the last commit.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)

.PHONY: site test serve bench eval bundle setup fonts system-deps clean

setup: $(STAMP)

$(STAMP): requirements.lock package-lock.json pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	npm ci --no-audit --no-fund --loglevel=error
	touch $(STAMP)

# Debian's CJK fonts, installed only when missing: the share cards are drawn
# with them (scripts/data/cards.yml) and the browser shows Chinese with them.
fonts:
	@if ! dpkg-query -W -f='$${Status}' fonts-noto-cjk 2>/dev/null | grep -q "ok installed"; then \
		echo "installing fonts-noto-cjk"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null; \
	fi

# Debian packages the browser tests need, installed only when missing.
system-deps: fonts
	@if ! command -v chromium >/dev/null; then \
		echo "installing chromium"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

# Built aside and swapped in, so a failed build never leaves a half-written site/.
site: setup fonts
	rm -rf site.tmp
	$(BIN)/mkdocs build --strict --quiet -d site.tmp
	rm -rf site.old; if [ -d site ]; then mv site site.old; fi; mv site.tmp site; rm -rf site.old
	@cat build/seeds/reports/summary.txt
	$(BIN)/python scripts/bundle.py --name $(BUNDLE_NAME)

bundle: setup fonts
	$(BIN)/python scripts/bundle.py --name $(BUNDLE_NAME)

test: setup system-deps
	$(BIN)/python -m pytest

serve: setup fonts
	$(BIN)/mkdocs serve --dirty

# Figures per corpus size (10, 100, 1,000 synthetic seeds) to build/bench.json;
# BENCH_ARGS="--sizes 10,100" for a quick run. Never fails on a missed target.
bench: setup
	$(BIN)/python -m bench $(BENCH_ARGS)

# Quality figures (conversion errors, cleaning precision and recall) on the
# project's dev sets, printed and written to build/eval/.
eval: setup
	cd scripts && ../$(BIN)/python -m evaluation

clean:
	rm -rf site site.tmp site.old build dist node_modules
