# The two commands a user types: `make run` and `make test`. Each builds .venv when missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

run: $(STAMP)
	$(PY) -m importer_gui

test: $(TEST_STAMP)
	$(PY) -m ruff check importer_gui tests $(wildcard bench packaging resources)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(TEST_STAMP)
	$(PY) -m ruff check importer_gui tests $(wildcard bench packaging resources)

clean:
	rm -rf $(VENV) build dist *.egg-info

# Packaging targets (make package, make package-test) live beside the spec.
-include packaging/package.mk

# The benchmark (make bench, make bench-quick) lives in bench/.
-include bench/bench.mk
