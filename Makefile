# gealc — two commands for users: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
LOCK   := requirements.lock
HOST   ?= 127.0.0.1
PORT   ?= 8050

.PHONY: run test lint bench build serve screenshots lock clean translations

# The compiled catalogues (.mo) the product reads, one per translated language, from the
# translators' .po files: rebuilt whenever a .po changes.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locales/*/LC_MESSAGES/messages.po))

## make run: set up, build the warehouse with demo data and UN figures, serve http://127.0.0.1:8050
run: $(VENV)/.app $(CATALOGUES)
	$(BIN)/gealc build --demo
	$(BIN)/gealc serve --host $(HOST) --port $(PORT)

## make test: set up (with test tools and system packages), check the code's layout and import
## rules (make lint), and run the whole suite (two workers, one test file each at a time:
## module fixtures are built once per file)
test: lint $(CATALOGUES)
	bash tests/system-deps.sh
	$(BIN)/python -m pytest -ra -n 2 --dist loadfile --durations=15

## make lint: one layout (ruff format), ruff's rules, and the import contracts of
## ARCHITECTURE.md (lint-imports); the rules and contracts are in pyproject.toml
lint: $(VENV)/.dev
	$(BIN)/ruff format --check --diff .
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

## make bench: speed, scale and staying-up figures against the issue's budgets (about 16 minutes);
## prints a table with PASS/FAIL and writes bench/results.json
bench: $(VENV)/.dev $(CATALOGUES)
	bash tests/system-deps.sh
	$(BIN)/python -m bench

## make screenshots: every page in headless Chromium at 1366x768 and 390 px, into screenshots/
screenshots: $(VENV)/.dev $(CATALOGUES)
	bash tests/system-deps.sh
	GEALC_SCREENSHOTS=1 $(BIN)/python -m pytest -q tests/browser/test_pages.py
	@echo "screenshots/: every page in every language at 1366x768 and 390 px"

build: $(VENV)/.app $(CATALOGUES)
	$(BIN)/gealc build --demo

## make translations: extract every marked text into locales/messages.pot, merge it into each
## language's .po (new texts empty, changed ones fuzzy), compile the .mo files and list what a
## translator still has to do (README, "Translating gealc")
translations: $(VENV)/.app
	$(BIN)/python -m locales.catalogues update
	$(BIN)/python -m locales.catalogues compile
	-$(BIN)/python -m locales.catalogues check

%.mo: %.po $(VENV)/.app
	$(BIN)/python -m locales.catalogues compile

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || { apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.app: $(VENV)/bin/python pyproject.toml $(LOCK)
	$(BIN)/pip install -q -c $(LOCK) -e .
	touch $@

$(VENV)/.dev: $(VENV)/.app
	$(BIN)/pip install -q -c $(LOCK) -e '.[dev]'
	touch $@

## make lock: re-pin every dependency to what is installed now (after testing an upgrade)
lock: $(VENV)/.dev
	$(BIN)/pip freeze --exclude-editable | grep -v '^-e' > $(LOCK)

clean:
	rm -rf $(VENV) data/warehouse data/demo .pytest_cache
