# The frozen application, built on request only (`make test` never needs PyInstaller).
# Included by the top-level Makefile, which defines PY, VENV and STAMP.
#   make package       dist/ImportAssistant/ (one folder; run dist/ImportAssistant/ImportAssistant)
#   make package-test  build if needed, then compare its headless check with the source tree's
#                      and start its wizard under Xvfb (packaging/test_frozen.py)
PACKAGE_EXE := dist/ImportAssistant/ImportAssistant
PYINSTALLER_STAMP := $(VENV)/.installed-pyinstaller
PACKAGE_INPUTS := packaging/importer_gui.spec packaging/launcher.py pyproject.toml \
	$(shell find importer_gui resources -type f -not -path '*/__pycache__/*' 2>/dev/null)

.PHONY: package package-test

$(PYINSTALLER_STAMP): $(STAMP)
	$(PY) -m pip install --quiet 'pyinstaller>=6.10,<7'
	touch $@

$(PACKAGE_EXE): $(PYINSTALLER_STAMP) $(PACKAGE_INPUTS)
	$(PY) -m PyInstaller packaging/importer_gui.spec --distpath dist --workpath build/pyinstaller \
		--noconfirm --log-level WARN
	@du -sh dist/ImportAssistant
	touch $@

package: $(PACKAGE_EXE)

package-test: $(PACKAGE_EXE)
	$(PY) packaging/test_frozen.py $(PACKAGE_EXE)
