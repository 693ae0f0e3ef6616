"""polars, the column planner's engine: found, refused without a traceback, not loaded at start."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from importer_gui.core.columns import engine

ROOT = Path(__file__).resolve().parents[2]
REFUSED = "polars cannot be used here, so large files are planned row by row: "


@pytest.fixture(autouse=True)
def fresh_answer() -> Iterator[None]:
    """Each test asks afresh, and leaves no answer behind."""
    engine.forget()
    yield
    engine.forget()


def test_polars_found_is_the_module() -> None:
    import polars

    assert engine.polars() is polars


def test_polars_that_cannot_be_imported_is_none_and_said_in_the_log(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    # None in sys.modules makes `import polars` raise ImportError, as if it were not installed.
    monkeypatch.setitem(sys.modules, "polars", None)
    with caplog.at_level(logging.INFO, logger="importer_gui"):
        assert engine.polars() is None
        assert engine.polars() is None
    assert [r.getMessage() for r in caplog.records] == [
        REFUSED + "ModuleNotFoundError: import of polars halted; None in sys.modules"]


def test_the_answer_is_kept_until_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    found = engine.polars()
    monkeypatch.setitem(sys.modules, "polars", None)
    assert engine.polars() is found is not None
    engine.forget()
    assert engine.polars() is None


ASK_TWICE = "\n".join([
    "import logging, sys",
    "logging.basicConfig(level=logging.INFO, stream=sys.stdout, format='%(message)s')",
    "from importer_gui.core.columns import engine",
    "print(engine.polars(), engine.polars())",
])

# polars' own processor check, run on a processor said to lack AVX2 (this one has what the
# runtime needs): its module is loaded ahead of polars with the processor's answer changed.
NO_AVX2 = "\n".join([
    "import importlib.util, os, sys",
    "where = importlib.util.find_spec('polars').submodule_search_locations[0]",
    "spec = importlib.util.spec_from_file_location(",
    "    'polars._cpu_check', os.path.join(where, '_cpu_check.py'))",
    "check = importlib.util.module_from_spec(spec)",
    "spec.loader.exec_module(check)",
    "read = check._read_cpu_flags",
    "check._read_cpu_flags = lambda: {**read(), 'avx2': False}",
    "sys.modules['polars._cpu_check'] = check",
])


def ask_twice(prelude: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter asks for polars twice, its log on stdout."""
    return subprocess.run([sys.executable, "-c", f"{prelude}\n{ASK_TWICE}"], cwd=ROOT,
                          env={**os.environ, **env}, capture_output=True, text=True,
                          timeout=60, check=False)


@pytest.mark.parametrize(("prelude", "env", "reason"), [
    # No native runtime: polars imports, warns and fails at its first use.
    ("", {"POLARS_FORCE_PKG": "compat"}, "UserWarning: Polars binary is missing!"),
    # Anything polars raises as it is imported.
    ("", {"POLARS_FORCE_PKG": "neither"},
     "ValueError: Invalid value for `POLARS_FORCE_PKG` variable: 'neither'"),
    # A processor without the features the runtime was built for: polars warns and goes on.
    (NO_AVX2, {}, "RuntimeWarning: Missing required CPU features."),
], ids=["no runtime", "import fails", "processor lacks features"])
def test_polars_that_fails_is_none_said_once_and_no_traceback(
        prelude: str, env: dict[str, str], reason: str) -> None:
    done = ask_twice(prelude, **env)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [REFUSED + reason, "None None"]


STARTS = "\n".join([
    "import sys",
    "import importer_gui.core.columns.engine, importer_gui.core.pipeline",
    "import importer_gui.ui.app, importer_gui.ui.main_window, importer_gui.ui.wizard",
    "from importer_gui.__main__ import main",
    "try:",
    "    main(['--help'])",
    "except SystemExit:",
    "    pass",
    "print('polars' in sys.modules)",
])


def test_neither_the_command_line_nor_the_window_start_imports_polars() -> None:
    done = subprocess.run([sys.executable, "-c", STARTS], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=True)
    assert done.stdout.splitlines()[-1] == "False"
