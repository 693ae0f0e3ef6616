"""Run the pipeline the way the CLI does, on files a test writes."""

from __future__ import annotations

from pathlib import Path

from importer_gui.core import config_xml, pipeline
from importer_gui.core.plan import Plan
from importer_gui.core.store import Store
from tests.builders import ImportSpec, write_config


class Env:
    """A folder for data files and configurations, and a store."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.store_path = folder / "store.sqlite3"

    def check(self, *imports: ImportSpec) -> Plan:
        """Check a configuration of these imports against the store."""
        config = config_xml.load(write_config(self.folder, *imports))
        with Store.open(self.store_path) as store:
            return pipeline.check(config, store)

    def commit(self, *imports: ImportSpec) -> Plan:
        """Check, then commit, a configuration of these imports (when it changes anything:
        a plan that changes nothing is no run, as in the window and on the command line)."""
        config = config_xml.load(write_config(self.folder, *imports))
        with Store.open(self.store_path) as store:
            plan = pipeline.check(config, store)
            if plan.writes_anything():
                pipeline.commit(plan, store)
        return plan


def rows(plan: Plan, import_index: int = -1) -> list[tuple[int, str, list[str]]]:
    """(line, outcome, messages) of every row of one import."""
    return [(row.line, row.outcome.value, [i.message for i in row.issues()])
            for row in plan.imports[import_index].rows]


def row(plan: Plan, line: int, import_index: int = -1) -> tuple[str, list[str]]:
    """(outcome, messages) of the row on ``line``."""
    for found_line, outcome, messages in rows(plan, import_index):
        if found_line == line:
            return outcome, messages
    raise AssertionError(f"no row on line {line}")
