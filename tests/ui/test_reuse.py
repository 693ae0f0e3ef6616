"""Last month's configuration on this month's file, in the wizard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import MAPPING, PREVIEW
from tests.builders import french_sessions, write_csv
from tests.core.test_remap import HEADED_CONFIG
from tests.ui.conftest import Questions
from tests.ui.fit import clipped
from tests.ui.test_screens_fit import SIZE
from tests.ui.wizards import shot


def saved_configuration(tmp_path: Path) -> Path:
    """May's configuration (headers recorded) beside May's file."""
    write_csv(tmp_path / "teachers.csv", [["Identifiant", "Nom", "Service", "Courriel"],
                                          ["mdupont", "Dupont", "RH", "m.dupont@example.org"]],
              encoding="latin-1")
    config = tmp_path / "teachers.xml"
    config.write_text(HEADED_CONFIG.replace(
        "<skipFirstLine>yes</skipFirstLine>",
        "<skipFirstLine>yes</skipFirstLine>").replace(
        "</columnsMapping>", "</columnsMapping><fileEncoding>ISO-8859-1</fileEncoding>"),
        encoding="utf-8")
    return config


def test_a_new_file_gets_the_loaded_configuration_matched_by_header(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    config = saved_configuration(tmp_path)
    assert window.open_file(config)
    wizard = window.wizard
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW, timeout=20_000)
    june = write_csv(tmp_path / "june.csv", [
        ["Courriel", "Téléphone", "Identifiant", "Prénom"],
        ["j.martin@example.org", "0102", "jmartin", "Jean"]], encoding="latin-1")
    assert wizard.open_file(june)
    page = wizard.open_page
    assert page.applied_label.isVisible()
    assert "teachers.xml applies to this file" in page.applied_label.text()
    assert page.encoding_combo.currentText() == "ISO-8859-1"  # kept, not reset to UTF-8
    assert page.head_model.headerData(1, Qt.Orientation.Horizontal) == "Téléphone"
    shot(window, screenshots, "reuse-1-new-file-opened")
    wizard.next()
    wizard.next()
    assert wizard.currentId() == MAPPING
    mapping = wizard.mapping_page
    assert mapping.column_fields() == [
        "teacherEmail", IGNORED_COLUMN, "teacherLogin", IGNORED_COLUMN]
    text = mapping.changes_label.text()
    assert mapping.changes_label.isVisible()
    assert "Moved: “Courriel” (column 4 → 1), “Identifiant” (column 1 → 3)." in text
    assert "New, skipped unless you map them: “Téléphone” (column 2), “Prénom” (column 4)." \
        in text
    assert "Missing from this file: “Nom” (" in text and "teacherName" in text
    shot(window, screenshots, "reuse-2-mapping-moved-new-missing")
    window.resize(SIZE)  # and on a small laptop's screen, nothing is cut off
    QApplication.processEvents()
    assert clipped(window) == []
    shot(window, screenshots, "reuse-2b-mapping-at-1024x700")
    mapping.confirm_check.setChecked(True)
    wizard.next()
    columns = window.state.choices.config.imports[0].provider.columns
    assert [(c.field, c.header) for c in columns] == [
        ("teacherEmail", "Courriel"), (IGNORED_COLUMN, "Téléphone"),
        ("teacherLogin", "Identifiant"), (IGNORED_COLUMN, "Prénom")]
    assert window.state.choices.config.imports[0].provider.file_name == "june.csv"


def test_a_new_file_is_read_as_detected(window: MainWindow, tmp_path: Path,
                                        screenshots: Path) -> None:
    wizard = window.wizard
    assert wizard.open_file(french_sessions(tmp_path / "sessions.csv"))
    page = wizard.open_page
    assert page.encoding_combo.currentText() == "ISO-8859-1"
    assert page.delimiter_combo.currentData() == "semicolon"
    assert page.head_model.headerData(3, Qt.Orientation.Horizontal) == "Date de début"
    assert page.applied_label.text() == (
        "Read as detected: encoding ISO-8859-1 (likely), delimiter semicolon (certain), "
        "date format DD/MM/YYYY (certain). Change the reading below, and the date format on "
        "the mapping page, if they are wrong.")
    provider = window.state.choices.config.imports[0].provider
    assert (provider.file_encoding, provider.date_format) == ("ISO-8859-1", "DD/MM/YYYY")
    shot(window, screenshots, "reuse-3-detected")
    wizard.next()
    wizard.next()
    assert wizard.mapping_page.date_format_edit is not None
    assert wizard.mapping_page.date_format_edit.text() == "DD/MM/YYYY"


def test_a_wrong_date_format_is_fixed_in_one_click(window: MainWindow, tmp_path: Path,
                                                  qtbot: QtBot, screenshots: Path) -> None:
    data = french_sessions(tmp_path / "sessions.csv")
    config = tmp_path / "sessions.xml"
    from importer_gui.cli import main

    assert main(["init", str(data), "--out", str(config)]) == 0
    config.write_text(config.read_text().replace("<dateFormat>DD/MM/YYYY</dateFormat>", ""))
    assert window.open_file(config)
    wizard = window.wizard
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW and preview.shows_plan(),
                    timeout=20_000)
    assert preview.notice.text().startswith(
        "sessions.csv: the dates are not in the date format YYYY-MM-DD; they read as "
        "DD/MM/YYYY.")
    preview.table.setCurrentIndex(preview.model.index(0, 0))
    button = preview.suggestions.findChild(QPushButton, "useDateFormat")
    assert button is not None and button.text() == "U&se DD/MM/YYYY"
    shot(window, screenshots, "reuse-4-date-format-fix")
    button.click()
    qtbot.waitUntil(preview.shows_plan, timeout=20_000)
    plan = window.state.choices.plan
    assert plan is not None
    assert plan.config.imports[0].provider.date_format == "DD/MM/YYYY"
    messages = [i.message for row in plan.imports[0].rows for i in row.issues()]
    assert messages and not any("not a date" in m for m in messages)
    assert not preview.notice.isVisible()


def test_a_saved_configuration_opened_on_a_file_whose_columns_moved(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    config = tmp_path / "teachers.xml"
    config.write_text(HEADED_CONFIG, encoding="utf-8")
    write_csv(tmp_path / "teachers.csv", [["Courriel", "Nom", "Téléphone", "Identifiant"],
                                          ["m.dupont@example.org", "Dupont", "01", "mdupont"]])
    assert window.open_file(config)
    wizard, preview = window.wizard, window.wizard.preview_page
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW and preview.shows_plan(),
                    timeout=20_000)
    assert preview.notice.text() == ('teachers.csv: the column "Téléphone" (column 3) is not '
                                     "in the configuration's mapping and skipped.")
    plan = window.state.choices.plan
    assert plan is not None and plan.imports[0].columns == [
        "teacherEmail", "teacherName", IGNORED_COLUMN, "teacherLogin"]
    assert [r.outcome.value for r in plan.imports[0].rows] == ["create"]

    write_csv(tmp_path / "teachers.csv", [["Courriel", "Identifiant"],
                                          ["m.dupont@example.org", "mdupont"]])
    preview.start_check()
    qtbot.waitUntil(lambda: not preview.is_checking(), timeout=20_000)
    assert preview.error_label.text() == (
        'teachers.csv has no column "Nom" (teacherName): the configuration maps it by header; '
        "map the file again in the wizard, or give the file that header.")


def test_a_misspelt_name_is_fixed_in_a_corrected_copy_when_the_user_says_so(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, questions: Questions) -> None:
    saved_configuration(tmp_path)
    config = tmp_path / "teachers.xml"
    typo = config.read_text(encoding="utf-8").replace(
        "<teacherLogin/><teacherName/>", "<teacherLogn/><teacherName/>").replace(
        "<teacherEmail ia:header", "<teacherEmial ia:header")
    config.write_text(typo, encoding="utf-8")
    questions.answers = ["Use teacherEmail (a corrected copy)",
                         "Use teacherLogin (a corrected copy)"]
    assert window.open_file(config)
    assert [answers for _title, _text, answers in questions.asked] == [
        ["Use teacherEmail (a corrected copy)", "Use teacherEmail and change the file", "Cancel"],
        ["Use teacherLogin (a corrected copy)", "Use teacherLogin and change the file", "Cancel"]]
    assert questions.texts()[0].startswith(
        f'{config}: Unknown field "teacherEmial" in <columnsMapping> (line ')
    assert questions.texts()[1].startswith(
        f'{tmp_path / "teachers-corrected.xml"}: Unknown field "teacherLogn" in <fields> of '
        "<createOrUpdateTeacherAction> (line ")
    copy = tmp_path / "teachers-corrected.xml"
    assert config.read_text(encoding="utf-8") == typo  # the user's file as it was
    assert copy.read_text(encoding="utf-8") == typo.replace(
        "<teacherLogn/>", "<teacherLogin/>").replace("<teacherEmial ", "<teacherEmail ")
    assert window.state.choices.config_path == copy
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW, timeout=20_000)


def test_a_name_misspelt_in_several_places_is_asked_about_once(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, questions: Questions) -> None:
    saved_configuration(tmp_path)
    config = tmp_path / "teachers.xml"
    typo = config.read_text(encoding="utf-8").replace("teacherLogin", "teacherLogn")
    assert typo.count("<teacherLogn") == 2  # in <columnsMapping> and in <fields>
    config.write_text(typo, encoding="utf-8")
    questions.answers = ["Use teacherLogin (a corrected copy)"]
    assert window.open_file(config)
    assert len(questions.asked) == 1
    copy = tmp_path / "teachers-corrected.xml"
    assert copy.read_text(encoding="utf-8") == typo.replace("teacherLogn", "teacherLogin")
    assert config.read_text(encoding="utf-8") == typo
    assert window.state.choices.config_path == copy
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW, timeout=20_000)


def test_a_misspelt_name_declined_leaves_the_error(window: MainWindow, tmp_path: Path,
                                                  questions: Questions) -> None:
    saved_configuration(tmp_path)
    config = tmp_path / "teachers.xml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "<teacherLogin/><teacherName/>", "<teacherLogn/><teacherName/>"), encoding="utf-8")
    questions.answers = ["Cancel"]
    assert not window.open_file(config)
    assert "did you mean \"teacherLogin\"?" in window.wizard.open_page.error_label.text()
    assert not (tmp_path / "teachers-corrected.xml").exists()


def test_a_moved_column_keeps_its_codes(window: MainWindow, tmp_path: Path,
                                        qtbot: QtBot) -> None:
    from importer_gui.cli import main

    data = french_sessions(tmp_path / "sessions.csv")
    config = tmp_path / "sessions.xml"
    assert main(["init", str(data), "--out", str(config)]) == 0
    config.write_text(config.read_text(encoding="utf-8").replace(
        '<sessionAction ia:header="Action"/>',
        '<sessionAction ia:header="Action"><createUpdate>C</createUpdate></sessionAction>'),
        encoding="utf-8")
    assert window.open_file(config)
    wizard = window.wizard
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW, timeout=20_000)
    june = tmp_path / "june.csv"
    june.write_bytes("Code formation;Titre de la session;Date de début;Date de fin;Formateur;"
                     "Action\nXLS-300;Excel;15/06/2027;16/06/2027;mdupont;C\n"
                     .encode("latin-1"))
    assert wizard.open_file(june)
    wizard.next()
    wizard.next()
    assert wizard.currentId() == MAPPING
    assert wizard.mapping_page.code_edits["sessionAction"]["createUpdate"].text() == "C"
    wizard.next()
    columns = window.state.choices.config.imports[0].provider.columns
    assert (columns[5].field, columns[5].options.codes) == ("sessionAction",
                                                             {"createUpdate": "C"})
