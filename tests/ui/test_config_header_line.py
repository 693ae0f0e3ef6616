"""A configuration mapped by header, opened on a workbook: the configuration page checks its
columns against the sheet's header line alone, never loading the sheet whole beside the
preview's own check (a 100,000-row sheet took seconds and some 70 MB), and says what it said
before."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.core import readers
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import CONFIG, PREVIEW
from tests.builders import write_csv, write_xlsx

HEADERS = ["Identifiant", "Nom", "Courriel"]
COLUMNS = ('<teacherLogin ia:header="Identifiant"/><teacherName ia:header="Nom"/>'
           '<teacherEmail ia:header="Courriel"/>')


def configuration(folder: Path) -> Path:
    """Teachers from a CSV file, then from a workbook, each mapped by header."""
    imports = "".join(f"""<import><providers><fileSystemSourceProvider>
<fileName>{name}</fileName><skipFirstLine>yes</skipFirstLine>
<columnsMapping>{COLUMNS}</columnsMapping><delimiter>semicolon</delimiter>
</fileSystemSourceProvider></providers><actions><createOrUpdateTeacherAction/></actions>
</import>""" for name in ("first.csv", "second.xlsx"))
    path = folder / "teachers.xml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<import-config xmlns:ia='
                    f'"urn:import-assistant:extension:1">{imports}</import-config>\n',
                    encoding="utf-8")
    return path


@pytest.fixture
def first_rows_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files whose first rows are read (a workbook's sheet loaded whole for them)."""
    read: list[str] = []
    real: Callable[..., object] = readers.head_both_ways

    def head(path: Path, *args: object, **kwargs: object) -> object:
        read.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(readers, "head_both_ways", head)
    return read


def opened_then_back(window: MainWindow, tmp_path: Path, qtbot: QtBot,
                     headers: list[str]) -> str:
    """The configuration opened on a 2,000-row workbook whose header line is ``headers``,
    on to the preview and back: what the configuration page says once it has checked."""
    write_csv(tmp_path / "first.csv", [HEADERS, ["zoe", "Zola", "zoe@example.org"]])
    write_xlsx(tmp_path / "second.xlsx", [headers, *([f"t{n}", f"N{n}", f"t{n}@example.org"]
                                                     for n in range(2_000))])
    wizard = window.wizard
    assert window.open_file(configuration(tmp_path))
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW, timeout=20_000)
    wizard.back()
    assert wizard.currentId() == CONFIG
    page = wizard.config_page
    page.initializePage()  # as the page shows each time it is reached
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=20_000)
    return page.status_label.text()


def test_a_workbook_mapped_by_header_is_checked_on_its_header_line_alone(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, first_rows_read: list[str]) -> None:
    assert opened_then_back(window, tmp_path, qtbot, HEADERS) == "The configuration is valid."
    assert "second.xlsx" not in first_rows_read  # its sheet never loaded for the page
    assert window.wizard.config_page.isComplete()


def test_a_header_the_workbook_lacks_is_said_as_before(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, first_rows_read: list[str]) -> None:
    said = opened_then_back(window, tmp_path, qtbot, ["Identifiant", "Nom de famille",
                                                      "Courriel"])
    assert said == ('second.xlsx has no column "Nom" (teacherName): the configuration maps it '
                    "by header; map the file again in the wizard, or give the file that "
                    "header.")
    assert "second.xlsx" not in first_rows_read
    assert not window.wizard.config_page.isComplete()
