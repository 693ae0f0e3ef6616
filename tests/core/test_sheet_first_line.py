"""An .xlsx sheet's header line read as far as line 1 ends: the same texts as the whole
sheet's first rows give, whichever way the XML writes them; anything but plain texts is
left to the whole read (None); and the package's guards refuse what they refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_gui.core import readers
from importer_gui.core.errors import DataFileError
from importer_gui.core.readers import MemoryBudget, workbooks
from tests.builders import rewrite_package, write_xlsx
from tests.faults.test_hostile_workbooks import SHEET, replace, shared_strings

ROWS = [["Identifiant", "Nom", "Courriel"], ["zoe", "Zoe", "zoe@example.org"]]
STRINGS = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           "<si><t>zoe</t></si><si><r><t>No</t></r><r><rPr><b/></rPr><t>m</t></r>"
           "<rPh><t>ノ</t></rPh></si><si><t xml:space=\"preserve\"> Identifiant </t></si>"
           "</sst>").encode()


def first_line(path: Path) -> list[str] | None:
    """What the configuration page reads of the workbook's first sheet."""
    return workbooks.first_line(path, None, MemoryBudget())


def whole_read(path: Path) -> list[str] | None:
    """The header line as the whole sheet's first rows give it (its empty end aside)."""
    headers, _rows = readers.head(path, 1)
    while headers and not headers[-1]:
        headers.pop()
    return headers


def test_inline_texts_are_line_1_as_the_whole_read_gives_it(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", [[" Identifiant", "Nom ", "Courriel"],
                                            ["zoe", "Zola", "zoe@example.org", "wider"]])
    assert first_line(path) == whole_read(path) == ["Identifiant", "Nom", "Courriel"]


def test_shared_rich_texts_and_a_column_left_empty_are_as_the_whole_read_gives_them(
        tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", ROWS)
    changes, extra = shared_strings(b"zoe")
    b2, line_1 = changes[SHEET], replace(
        b'<c r="A1" t="inlineStr"><is><t>Identifiant</t></is></c>'
        b'<c r="B1" t="inlineStr"><is><t>Nom</t></is></c>'
        b'<c r="C1" t="inlineStr"><is><t>Courriel</t></is></c>',
        b'<c r="B1" t="s"><v>2</v></c><c t="s"><v>1</v></c>')  # C1 by counting
    changes[SHEET] = lambda data: line_1(b2(data))
    extra["xl/sharedStrings.xml"] = STRINGS
    rewrite_package(path, changes, extra)
    assert first_line(path) == whole_read(path) == ["", "Identifiant", "Nom"]


@pytest.mark.parametrize(("old", "new"), [
    (b'<c r="B1" t="inlineStr"><is><t>Nom</t></is></c>', b'<c r="B1" t="n"><v>2024</v></c>'),
    (b"<t>Nom</t>", b"<t>Nom_x000D_</t>"),
    (b'<c r="B1" t="inlineStr"><is><t>Nom</t></is></c>', b'<c r="B2" t="inlineStr"><is><t>N'
                                                         b"</t></is></c>"),
    (b'<c r="C1"', b'<c r="B1"'),  # two cells in one place
])
def test_a_line_1_not_of_plain_texts_is_left_to_the_whole_read(
        tmp_path: Path, old: bytes, new: bytes) -> None:
    path = rewrite_package(write_xlsx(tmp_path / "t.xlsx", ROWS), {SHEET: replace(old, new)})
    assert first_line(path) is None


def test_a_row_1_written_after_row_2_is_left_to_the_whole_read(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", ROWS)

    def swap(data: bytes) -> bytes:
        start, middle = data.index(b'<row r="1"'), data.index(b'<row r="2"')
        end = data.index(b"</sheetData>")
        return data[:start] + data[middle:end] + data[start:middle] + data[end:]

    rewrite_package(path, {SHEET: swap})
    assert first_line(path) is None
    assert whole_read(path) == ["Identifiant", "Nom", "Courriel"]


def test_a_shared_string_that_unpacks_to_hundreds_of_megabytes_is_refused(
        tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", ROWS)
    changes, extra = shared_strings(b"a" * 300_000_000)
    rewrite_package(path, changes, extra)
    with pytest.raises(DataFileError, match="unpacks to 286 MB"):
        first_line(path)
