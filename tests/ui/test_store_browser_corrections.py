"""The store browser's history: the cells corrected in the preview before a run, as
``importer-gui history RUN`` lists them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from importer_gui.core.session import Session
from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.store_browser import StoreBrowser
from tests.builders import teachers_import, write_config
from tests.sessions import commit_shown, edit, open_checked


def committed_with_corrections(tmp_path: Path) -> tuple[Path, int]:
    """A store whose one run was committed after two cells were corrected in the preview."""
    session = Session(tmp_path / "store.sqlite3")
    path = write_config(tmp_path, teachers_import(tmp_path, [["zoe", "Zoé", "Z", ""],
                                                             ["", "Nobody", "N", ""]]))
    open_checked(session, path)
    edit(session, 3, 0, "nobody")
    edit(session, 2, 1, "Zoe")
    committed = commit_shown(session)
    assert committed.corrections == 2
    return session.store_path, committed.run_id


def shown(model: object) -> list[list[str]]:
    """A table model's header and cells as the view shows them."""
    m = model  # type: ignore[assignment]
    columns = range(m.columnCount())  # type: ignore[attr-defined]
    head = [m.headerData(c, Qt.Orientation.Horizontal) for c in columns]  # type: ignore[attr-defined]
    return [head, *([m.data(m.index(r, c)) for c in columns]  # type: ignore[attr-defined]
                    for r in range(m.rowCount()))]  # type: ignore[attr-defined]


def test_history_shows_the_corrections_of_the_selected_run(
        tmp_path: Path, qtbot: object, screenshots: Path) -> None:
    store_path, run_id = committed_with_corrections(tmp_path)
    with Store.open(store_path) as store:
        store.apply([], RunInfo(config_path="", config_xml="", files=[], counts={},
                                kind="revert", reverts_run=run_id))
        browser = StoreBrowser(store)
        qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
        qtbot.addWidget(browser)  # type: ignore[attr-defined]
        browser.resize(1280, 800)
        browser.show()
        browser.show_history()
        assert browser.corrections_label.text() == (
            "Select a run to see the cells corrected in the preview before it was committed.")
        assert not browser.corrections_view.isVisible()

        browser.history_view.selectRow(1)  # the commit; the revert is newer
        assert browser.selected_run().id == run_id
        assert browser.corrections_label.text() == (  # read off the window's thread
            f"Run {run_id}: reading the cells corrected in the preview…")
        qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
        assert browser.corrections_label.text() == (
            f"Run {run_id}: 2 cells corrected in the preview before the commit:")
        assert browser.corrections_view.isVisible()
        model = browser.corrections_model
        assert shown(model) == [
            ["File and line", "Column", "Field", "Before", "After"],
            ["teachers.csv:2", "teacherName", "Teacher's last name — teacherName", "Zoé", "Zoe"],
            ["teachers.csv:3", "teacherLogin", "Teacher's login — teacherLogin", "(empty)",
             "nobody"],
        ]
        assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == str(
            tmp_path / "teachers.csv")
        assert model.data(model.index(1, 3), Qt.ItemDataRole.FontRole).italic()
        assert model.data(model.index(1, 4), Qt.ItemDataRole.FontRole) is None
        qtbot.wait(20)  # type: ignore[attr-defined]
        header = browser.corrections_view.horizontalHeader()
        assert header.length() == browser.corrections_view.viewport().width()  # no gap
        browser.grab().save(str(screenshots / "store_browser_run_corrections.png"))

        browser.history_view.selectRow(0)  # the revert corrected nothing
        qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
        assert browser.corrections_label.text() == (
            f"Run {run_id + 1}: no cell was corrected in the preview.")
        assert not browser.corrections_view.isVisible()
        assert model.rowCount() == 0

        browser.refresh()  # read again: the run stays selected, and said
        qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
        assert browser.selected_run().id == run_id + 1
        assert browser.corrections_label.text() == (
            f"Run {run_id + 1}: no cell was corrected in the preview.")
