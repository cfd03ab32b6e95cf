# The two commands of the README:
#   make map    set up (Python venv + npm assets) and build maps/ from seeds/ and gazetteer.csv
#   make test   set up (plus test tools and Debian's Chromium), lint, and run every test
#   make lint   ruff over the code and tests, mypy over geo/ (ruff.toml, mypy.ini)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: map test lint eval setup setup-test chromium clean

map: setup
	$(BIN)/python build_map.py

test: setup-test
	$(BIN)/ruff check geo tests bench build_map.py
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

lint: setup setup-lint
	$(BIN)/ruff check geo tests bench build_map.py
	$(BIN)/mypy

# Build the development set (../shared/devset) and print its scorer's table.
eval: setup
	$(BIN)/python bench/eval.py

setup: $(VENV)/.installed node_modules/.installed

setup-test: setup $(VENV)/.installed-test chromium

setup-lint: $(VENV)/.installed-test

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-dev.txt requirements-browser.txt $(VENV)/.installed
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt -r requirements-browser.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# Browser tests drive Debian's Chromium (never a downloaded browser).
chromium:
	@command -v chromium >/dev/null 2>&1 || test -x "$${CHROMIUM:-/usr/bin/chromium}" || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  $$(command -v sudo) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$(command -v sudo) apt-get install -y -qq --no-install-recommends chromium; }

clean:
	rm -rf $(VENV) node_modules
