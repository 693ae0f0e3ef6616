"""Binding columns to fields: the problems a mapping has, said once for the check and the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core import config_xml
from importer_gui.core.binding import (
    MappingProblems,
    bind_action,
    bind_import,
    configured_codes,
    mapping_problems,
    option_value,
)
from importer_gui.core.catalogue import (
    IGNORED_COLUMN,
    INTERVENTION_ACTION,
    SESSION_ACTION,
    TEACHER_ACTION,
)
from importer_gui.core.config import Action, ActionField, Column, FieldOptions
from importer_gui.core.errors import ConfigError
from tests.stores import existing_store

MEETING = ["interventionGuid", "trainingPathCode", "sessionTitle", "interventionDate",
           "interventionDuration", "roomGuid", "roomLabel", "teacherLogin", "interventionStatus"]


def test_a_complete_mapping_has_no_problem() -> None:
    assert mapping_problems(INTERVENTION_ACTION, MEETING) == MappingProblems()


def test_fields_fed_twice_name_both_columns() -> None:
    fields = ["teacherLogin", IGNORED_COLUMN, "teacherName", "teacherLogin", "teacherLogin"]
    problems = mapping_problems(TEACHER_ACTION, fields)
    assert problems.twice == (("teacherLogin", 0, 3), ("teacherLogin", 0, 4))
    assert problems.duplicates == ["teacherLogin"]


def test_missing_fields_groups_keys_and_search_fields() -> None:
    fields = [f for f in MEETING if f not in ("interventionGuid", "trainingPathCode",
                                              "roomLabel")]
    problems = mapping_problems(INTERVENTION_ACTION, fields,
                                {"sessionSearchField": ["sessionTitle", "sessionGuid"]})
    assert problems.missing_keys == ("interventionGuid",)
    assert problems.missing_mandatory == ("interventionGuid", "roomLabel")
    assert problems.missing_groups == (("trainingGuid", "trainingPathCode"),)
    assert problems.unfed_lists == (("sessionSearchField", "sessionGuid"),)


def test_a_field_left_out_of_the_actions_fields_feeds_nothing() -> None:
    problems = mapping_problems(TEACHER_ACTION, ["teacherLogin", "teacherName"],
                                listed={"teacherName"})
    assert problems.missing_keys == ("teacherLogin",)


def test_the_check_raises_the_first_problem_in_the_same_words() -> None:
    columns = [Column("teacherLogin"), Column("teacherName"), Column("teacherLogin")]
    with pytest.raises(ConfigError, match=r"Field teacherLogin is mapped to two columns "
                                          r"\(1 and 3\) in <columnsMapping>\."):
        bind_action(Action(TEACHER_ACTION.name), columns, "YYYY-MM-DD")
    meeting = [Column(f) for f in MEETING if f != "trainingPathCode"]
    with pytest.raises(ConfigError, match="needs a column for trainingGuid or trainingPathCode"):
        bind_action(Action(INTERVENTION_ACTION.name), meeting, "YYYY-MM-DD")


def test_options_apply_as_configured_or_by_default() -> None:
    action = Action(SESSION_ACTION.name)
    assert option_value(SESSION_ACTION, action, "sessionSearchField") == ["sessionTitle"]
    assert option_value(SESSION_ACTION, action, "fullAccess") == "yes"
    action.set_option("sessionSearchField", ["sessionGuid", "sessionId"])
    action.set_option("fullAccess", "no")
    assert action.search_fields == ["sessionGuid", "sessionId"] and action.full_access is False
    assert option_value(SESSION_ACTION, action, "sessionSearchField") == [
        "sessionGuid", "sessionId"]
    assert option_value(SESSION_ACTION, action, "fullAccess") == "no"
    assert option_value(TEACHER_ACTION, Action(TEACHER_ACTION.name), "fullAccess") is None


def test_codes_are_read_as_a_check_reads_them() -> None:
    status = INTERVENTION_ACTION.by_name["interventionStatus"]
    columns = [Column("interventionStatus", FieldOptions(codes={"active": "1", "cancelled": "0"}))]
    action = Action(INTERVENTION_ACTION.name, fields=[
        ActionField("interventionStatus", FieldOptions(codes={"cancelled": "X"}))])
    assert configured_codes(status, action, columns) == {"active": "1", "cancelled": "X"}
    assert configured_codes(status, Action(INTERVENTION_ACTION.name), []) == {
        "active": "A", "cancelled": "C"}


HAND_WRITTEN = """<?xml version="1.0" encoding="UTF-8"?>
<import-config>
  <import>
    <providers>
      <fileSystemSourceProvider>
        <fileName>learners.csv</fileName>
        <columnsMapping>
{columns}
        </columnsMapping>
        <delimiter>semicolon</delimiter>
      </fileSystemSourceProvider>
    </providers>
    <actions>
      <createOrUpdateLearnerAction/>
    </actions>
  </import>
</import-config>
"""


@pytest.mark.parametrize(("columns", "message"), [
    ("<candidateLogin/><candidateLogin/>",
     "Field candidateLogin is mapped to two columns (1 and 2) in <columnsMapping>."),
    ("<candidateName/>",
     "<createOrUpdateLearnerAction> needs a column for candidateLogin or candidateRefNumber or "
     "candidateEmail, and the file has none."),
])
def test_a_mapping_written_by_hand_that_cannot_be_checked_names_its_file_and_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], columns: str, message: str,
        ) -> None:
    (tmp_path / "learners.csv").write_text("jdoe;Doe\n", encoding="utf-8")
    config = tmp_path / "learners.xml"
    config.write_text(HAND_WRITTEN.format(columns=columns), encoding="utf-8")
    store = existing_store(tmp_path / "store.sqlite3")
    assert main(["check", str(config), "--store", store]) == 2
    # Line 7 is the <columnsMapping> to correct.
    assert capsys.readouterr().err == f"importer-gui: {config}:7: {message}\n"


def test_a_provider_without_columns_names_its_own_line(tmp_path: Path) -> None:
    text = HAND_WRITTEN.format(columns="").replace(
        "<columnsMapping>\n\n        </columnsMapping>\n", "")
    config = config_xml.loads(text, source=tmp_path / "learners.xml")
    with pytest.raises(ConfigError) as raised:
        bind_import(config.imports[0])
    assert str(raised.value) == (f"{tmp_path / 'learners.xml'}:5: <columnsMapping> lists no "
                                 "column.")


def test_what_a_mapping_cannot_go_on_without_is_what_the_check_refuses() -> None:
    fields = [f for f in MEETING if f not in ("interventionGuid", "trainingPathCode",
                                              "roomLabel")]
    problems = mapping_problems(INTERVENTION_ACTION, fields)
    # roomLabel is mandatory, yet rows are not found by it: the mapping may go on without it.
    assert problems.not_without == (("interventionGuid",), ("trainingGuid", "trainingPathCode"))
    with pytest.raises(ConfigError) as raised:
        bind_action(Action(INTERVENTION_ACTION.name), [Column(f) for f in fields], "YYYY-MM-DD")
    assert str(raised.value) == ("<createOrUpdateInterventionAction> needs a column for "
                                 "interventionGuid, and the file has none.")
    assert mapping_problems(TEACHER_ACTION, ["teacherName", "teacherEmail"]).not_without == (
        ("teacherLogin",),)
