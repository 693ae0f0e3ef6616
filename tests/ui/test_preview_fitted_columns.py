"""The preview's columns, fitted as a check ends, are as wide as Qt sizes the texts of the
rows shown first (within the page's bounds; a value column's title is given a few characters
only), a two-line text by its longer line; a text further down does not widen its column."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core.issues import Outcome
from importer_gui.core.plan import ActionResult, Plan, RowPlan
from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN
from importer_gui.ui.pages.preview_page import FITTED_MAX, FITTED_MIN, PreviewPage
from importer_gui.ui.state import WizardState
from tests.ui.test_preview_sorted_filters import plan
from tests.ui.wizards import shot

LOGIN = FIRST_VALUE_COLUMN
SECOND_LINE = "marie-charlotte.de-la-fontaine-des-bois-dormant"  # wider than the title


def varied(tmp_path: Path, rows: int) -> Plan:
    """The 30 rows, one login on two lines among them, then ``rows`` more whose last has a
    long login."""
    planned = plan(tmp_path)
    imp = planned.imports[0]
    result = (ActionResult(imp.actions[0], Outcome.CREATE, ()),)
    imp.rows[5] = RowPlan(7, (f"first\n{SECOND_LINE}", "5@example.org"),
                          result, ())
    for n in range(rows):
        login = "x" * 200 if n == rows - 1 else f"u{n}"
        imp.add_row(RowPlan(32 + n, (login, f"{n}@example.org"), result, ()))
    return planned


def test_columns_fit_the_first_rows_as_qt_sizes_them(tmp_path: Path, qtbot: QtBot,
                                                     screenshots: Path) -> None:
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(varied(tmp_path, 100))
    page = PreviewPage(state)
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()
    page._show_plan()  # as a check ends
    header = page.table.horizontalHeader()
    fitted = [header.sectionSize(s) for s in range(header.count() - 1)]  # the last stretches
    shot(page, screenshots, "preview-fitted-columns")
    page.table.resizeColumnsToContents()  # Qt's own sizing of the same rows
    qt = [min(max(header.sectionSize(s), FITTED_MIN), FITTED_MAX)
          for s in range(header.count() - 1)]
    assert fitted == qt
    metrics = page.table.fontMetrics()
    assert fitted[LOGIN] > metrics.horizontalAdvance(SECOND_LINE) > header.sectionSizeHint(LOGIN)
    assert fitted[LOGIN] < FITTED_MAX  # the long login, on row 130, is not looked at
