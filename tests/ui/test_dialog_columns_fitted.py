"""A refresh's preview fits its columns to their titles and texts as Qt's own sizing does,
each cell asked its text alone (Qt asks every role of every cell: some 50 ms of the window's
thread for a preview of 200,000 rows)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.test_dialog_wording import refresh_previewed


def test_a_refresh_previews_columns_are_as_wide_as_qt_would_make_them(
        tmp_path: Path, qtbot: QtBot) -> None:
    dialog = refresh_previewed(tmp_path, qtbot)
    dialog.preview()
    header = dialog.view.horizontalHeader()
    for export in range(dialog.exports.count()):  # each export's columns, fitted as shown
        dialog.exports.setCurrentIndex(export)
        fitted = [header.sectionSize(c) for c in range(header.count() - 1)]
        dialog.view.resizeColumnsToContents()
        assert [header.sectionSize(c) for c in range(header.count() - 1)] == fitted, export
