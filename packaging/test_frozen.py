"""The frozen-app test (`make package-test`): headless check equals the source tree's; GUI starts.

Usage: ``.venv/bin/python packaging/test_frozen.py [dist/ImportAssistant/ImportAssistant]``.
Stdlib only, so it runs with any Python; exits non-zero with a plain message on failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "ImportAssistant" / "ImportAssistant"
SAMPLE = ROOT / "resources" / "sample" / "sample-config.xml"
SCREENSHOT = ROOT / "screenshots" / "frozen-wizard.png"
GUI_SECONDS = 6  # the wizard must still be up after this long
# The wizard starts in French (the system's language here), so the log must say so: the
# bundle holds the compiled translation, and Qt's own for the wizard's buttons; and English's
# plural forms ("1 row", "2 rows").
GUI_LOCALE = "fr_FR.UTF-8"
SPOKEN = "The window speaks fr"
COLUMN_ENGINE = "Column engine: polars "  # --version's last line, polars imported and used
BUNDLED_TRANSLATIONS = ("resources/translations/import_assistant_fr.qm",
                        "resources/translations/import_assistant_en.qm",
                        "PySide6/Qt/translations/qtbase_fr.qm")


class FrozenTestError(Exception):
    """A check of the frozen app failed; the message says which and why."""


def private_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for one run: data and configuration folders under ``home``."""
    env = dict(os.environ, IMPORTER_GUI_DATA_DIR=str(home / "data"),
               IMPORTER_GUI_CONFIG_DIR=str(home / "config"), **extra)
    env.pop("PYTHONPATH", None)  # the frozen app must not borrow the source tree's modules
    return env


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run one command to completion (2 minutes at most), capturing its output."""
    try:
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120,
                              cwd=ROOT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise FrozenTestError(f"could not run {command[0]}: {exc}") from exc


def both(args: list[str], home: Path, frozen: Path) -> tuple[subprocess.CompletedProcess[str], ...]:
    """The same command line from the source tree, then from the frozen app, same store path."""
    results = []
    for program in ([sys.executable, "-m", "importer_gui"], [str(frozen)]):
        # Each run starts from an empty store, in a data folder that exists (a --store in a
        # missing folder is refused as a typing mistake).
        shutil.rmtree(home / "data", ignore_errors=True)
        (home / "data").mkdir()
        results.append(run([*program, *args], private_env(home)))
    return tuple(results)


def compare_version(home: Path, frozen: Path) -> None:
    """``--version`` says the same from both: version, Python, Qt, folders."""
    source, built = both(["--version"], home, frozen)
    if built.returncode != 0 or built.stdout != source.stdout:
        raise FrozenTestError(f"--version differs.\nsource:\n{source.stdout}{source.stderr}"
                              f"\nfrozen (exit {built.returncode}):\n{built.stdout}{built.stderr}")
    print(f"ok  --version: {built.stdout.splitlines()[0]}")


def check_column_engine(home: Path, frozen: Path) -> None:
    """The frozen app's ``--version`` names polars as its column engine: polars and its
    native runtime are bundled and answer (``core.columns.engine.polars()`` is not None)."""
    built = run([str(frozen), "--version"], private_env(home))
    said = built.stdout.splitlines()[-1:] or [""]
    if built.returncode != 0 or not said[0].startswith(COLUMN_ENGINE):
        raise FrozenTestError(f"the frozen app has no column engine (exit {built.returncode}):"
                              f"\n{built.stdout}{built.stderr}")
    print(f"ok  {said[0]}")


def compare_check(home: Path, frozen: Path) -> None:
    """``check SAMPLE --json`` gives the same exit code and the same JSON from both, each on
    the default store of the private data folder (made on first use; a --store naming no
    store is refused)."""
    source, built = both(["check", str(SAMPLE), "--json"], home, frozen)
    if source.returncode not in (0, 1):
        raise FrozenTestError(f"the source tree's check failed (exit {source.returncode}):\n"
                              f"{source.stderr}")
    try:
        expected, got = json.loads(source.stdout), json.loads(built.stdout)
    except json.JSONDecodeError as exc:
        raise FrozenTestError(f"check --json printed no JSON ({exc}).\nfrozen stderr:\n"
                              f"{built.stderr}") from exc
    if (built.returncode, got) != (source.returncode, expected):
        raise FrozenTestError(f"check differs: source exit {source.returncode}, frozen exit "
                              f"{built.returncode}\nsource: {expected}\nfrozen: {got}")
    print(f"ok  check --json: exit {built.returncode}, counts {got.get('counts')}")


def start_xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    """A virtual X display, or None when Xvfb is not installed."""
    if not shutil.which("Xvfb"):
        return None
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0",
                               "1280x900x24", "-nolisten", "tcp"], pass_fds=(write_fd,))
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()  # Xvfb writes its display number once it is ready
    if not number:
        server.kill()
        raise FrozenTestError("Xvfb did not start")
    return server, f":{number}"


def screenshot(display: str) -> str:
    """Save the virtual screen to screenshots/ (ImageMagick's import, else xwd); say where."""
    SCREENSHOT.parent.mkdir(exist_ok=True)
    env = dict(os.environ, DISPLAY=display)
    if shutil.which("import"):
        subprocess.run(["import", "-window", "root", str(SCREENSHOT)], env=env, check=False,
                       capture_output=True, timeout=30)
    elif shutil.which("xwd"):
        target = SCREENSHOT.with_suffix(".xwd")
        subprocess.run(["xwd", "-root", "-silent", "-out", str(target)], env=env, check=False,
                       timeout=30)
        return str(target)
    return str(SCREENSHOT) if SCREENSHOT.exists() else "no screenshot tool (install imagemagick)"


def check_translations_bundled(frozen: Path) -> None:
    """The bundle holds the window's French and Qt's own."""
    files = {path.relative_to(frozen.parent).as_posix() for path in frozen.parent.rglob("*.qm")}
    missing = [name for name in BUNDLED_TRANSLATIONS
               if not any(path.endswith(name) for path in files)]
    if missing:
        raise FrozenTestError(f"translations missing from the bundle: {', '.join(missing)}")
    print(f"ok  translations bundled: {', '.join(BUNDLED_TRANSLATIONS)}")


def check_gui_stays_up(home: Path, frozen: Path) -> None:
    """The frozen app opens the wizard, in French, on a virtual display and is still running
    seconds later."""
    xvfb = start_xvfb()
    extra = ({"DISPLAY": xvfb[1], "QT_QPA_PLATFORM": "xcb"} if xvfb
             else {"QT_QPA_PLATFORM": "offscreen"})
    extra.update(LC_ALL=GUI_LOCALE, LANG=GUI_LOCALE)
    app = subprocess.Popen([str(frozen)], env=private_env(home, **extra), cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(GUI_SECONDS)
        if app.poll() is not None:
            out, err = app.communicate()
            raise FrozenTestError(f"the GUI exited early (exit {app.returncode}) under "
                                  f"{extra['QT_QPA_PLATFORM']}:\n{out}{err}")
        where = screenshot(xvfb[1]) if xvfb else "none (offscreen)"
        print(f"ok  GUI up after {GUI_SECONDS}s under {extra['QT_QPA_PLATFORM']}; "
              f"screenshot: {where}")
        log = home / "data" / "import-assistant.log"
        said = log.read_text(encoding="utf-8") if log.is_file() else ""
        if SPOKEN not in said:
            raise FrozenTestError(f"the GUI did not start in French under {GUI_LOCALE}; its "
                                  f"log says:\n{said or '(nothing)'}")
        print(f"ok  GUI speaks French under {GUI_LOCALE}")
    finally:
        app.terminate()
        try:
            app.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
        if xvfb:
            xvfb[0].terminate()
            xvfb[0].wait(timeout=10)


def main(argv: list[str]) -> int:
    """Run every check against the frozen executable; 0 when all pass."""
    frozen = Path(argv[0]).resolve() if argv else FROZEN
    if not frozen.is_file():
        print(f"{frozen}: no frozen app; run `make package` first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="frozen-test-") as tmp:
        try:
            compare_version(Path(tmp), frozen)
            check_column_engine(Path(tmp), frozen)
            compare_check(Path(tmp), frozen)
            check_translations_bundled(frozen)
            check_gui_stays_up(Path(tmp), frozen)
        except FrozenTestError as exc:
            print(f"FAILED: {exc}", file=sys.stderr)
            return 1
    print("frozen app: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
