"""The mapping page's options show their defaults whole: consolidated tracking's date and time
format, "YYYY-MM-DD HH:II:SS", on a small laptop's screen and a usual one, in English and
French."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QLineEdit

from importer_gui.ui.main_window import MainWindow
from tests.ui.fit import clipped, line_edit_cut
from tests.ui.test_mapping_custom_and_codes import mapping

TRACKING = "createOrUpdateConsolidatedTrackingAction"


@pytest.fixture(params=["English", "French"])
def speaking(request: pytest.FixtureRequest) -> str:
    """Each test in English, then in French (its window built after)."""
    if request.param == "French":
        request.getfixturevalue("french")
    return str(request.param)


@pytest.mark.parametrize("size", [QSize(1024, 700), QSize(1366, 768)],
                         ids=["1024x700", "1366x768"])
def test_the_date_and_time_format_shows_its_default_whole(
        speaking: str, size: QSize, window: MainWindow, tmp_path: Path,
        screenshots: Path) -> None:
    data = tmp_path / "tracking.csv"
    data.write_text("candidateLogin;sessionGuid;lovCode;trackingStatus\n"
                    "cbernard;S-1;LO-1;c\n", encoding="utf-8")
    page = mapping(window, data, TRACKING)
    window.resize(size)
    QApplication.processEvents()
    window.grab().save(str(screenshots / f"mapping-tracking-options-{speaking}-"
                                         f"{size.width()}.png"))
    edit = page.parameter_inputs["dateTimeFormat"]
    assert isinstance(edit, QLineEdit)
    assert edit.text() == "YYYY-MM-DD HH:II:SS"
    assert line_edit_cut(edit, edit.text()) is None
    for shown in page.findChildren(QLineEdit):
        if shown.isVisible():
            assert line_edit_cut(shown, shown.placeholderText()) is None
    assert clipped(window) == []
