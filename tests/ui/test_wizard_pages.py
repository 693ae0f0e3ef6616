"""Pages 1-4, the wizard shell and the main window, driven as a user would."""

from __future__ import annotations

import ctypes.util
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.core.paths import data_dir
from importer_gui.ui import app as app_module
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping.columns_view import NOTE
from importer_gui.ui.settings import MAX_RECENT, Settings
from importer_gui.ui.wizard import ACTION, CONFIG, MAPPING, OPEN, PREVIEW, Wizard
from tests.ui.wizards import cell, in_italics, note, shot


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_open_csv_shows_first_rows_that_follow_the_reading_options(
        window: MainWindow, tmp_path: Path, screenshots: Path) -> None:
    data = write_csv(tmp_path / "teachers.csv",
                     "Login;Nom;Prénom\nmdupont;Dupont;Marie\njmartin;Martin;Jean\n")
    page = window.wizard.open_page
    assert not page.isComplete()
    assert page.open_path(data)
    model = page.head_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == \
        ["Login", "Nom", "Prénom"]
    assert model.rowCount() == 2
    assert model.data(model.index(1, 2)) == "Jean"
    assert page.isComplete()
    assert page.encoding_combo.isVisible() and not page.sheet_combo.isVisible()
    shot(window, screenshots, "page1-open-csv")

    page.delimiter_combo.setCurrentIndex(page.delimiter_combo.findData("comma"))
    # No comma in the file: the page says what the check would say, instead of junk.
    assert model.columnCount() == 0 and not page.isComplete()
    assert page.error_label.text() == f'{data}: the first 3 lines hold no "," but 2 ";" ' \
        "each; is the delimiter semicolon? Set <delimiter> to semicolon"
    page.delimiter_combo.setCurrentIndex(page.delimiter_combo.findData("semicolon"))
    page.header_check.setChecked(False)
    assert model.rowCount() == 3
    assert model.data(model.index(0, 0)) == "Login"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Column 1"
    provider = window.state.choices.config.imports[0].provider
    assert provider.skip_first_line is False and provider.delimiter == "semicolon"


def test_a_wrong_encoding_is_shown_on_the_page_not_raised(
        window: MainWindow, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "latin.csv", "Nom;Prénom\nDupont;Hélène\n", "latin-1")
    page = window.wizard.open_page
    page.open_path(data)
    assert page.encoding_combo.currentText() == "ISO-8859-1"  # detected, and applied
    assert page.isComplete() and not page.error_label.isVisible()
    page.encoding_combo.setCurrentText("UTF-8")
    assert not page.isComplete()
    assert page.error_label.isVisible()
    assert "latin.csv" in page.error_label.text()
    page.encoding_combo.setCurrentText("ISO-8859-1")
    assert page.isComplete() and not page.error_label.isVisible()
    assert page.head_model.data(page.head_model.index(0, 1)) == "Hélène"


def test_a_workbook_offers_its_sheets(window: MainWindow, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Teachers"
    first.append(["teacherLogin"])
    first.append(["mdupont"])
    other = book.create_sheet("Courses")
    other.append(["trainingPathCode", "trainingTitle"])
    other.append(["SEC-101", "Sécurité"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    page = window.wizard.open_page
    page.open_path(path)
    assert [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())] == \
        ["Teachers", "Courses"]
    assert page.sheet_combo.isVisible() and not page.encoding_combo.isVisible()
    page.sheet_combo.setCurrentText("Courses")
    assert page.head_model.data(page.head_model.index(0, 1)) == "Sécurité"
    assert window.state.choices.config.imports[0].provider.sheet == "Courses"


def next_button(wizard: Wizard) -> QAbstractButton:
    return wizard.button(QWizard.WizardButton.NextButton)


def click_next(wizard: Wizard) -> None:
    """Press Next as a user would (nothing happens while it is disabled)."""
    next_button(wizard).click()


def go_to_mapping(window: MainWindow, data: Path) -> None:
    """Open a data file and go on to the mapping page with the suggested action."""
    wizard = window.wizard
    assert wizard.open_file(data)
    click_next(wizard)
    assert wizard.currentId() == ACTION
    click_next(wizard)
    assert wizard.currentId() == MAPPING


def test_mapping_is_suggested_guesses_are_marked_and_missing_fields_flagged(
        window: MainWindow, sample: Path, screenshots: Path) -> None:
    wizard = window.wizard
    wizard.open_file(sample / "sessions.xlsx")
    wizard.next()
    assert wizard.action_page.selected() == "createOrUpdateSessionAction"
    shot(window, screenshots, "page2-action")
    wizard.next()
    page = wizard.mapping_page
    assert page.mapped_fields() == ["sessionAction", "trainingPathCode", "sessionTitle",
                                    "sessionStartDate", "sessionEndDate", "teacherLogin"]
    assert note(page, 5) == "guessed (synonym)"
    assert in_italics(page, 5)
    assert "Formateur" in cell(page, 5, NOTE, Qt.ItemDataRole.ToolTipRole)
    # No sessionId, trainingId or trainingTitle column: the course's code and the session's
    # title stand for them (the catalogue's alternatives), so nothing is missing.
    assert page.warning_label.text() == "" and page.isComplete()
    shot(window, screenshots, "page3-mapping")
    page.set_field(1, IGNORED_COLUMN)  # now nothing names the training course: the user is told
    assert page.warning_label.text() == (
        "No column feeds Training course code — trainingPathCode or Training course id — "
        "trainingId or Training course title — trainingTitle. The check finds each row's "
        "records by one of them, so the import cannot go on with none: map a column to one of "
        "them.")
    assert not page.isComplete()
    shot(window, screenshots, "page3-mapping-missing")
    wizard.next()
    assert wizard.currentId() == MAPPING  # the check would refuse it: the wizard stays
    assert not page.confirm_check.isVisible()  # nor is going on without it offered
    page.set_field(1, "trainingPathCode")

    # Fixing one mapping by hand: it is no longer a guess.
    page.set_field(4, IGNORED_COLUMN)
    assert note(page, 4) == ""
    assert not in_italics(page, 4)
    page.code_edits["sessionAction"]["cancel"].setText("X")
    page.search_checks["sessionStartDate"].setChecked(True)
    page.date_format_edit.setText("DD/MM/YYYY")
    click_next(wizard)
    assert wizard.currentId() == CONFIG

    imp = window.state.choices.config.imports[0]
    assert [c.field for c in imp.provider.columns][4] == IGNORED_COLUMN
    assert imp.provider.columns[0].header == "Action"
    assert imp.provider.date_format == "DD/MM/YYYY"
    action = imp.actions[0]
    assert action.search_fields == ["sessionTitle", "sessionStartDate"]
    codes = {f.name: f.options.codes for f in action.fields or []}
    assert codes["sessionAction"] == {"createUpdate": "M", "cancel": "X"}
    xml = wizard.config_page.editor.toPlainText()
    assert "<cancel>X</cancel>" in xml and "<dateFormat>DD/MM/YYYY</dateFormat>" in xml
    shot(window, screenshots, "page4-configuration")


def test_the_same_field_on_two_columns_blocks_going_on(
        window: MainWindow, sample: Path) -> None:
    go_to_mapping(window, sample / "sessions.xlsx")
    page = window.wizard.mapping_page
    page.confirm_check.setChecked(True)
    page.set_field(0, "teacherLogin")
    assert "Fed by more than one column: teacherLogin" in page.warning_label.text()
    assert not page.isComplete()
    page.set_field(0, "sessionAction")
    assert page.isComplete()


def test_an_invalid_date_format_keeps_the_user_on_the_mapping(
        window: MainWindow, sample: Path) -> None:
    go_to_mapping(window, sample / "sessions.xlsx")
    page = window.wizard.mapping_page
    page.confirm_check.setChecked(True)
    page.date_format_edit.setText("DD/MM/YYYY à HH")
    click_next(window.wizard)
    assert window.wizard.currentId() == MAPPING
    assert "the given date format DD/MM/YYYY à HH is not valid" in page.error_label.text()


def test_xml_errors_show_their_line_and_valid_edits_reach_earlier_pages(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    go_to_mapping(window, sample / "sessions.xlsx")
    window.wizard.mapping_page.confirm_check.setChecked(True)
    click_next(window.wizard)
    page = window.wizard.config_page
    good = page.editor.toPlainText()
    lines = good.splitlines()
    number = next(i for i, line in enumerate(lines, 1) if "<teacherLogin" in line)
    lines[number - 1] = lines[number - 1].replace("teacherLogin", "teacherLgin")
    page.editor.setPlainText("\n".join(lines))
    assert not page.isComplete()  # waiting for the parse
    qtbot.waitUntil(lambda: page.error_text() != "", timeout=3000)  # the debounced parse
    assert f"line {number}" in page.error_text().lower()
    assert "teacherLogin" in page.error_text()  # the closest known name
    selection = page.editor.extraSelections()
    assert [s.cursor.blockNumber() + 1 for s in selection] == [number]
    assert not page.isComplete()
    shot(window, screenshots, "page4-configuration-error")

    # A valid edit: the "Formateur" column is now ignored; the mapping page shows it.
    fixed = good.replace("<teacherLogin", "<ignoredColumn", 1)
    page.editor.setPlainText(fixed)
    assert page.parse_now()
    assert page.isComplete()
    assert page.status_label.text() == "The configuration is valid."
    window.wizard.back()
    assert window.wizard.mapping_page.column_fields()[5] == IGNORED_COLUMN


def test_save_to_library_and_open_it_next_time_on_the_preview(
        window: MainWindow, sample: Path, qtbot: QtBot, tmp_path: Path,
        screenshots: Path) -> None:
    go_to_mapping(window, sample / "teachers.csv")
    click_next(window.wizard)
    saved = window.wizard.config_page.save_to_library("Teachers / weekly")
    window.wizard.config_page.finish_saving()
    assert saved is not None and saved.parent.name == "configurations"
    loaded = config_xml.load(saved)
    assert loaded.imports[0].provider.file_name == "teachers.csv"
    assert (saved.parent / loaded.imports[0].provider.path / "teachers.csv").resolve() == \
        (sample / "teachers.csv").resolve()

    later = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(later)
    later.resize(1280, 800)
    later.show()
    open_page = later.wizard.open_page
    assert open_page.library_model.stringList() == ["Teachers _ weekly"]
    assert open_page.open_path(open_page._library[0])
    assert later.wizard.currentId() == PREVIEW
    qtbot.waitUntil(lambda: later.state.choices.plan is not None, timeout=20000)
    shot(later, screenshots, "page5-preview-from-library")
    while later.wizard.currentId() != MAPPING:  # the pages passed, filled on the way back
        later.wizard.back()
    assert later.wizard.mapping_page.mapped_fields() == \
        ["teacherLogin", "teacherName", "teacherFirstname", "teacherEmail"]
    later.wizard.back()
    assert later.wizard.action_page.selected() == "createOrUpdateTeacherAction"


def test_opening_the_sample_lands_on_the_preview_with_every_page_filled(
        window: MainWindow, sample: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        screenshots: Path) -> None:
    monkeypatch.setattr("importer_gui.ui.main_window.sample_config_path",
                        lambda: sample / "sample-config.xml")
    assert window.open_sample()
    wizard = window.wizard
    assert wizard.currentId() == PREVIEW
    # Opened from its copy in the user's data folder (test_the_sample_is_the_users.py).
    assert window.state.choices.data_files[2] == data_dir() / "sample" / "sessions.xlsx"
    qtbot.waitUntil(lambda: window.state.choices.plan is not None, timeout=20000)
    shot(window, screenshots, "page5-preview-sample")
    # Back goes through every page, each showing the configuration.
    wizard.back()
    assert wizard.currentId() == CONFIG
    assert "<fileName>teachers.csv</fileName>" in wizard.config_page.editor.toPlainText()
    wizard.back()
    assert wizard.mapping_page.mapped_fields() == \
        ["teacherLogin", "teacherName", "teacherFirstname", "teacherEmail"]
    wizard.back()
    assert wizard.action_page.selected() == "createOrUpdateTeacherAction"
    wizard.back()
    assert wizard.currentId() == OPEN
    assert "sample-config.xml" in wizard.open_page.file_label.text()
    assert wizard.open_page.head_model.rowCount() > 0


def test_each_import_of_a_configuration_can_be_shown_and_mapped(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    wizard = window.wizard
    assert window.wizard.open_file(sample / "sample-config.xml")
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW, timeout=20000)
    while wizard.currentId() != OPEN:
        wizard.back()
    page = wizard.open_page
    assert page.import_combo.isVisible()
    assert [page.import_combo.itemText(i) for i in range(page.import_combo.count())] == [
        "1. teachers.csv (createOrUpdateTeacherAction)",
        "2. trainings.xlsx (createOrUpdateTrainingCourseAction)",
        "3. sessions.xlsx (createOrUpdateSessionAction)",
        "4. interventions.xlsx (createOrUpdateInterventionAction)",
        "5. learners.csv (createOrUpdateLearnerAction)",
        "6. registrations.xlsx (registerLearnerAction)"]
    page.import_combo.setCurrentIndex(2)
    qtbot.waitUntil(page.isComplete, timeout=10000)
    assert "sessions.xlsx" in page.file_label.text()
    assert page.head_model.rowCount() > 0
    shot(window, screenshots, "page1-configuration-imports")
    wizard.next()
    assert wizard.action_page.selected() == "createOrUpdateSessionAction"
    wizard.next()
    assert wizard.mapping_page.mapped_fields() == [
        "sessionAction", "trainingPathCode", "sessionTitle", "sessionStartDate",
        "sessionEndDate", "teacherLogin"]
    wizard.next()
    text = wizard.config_page.editor.toPlainText()
    assert text.count("<import>") == 6  # the other imports are kept as they were


def test_a_single_file_shows_no_import_choice(window: MainWindow, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "one.csv", "teacherLogin\nmdupont\n")
    assert window.wizard.open_file(data)
    assert not window.wizard.open_page.import_combo.isVisible()


def test_a_dropped_file_is_opened(window: MainWindow, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "dropped.csv", "teacherLogin\nmdupont\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(data))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.state.choices.data_files == [data.resolve()]
    assert window.wizard.open_page.head_model.rowCount() == 1


def test_menus_have_shortcuts_and_recent_files(window: MainWindow, tmp_path: Path) -> None:
    assert window.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Tools", "&Language", "&Help"]
    data = write_csv(tmp_path / "recent.csv", "teacherLogin\nx\n")
    window.open_file(data)
    window._fill_recent()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert texts[0] == "&1 recent.csv"


def test_recent_files_are_kept_newest_first_in_an_ini_file(
        tmp_path: Path, private_folders: Path) -> None:
    files = [write_csv(tmp_path / f"f{i}.csv", "a\n") for i in range(MAX_RECENT + 2)]
    settings = Settings()
    for path in files:
        settings.add_recent(path)
    settings.add_recent(files[3])
    again = Settings()  # a new run reads the same file
    recent = again.recent_files()
    assert recent[0] == files[3].resolve()
    assert len(recent) == MAX_RECENT
    assert files[0].resolve() not in recent
    ini = private_folders / "config" / "settings.ini"
    assert "f3.csv" in ini.read_text(encoding="utf-8")
    files[3].unlink()
    assert files[3].resolve() not in Settings().recent_files()


def test_no_display_is_one_clear_line_and_exit_code_2(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(app_module.sys, "platform", "linux")
    assert app_module.run_gui([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("importer-gui: no display found")


def test_missing_xcb_libraries_are_named_with_their_packages() -> None:
    present = {"c", "xcb-icccm", "xcb-image", "xcb-render-util", "xcb-randr", "xcb-shape",
               "xcb-xkb", "xkbcommon-x11"}

    def find(name: str) -> str | None:
        return f"lib{name}.so" if name in present else None

    problem = app_module.platform_problem({"DISPLAY": ":0"}, "linux", find)
    assert problem is not None
    assert problem.endswith("sudo apt-get install libxcb-cursor0 libxcb-keysyms1")
    assert app_module.platform_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux",
                                       find) is None
    everything = present | {"xcb-cursor", "xcb-keysyms"}
    assert app_module.platform_problem(
        {"DISPLAY": ":0"}, "linux", lambda n: n if n in everything else None,
        reachable=lambda display: True) is None


def test_a_display_nobody_answers_on_is_one_clear_line_not_an_abort() -> None:
    every_library = lambda name: f"lib{name}.so"  # noqa: E731 - as on a complete desktop
    problem = app_module.platform_problem({"DISPLAY": ":987"}, "linux", find=every_library,
                                          reachable=lambda display: False)
    assert problem == ("cannot connect to the display :987 (DISPLAY); is the desktop session "
                       "still running? The command line works without one "
                       "(importer-gui --help).")


@pytest.mark.skipif(ctypes.util.find_library("xcb") is None, reason="needs libxcb to ask")
def test_libxcb_is_asked_whether_the_display_answers() -> None:
    assert not app_module.display_reachable(":987")


def test_a_qt_that_cannot_load_names_the_package() -> None:
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    assert app_module.qt_import_problem(error).endswith("sudo apt-get install libegl1")


def test_xml_comments_spanning_lines_are_coloured_as_comments(qtbot: QtBot) -> None:
    from PySide6.QtGui import QTextDocument

    from importer_gui.ui.widgets.xml_highlighter import XmlHighlighter

    document = QTextDocument()
    highlighter = XmlHighlighter(document)
    document.setPlainText('<a x="1">\n<!-- one\n<b/> two -->\n<c/>')
    highlighter.rehighlight()

    def colours(line: int) -> set[str]:
        block = document.findBlockByNumber(line)
        return {f.format.foreground().color().name() for f in block.layout().formats()}

    comment = highlighter.comment_format.foreground().color().name()
    tag = highlighter.tag_format.foreground().color().name()
    assert colours(2) == {comment}  # the <b/> inside the comment is not a tag
    assert tag in colours(3) and comment not in colours(3)
    assert highlighter.value_format.foreground().color().name() in colours(0)


def test_a_line_of_one_long_word_is_coloured_in_a_pass_not_a_square(qtbot: QtBot) -> None:
    # A 30,000-character header or comment froze the configuration page for 16 s: the
    # attribute pattern was tried, and failed, from every character of the word. With 200,000
    # characters that was an hour; now each line is one pass.
    from PySide6.QtGui import QTextDocument

    from importer_gui.ui.widgets.xml_highlighter import XmlHighlighter

    document = QTextDocument()
    highlighter = XmlHighlighter(document)
    document.setPlainText(f'<a b:c="1" d = "2">{"x" * 200_000}</a>\n<!-- {"y" * 200_000} -->')
    highlighter.rehighlight()
    first = document.findBlockByNumber(0).layout().formats()
    attribute = highlighter.attribute_format.foreground().color()
    assert [(f.start, f.length) for f in first if f.format.foreground().color() == attribute] == [
        (3, 3), (11, 1)]


def test_a_very_long_line_is_coloured_at_its_start_and_its_comment_followed(
        qtbot: QtBot) -> None:
    # A 68,000-character line of attributes coloured whole at each keystroke held the window
    # some 150 ms a key: its start is coloured, the rest left plain.
    from PySide6.QtGui import QTextDocument

    from importer_gui.ui.widgets.xml_highlighter import MOST_COLOURED, XmlHighlighter

    attributes = " ".join(f'a{n}="v{n}"' for n in range(5_000))
    document = QTextDocument()
    highlighter = XmlHighlighter(document)
    document.setPlainText(f"<b {attributes}/> <!-- on\n<c/> -->\n<d/>")
    highlighter.rehighlight()

    def coloured(line: int) -> list[tuple[int, int, str]]:
        formats = document.findBlockByNumber(line).layout().formats()
        return [(f.start, f.start + f.length, f.format.foreground().color().name())
                for f in formats]

    comment = highlighter.comment_format.foreground().color().name()
    assert coloured(0)[0][2] == highlighter.tag_format.foreground().color().name()
    assert max(end for _start, end, _colour in coloured(0)) <= MOST_COLOURED
    assert {colour for _start, _end, colour in coloured(1)} == {comment}  # <c/> in it
    assert comment not in {colour for _start, _end, colour in coloured(2)}


def test_the_store_browser_of_the_tools_menu_hears_of_runs_while_open(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from importer_gui.ui.store_browser import StoreBrowser

    refreshed: list[StoreBrowser] = []
    monkeypatch.setattr(StoreBrowser, "refresh", lambda browser: refreshed.append(browser))

    browser = window.open_store_browser()
    window.state.session.record_run(1)  # as the commit page announces a commit
    assert refreshed == [browser]
    browser.reject()
    window.state.session.record_run(2)
    assert len(refreshed) == 1  # a closed browser's store is closed: it reads nothing more
