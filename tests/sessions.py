"""Drive a Qt-free session as the wizard's pages do: open a configuration and check it, type
into the preview, commit what it shows."""

from __future__ import annotations

from pathlib import Path

from importer_gui.core import config_xml
from importer_gui.core.plan import FileStamp
from importer_gui.core.progress import Monitor
from importer_gui.core.session import Committed, Session, run_check, run_commit, run_replan


def open_checked(session: Session, path: Path) -> None:
    """Open the configuration at ``path`` and show its check, as the wizard's pages do."""
    session.open_configuration(path, config_xml.load(path), FileStamp.of(path))
    session.set_plan(run_check(session.snapshot(), Monitor()))


def edit(session: Session, line: int, column: int, text: str) -> bool:
    """Type ``text`` into a cell of the shown plan's first import, as the preview does."""
    plan = session.choices.plan
    assert plan is not None
    row_index = [row.line for row in plan.imports[0].rows].index(line)
    return session.edit_cell(0, row_index, column, text)


def commit_shown(session: Session) -> Committed:
    """Re-plan the shown plan and commit it, with the corrections typed into the preview."""
    plan = session.choices.plan
    assert plan is not None
    fresh, _differing = run_replan(session.store_path, plan, Monitor())
    return run_commit(session.store_path, fresh, Monitor(), session.choices.corrections)
