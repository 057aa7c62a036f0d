# Everything a fresh clone needs: `make run` and `make test` set up .venv themselves.
# `make test` is the whole suite (lint, types, every test); `make test-fast` the unit tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DOMAIN := messages
LANGS  := vi en fr
PO     := $(foreach l,$(LANGS),locales/$(l)/LC_MESSAGES/$(DOMAIN).po)
MO     := $(PO:.po=.mo)

.PHONY: run demo test test-fast lint typecheck pytest bench catalogs extract update-catalogs clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -c requirements.lock -e ".[dev]"
	touch $(STAMP)

# .po is the source of truth; .mo files are built here and never committed.
locales/%/LC_MESSAGES/$(DOMAIN).mo: locales/%/LC_MESSAGES/$(DOMAIN).po $(STAMP)
	$(BIN)/pybabel compile -D $(DOMAIN) -d locales -l $*

catalogs: $(MO)

# Re-extract messages.pot from the code (run after changing user-facing strings).
extract: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --no-wrap \
		-k _ -k N_ -k ngettext:1,2 -o locales/$(DOMAIN).pot bot channels web

update-catalogs: extract
	$(BIN)/pybabel update --no-wrap --no-fuzzy-matching -D $(DOMAIN) -i locales/$(DOMAIN).pot -d locales

run: $(STAMP) catalogs
	$(BIN)/vidw-bot run

demo: $(STAMP) catalogs
	$(BIN)/vidw-bot demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache  # the architecture contracts in .importlinter

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) catalogs
	$(BIN)/pytest

test: lint typecheck pytest

# Unit tests only, in about 20 s: not the end-to-end tests (marked e2e by tests/e2e/ and
# tests/bench/), nor the stand-ins' own tests (tests/standin/, another 20 s).
test-fast: $(STAMP) catalogs
	$(BIN)/pytest -m "not e2e" --ignore=tests/standin

bench: $(STAMP) catalogs
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(MO) .pytest_cache .mypy_cache .ruff_cache .hypothesis
