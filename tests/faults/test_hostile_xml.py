"""Hostile configurations through the command line: one line, nothing leaked, bounded memory."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from importer_gui.core.config_xml import DOCTYPE_REFUSED
from tests.builders import teachers_import, write_config
from tests.faults import cli, one_line_failure
from tests.stores import existing_store

SECRET = "TOP-SECRET-8d1f"


def check(config: Path, *extra: str) -> str:
    """The one line ``check`` prints for a configuration it refuses."""
    return one_line_failure(cli("check", str(config), "--store",
                                existing_store(config.parent / "store.sqlite3"), *extra))


def good_config(folder: Path) -> str:
    """A valid teacher configuration's text (its data file written beside it)."""
    return write_config(folder, teachers_import(folder, [("zoe", "Zoe", "Z", "z@e.org")])
                        ).read_text(encoding="utf-8")


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file whose content must never appear anywhere."""
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def test_an_external_entity_is_refused_and_never_read(tmp_path: Path, secret: Path) -> None:
    text = good_config(tmp_path).replace(
        "<import-config>", f'<!DOCTYPE import-config [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        "\n<import-config>", 1).replace("teachers.csv", "&x;")
    config = tmp_path / "evil.xml"
    config.write_text(text, encoding="utf-8")
    line = check(config, "--json")
    assert line == f"importer-gui: {config}: {DOCTYPE_REFUSED}"
    assert SECRET not in line
    assert not (tmp_path / "store.sqlite3").exists() or _runs(tmp_path) == 0


def _runs(folder: Path) -> int:
    conn = sqlite3.connect(folder / "store.sqlite3")
    try:
        return conn.execute("SELECT count(*) FROM import_run").fetchone()[0]
    finally:
        conn.close()


def test_an_xinclude_is_kept_as_text_and_never_followed(tmp_path: Path, secret: Path) -> None:
    text = good_config(tmp_path).replace(
        "<import-config>", '<import-config><preProcess><xi:include xmlns:xi="http://www.w3.org/'
        f'2001/XInclude" href="{secret.as_uri()}" parse="text"/></preProcess>', 1)
    config = tmp_path / "config.xml"
    config.write_text(text, encoding="utf-8")
    done = cli("commit", str(config), "--store", existing_store(tmp_path / "store.sqlite3"))
    assert done.code == 0, done.err
    conn = sqlite3.connect(tmp_path / "store.sqlite3")
    stored = conn.execute("SELECT config_xml FROM import_run").fetchone()[0]
    conn.close()
    assert "xi:include" in stored and secret.as_uri() in stored
    assert SECRET not in stored + done.out + done.err


def test_a_billion_laughs_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    config = tmp_path / "laughs.xml"
    config.write_text(f'<!DOCTYPE import-config [<!ENTITY l0 "lol">{entities}]>\n'
                      + good_config(tmp_path).replace("teachers.csv", "&l9;"), encoding="utf-8")
    line = check(config)
    assert line == f"importer-gui: {config}: {DOCTYPE_REFUSED}"
    assert "lollol" not in line


def test_a_document_nested_a_hundred_thousand_deep(tmp_path: Path) -> None:
    config = tmp_path / "deep.xml"
    config.write_text("<import-config>" + "<preProcess>" * 100_000 + "</preProcess>" * 100_000
                      + "</import-config>", encoding="utf-8")
    line = check(config)
    assert line.startswith(f"importer-gui: {config}: The configuration is ")
    assert "(line 1)" in line
    assert "well-formed" in line or "nested more than 50 levels" in line


def test_a_huge_document_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    config = tmp_path / "huge.xml"
    body = "<preProcess>" + "<step>x</step>" * 800_000 + "</preProcess>"
    config.write_text(good_config(tmp_path).replace("<import-config>", "<import-config>" + body),
                      encoding="utf-8")
    assert check(config) == (f"importer-gui: {config}: The configuration is too large "
                             "(10.7 MB); the limit is 10 MB.")


def test_a_large_document_under_the_limit_is_read(tmp_path: Path) -> None:
    config = tmp_path / "large.xml"
    body = "<preProcess>" + "<step>x</step>" * 500_000 + "</preProcess>"  # 7 MB, kept as is
    config.write_text(good_config(tmp_path).replace("<import-config>", "<import-config>" + body),
                      encoding="utf-8")
    done = cli("check", str(config), "--store", existing_store(tmp_path / "store.sqlite3"))
    assert done.code == 0, done.err


@pytest.mark.parametrize(("name", "data", "detail"), [
    ("empty.xml", b"", "The configuration is empty."),
    ("blank.xml", b"  \n\n ", "The configuration is empty."),
    ("picture.xml", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
     "The configuration is not well-formed XML (line 1)"),
    ("zipped.xml", b"PK\x03\x04" + b"\x00" * 200, "The configuration is not well-formed XML"),
    ("data.xml", b"teacherLogin;teacherName\nzoe;Zoe\n",
     "The configuration is not well-formed XML (line 1)"),
    ("utf16.xml", '<?xml version="1.0" encoding="UTF-8"?><import-config/>'.encode("utf-16-le"),
     "<import-config> (line 1) holds no <import>"),  # UTF-16 is recognised, then read
])
def test_files_that_are_not_configurations(tmp_path: Path, name: str, data: bytes,
                                            detail: str) -> None:
    config = tmp_path / name
    config.write_bytes(data)
    line = check(config)
    assert line.startswith(f"importer-gui: {config}"), line
    assert detail in line


def test_bytes_outside_the_declared_encoding_name_the_line(tmp_path: Path) -> None:
    text = good_config(tmp_path).replace("<fileName>", "<!-- écrit en latin-1 -->\n<fileName>")
    config = tmp_path / "latin.xml"
    config.write_bytes(text.encode("latin-1"))
    number = next(i for i, line in enumerate(text.splitlines(), 1) if "latin-1" in line)
    assert check(config).startswith(
        f"importer-gui: {config}: The configuration holds bytes that are not valid "
        f"UTF-8 text (line {number})")


@pytest.mark.parametrize(("replace", "encode", "said"), [
    (("teachers.csv", "teach\x00ers.csv"), "utf-8",
     "is not well-formed XML (line {line}): Invalid character: Char 0x0 out of allowed range."),
    (('encoding="UTF-8"', 'encoding="cp500"'), "cp500",
     "declares an encoding that cannot be read (line 1): Unsupported encoding: detecting "
     "EBCDIC."),
])
def test_the_parsers_reason_ends_the_sentence_without_its_line_break(
        tmp_path: Path, replace: tuple[str, str], encode: str, said: str) -> None:
    """libxml2 ends some reasons with a line break, which the output would show as \\n."""
    config = tmp_path / "config.xml"
    text = good_config(tmp_path).replace(*replace)
    config.write_bytes(text.encode(encode))
    line = next(i for i, text in enumerate(text.splitlines(), 1) if replace[1] in text)
    assert check(config) == f"importer-gui: {config}: The configuration {said.format(line=line)}"
