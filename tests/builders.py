"""Build the files tests feed the importer (configurations, CSV files, workbooks) and the
runs they store; read a store back as another program would."""

from __future__ import annotations

import csv
import os
import sqlite3
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

from importer_gui.core.records import Table
from importer_gui.core.store import RunInfo


def latin1(folder: Path, name: bytes) -> Path:
    """``folder``/``name``, a name of Latin-1 bytes, as Python gives it back from the disk."""
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + name))


def write_csv(path: Path, rows: Sequence[Sequence[object]], *, encoding: str = "utf-8",
              delimiter: str = ";") -> Path:
    """A CSV file of rows (the first one a header, when the test wants one)."""
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def french_sessions(path: Path) -> Path:
    """An administrator's own sessions file: Latin-1, semicolons, French headers, dates day
    first."""
    path.write_bytes("Action;Code formation;Titre de la session;Date de début;Date de fin;"
                     "Formateur\n"
                     "C;XLS-300;Excel été;15/06/2027;16/06/2027;mdupont\n"
                     "C;XLS-300;Excel automne;01/09/2027;02/09/2027;mdupont\n"
                     .encode("latin-1"))
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], title: str = "Sheet1") -> Path:
    """A one-sheet workbook of rows; dates stay date cells."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def rewrite_package(path: Path, changes: dict[str, Callable[[bytes], bytes]],
                    extra: dict[str, bytes] | None = None) -> Path:
    """Rewrite parts of a zip package in place (what other programs write, openpyxl cannot)."""
    copy = path.with_suffix(".orig")
    copy.write_bytes(path.read_bytes())
    with zipfile.ZipFile(copy) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in zin.infolist():
            data = zin.read(info.filename)
            out.writestr(info, changes.get(info.filename, lambda d: d)(data))
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    copy.unlink()
    return path


@dataclass
class ImportSpec:
    """One <import> of a test configuration."""

    file_name: str
    columns: Sequence[str]
    action: str
    options: str = ""
    fields: str | None = None  # the <fields> body; None: one element per column
    provider_extra: str = ""
    consolidators: str = ""
    column_children: dict[str, str] = field(default_factory=dict)
    then: str = ""  # further actions run on the same rows, as XML


def config_text(*imports: ImportSpec) -> str:
    """A whole <import-config> document."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<import-config>"]
    for imp in imports:
        columns = "".join(
            f"<{c}>{imp.column_children[c]}</{c}>" if c in imp.column_children else f"<{c}/>"
            for c in imp.columns)
        fields = imp.fields if imp.fields is not None else "".join(
            f"<{c}/>" for c in imp.columns if c != "ignoredColumn")
        options = f"<options>{imp.options}</options>" if imp.options else ""
        consolidators = (f"<consolidators>{imp.consolidators}</consolidators>"
                         if imp.consolidators else "")
        parts.append(
            "<import><providers><fileSystemSourceProvider>"
            f"<fileName>{imp.file_name}</fileName><skipFirstLine>yes</skipFirstLine>"
            f"<columnsMapping>{columns}</columnsMapping>{imp.provider_extra}"
            "</fileSystemSourceProvider></providers>"
            f"<actions><{imp.action}>{options}<fields>{fields}</fields></{imp.action}>"
            f"{imp.then}</actions>{consolidators}</import>")
    parts.append("</import-config>")
    return "\n".join(parts)


def write_config(folder: Path, *imports: ImportSpec, name: str = "config.xml") -> Path:
    """Write a configuration into ``folder``; data paths are relative to it."""
    path = folder / name
    path.write_text(config_text(*imports), encoding="utf-8")
    return path


TEACHER_COLUMNS = ("teacherLogin", "teacherName", "teacherFirstname", "teacherEmail")
TRAINING_COLUMNS = ("trainingPathCode", "trainingTitle", "trainingGuid")


def teachers_import(folder: Path, rows: Sequence[Sequence[object]],
                    file_name: str = "teachers.csv") -> ImportSpec:
    """A teacher import and its CSV file."""
    write_csv(folder / file_name, [TEACHER_COLUMNS, *rows])
    return ImportSpec(file_name, TEACHER_COLUMNS, "createOrUpdateTeacherAction")


def trainings_import(folder: Path, rows: Sequence[Sequence[object]],
                     file_name: str = "trainings.csv") -> ImportSpec:
    """A training-course import and its CSV file."""
    write_csv(folder / file_name, [TRAINING_COLUMNS, *rows])
    return ImportSpec(file_name, TRAINING_COLUMNS, "createOrUpdateTrainingCourseAction")


# --------------------------------------------------------------------------- runs and the store


def run_info(**counts: int) -> RunInfo:
    """An import run made from one configuration and one data file."""
    return RunInfo(config_path="/cfg/sessions.xml", config_xml="<import-config/>",
                   files=["/data/sessions.csv"], counts=dict(counts))


def tables(path: Path) -> dict[str, list[tuple]]:
    """Every row of every record table, by id: the store as a user would compare it."""
    conn = sqlite3.connect(path)
    try:
        return {t.value: conn.execute(f'SELECT * FROM "{t.value}" ORDER BY id').fetchall()
                for t in Table}
    finally:
        conn.close()


def by_hand(path: Path, sql: str) -> None:
    """Change the store as another program would, through its own connection."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(sql)
    finally:
        conn.close()


def emptied_long_ago(path: Path) -> Path:
    """An empty file at ``path``, last written long ago: a store lost, which no command is
    making (one written a moment ago may be: see Store.open)."""
    path.write_bytes(b"")
    os.utime(path, (0, 0))
    return path
