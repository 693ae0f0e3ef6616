"""The configuration files', the export configuration's and the store writer's errors come
from marked templates (so the window can translate them) and still say, in English, word for
word what they always said: each template is compared with the words the code used to build."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

from importer_gui.core import config_xml, schema
from importer_gui.core.config_xml import safe
from importer_gui.core.config_xml.read import Unknown
from importer_gui.core.errors import (
    ConfigError,
    DataFileError,
    marked_templates,
    system_reason,
)
from importer_gui.core.platform_io import export_config
from importer_gui.core.store import writer

PATH = Path("store.sqlite3")


@pytest.mark.parametrize(("document", "noun", "a_noun"), [
    (config_xml.CONFIGURATION_FILE, "configuration file", "a configuration file"),
    (export_config.EXPORT_CONFIGURATION, "export configuration", "an export configuration")])
def test_a_document_that_cannot_be_read_is_named_as_before(
        document: config_xml.Document, noun: str, a_noun: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def read(path: Path) -> ConfigError:
        with pytest.raises(ConfigError) as info:
            config_xml.read_document(path, document)
        return info.value

    assert read(tmp_path / "gone.xml").detail == f"The {noun} does not exist."
    assert read(tmp_path).detail == f"This is a folder, not {a_noun}."

    def refused(_path: Path) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(config_xml, "_read_file", refused)
    assert str(read(tmp_path / "c.xml")) == (
        f"{tmp_path / 'c.xml'}: The {noun} cannot be read: Permission denied.")


@pytest.mark.parametrize("line", [3, None])
def test_the_parse_errors_are_worded_as_before(line: int | None) -> None:
    where = f" (line {line})" if line else ""
    detail = "Premature end of data in tag import line 1"
    said = {safe.MALFORMED_AT if line else safe.MALFORMED:
            f"The configuration is not well-formed XML{where}: {detail}.",
            safe.UNREADABLE_ENCODING_AT if line else safe.UNREADABLE_ENCODING:
            f"The configuration declares an encoding that cannot be read{where}: {detail}.",
            safe.BAD_BYTES_AT if line else safe.BAD_BYTES:
            f"The configuration holds bytes that are not valid UTF-16 text{where}: {detail}."}
    for template, english in said.items():
        assert template.format(line=line, detail=detail, encoding="UTF-16") == english


def test_the_other_parse_errors_are_worded_as_before() -> None:
    with pytest.raises(ConfigError) as info:
        config_xml.loads(b"<a>\n<b></c>\n</a>")
    message = "The configuration is not well-formed XML (line 2): Opening and ending tag " \
              "mismatch: b line 2 and c."
    assert info.value.detail == f'{message[:-1]}; did you mean "<c/>"?'
    assert info.value.suggestion == ("</c>", "<c/>")
    with pytest.raises(ConfigError) as info:
        config_xml.loads(b"<a>" * 60 + b"</a>" * 60)
    assert info.value.detail == "The configuration is nested more than 50 levels deep (line 1)."
    assert safe.too_large(12_345_678) == ("The configuration is too large (11.8 MB); the limit "
                                          "is 10 MB.")
    with pytest.raises(ConfigError) as info:
        safe.parse_fragment("<a>")
    assert info.value.detail.startswith("A preserved element is not well-formed XML: ")


def test_saving_says_what_it_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert config_xml.NOT_WRITTEN.format(reason="Invalid tag name 'a b'") == (
        "The configuration cannot be written: Invalid tag name 'a b'.")
    inner = 'Unknown field "x" in <columnsMapping> (line 3).'
    assert config_xml.NOT_SAVED.format(reason=inner) == f"The configuration was not saved: {inner}"
    assert config_xml.SAVE_FAILED.format(reason="No space left on device") == (
        "The configuration could not be saved: No space left on device.")


# Each kind of unknown name in an export configuration: its templates, what the message calls
# it and where (as Reader.unknown used to say it).
EXPORT_KINDS = [
    (export_config.UNKNOWN_EXPORT_PROVIDER, "export provider", "providers"),
    (export_config.UNKNOWN_EXPORT_PARAMETER, "parameter", "learnerProvider"),
    (export_config.UNKNOWN_EXPORT_COLUMN, "column", "learnerProvider"),
    (export_config.UNKNOWN_EXPORT_ACTION, "export action", "actions"),
    (export_config.UNKNOWN_CONSOLIDATOR, "consolidator", "consolidators"),
]


@pytest.mark.parametrize(("kind", "what", "parent"), EXPORT_KINDS,
                         ids=[kind[1] for kind in EXPORT_KINDS])
def test_each_unknown_name_of_an_export_configuration_says_what_it_always_said(
        kind: Unknown, what: str, parent: str) -> None:
    values = {"name": "x", "line": 4, "hint": "y"}
    english = Unknown.of(what, f"<{parent}>")
    for ending in ("meant", "ended"):
        assert getattr(kind, ending).format(parent=parent, **values) == \
            getattr(english, ending).format(**values)


def export_error(text: str) -> str:
    """The error reading an export configuration gives (its detail)."""
    with pytest.raises(ConfigError) as info:
        export_config.loads(text)
    return info.value.detail


PROVIDER = ("<trainingCourseMetadataProvider><columns><title/></columns>"
            "</trainingCourseMetadataProvider>")
ACTION = "<fileExportAction/>"


def test_the_export_configurations_errors_are_worded_as_before(tmp_path: Path) -> None:
    def export(providers: str = PROVIDER, actions: str = ACTION, more: str = "") -> str:
        return (f"<export-config>\n<export>\n<providers>{providers}</providers>\n"
                f"<actions>{actions}</actions>{more}\n</export>\n</export-config>")

    assert export_error("<import-config/>") == (
        "The root element is <import-config> (line 1); an export configuration starts with "
        "<export-config>.")
    assert export_error("<export-config/>") == "<export-config> (line 1) holds no <export>."
    assert export_error(export(more="<actions/>")) == (
        "<export> (line 2) has a second <actions> (line 4).")
    for providers, actions, said in [
            ("", ACTION, "needs one provider in <providers>, and has none."),
            (PROVIDER * 2, ACTION, "needs one provider in <providers>, and has 2 of them."),
            (PROVIDER, "", "needs one export action in <actions>, and has none."),
            (PROVIDER, ACTION * 3, "needs one export action in <actions>, and has 3 of them.")]:
        assert export_error(export(providers, actions)) == f"<export> (line 2) {said}"
    assert export_error(export("<trainingCourseMetadataProvider><parameters/>"
                               "</trainingCourseMetadataProvider>")) == (
        "<trainingCourseMetadataProvider> (line 3) lists no column.")
    assert export_error(export(actions="<fileExportAction><format>ODS</format>"
                                       "</fileExportAction>")) == (
        'Unknown value "ODS" in <format> (line 4); expected one of: CSV, TSV, XML, XLS.')
    assert export_error(export(actions="<fileExportAction><formt>CSV</formt>"
                                       "</fileExportAction>")) == (
        'Unknown option "formt" in <fileExportAction> (line 4); did you mean "format"?')
    config = export_config.loads(export(), source=tmp_path / "export.xml")
    with pytest.raises(ConfigError) as info:
        export_config.data_files(config, [Path("a.csv"), Path("b.csv")])
    assert info.value.detail == ("2 data files were given, but the export configuration has "
                                 "only 1 <export>.")
    with pytest.raises(ConfigError) as info:
        export_config.data_files(config)
    assert info.value.detail == ("<trainingCourseMetadataProvider>'s export names no file "
                                 "(<moveToFolder><fileName>); name its file with --data.")
    # The documented order (timeLogger, moveToFolder, emailReport, archive, generateEndFile,
    # cleanFolder), a consolidator repeated or some left out, is read without a word; another
    # is read with a warning naming the one out of order and the documented order.
    assert export_config.loads(export(
        more="<consolidators><timeLogger/><moveToFolder/><archive/><archive/><cleanFolder/>"
             "</consolidators>")).warnings == []
    assert export_config.loads(export(more="<consolidators>\n<moveToFolder/>\n<cleanFolder/>\n"
                                           "<emailReport/>\n<archive/>\n</consolidators>")
                               ).warnings == [
        f"<{name}> (line {line}) comes after <cleanFolder> (line 6) in <consolidators>: the "
        "platform's documentation declares them in this order for them to work properly: "
        "timeLogger, moveToFolder, emailReport, archive, generateEndFile, cleanFolder. The "
        "configuration is read all the same." for name, line in (("emailReport", 7),
                                                                 ("archive", 8))]
    named = export_config.loads(export(more="<consolidators><moveToFolder><fileName>"
                                            "trainings-%Y.csv</fileName></moveToFolder>"
                                            "</consolidators>"), source=tmp_path / "e.xml")
    with pytest.raises(DataFileError) as data:
        export_config.data_files(named)
    assert str(data.value) == (f"{tmp_path}: no file in the folder matches trainings-%Y"
                               ".csv; name the export's file with --data.")


def _failed(template: str, path: Path = PATH, **values: object) -> str:
    """What the writer says with ``template`` (through its _fail)."""
    failing = writer.BulkWriter.__new__(writer.BulkWriter)
    failing.path = path
    return failing._fail(template, **values).message


def test_the_writers_errors_are_worded_as_before() -> None:
    def old(message: str) -> str:
        return f"{message}: nothing was written to {PATH}."

    assert writer.NO_RUN_TO_REVERT.format(run=7, path=PATH) == (
        f"The store {PATH} holds no run 7: nothing was written.")
    assert _failed(writer.CREATED_TWICE, kind="session", id=-3) == old(
        "The changes create session -3 twice")
    assert _failed(writer.NEVER_CREATED, kind="session", id=-3) == old(
        "The changes refer to session -3, which they never create")
    assert _failed(writer.UNKNOWN_COLUMN, kind="teacher", column="nick") == old(
        "Unknown teacher column nick")
    assert _failed(writer.GONE, subject="Session 42") == old(
        "Session 42 is no longer in the store (it changed since the check; check again)")
    assert _failed(writer.CHANGED, subject="Teacher 1", field="teacherEmail",
                   value="'a@x.org'") == old(
        "Teacher 1 changed since the check (teacherEmail is now 'a@x.org'); check again")


@pytest.mark.parametrize(("user", "machine", "who"), [
    (None, None, "run 4"), ("jdoe", None, "run 4 (jdoe)"), (None, "pc-12", "run 4 (pc-12)"),
    ("jdoe", "pc-12", "run 4 (jdoe on pc-12)")])
def test_a_session_created_meanwhile_is_named_as_before(
        user: str | None, machine: str | None, who: str) -> None:
    said = writer._CREATED_MEANWHILE[schema.Table.SESSION]
    if user and machine:
        message = _failed(said.by_user_on, name="'May'", run=4, user=user, machine=machine)
    elif user or machine:
        message = _failed(said.by_run_of, name="'May'", run=4, who=user or machine)
    else:
        message = _failed(said.by_run, name="'May'", run=4)
    assert message == (f"Session 'May' was created by {who} since the check; check again: "
                       f"nothing was written to {PATH}.")
    assert _failed(said.by_program, name="12") == (
        "Session 12 was created by another program since the check; check again: nothing was "
        f"written to {PATH}.")


def test_every_table_a_commit_may_find_created_meanwhile_has_its_words() -> None:
    # A table found by its values (no unique key) is looked at by _not_created_meanwhile.
    found_by = {table for table in schema.Table if schema.table_def(table).found_by}
    assert found_by <= set(writer._CREATED_MEANWHILE)


def test_every_template_here_is_marked_for_the_window() -> None:
    marked = marked_templates()
    texts = [config_xml.NOT_WRITTEN, config_xml.NOT_SAVED, config_xml.SAVE_FAILED,
             *vars(config_xml.CONFIGURATION_FILE).values(),
             *vars(export_config.EXPORT_CONFIGURATION).values(), safe.TOO_LARGE, safe.TOO_DEEP,
             safe.MALFORMED_END_TAG, export_config.NO_MATCH, writer.GONE, writer.CHANGED,
             *vars(writer._CREATED_MEANWHILE[schema.Table.SESSION]).values()]
    assert [text for text in texts if marked.get(text) != "errors"] == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the GNU C library's words")
def test_the_system_s_reasons_read_in_english_as_the_system_words_them() -> None:
    for number in errno.errorcode:
        assert system_reason(OSError(number, os.strerror(number))) == os.strerror(number)


def test_a_reason_of_ours_is_said_whatever_the_system_says() -> None:
    missing = FileNotFoundError(errno.ENOENT, "The system cannot find the file specified")
    assert system_reason(missing) == "No such file or directory"
    assert system_reason(OSError(errno.EPROTO, "Protocol error")) == "Protocol error"
