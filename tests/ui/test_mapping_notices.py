"""The notices above the mapping's columns say what holds for the import shown, and what
they call skipped is what nothing maps."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import CONFIG, MAPPING, OPEN, PREVIEW
from tests.builders import write_csv
from tests.ui.test_renamed_column import MAY_CONFIG
from tests.ui.wizards import configured_mapping, shot

# An import before May's, whose file is as its mapping says.
LOGINS = """<import><providers><fileSystemSourceProvider>
    <fileName>logins.csv</fileName><skipFirstLine>yes</skipFirstLine>
    <columnsMapping><candidateLogin ia:header="Identifiant"/></columnsMapping>
    <delimiter>semicolon</delimiter>
  </fileSystemSourceProvider></providers>
  <actions><createOrUpdateLearnerAction/></actions>
</import>
"""


def test_the_edited_import_deleted_leaves_no_notice_of_it(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    write_csv(tmp_path / "logins.csv", [["Identifiant"], ["cbernard"]])
    write_csv(tmp_path / "may.csv", [
        ["Matricule", "Courriel", "Identifiant", "Nom", "Prénom de l'apprenant", "Service"],
        ["E1", "c.bernard@example.org", "cbernard", "Bernard", "Claire", "RH"]])
    (tmp_path / "may.xml").write_text(MAY_CONFIG.replace("<import>", LOGINS + "<import>", 1),
                                      encoding="utf-8")
    wizard = window.wizard
    assert window.open_file(tmp_path / "may.xml")
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW, timeout=20_000)
    while wizard.currentId() != OPEN:
        wizard.back()
    wizard.open_page.import_combo.setCurrentIndex(1)  # May's import, its file changed
    wizard.next()
    wizard.next()
    page = wizard.mapping_page
    assert wizard.currentId() == MAPPING
    assert page.changes_label.isVisible()
    page.set_field(3, IGNORED_COLUMN)  # Nom: not fed, the box to go on without it shown
    assert page.confirm_check.isVisible()
    page.set_field(3, "candidateName")
    wizard.next()
    assert wizard.currentId() == CONFIG
    # The edited import deleted from the XML: the logins' import, before it, is edited now.
    editor = wizard.config_page.editor
    text = editor.toPlainText()
    second = text.index("<import>", text.index("</import>"))
    editor.setPlainText(text[:second] + text[text.index("</import>", second) + 9:])
    assert wizard.config_page.parse_now()
    wizard.back()
    assert wizard.currentId() == MAPPING
    assert [row.header for row in page.rows] == ["Identifiant"]
    assert not page.error_label.isVisible()
    assert not page.changes_label.isVisible()
    assert not page.warning_label.isVisible()
    assert not page.confirm_check.isVisible()
    assert page.isComplete()
    shot(window, screenshots, "mapping-notices-1-import-deleted")


def test_a_new_column_mapped_is_not_said_skipped(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    write_csv(tmp_path / "may.csv", [
        ["Matricule", "Identifiant", "Courriel", "Nom de l'apprenant", "Prénom de l'apprenant",
         "Service", "Langue"],
        ["E1", "cbernard", "c.bernard@example.org", "Bernard", "Claire", "RH", "fr"]])
    (tmp_path / "may.xml").write_text(MAY_CONFIG, encoding="utf-8")
    page = configured_mapping(window, tmp_path / "may.xml", qtbot)
    said = "The saved mapping was matched to this file's columns by their headers."
    assert page.changes_label.text() == (
        f"{said}\nNew, skipped unless you map them: “Service” (column 6), “Langue” (column 7).")
    page.set_field(6, "candidateLanguages")
    assert page.changes_label.text() == (
        f"{said}\nNew, skipped unless you map it: “Service” (column 6).")
    shot(window, screenshots, "mapping-notices-2-new-mapped")
    page.set_field(5, "entityName")
    assert page.changes_label.text() == said
    page.set_field(6, IGNORED_COLUMN)
    assert page.changes_label.text() == (
        f"{said}\nNew, skipped unless you map it: “Langue” (column 7).")


def test_a_header_the_file_repeats_keeps_each_column_s_saved_field(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    write_csv(tmp_path / "learners.csv", [["Identifiant", "Courriel", "Courriel"],
                                          ["cbernard", "c.bernard@example.org", "old@example.org"]])
    (tmp_path / "learners.xml").write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<import-config xmlns:ia="urn:import-assistant:extension:1">
<import><providers><fileSystemSourceProvider>
    <fileName>learners.csv</fileName><skipFirstLine>yes</skipFirstLine>
    <columnsMapping><candidateLogin ia:header="Identifiant"/>
      <candidateEmail ia:header="Courriel"/><ignoredColumn ia:header="Courriel"/></columnsMapping>
    <delimiter>semicolon</delimiter>
  </fileSystemSourceProvider></providers>
  <actions><createOrUpdateLearnerAction/></actions>
</import></import-config>
""", encoding="utf-8")
    page = configured_mapping(window, tmp_path / "learners.xml", qtbot)
    assert page.mapped_fields() == ["candidateLogin", "candidateEmail"]
