"""What the whole project rests on: a Qt-free core and a Qt that does not abort."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

CORE_IMPORTS = "\n".join([
    "import sys",
    "import importer_gui.cli",
    "import importer_gui.core.pipeline, importer_gui.core.reports, importer_gui.core.suggest",
    "import importer_gui.core.session, importer_gui.core.first_rows, importer_gui.core.log",
    "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))",
    "print(','.join(qt))",
])


def test_the_core_and_the_command_line_load_no_qt_module() -> None:
    result = subprocess.run([sys.executable, "-c", CORE_IMPORTS], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_pyside6_is_pinned_below_6_12_on_python_3_11() -> None:
    version = tuple(int(p) for p in metadata.version("PySide6-Essentials").split(".")[:2])
    if sys.version_info < (3, 12):
        assert version < (6, 12), "PySide6 6.12 aborts Python 3.11 after a few thousand calls"


SET_TEXT_LOOP = "\n".join([
    "from PySide6.QtWidgets import QApplication, QLabel",
    "app = QApplication([])",
    "label = QLabel()",
    "for i in range(20000):",
    "    label.setText(str(i))",
    "print(label.text())",
])


def test_many_qt_calls_do_not_abort_the_interpreter() -> None:
    result = subprocess.run([sys.executable, "-c", SET_TEXT_LOOP], capture_output=True,
                            text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "19999"


# What a check's start-up has no use for: the network's modules (sending a package) and what
# xml.sax.saxutils pulls in with urllib.request (some 15 ms), and the other commands' modules
# with their core modules (some 20 ms).
NOT_FOR_A_CHECK = ("paramiko", "urllib.request", "http.client", "email", "ssl",
                   "importer_gui.cli.package", "importer_gui.cli.history",
                   "importer_gui.cli.revert", "importer_gui.cli.refresh",
                   "importer_gui.cli.export_config", "importer_gui.cli.init",
                   "importer_gui.cli.store_cmd", "importer_gui.core.package",
                   "importer_gui.core.sftp", "importer_gui.core.platform_io.refresh")
RUN_THEN_LIST = "\n".join([
    "import sys",
    "from importer_gui.cli import main",
    "code = main(sys.argv[1:])",
    f"print(code, sorted(m for m in {NOT_FOR_A_CHECK!r} if m in sys.modules))",
])


def test_a_check_loads_neither_the_network_nor_the_other_commands(tmp_path: Path) -> None:
    from importer_gui.core.store import Store
    from tests.builders import teachers_import, write_config

    config = write_config(tmp_path, teachers_import(tmp_path, [("t1", "Name", "Anne", "")]))
    store = tmp_path / "store.sqlite3"
    Store.open(store).close()
    for argv in (["check", str(config), "--store", str(store)],
                 ["--store", str(store), "check", str(config)],
                 ["--sto", str(store), "check", str(config)]):
        result = subprocess.run([sys.executable, "-c", RUN_THEN_LIST, *argv],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[-1] == "0 []", argv
