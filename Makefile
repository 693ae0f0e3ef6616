# The two commands a user types: `make run` and `make test`. Each builds .venv when missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# The window's translations: Qt Linguist sources in the package, compiled into resources/
# (gitignored), where the window and the frozen app find them.
TS_DIR := importer_gui/ui/translations
TS_FILES := $(wildcard $(TS_DIR)/*.ts)
QM_DIR := resources/translations
QM_FILES := $(patsubst $(TS_DIR)/%.ts,$(QM_DIR)/%.qm,$(TS_FILES))

.PHONY: run test lint bench clean translations

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

$(QM_DIR)/%.qm: $(TS_DIR)/%.ts | $(STAMP)
	@mkdir -p $(QM_DIR)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# After changing the window's texts: the new ones join the .ts, to translate in Qt Linguist
# (pyside6-linguist) or by hand; the tests fail until each has its French. The English .ts
# holds only the texts with a count, to write as "1 row" and "2 rows".
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -silent -extensions py -locations none importer_gui \
		-ts $(filter-out $(TS_DIR)/import_assistant_en.ts,$(TS_FILES))
	$(VENV)/bin/pyside6-lupdate -silent -extensions py -locations none -pluralonly importer_gui \
		-ts $(TS_DIR)/import_assistant_en.ts

run: $(STAMP) $(QM_FILES)
	$(PY) -m importer_gui

test: $(TEST_STAMP) $(QM_FILES)
	$(PY) -m ruff check importer_gui tests $(wildcard bench packaging resources)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(TEST_STAMP)
	$(PY) -m ruff check importer_gui tests $(wildcard bench packaging resources)

clean:
	rm -rf $(VENV) build dist *.egg-info $(QM_DIR)

# Packaging targets (make package, make package-test) live beside the spec.
-include packaging/package.mk

# The benchmark (make bench, make bench-quick) lives in bench/.
-include bench/bench.mk
