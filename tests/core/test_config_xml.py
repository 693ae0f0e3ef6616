"""The configuration document: reading, checking, writing without losing anything."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importer_gui.core import config_xml as cx
from importer_gui.core.config import (
    EXT_NS,
    Action,
    ActionField,
    Column,
    Consolidator,
    FieldOptions,
    Import,
    ImportConfig,
    Provider,
    relocated,
)
from importer_gui.core.errors import ConfigError

DATA = Path(__file__).parent / "data" / "config"
SEEDS = DATA / "seeds.xml"


@pytest.fixture
def seeds_text() -> str:
    """The two seed examples embedded in a full configuration."""
    return SEEDS.read_text(encoding="utf-8")


def _fail(text: str | bytes, source: Path | None = None) -> ConfigError:
    """The ConfigError that loading ``text`` raises."""
    with pytest.raises(ConfigError) as info:
        cx.loads(text, source)
    return info.value


# --- reading -----------------------------------------------------------------------------------


def test_seed_examples_map_onto_the_dataclasses() -> None:
    config = cx.load(SEEDS)
    sessions, interventions = config.imports
    provider = sessions.provider
    assert (provider.file_name, provider.path, provider.skip_first_line,
            provider.auto_detect_line_endings, provider.file_encoding, provider.delimiter,
            provider.date_format) == ("sessions_*.csv", "imports/", False, True, "ISO-8859-1",
                                      "pipe", "YYYY-MM-DD")
    assert [c.field for c in provider.columns][:4] == [
        "sessionAction", "ignoredColumn", "trainingPathCode", "trainingTitle"]
    assert provider.columns[0].options.codes == {"createUpdate": "M", "cancel": "A"}
    assert provider.columns[1].ignored
    action = sessions.actions[0]
    assert action.name == "createOrUpdateSessionAction"
    assert action.search_fields == ["sessionTitle"]
    assert action.full_access is True
    assert action.fields is not None and len(action.fields) == 9
    assert action.fields[5] == ActionField("sessionGuid", FieldOptions(mandatory=False))
    assert sessions.consolidators == [
        Consolidator("timeStampedFileErrorLogger", {"location": "imports/logs"})]
    assert sessions.error_log_location() == "imports/logs"
    assert [p.split(">", 1)[0] for p in sessions.preserved] == ["<emailReport", "<postProcess"]
    assert config.preserved[0].startswith("<preProcess>")
    assert interventions.provider.columns[11].options.codes == {"active": "A", "cancelled": "C"}
    assert interventions.provider.file_encoding == "UTF-8"  # the default
    assert interventions.actions[0].search_fields == []
    assert config.source == SEEDS


def test_actions_without_fields_element_have_none() -> None:
    text = SEEDS.read_text(encoding="utf-8")
    start = text.index("<fields>", text.index("<createOrUpdateInterventionAction>"))
    end = text.index("</fields>", start) + len("</fields>")
    config = cx.loads(text[:start] + text[end:])
    assert config.imports[1].actions[0].fields is None
    assert config.imports[1].actions[0].field_names() is None


def test_text_with_a_latin1_declaration_and_latin1_bytes_read_the_same(seeds_text: str) -> None:
    text = seeds_text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace(
        "imports/logs", "journaux/été")
    from_text = cx.loads(text)
    from_bytes = cx.loads(text.encode("latin-1"))
    assert from_text.imports[0].error_log_location() == "journaux/été"
    assert from_bytes == from_text


def test_yes_no_and_choices_accept_any_case(seeds_text: str) -> None:
    text = seeds_text.replace("<skipFirstLine>no", "<skipFirstLine>YES").replace(
        "ISO-8859-1<", "iso-8859-1<").replace(">pipe<", ">Pipe<")
    provider = cx.loads(text).imports[0].provider
    assert (provider.skip_first_line, provider.file_encoding, provider.delimiter) == (
        True, "ISO-8859-1", "pipe")


# --- writing back ------------------------------------------------------------------------------


def test_an_unchanged_document_is_written_back_byte_for_byte(seeds_text: str) -> None:
    assert cx.dumps(cx.load(SEEDS)) == seeds_text


def test_saved_document_loads_back_equal_and_resaves_identically(tmp_path: Path) -> None:
    target = tmp_path / "copy.xml"
    config = cx.load(SEEDS)
    config.source = target
    cx.save(config, target)
    again = cx.load(target)
    assert again == config
    cx.save(again, target)
    assert target.read_text(encoding="utf-8") == cx.dumps(config)


def test_a_latin1_document_is_saved_as_utf8(tmp_path: Path, seeds_text: str) -> None:
    text = seeds_text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace(
        "imports/logs", "journaux/été")
    source = tmp_path / "latin.xml"
    source.write_bytes(text.encode("latin-1"))
    config = cx.load(source)
    cx.save(config, source)
    written = source.read_bytes()
    assert written.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert "journaux/été".encode() in written
    assert cx.load(source) == config


def test_changes_are_written_and_everything_else_kept(seeds_text: str) -> None:
    config = cx.load(SEEDS)
    sessions = config.imports[0]
    columns = sessions.provider.columns
    columns[2].field = "trainingId"  # a column's field changed
    columns.insert(0, Column("sessionId"))  # a column added
    del columns[5]  # sessionTitle removed
    sessions.provider.delimiter = "comma"  # an option changed
    sessions.actions[0].fields.append(ActionField("sessionId"))  # type: ignore[union-attr]
    sessions.actions[0].full_access = False
    text = cx.dumps(config)

    mapping = text[text.index("<columnsMapping>"):text.index("</columnsMapping>")]
    assert "<!-- the file's first column says what to do with the session -->" in mapping
    assert mapping.index("<sessionId/>") < mapping.index("<sessionAction>")
    assert "<trainingId/>" in mapping and "<trainingPathCode/>" not in mapping
    assert "<sessionTitle/>" not in mapping
    assert "<delimiter>comma</delimiter>" in text
    assert "<fullAccess>no</fullAccess>" in text
    assert "<sessionId/>\n        </fields>" in text
    for kept in ("<!-- Sessions then interventions, as the platform documents them. -->",
                 *config.preserved, *sessions.preserved):
        assert kept in text
    # Only the lines that say what changed differ.
    diff = [line for line in difflib.ndiff(seeds_text.splitlines(), text.splitlines())
            if line[:2] in ("+ ", "- ")]
    assert diff == [
        "+           <sessionId/>", "-           <trainingPathCode/>",
        "+           <trainingId/>", "-           <sessionTitle/>",
        "-         <delimiter>pipe</delimiter>", "+         <delimiter>comma</delimiter>",
        "-           <fullAccess>yes</fullAccess>", "+           <fullAccess>no</fullAccess>",
        "+           <sessionId/>"]
    again = cx.loads(text, SEEDS)
    assert again == config
    assert cx.dumps(again) == text


def test_removed_options_fields_and_consolidators_disappear_cleanly() -> None:
    config = cx.load(SEEDS)
    sessions, interventions = config.imports
    sessions.actions[0].full_access = None
    sessions.actions[0].search_fields = ["sessionGuid", "sessionId"]
    sessions.consolidators.clear()
    interventions.actions[0].fields = None
    interventions.consolidators.append(Consolidator("timeStampedFileErrorLogger",
                                                    {"location": "logs"}))
    text = cx.dumps(config)
    assert "fullAccess" not in text
    assert ("<sessionSearchField>\n            <sessionGuid/>\n            <sessionId/>\n"
            "          </sessionSearchField>\n        </options>") in text
    assert "<createOrUpdateInterventionAction/>" in text
    # The unknown consolidator stays where it was; the new logger gets its own element.
    assert "<consolidators>\n      <emailReport>" in text
    assert ("    <consolidators>\n      <timeStampedFileErrorLogger>\n"
            "        <location>logs</location>\n      </timeStampedFileErrorLogger>\n"
            "    </consolidators>\n  </import>") in text
    assert cx.loads(text, SEEDS) == config


def test_imports_added_and_removed() -> None:
    config = cx.load(SEEDS)
    extra = Import(provider=Provider(file_name="teachers.csv", columns=[Column("teacherLogin")]),
                   actions=[Action("createOrUpdateTeacherAction")])
    config.imports = [config.imports[0], extra]
    text = cx.dumps(config)
    assert "interventions.csv" not in text
    assert "<createOrUpdateTeacherAction/>" in text
    assert cx.loads(text, SEEDS) == config
    config.imports.append(extra)
    config.imports.append(extra)
    text = cx.dumps(config)
    assert text.count("<createOrUpdateTeacherAction/>") == 3
    assert text.index("<createOrUpdateSessionAction>") < text.index("teachers.csv")
    assert cx.loads(text, SEEDS) == config


def test_a_config_built_in_code_is_written_clean_and_indented() -> None:
    config = ImportConfig(imports=[Import(
        provider=Provider(file_name="sessions.csv", columns=[
            Column("sessionAction", FieldOptions(codes={"createUpdate": "C", "cancel": "D"})),
            Column("ignoredColumn"),
            Column("sessionTitle"),
        ]),
        actions=[Action("createOrUpdateSessionAction", search_fields=["sessionTitle"],
                        full_access=True,
                        fields=[ActionField("sessionAction"),
                                ActionField("sessionTitle", FieldOptions(mandatory=False))])],
        consolidators=[Consolidator("timeStampedFileErrorLogger", {"location": "logs"})],
    )])
    expected = """<?xml version="1.0" encoding="UTF-8"?>
<import-config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <import>
    <providers>
      <fileSystemSourceProvider>
        <fileName>sessions.csv</fileName>
        <skipFirstLine>yes</skipFirstLine>
        <columnsMapping>
          <sessionAction>
            <createUpdate>C</createUpdate>
            <cancel>D</cancel>
          </sessionAction>
          <ignoredColumn/>
          <sessionTitle/>
        </columnsMapping>
        <fileEncoding>UTF-8</fileEncoding>
        <delimiter>semicolon</delimiter>
        <dateFormat>YYYY-MM-DD</dateFormat>
      </fileSystemSourceProvider>
    </providers>
    <actions>
      <createOrUpdateSessionAction>
        <options>
          <sessionSearchField>
            <sessionTitle/>
          </sessionSearchField>
          <fullAccess>yes</fullAccess>
        </options>
        <fields>
          <sessionAction/>
          <sessionTitle>
            <mandatory>no</mandatory>
          </sessionTitle>
        </fields>
      </createOrUpdateSessionAction>
    </actions>
    <consolidators>
      <timeStampedFileErrorLogger>
        <location>logs</location>
      </timeStampedFileErrorLogger>
    </consolidators>
  </import>
</import-config>
"""
    assert cx.dumps(config) == expected
    loaded = cx.loads(expected)
    assert loaded == config
    assert cx.dumps(loaded) == expected


def test_preserved_parts_of_a_config_built_in_code_land_in_their_place() -> None:
    seeds = cx.load(SEEDS)
    config = ImportConfig(imports=[Import(
        provider=Provider(file_name="a.csv", columns=[Column("sessionTitle")]),
        actions=[Action("createOrUpdateSessionAction")],
        preserved=seeds.imports[0].preserved)], preserved=seeds.preserved)
    text = cx.dumps(config)
    assert text.index("<preProcess>") < text.index("<import>")
    assert text.index("</actions>") < text.index("<consolidators>") < text.index("<emailReport>")
    assert text.index("</consolidators>") < text.index("<postProcess>")
    assert cx.loads(text) == config


# --- our extensions ----------------------------------------------------------------------------


def test_header_and_sheet_extensions_round_trip_in_their_own_namespace() -> None:
    config = cx.load(SEEDS)
    provider = config.imports[0].provider
    provider.columns[4].header = "Titre de la session"
    provider.sheet = "Sessions"
    text = cx.dumps(config)
    assert f'<import-config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' \
           f'xmlns:ia="{EXT_NS}">' in text
    assert text.count("xmlns:ia") == 1
    assert '<sessionTitle ia:header="Titre de la session"/>' in text
    assert "<ia:sheet>Sessions</ia:sheet>\n      </fileSystemSourceProvider>" in text
    again = cx.loads(text, SEEDS)
    assert again.imports[0].provider.columns[4].header == "Titre de la session"
    assert again.imports[0].provider.sheet == "Sessions"
    assert again == config
    again.imports[0].provider.sheet = None
    assert "ia:sheet" not in cx.dumps(again)


def test_an_existing_prefix_for_our_namespace_is_reused(seeds_text: str) -> None:
    text = seeds_text.replace(
        "<import-config ", f'<import-config xmlns:x="{EXT_NS}" ').replace(
        "<sessionStatus/>\n          <sessionGuid/>",
        '<sessionStatus/>\n          <sessionGuid x:header="GUID"/>')
    config = cx.loads(text)
    assert config.imports[0].provider.columns[6].header == "GUID"
    config.imports[0].provider.sheet = "S"
    written = cx.dumps(config)
    assert "<x:sheet>S</x:sheet>" in written and "xmlns:ia" not in written


def test_unknown_extension_option_is_refused(seeds_text: str) -> None:
    text = seeds_text.replace("<import-config ", f'<import-config xmlns:ia="{EXT_NS}" ').replace(
        "<dateFormat>YYYY-MM-DD</dateFormat>",
        "<dateFormat>YYYY-MM-DD</dateFormat><ia:shet>S</ia:shet>")
    assert _fail(text).detail == ('Unknown option "ia:shet" in <fileSystemSourceProvider> '
                                  '(line 37); did you mean "ia:sheet"?')


# --- errors ------------------------------------------------------------------------------------

ERRORS = [
    ("<sessionStatus/>\n          <sessionGuid/>", "<sessionStatus/>\n          <sessionID/>",
     'Unknown field "sessionID" in <columnsMapping> (line 30); did you mean "sessionId"?', 30),
    ("<sessionStatus/>\n          <sessionGuid/>", "<sessionStatus/>\n          <seesionId/>",
     'Unknown field "seesionId" in <columnsMapping> (line 30); did you mean "sessionId"?', 30),
    ("<active>A</active>", "<actif>A</actif>",
     'Unknown value mapping "actif" in <interventionStatus> (line 98); did you mean "active"?',
     98),
    ("createOrUpdateInterventionAction>", "createOrUpdateInterventionActon>",
     'Unknown action "createOrUpdateInterventionActon" in <actions> (line 106); '
     'did you mean "createOrUpdateInterventionAction"?', 106),
    ("<teacherLogin/>\n          <interventionStatus/>", "<teacherLogin/>\n          <sessionId/>",
     'Unknown field "sessionId" in <fields> of <createOrUpdateInterventionAction> (line 119); '
     "only <createOrUpdateSessionAction>, <registerLearnerAction> and "
     "<createOrUpdateConsolidatedTrackingAction> have it.", 119),
    ("<skipFirstLine>no</skipFirstLine>", "<skipFirstLines>no</skipFirstLines>",
     'Unknown option "skipFirstLines" in <fileSystemSourceProvider> (line 17); '
     'did you mean "skipFirstLine"?', 17),
    ("<skipFirstLine>no", "<skipFirstLine>oui",
     'Invalid value "oui" in <skipFirstLine> (line 17); expected yes or no.', 17),
    ("<mandatory>no</mandatory>", "<mandatory>maybe</mandatory>",
     'Invalid value "maybe" in <mandatory> (line 55); expected yes or no.', 55),
    ("ISO-8859-1<", "UTF8<",
     'Unknown file encoding "UTF8" in <fileEncoding> (line 35); did you mean "UTF-8"?', 35),
    ("ISO-8859-1<", "latin-1<",  # another name of it, which no look-alike finds
     'Unknown file encoding "latin-1" in <fileEncoding> (line 35); did you mean "ISO-8859-1"?',
     35),
    ("ISO-8859-1<", "cp1252<",
     'Unknown file encoding "cp1252" in <fileEncoding> (line 35); did you mean '
     '"WINDOWS-1252"?', 35),
    *[("ISO-8859-1<", f"{name}<",  # Excel for Mac's "CSV": the data file's advice
       f'Unknown file encoding "{name}" in <fileEncoding> (line 35): neither the platform '
       'nor the assistant reads Mac Roman (what Excel for Mac saves as "CSV"); save the file '
       "again as CSV UTF-8, then write UTF-8 here.", 35)
      for name in ("MacRoman", "macintosh", "x-mac-roman")],
    (">pipe<", ">tab<",
     'Unknown delimiter "tab" in <delimiter> (line 36); '
     "expected one of: semicolon, comma, pipe, tabulation.", 36),
    (">YYYY-MM-DD<", ">YYYY-MM-DD HH:II:SS T<",
     "the given date format YYYY-MM-DD HH:II:SS T is not valid. It should only contain the "
     "following characters (case insensitive): 'YMDHIS /_.:;,-'", 37),
    ("<sessionSearchField>\n            <sessionTitle/>",
     "<sessionSearchField>\n            <trainingId/>",
     'Unknown search field "trainingId" in <sessionSearchField> (line 44); expected one of: '
     "sessionGuid, sessionTitle, sessionId, sessionStartDate, sessionEndDate.", 44),
    ("<sessionSearchField>\n            <sessionTitle/>",
     "<sessionSearchField>\n            <sessionTitel/>",
     'Unknown search field "sessionTitel" in <sessionSearchField> (line 44); '
     'did you mean "sessionTitle"?', 44),
    ("<fullAccess>yes</fullAccess>", "<fullaccess>yes</fullaccess>",
     'Unknown option "fullaccess" in <options> of <createOrUpdateSessionAction> (line 46); '
     'did you mean "fullAccess"?', 46),
    ("<createOrUpdateInterventionAction>\n        <fields>",
     "<createOrUpdateInterventionAction>\n        <options><fullAccess>no</fullAccess></options>"
     "<fields>",
     'Unknown option "fullAccess" in <options> of <createOrUpdateInterventionAction> '
     "(line 107); it takes none.", 107),
    ("options>", "option>",
     'Unknown element "option" in <createOrUpdateSessionAction> (line 42); '
     'did you mean "options"?', 42),
    ("<location>imports/logs</location>", "<locaton>imports/logs</locaton>",
     'Unknown option "locaton" in <timeStampedFileErrorLogger> (line 67); '
     'did you mean "location"?', 67),
    ("<ignoredColumn/>\n          <trainingPathCode/>",
     "<ignoredColumn><mandatory>no</mandatory></ignoredColumn>\n          <trainingPathCode/>",
     'Unknown value mapping "mandatory" in <ignoredColumn> (line 25); it takes none.', 25),
    ("<path>imports/</path>", "<path>imports/</path><path>x</path>",
     "<path> appears twice in <fileSystemSourceProvider> (line 16).", 16),
    ("fileSystemSourceProvider>", "sftpSourceProvider>",
     "<import> (line 12) has no <fileSystemSourceProvider> in <providers>; "
     "<sftpSourceProvider> (line 14) is not one the assistant reads.", 12),
    ("</createOrUpdateInterventionAction>\n    </actions>",
     "</createOrUpdateInterventionAction>\n    </actions>\n    <action/>",
     'Unknown element "action" in <import> (line 123); did you mean "actions"?', 123),
    ("<actions>\n      <createOrUpdateSessionAction>",
     "<actons>\n      <createOrUpdateSessionAction>",
     "The configuration is not well-formed XML (line 64): "
     "Opening and ending tag mismatch: actons line 40 and actions.", 64),
    ("<import-config xmlns", "<importConfig xmlns",
     "The configuration is not well-formed XML (line 124): "
     "Opening and ending tag mismatch: importConfig line 3 and import-config.", 124),
    ("<postProcess>", "<postProces>",
     "The configuration is not well-formed XML (line 79): "
     "Opening and ending tag mismatch: postProces line 73 and postProcess.", 79),
    # A misspelt tag whose name holds "encoding" is a tag mismatch, not bytes to re-encode.
    ("<fileEncoding>", "<fileEncodng>",
     "The configuration is not well-formed XML (line 35): "
     "Opening and ending tag mismatch: fileEncodng line 35 and fileEncoding.", 35),
]


@pytest.mark.parametrize(("old", "new", "message", "line"), ERRORS,
                         ids=[e[2][:40] for e in ERRORS])
def test_configuration_errors_name_the_element_and_line(
        seeds_text: str, old: str, new: str, message: str, line: int) -> None:
    assert old in seeds_text
    error = _fail(seeds_text.replace(old, new), Path("/data/import.xml"))
    assert error.detail == message
    assert error.line == line
    # A message that names its line is not given as import.xml:N as well.
    where = "" if f"(line {line})" in message else f":{line}"
    assert str(error) == f"/data/import.xml{where}: {message}"


def _drop_element(text: str, tag: str, nth: int = 0) -> str:
    """``text`` without the ``nth`` element ``tag``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(f"<{tag}>", start + 1)
    end = text.index(f"</{tag}>", start) + len(f"</{tag}>")
    return text[:start] + text[end:]


def test_structural_errors(seeds_text: str) -> None:
    assert _fail(_drop_element(seeds_text, "actions", 1)).detail == (
        "<import> (line 81) has no <actions>.")
    no_action = _drop_element(seeds_text, "createOrUpdateInterventionAction")
    assert _fail(no_action).detail == "<actions> (line 105) holds no action."
    root = seeds_text.replace("<import-config", "<configuration").replace(
        "</import-config>", "</configuration>")
    assert _fail(root).detail == (
        "The root element is <configuration> (line 3); a configuration starts with "
        "<import-config>.")
    assert _fail("<import-config/>").detail == (
        "<import-config> (line 1) holds no <import>; there is nothing to import.")
    stray = seeds_text.replace("<import>", "<imports/><import>", 1)
    assert _fail(stray).detail == (
        'Unknown element "imports" in <import-config> (line 12); did you mean "import"?')
    assert _fail("", Path("c.xml")).message == "c.xml: The configuration is empty."
    assert _fail("not xml at all").detail == (
        "The configuration is not well-formed XML (line 1): "
        "Start tag expected, '<' not found.")


def test_a_second_file_provider_is_refused(seeds_text: str) -> None:
    text = seeds_text.replace(
        "</fileSystemSourceProvider>\n    </providers>",
        "</fileSystemSourceProvider>\n<fileSystemSourceProvider/>\n    </providers>", 1)
    assert _fail(text).detail == (
        "<providers> (line 13) has a second <fileSystemSourceProvider> (line 39); the "
        "assistant reads one data file per <import>.")


# --- suggestions and date formats ----------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), [
    ("sessionID", "sessionId"),  # a different case wins over any other candidate
    ("seesionId", "sessionId"),
    ("SESSIONTITLE", "sessionTitle"),
    ("trainingPathcode", "trainingPathCode"),
    ("sessionTitle", "sessionTitle"),
    ("zzzz", None),
    ("", None),
])
def test_suggest_the_closest_known_name(name: str, expected: str | None) -> None:
    from importer_gui.core.catalogue import ALL_FIELD_NAMES
    assert cx.suggest(name, sorted(ALL_FIELD_NAMES)) == expected


@pytest.mark.parametrize("fmt", ["YYYY-MM-DD", "dd/mm/yyyy", "YYYY-MM-DD HH:II:SS",
                                 "d.m.y", "YMDHIS /_.:;,-"])
def test_valid_date_formats(fmt: str) -> None:
    cx.validate_date_format(fmt)


@pytest.mark.parametrize("fmt", ["DD/MM/YYYY T", "%Y-%m-%d", "", "jj/mm/aaaa", "YYYY\u0131MM"])
def test_invalid_date_formats_use_the_platform_wording(fmt: str) -> None:
    with pytest.raises(ConfigError) as info:
        cx.validate_date_format(fmt)
    assert str(info.value) == (
        f"the given date format {fmt} is not valid. It should only contain the following "
        "characters (case insensitive): 'YMDHIS /_.:;,-'")


@pytest.mark.parametrize(("fmt", "part"), [
    ("DD-DD-DD", "DD"), ("YYYY-MM-DD hh:hh:ss", "hh"), ("Dd/MM/YYYY", "d"),
    ("YYYY-MM-DD" * 3, "YYYY"), ("YY/MM/DD YYYY", "YYYY")])
def test_a_date_format_giving_a_part_twice_is_refused(fmt: str, part: str) -> None:
    # strptime cannot read one value into two places: every date would fail, or worse.
    with pytest.raises(ConfigError) as info:
        cx.validate_date_format(fmt)
    assert str(info.value) == (
        f"The date format {fmt} gives {part} twice; each of YYYY (or YY), MM, DD, HH, II and "
        "SS may appear once.")


# --- hostile documents ---------------------------------------------------------------------------


DOCTYPE_REFUSED = ("The configuration holds a <!DOCTYPE> declaration; DTDs and entities are "
                   "refused for safety, a configuration needs none.")
assert cx.DOCTYPE_REFUSED == DOCTYPE_REFUSED


def _minimal(body: str = "") -> str:
    """A valid one-import configuration, with ``body`` as the fileName."""
    return ("<import-config><import><providers><fileSystemSourceProvider>"
            f"<fileName>{body}</fileName></fileSystemSourceProvider></providers>"
            "<actions><createOrUpdateTeacherAction/></actions></import></import-config>")


@pytest.mark.parametrize("secret_file", ["tmp", "/etc/passwd"])
def test_an_external_entity_is_never_read(tmp_path: Path, secret_file: str) -> None:
    if secret_file == "tmp":
        secret = tmp_path / "secret.txt"
        secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
        secret_path, needles = secret, ["TOP-SECRET-CONTENT"]
    else:
        secret_path = Path(secret_file)
        if not secret_path.exists():
            pytest.skip("no /etc/passwd here")
        needles = [line for line in secret_path.read_text().splitlines() if line][:3]
    text = (f'<?xml version="1.0"?>\n<!DOCTYPE import-config [\n'
            f'<!ENTITY xxe SYSTEM "{secret_path.as_uri()}">]>\n' + _minimal("&xxe;"))
    error = _fail(text, tmp_path / "evil.xml")
    assert error.detail == DOCTYPE_REFUSED
    for needle in needles:
        assert needle not in str(error)


def test_a_billion_laughs_is_refused_without_expanding() -> None:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    text = f"<!DOCTYPE import-config [{''.join(entities)}]>\n" + _minimal("&lol9;")
    error = _fail(text)
    assert error.detail == DOCTYPE_REFUSED
    assert "lollol" not in str(error)


def test_an_external_dtd_is_refused(tmp_path: Path) -> None:
    dtd = tmp_path / "x.dtd"
    dtd.write_text('<!ENTITY secret "DTD-WAS-LOADED">', encoding="utf-8")
    text = f'<!DOCTYPE import-config SYSTEM "{dtd.as_uri()}">\n' + _minimal("&secret;")
    error = _fail(text)
    assert "DTD-WAS-LOADED" not in str(error)
    assert error.detail == DOCTYPE_REFUSED


def test_an_undefined_entity_is_a_syntax_error() -> None:
    assert _fail(_minimal("&nope;")).detail == (
        "The configuration is not well-formed XML (line 1): Entity 'nope' not defined.")


def test_size_and_depth_are_bounded(tmp_path: Path) -> None:
    big = _minimal("x" * (cx.MAX_BYTES + 1))
    assert _fail(big).detail == "The configuration is too large (10.0 MB); the limit is 10 MB."
    path = tmp_path / "big.xml"
    path.write_text(big, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        cx.load(path)
    assert info.value.path == path and "too large" in info.value.detail
    deep = "<import-config>\n" + "<preProcess>" * 60 + "</preProcess>" * 60 + "\n</import-config>"
    assert _fail(deep).detail == (
        "The configuration is nested more than 50 levels deep (line 2).")


def test_bytes_outside_the_declared_encoding_name_the_file(seeds_text: str) -> None:
    data = seeds_text.replace("imports/logs", "journaux/été").encode("latin-1")
    error = _fail(data, Path("/cfg/import.xml"))
    assert error.path == Path("/cfg/import.xml") and error.line == 67
    assert error.detail.startswith(
        "The configuration holds bytes that are not valid UTF-8 text (line 67)")


def test_an_unsupported_declared_encoding_is_reported() -> None:
    data = b'<?xml version="1.0" encoding="klingon"?>' + _minimal().encode()
    assert _fail(data).detail == ("The configuration declares an encoding that cannot be read "
                                  "(line 1): Unsupported encoding: klingon.")


# --- files ---------------------------------------------------------------------------------------


def test_load_errors_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.xml"
    with pytest.raises(ConfigError) as info:
        cx.load(missing)
    assert str(info.value) == f"{missing}: The configuration file does not exist."
    with pytest.raises(ConfigError) as info:
        cx.load(tmp_path)
    assert str(info.value) == f"{tmp_path}: This is a folder, not a configuration file."


def test_save_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "import.xml"
    target.write_text("old", encoding="utf-8")
    config = cx.load(SEEDS)
    cx.save(config, target)
    assert target.read_text(encoding="utf-8") == SEEDS.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["import.xml"]


def test_save_refuses_an_invalid_configuration_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "import.xml"
    target.write_text("old", encoding="utf-8")
    config = cx.load(SEEDS)
    config.imports[0].provider.columns[0].field = "sessionID"
    with pytest.raises(ConfigError) as info:
        cx.save(config, target)
    assert info.value.detail == (
        'The configuration was not saved: Unknown field "sessionID" in <columnsMapping> '
        '(line 21); did you mean "sessionId"?')
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["import.xml"]


def test_save_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "import.xml"
    with pytest.raises(ConfigError) as info:
        cx.save(cx.load(SEEDS), target)
    assert str(info.value) == (
        f"{target}: The configuration could not be saved: No such file or directory.")


def test_a_configuration_saved_elsewhere_finds_its_data_files_from_there(
        tmp_path: Path) -> None:
    config = cx.load(SEEDS)
    data = tmp_path / "in" / "sessions.xlsx"
    target = tmp_path / "out" / "import.xml"
    moved = relocated(config, [data, tmp_path / "out" / "meetings.csv"], target)
    sessions, meetings = moved.imports
    assert (sessions.provider.path, sessions.provider.file_name) == (
        "imports/", "sessions_*.csv")  # a pattern stays a pattern
    assert (meetings.provider.path, meetings.provider.file_name) == ("", "meetings.csv")
    assert moved.source == target and config.source == SEEDS  # the original is left alone
    config.imports[0].provider.file_name = "sessions.xlsx"
    first = relocated(config, [data], target).imports[0].provider
    assert (first.path, first.file_name) == ("../in", "sessions.xlsx")


def test_a_name_that_is_not_xml_is_a_config_error() -> None:
    config = cx.load(SEEDS)
    config.imports[0].provider.columns[0].field = "not a name"
    with pytest.raises(ConfigError) as info:
        cx.dumps(config)
    assert info.value.detail.startswith("The configuration cannot be written:")


# --- preserved parts and arbitrary edits ---------------------------------------------------------


def test_removing_a_preserved_part_keeps_the_others(seeds_text: str) -> None:
    config = cx.load(SEEDS)
    email, _post = config.imports[0].preserved
    config.imports[0].preserved = [email]
    text = cx.dumps(config)
    assert "<postProcess>" not in text
    assert email in text and config.preserved[0] in text
    assert "    </consolidators>\n  </import>\n  <import>" in text
    assert cx.loads(text, SEEDS) == config


_FIELDS = ["ignoredColumn", "sessionAction", "sessionTitle", "sessionId", "teacherLogin",
           "sessionGuid", "trainingPathCode"]
_columns = st.lists(st.builds(
    Column,
    field=st.sampled_from(_FIELDS),
    options=st.builds(FieldOptions, mandatory=st.sampled_from([None, True, False])),
    header=st.one_of(st.none(), st.text(st.characters(codec="utf-8",
                                                      exclude_categories=["Cs", "Cc"]),
                                        max_size=12)),
), max_size=12)
_fields = st.one_of(st.none(), st.lists(st.builds(
    ActionField, name=st.sampled_from(_FIELDS[1:]),
    options=st.builds(FieldOptions, mandatory=st.sampled_from([None, False]))), max_size=6))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(columns=_columns, fields=_fields, search=st.lists(
    st.sampled_from(["sessionGuid", "sessionTitle", "sessionId"]), max_size=3))
def test_any_edit_of_a_loaded_document_loads_back_equal(
        columns: list[Column], fields: list[ActionField] | None, search: list[str]) -> None:
    config = cx.load(SEEDS)
    for column in columns:  # the ignored column takes no options
        if column.ignored:
            column.options = FieldOptions()
    config.imports[0].provider.columns = columns
    config.imports[0].actions[0].fields = fields
    config.imports[0].actions[0].search_fields = search
    text = cx.dumps(config)
    again = cx.loads(text, SEEDS)
    assert again == config
    assert cx.dumps(again) == text
    assert "<!-- the file's first column says what to do with the session -->" in text
    assert all(part in text for part in config.imports[0].preserved)


@pytest.mark.parametrize(("name", "header", "shown", "code"), [
    ("t\x01.csv", "login", "t\\x01.csv", "U+0001"), ("t.csv", "log\ufffein", "log\\xfffein",
                                                    "U+FFFE")])
def test_a_value_xml_cannot_hold_is_named_when_the_configuration_is_written(
        tmp_path: Path, name: str, header: str, shown: str, code: str) -> None:
    # lxml's "All strings must be XML compatible" named neither the value nor its source:
    # the wizard's mapping page stayed put with nothing to change.
    from importer_gui.core.pipeline import new_config

    config = new_config(tmp_path / name, "createOrUpdateTeacherAction",
                        [Column("teacherLogin", header=header)])
    with pytest.raises(ConfigError) as raised:
        cx.dumps(config)
    assert str(raised.value) == (
        f"The configuration cannot be written: {shown} holds a character XML cannot hold "
        f"({code}); rename the file or change the value that holds it.")


def test_import_lines_are_where_each_import_starts_comments_aside() -> None:
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<import-config>\n'
            "  <!-- <import> is an import -->\n  <import>\n  </import>\n"
            "  <import><providers/></import>\n</import-config>\n")
    assert cx.import_lines(text) == [4, 6]
    assert cx.import_lines(text[:-20]) == []  # not well-formed: no line to give
