"""A file of hundreds of columns on the mapping page: its rows are drawn from a model, a
field's combo made only where the user is, so arriving on the page builds nothing per column
(the window would hold for as long as it took); the keyboard still goes field to field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.ui.language import FRENCH
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping.columns_view import FIELD, NOTE, SAMPLE, TITLE
from importer_gui.ui.pages.mapping_page import MappingPage
from importer_gui.ui.wizard import MAPPING
from tests.ui.wizards import cell, in_italics, note, shot

COLUMNS = 400
HEADERS = ["Identifiant", "Nom", "Prénom", "Courriel",
           *(f"Champ {n}" for n in range(5, COLUMNS + 1))]


def wide_file(folder: Path, columns: int) -> Path:
    """A teachers' CSV of ``columns`` columns, the first four a teacher's, and 50 rows."""
    data = folder / "wide.csv"
    lines = [";".join(HEADERS[:columns]),
             *(";".join(f"v{row}_{col}" for col in range(columns)) for row in range(50))]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return data


def wide_mapping(window: MainWindow, folder: Path, qtbot: QtBot,
                 columns: int = COLUMNS) -> MappingPage:
    """The wide file opened, teachers chosen, on the mapping page."""
    wizard = window.wizard
    assert wizard.open_file(wide_file(folder, columns))
    qtbot.waitUntil(wizard.open_page.isComplete, timeout=10_000)
    wizard.next()
    wizard.action_page.select("createOrUpdateTeacherAction")
    wizard.next()
    assert wizard.currentId() == MAPPING
    return wizard.mapping_page


def made(page: MappingPage, kind: type[QWidget]) -> int:
    """How many widgets of ``kind`` the page holds, its hidden ones too (editors closed
    are deleted first, as the event loop would)."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return len(page.findChildren(kind))


def test_four_hundred_columns_are_shown_without_a_widget_each(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = wide_mapping(window, tmp_path, qtbot)
    assert len(page.rows) == COLUMNS
    assert page.column_fields()[:5] == ["teacherLogin", "teacherName", "teacherFirstname",
                                        "teacherEmail", IGNORED_COLUMN]
    assert [cell(page, COLUMNS - 1, part) for part in (TITLE, SAMPLE)] == [
        "Champ 400", "v0_399 · v1_399 · v2_399"]
    assert note(page, 0) == "guessed (synonym)" and in_italics(page, 0)
    assert not in_italics(page, COLUMNS - 1)
    # Built from the model: at most the combo of the field the keyboard is on, no label
    # nor line per column.
    assert made(page, QComboBox) - made(page.side_widget, QComboBox) <= 1
    assert made(page, QLabel) < 40 and made(page, QLineEdit) < 10
    shot(window, screenshots, "mapping-400-columns")


def test_the_last_of_four_hundred_columns_is_chosen_by_keyboard_and_written(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    window.activateWindow()
    page = wide_mapping(window, tmp_path, qtbot)
    view = page.columns_view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget().objectName() == "field_0"
    for place in (1, 2, 3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget().objectName() == f"field_{place}"
    qtbot.keyClicks(QApplication.focusWidget(), "N")  # "Courriel" not imported after all
    assert page.column_fields()[3] == IGNORED_COLUMN
    view.setCurrentIndex(page.columns_model.index(COLUMNS - 1, FIELD))  # scrolled down to it
    last = QApplication.focusWidget()
    assert isinstance(last, QComboBox) and last.objectName() == f"field_{COLUMNS - 1}"
    assert made(page, QComboBox) - made(page.side_widget, QComboBox) == 1  # that one only
    qtbot.keyClick(last, Qt.Key.Key_End)  # the last of its fields: the teacher's e-mail
    assert page.column_fields()[COLUMNS - 1] == "teacherEmail"
    assert not in_italics(page, COLUMNS - 1)
    qtbot.keyClick(last, Qt.Key.Key_Tab)  # past the last field: out of the table
    assert not view.isAncestorOf(QApplication.focusWidget())
    assert page.isComplete()
    window.wizard.next()
    columns = window.state.choices.config.imports[0].provider.columns
    assert [(place, c.field) for place, c in enumerate(columns) if not c.ignored] == [
        (0, "teacherLogin"), (1, "teacherName"), (2, "teacherFirstname"),
        (COLUMNS - 1, "teacherEmail")]


def test_the_table_of_ten_columns_speaks_the_window_s_language(
        speaking: str, window: MainWindow, tmp_path: Path, qtbot: QtBot,
        screenshots: Path) -> None:
    page = wide_mapping(window, tmp_path, qtbot, columns=10)
    model = page.columns_model
    titles = [model.headerData(part, Qt.Orientation.Horizontal) for part in range(FIELD + 1)]
    french = speaking == FRENCH
    assert titles == (["Colonne", "Exemples de valeurs", "Champ"] if french
                      else ["Column", "Sample values", "Field"])
    assert note(page, 1) == ("devinée (synonyme)" if french else "guessed (synonym)")
    assert cell(page, 1, NOTE, Qt.ItemDataRole.ToolTipRole).startswith(
        "Suggérée" if french else "Suggested")
    assert page.columns_view.verticalScrollBar().maximum() == 0  # all ten rows shown
    shot(window, screenshots, f"mapping-10-columns-{speaking}")


def test_one_click_on_a_field_opens_its_list(window: MainWindow, tmp_path: Path,
                                             qtbot: QtBot) -> None:
    page = wide_mapping(window, tmp_path, qtbot, columns=10)
    view = page.columns_view
    index = view.model().index(6, FIELD)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    combo = view.findChild(QComboBox, "field_6")
    assert combo is not None and combo.view().isVisible()  # its list, to choose from
    combo.hidePopup()
