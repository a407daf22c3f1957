# The two commands of the README. Both set everything up on a fresh machine first.
# Everything Python goes into a project virtual environment (.venv), so a stock Debian 12 or
# Ubuntu 24.04 with the system python (PEP 668: "externally-managed-environment") works too.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check

.PHONY: serve test setup setup-test

$(BIN)/python:
	bash scripts/install-system-deps.sh venv
	$(PYTHON) -m venv $(VENV)

setup: $(BIN)/python
	$(PIP) install -e .

setup-test: $(BIN)/python
	bash scripts/install-system-deps.sh
	$(PIP) install -e '.[test]'

serve: setup
	$(BIN)/kaart serve

test: setup-test
	$(BIN)/python -m pytest -q -p no:cacheprovider
