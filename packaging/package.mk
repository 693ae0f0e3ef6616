# The frozen application, built on request only (`make test` never needs PyInstaller).
# Included by the top-level Makefile, which defines PY, VENV and STAMP.
#   make package       dist/ImportAssistant/ (one folder: run dist/ImportAssistant/ImportAssistant,
#                      or ./install.sh inside it) and the same folder as a .tar.gz to hand out
#   make package-test  build if needed, then compare its headless check with the source tree's
#                      and start its wizard under Xvfb (packaging/test_frozen.py)
PACKAGE_DIR := dist/ImportAssistant
PACKAGE_EXE := $(PACKAGE_DIR)/ImportAssistant
PACKAGE_VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
PACKAGE_TARBALL := dist/ImportAssistant-$(PACKAGE_VERSION)-linux-$(shell uname -m).tar.gz
PYINSTALLER_STAMP := $(VENV)/.installed-pyinstaller
PACKAGE_INPUTS := packaging/importer_gui.spec packaging/launcher.py pyproject.toml \
	$(wildcard packaging/linux/*) \
	$(shell find importer_gui resources -type f -not -path '*/__pycache__/*' 2>/dev/null)

.PHONY: package package-test

$(PYINSTALLER_STAMP): $(STAMP)
	$(PY) -m pip install --quiet 'pyinstaller>=6.10,<7'
	touch $@

$(PACKAGE_EXE): $(PYINSTALLER_STAMP) $(PACKAGE_INPUTS)
	$(PY) -m PyInstaller packaging/importer_gui.spec --distpath dist --workpath build/pyinstaller \
		--noconfirm --log-level WARN
	cp packaging/linux/install.sh packaging/linux/org.importassistant.ImportAssistant.desktop \
		packaging/linux/org.importassistant.ImportAssistant.metainfo.xml $(PACKAGE_DIR)/
	@du -sh $(PACKAGE_DIR)
	touch $@

$(PACKAGE_TARBALL): $(PACKAGE_EXE)
	tar -C dist -czf $@ ImportAssistant
	@ls -lh $@

package: $(PACKAGE_TARBALL)

package-test: $(PACKAGE_EXE)
	$(PY) packaging/test_frozen.py $(PACKAGE_EXE)
