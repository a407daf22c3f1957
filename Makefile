# The two commands of the README. Both set everything up on a fresh machine first.
PYTHON ?= python3
PIP := $(PYTHON) -m pip

.PHONY: serve test setup setup-test

setup:
	$(PIP) install --quiet --disable-pip-version-check -e .

setup-test:
	bash scripts/install-system-deps.sh
	$(PIP) install --quiet --disable-pip-version-check -e '.[test]'

serve: setup
	kaart serve

test: setup-test
	$(PYTHON) -m pytest -q -p no:cacheprovider
