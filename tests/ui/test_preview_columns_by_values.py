"""A value column of the preview is as wide as its values, not as its two-line title (the
file's header over the field it feeds): a tracking file's columns all fit a laptop's
window. The title is cut line by line, ending in "…", and read whole in its tooltip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core import pipeline
from importer_gui.core.config import Column
from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN
from importer_gui.ui.pages.preview_page import FITTED_MIN, PreviewPage
from importer_gui.ui.state import WizardState
from importer_gui.ui.widgets.lines_header import LinesElidedHeader
from importer_gui.ui.widgets.table_sizing import contents_widths
from tests.ui.wizards import shot

HEADERS = ("Matricule", "Intitulé de la session", "Code du module", "Statut", "Progression",
           "Score", "Premier accès", "Dernier accès", "Temps passé")
FIELDS = ("candidateRefNumber", "sessionTitle", "lovCode", "trackingStatus", "progression",
          "score", "firstAccessDate", "lastAccessDate", "timeSpent")
REF, LOV_CODE = FIRST_VALUE_COLUMN, FIRST_VALUE_COLUMN + 2
HORIZONTAL, TIP = Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole


def tracking_preview(tmp_path: Path, qtbot: QtBot) -> tuple[QWizard, PreviewPage]:
    """A learners' tracking file of 60 rows checked, in a window of a 1366x768 screen."""
    data = tmp_path / "tracking.csv"
    rows = [";".join(HEADERS)] + [
        f"M{1000 + n};Sécurité incendie 2027;MOD-SEC-{n % 7:02d};completed;100;{50 + n % 50};"
        "2027-02-01 09:00:00;2027-02-03 10:00:00;00:45:00" for n in range(60)]
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    columns = [Column(f, header=h) for f, h in zip(FIELDS, HEADERS, strict=True)]
    state = WizardState(tmp_path / "data" / "store.sqlite3")
    state.session.set_config(pipeline.new_config(
        data, "createOrUpdateConsolidatedTrackingAction", columns), [data])
    wizard, page = QWizard(), PreviewPage(state)
    qtbot.addWidget(wizard)
    wizard.addPage(page)
    wizard.resize(1366, 740)
    wizard.show()
    qtbot.waitUntil(page.shows_plan, timeout=20_000)  # every row in error: nothing to commit
    return wizard, page


def test_value_columns_fit_their_values_and_all_are_in_view(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    wizard, page = tracking_preview(tmp_path, qtbot)
    table, header = page.table, page.table.horizontalHeader()
    shot(wizard, screenshots, "preview-columns-by-values")
    values = contents_widths(table, titles=False)
    for section in range(FIRST_VALUE_COLUMN, header.count() - 1):  # the last stretches
        assert values[section] is not None
        assert values[section] <= header.sectionSize(section) < header.sectionSizeHint(section)
    assert header.sectionSize(REF) == max(FITTED_MIN, 12 * table.fontMetrics()
                                          .averageCharWidth())  # "M1000": the title's floor
    assert table.horizontalScrollBar().maximum() == 0  # the learning object in view too
    assert header.sectionViewportPosition(LOV_CODE) + header.sectionSize(LOV_CODE) \
        < table.viewport().width() // 2


def test_a_narrowed_title_is_cut_line_by_line_and_whole_in_its_tooltip(
        tmp_path: Path, qtbot: QtBot) -> None:
    _wizard, page = tracking_preview(tmp_path, qtbot)
    header = page.table.horizontalHeader()
    assert isinstance(header, LinesElidedHeader)
    first, second = header.title_shown(REF).split("\n")
    assert first == "Matricule"
    assert second.startswith("→ Learn") and second.endswith("…")
    assert page.table.fontMetrics().horizontalAdvance(second) < header.sectionSize(REF)
    tip = page.model.headerData(REF, HORIZONTAL, TIP)
    assert tip == "Field: Learner's reference number — candidateRefNumber\n" \
                  "Column in the file: Matricule"
    header.resizeSection(REF, 600)  # widened: the title whole
    assert header.title_shown(REF) == page.model.headerData(REF, HORIZONTAL)
