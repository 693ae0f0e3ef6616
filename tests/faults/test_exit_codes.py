"""Exit codes and outputs tell the truth: what was committed is said, whatever fails after.

Exit 2 means nothing was written. Rows committed and then an error log that cannot be
written is exit 3, with the run reported (text and JSON) and one line per log that failed;
two logs written in the same second never overwrite each other.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

from importer_gui.core import config_xml, pipeline, reports
from importer_gui.core.plan import Plan
from importer_gui.core.store import Store
from tests.builders import teachers_import, write_config
from tests.faults import cli

LOGGER = ("<timeStampedFileErrorLogger><location>logs</location>"
          "</timeStampedFileErrorLogger>")


def logged(folder: Path, *files: str, new: str = "new") -> Path:
    """A configuration of one teacher import per file, each with an error row and a new
    teacher (``new`` and its number: a commit with nothing to write is no run), logged in
    ``logs``."""
    specs = []
    for n, name in enumerate(files):
        spec = teachers_import(folder, [(f"t{n}", "Name", "First", f"bad-{n}"),
                                        (f"{new}{n}", "Name", "First", "")], name)
        spec.consolidators = LOGGER
        specs.append(spec)
    return write_config(folder, *specs)


def runs(store: Path) -> list[int]:
    """The ids of the store's import runs."""
    conn = sqlite3.connect(store)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM import_run ORDER BY id")]
    finally:
        conn.close()


def test_an_error_log_that_cannot_be_written_after_the_commit_is_not_nothing_written(
        tmp_path: Path) -> None:
    config = logged(tmp_path, "teachers.csv")
    (tmp_path / "logs").write_text("a file where the log folder should be", encoding="utf-8")
    store = tmp_path / "s.db"
    done = cli("commit", str(config), "--store", str(store))
    assert done.code == 3
    assert runs(store) == [1]
    assert done.out.splitlines()[-1] == "Committed as run 1."
    assert done.err == (f"importer-gui: The error log folder {tmp_path / 'logs'} cannot be "
                        "created (File exists); the rows were committed as run 1.\n")

    config = logged(tmp_path, "teachers.csv", new="other")
    done = cli("commit", str(config), "--store", str(store), "--json")
    assert done.code == 3
    document = json.loads(done.out)
    assert document["run"] == 2 and document["error_logs"] == []
    assert document["error_log_failures"] == [
        f"The error log folder {tmp_path / 'logs'} cannot be created (File exists); the rows "
        "were committed as run 2."]
    assert len(done.err.splitlines()) == 1 and "Traceback" not in done.err


def test_a_commit_whose_logs_are_written_says_so_in_json(tmp_path: Path) -> None:
    done = cli("commit", str(logged(tmp_path, "teachers.csv")), "--store",
               str(tmp_path / "s.db"), "--json")
    assert done.code == 1, done.err
    document = json.loads(done.out)
    assert document["run"] == 1 and document["error_log_failures"] == []
    assert [Path(p).parent for p in document["error_logs"]] == [tmp_path / "logs"]


def test_two_imports_logged_in_the_same_second_keep_both_logs(tmp_path: Path) -> None:
    done = cli("commit", str(logged(tmp_path, "one.csv", "two.csv")), "--store",
               str(tmp_path / "s.db"))
    assert done.code == 1, done.err
    logs = sorted((tmp_path / "logs").iterdir())
    assert [p.name for p in logs] == [line.removeprefix("Error log: ").rsplit("/", 1)[-1]
                                      for line in done.out.splitlines()
                                      if line.startswith("Error log: ")]
    texts = sorted(p.read_text(encoding="utf-8") for p in logs)
    assert len(texts) == 2 and "bad-0" in texts[0] and "bad-1" in texts[1]


def test_two_logs_stamped_with_the_same_second_get_two_names(tmp_path: Path) -> None:
    config = config_xml.load(logged(tmp_path, "one.csv", "two.csv"))
    with Store.open(tmp_path / "s.db") as store:
        plan = pipeline.check(config, store)
    when = datetime(2024, 5, 1, 13, 45, 7)
    folder = tmp_path / "logs"
    folder.mkdir()
    first = reports.write_error_log(Plan(config, [plan.imports[0]]), folder, when=when)
    second = reports.write_error_log(Plan(config, [plan.imports[1]]), folder, when=when)
    assert (first.name, second.name) == ("import_errors_20240501_134507.log",
                                         "import_errors_20240501_134507_2.log")
    assert "bad-0" in first.read_text(encoding="utf-8")
    assert "bad-1" in second.read_text(encoding="utf-8")
    assert sorted(p.name for p in folder.iterdir()) == [first.name, second.name]
