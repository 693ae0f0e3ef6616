"""Back and Next through the mapping of each of the platform's documented actions, nothing
touched, rewrite nothing, however the configuration writes what it holds: its text stays
byte for byte (comments, layout, options in their order, defaults written out or left out,
a <fields> block or none, the headers recorded) and nothing asks to be saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from pytestqt.qtbot import QtBot

from importer_gui.core import catalogue as cat
from importer_gui.core.catalogue import IGNORED_COLUMN, OptionKind
from importer_gui.core.config import EXT_NS
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping_page import MappingPage
from importer_gui.ui.wizard import ACTION, CONFIG, MAPPING, PREVIEW
from tests.core.test_documented_examples import (
    DOCUMENTED,
    ORDER,
    SESSION,
    configuration_text,
    load_fixed,
)
from tests.ui.conftest import Questions
from tests.ui.test_config_editor_mistakes import configuration_page
from tests.ui.test_mapping_next_unchanged import QUIT

Root = etree._Element


def action_of(root: Root) -> Root:
    """The configuration's one action element."""
    return root.find("import/actions")[0]


def as_printed(root: Root) -> None:
    """The page's example as it prints it (its typos fixed)."""


def without_fields(root: Root) -> None:
    """No <fields> block: every column applies, a field's settings (a custom field's GUID)
    given by its column."""
    action = action_of(root)
    fields = action.find("fields")
    if fields is None:
        return
    columns = root.find("import/providers/fileSystemSourceProvider/columnsMapping")
    free = [column for column in columns if isinstance(column.tag, str)]
    for entry in (e for e in fields if isinstance(e.tag, str)):
        column = next(c for c in free if c.tag == entry.tag)
        free.remove(column)
        column.extend(child for child in entry if isinstance(child.tag, str))
    action.remove(fields)


def reordered(root: Root) -> None:
    """The options, and the fields each field list names, in the other order."""
    options = action_of(root).find("options")
    for parent in [options, *(options if options is not None else [])]:
        if parent is not None and len(parent) > 1:
            parent[:] = list(reversed(parent))


def defaults_written(root: Root) -> None:
    """Every option the example leaves out written with its default, the provider's date
    format too."""
    action = action_of(root)
    spec = cat.ACTIONS[action.tag]
    options = action.find("options")
    if options is None and spec.options:
        options = etree.Element("options")
        action.insert(0, options)
    for option in spec.options:
        if options.find(option.name) is not None or not option.default:
            continue
        element = etree.SubElement(options, option.name)
        if option.kind is OptionKind.FIELD_LIST:
            etree.SubElement(element, option.default)
        else:
            element.text = option.default
    provider = root.find("import/providers/fileSystemSourceProvider")
    etree.SubElement(provider, "dateFormat").text = cat.PROVIDER_OPTIONS["dateFormat"].default


def headers_and_comments(root: Root) -> None:
    """Each column with the header it is read from (ia:header), one a line, commented."""
    mapping = root.find("import/providers/fileSystemSourceProvider/columnsMapping")
    mapping.text = "\n    "
    for column in mapping:
        column.set(f"{{{EXT_NS}}}header", column.tag)
        column.tail = "\n    "
    mapping[-1].tail = "\n  "
    mapping.insert(0, etree.Comment(" the file's columns, in order "))
    mapping[0].tail = "\n    "


VARIANTS: dict[str, Callable[[Root], None]] = {
    f.__name__: f for f in (as_printed, without_fields, reordered, defaults_written,
                            headers_and_comments)}


def documented(folder: Path, page: str, variant: Callable[[Root], None]) -> Path:
    """The page's example in a configuration of its own (its typos fixed as the wizard
    offers), written as ``variant`` writes it, beside its data file (the store's ids left
    as written: only its header is read here)."""
    path = folder / f"{page}.xml"
    path.write_text(configuration_text(page), encoding="utf-8")
    (folder / f"{page}.csv").write_text(
        (DOCUMENTED / f"{page}.csv").read_text(encoding="utf-8"), encoding="utf-8")
    load_fixed(path)
    root = etree.fromstring(path.read_bytes())
    variant(root)
    etree.cleanup_namespaces(root, top_nsmap={"ia": EXT_NS})
    if root.find(f".//*[@{{{EXT_NS}}}header]") is None:
        etree.cleanup_namespaces(root)
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n'
                    + etree.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    load_fixed(path)  # loads as it is
    return path


def on_the_mapping(window: MainWindow, qtbot: QtBot, path: Path) -> MappingPage:
    """The configuration opened (the wizard goes on to its preview), then Back to its
    mapping."""
    wizard = window.wizard
    assert window.open_file(path)
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW, timeout=20_000)
    for page_id in (CONFIG, MAPPING):
        wizard.back()
        assert wizard.currentId() == page_id
    return wizard.mapping_page


def next_to_the_configuration(window: MainWindow) -> str:
    """Next from the mapping: the configuration page's text."""
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG, window.wizard.mapping_page.error_label.text()
    return window.wizard.config_page.editor.toPlainText()


def quit_discarding(window: MainWindow, questions: Questions) -> None:
    """Quitting asks to save the change; it is discarded."""
    questions.answers.append("Discard them and quit")
    assert window.close()
    assert [answers for _title, _text, answers in questions.asked] == [QUIT]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("page", ORDER)
def test_back_and_next_through_a_documented_action_rewrite_nothing(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, questions: Questions,
        page: str, variant: str) -> None:
    path = documented(tmp_path, page, VARIANTS[variant])
    text = path.read_text(encoding="utf-8")
    on_the_mapping(window, qtbot, path)
    window.wizard.back()
    assert window.wizard.currentId() == ACTION
    window.wizard.next()
    assert window.wizard.currentId() == MAPPING
    assert next_to_the_configuration(window) == text
    config_page = window.wizard.config_page
    assert not config_page.editor.document().isUndoAvailable()
    assert window.close()
    assert questions.asked == []
    assert config_page.save_config_as(tmp_path / "again.xml")
    config_page.finish_saving()
    assert (tmp_path / "again.xml").read_bytes() == path.read_bytes()


def test_a_search_field_unticked_is_written_the_others_in_their_order(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, questions: Questions) -> None:
    path = documented(tmp_path, SESSION, as_printed)
    page = on_the_mapping(window, qtbot, path)
    page.field_list_checks["sessionSearchField"]["sessionId"].click()
    text = next_to_the_configuration(window)
    assert ("\t\t\t<sessionSearchField>\n"
            "\t\t\t\t<sessionTitle/><!-- Use Title, Id, or Guid as Search Field-->\n"
            "\t\t\t\t<sessionGuid/>\n"
            "\t\t\t</sessionSearchField>\n"
            "\t\t\t<fullAccess>yes</fullAccess>\n") in text
    quit_discarding(window, questions)


def test_a_column_skipped_without_fields_is_written_still_without_fields(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, questions: Questions) -> None:
    path = documented(tmp_path, SESSION, without_fields)
    page = on_the_mapping(window, qtbot, path)
    page.set_field(3, IGNORED_COLUMN)  # trainingTitle
    text = next_to_the_configuration(window)
    assert ('<trainingId ia:header="trainingId"/><ignoredColumn ia:header="trainingTitle"/>'
            '<sessionTitle ia:header="sessionTitle"/>') in text
    assert "<fields>" not in text
    quit_discarding(window, questions)


def test_an_import_the_window_made_gets_its_fields_written(
        window: MainWindow, sample: Path) -> None:
    # Only a file's action without <fields> is left without one; the window's own import
    # lists its fields, as the platform's examples do.
    page = configuration_page(window, sample)
    text = page.editor.toPlainText()
    fields = text[text.index("<fields>"):text.index("</fields>")]
    assert [tag in fields for tag in ("<teacherLogin", "<teacherName", "<teacherEmail")] == [
        True, True, True]
