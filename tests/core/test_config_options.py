"""Issue 15's configuration features: several field lists, whole-number and time options, the
<parameters> block, field settings, repeated fields and aliases, on a round trip and bound."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importer_gui.core import config_xml as cx
from importer_gui.core.binding import bind_action, bind_import, mapping_problems
from importer_gui.core.catalogue import ACTIONS, YES_NO
from importer_gui.core.catalogue.specs import ActionSpec, FieldDef, Kind, OptionDef, OptionKind
from importer_gui.core.config import (
    Action,
    ActionField,
    Column,
    FieldOptions,
    Import,
    ImportConfig,
    Provider,
)
from importer_gui.core.errors import ConfigError

# A small action with every shape issue 15's actions need (names as the platform's pages).
SPEC = ActionSpec(
    name="testPeopleAction", label="People", summary="For tests.",
    fields=(
        FieldDef("candidateLogin", Kind.STRING, ""),
        FieldDef("candidateRefNumber", Kind.STRING, ""),
        FieldDef("hierarchyEntityName", Kind.STRING, "", repeatable=True,
                 aliases=("hieracrchyEntityName",)),
        FieldDef("custom", Kind.STRING, "", max_length=250, settings=("guid",),
                 repeatable=True),
        FieldDef("registerFlag", Kind.ENUM, "",
                 codes=(("registerValue", "Y"), ("unregisterValue", "N")),
                 settings=("keepSession",)),
        FieldDef("trackingStatus", Kind.ENUM, "", codes=tuple(
            (m, m) for m in ("notAttempted", "incomplete", "completed", "passed"))),
        FieldDef("trainingPathCode", Kind.STRING, ""),
    ),
    options=(
        OptionDef("traineeSearchField", OptionKind.FIELD_LIST, default="candidateLogin",
                  choices=("candidateLogin", "candidateRefNumber", "custom")),
        OptionDef("trainingSearchField", OptionKind.FIELD_LIST, default="trainingPathCode",
                  choices=("trainingPathCode",)),
        OptionDef("defaultEntityId", OptionKind.INT, default="1"),
        OptionDef("enableAllLearners", OptionKind.YESNO, default="no", choices=YES_NO),
        OptionDef("defaultScoreMax", OptionKind.INT),
    ),
    parameters=(
        OptionDef("dateTimeFormat", OptionKind.STRING, default="YYYY-MM-DD HH:II:SS"),
        OptionDef("timeZone", OptionKind.STRING),
        OptionDef("defaultTime", OptionKind.TIME, default="00:00:00"),
        OptionDef("defaultScoreMax", OptionKind.INT),
    ),
)

G1 = "FF09BDE8-1CB4-4DDB-519C-9BC9AB6B65B2"
G2 = "75ACD042-50C9-3F8E-C854-2988590BC501"

DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<import-config>
  <import>
    <providers>
      <fileSystemSourceProvider>
        <fileName>people.csv</fileName>
        <columnsMapping>
          <candidateRefNumber/>
          <hieracrchyEntityName/><!-- the page's spelling -->
          <hierarchyEntityName/>
          <custom/>
          <custom/>
          <registerFlag/>
          <trackingStatus/>
          <trainingPathCode/>
        </columnsMapping>
      </fileSystemSourceProvider>
    </providers>
    <actions>
      <testPeopleAction>
        <options>
          <traineeSearchField>
            <candidateRefNumber/>
            <custom>{G1}</custom>
          </traineeSearchField>
          <trainingSearchField hasResults="yes">
            <trainingPathCode/>
          </trainingSearchField>
          <defaultEntityId>8</defaultEntityId>
          <enableAllLearners>yes</enableAllLearners>
        </options>
        <fields>
          <candidateRefNumber/><!-- the key -->
          <hieracrchyEntityName/>
          <hierarchyEntityName/>
          <custom> <!--custom example format -->
            <guid>{G1}</guid>
            <mandatory>yes</mandatory>
          </custom>
          <custom>
            <guid>{G2}</guid>
          </custom>
          <registerFlag>
            <registerValue>R</registerValue>
            <unregisterValue/>
            <keepSession>Y</keepSession>
          </registerFlag>
          <trackingStatus/>
          <trainingPathCode/>
        </fields>
        <parameters>
          <dateTimeFormat>DD/MM/YYYY HH:II</dateTimeFormat>
          <timeZone>America/Sao_Paulo</timeZone><!-- for the access dates -->
          <trackingStatus>
            <notAttempted>n</notAttempted>
            <incomplete/>
            <completed>c</completed>
          </trackingStatus>
        </parameters>
      </testPeopleAction>
    </actions>
  </import>
</import-config>
"""


@pytest.fixture(autouse=True)
def registered() -> Iterator[None]:
    """SPEC known to the reader and the binder for the test's length."""
    ACTIONS[SPEC.name] = SPEC
    yield
    del ACTIONS[SPEC.name]


def _fail(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        cx.loads(text)
    return info.value


# --- reading and the round trip ------------------------------------------------------------


def test_options_parameters_and_settings_are_read() -> None:
    imp = cx.loads(DOCUMENT).imports[0]
    action = imp.actions[0]
    assert action.field_lists == {"traineeSearchField": ["candidateRefNumber", f"custom:{G1}"],
                                  "trainingSearchField": ["trainingPathCode"]}
    assert action.attributes == {"trainingSearchField": {"hasResults": "yes"}}
    assert action.other_options == {"defaultEntityId": "8", "enableAllLearners": "yes"}
    assert action.parameters == {"dateTimeFormat": "DD/MM/YYYY HH:II",
                                 "timeZone": "America/Sao_Paulo"}
    assert action.parameter_codes == {"trackingStatus": {"notAttempted": "n", "incomplete": "",
                                                         "completed": "c"}}
    assert action.fields is not None
    flag = action.fields[5]
    assert (flag.name, flag.options) == ("registerFlag", FieldOptions(
        None, {"registerValue": "R", "unregisterValue": ""}, {"keepSession": "Y"}))
    assert [(f.name, f.options.settings) for f in action.fields[3:5]] == [
        ("custom", {"guid": G1}), ("custom", {"guid": G2})]
    columns = imp.provider.columns
    assert [(c.field, c.alias) for c in columns[1:3]] == [
        ("hierarchyEntityName", "hieracrchyEntityName"), ("hierarchyEntityName", None)]
    assert (action.fields[1].name, action.fields[1].alias) == (
        "hierarchyEntityName", "hieracrchyEntityName")


def test_a_loaded_document_is_saved_byte_for_byte() -> None:
    assert cx.dumps(cx.loads(DOCUMENT)) == DOCUMENT


def test_a_changed_option_leaves_the_rest_as_it_was() -> None:
    config = cx.loads(DOCUMENT)
    action = config.imports[0].actions[0]
    action.set_option("defaultEntityId", "12")
    action.set_option("traineeSearchField", ["candidateLogin", f"custom:{G2}"])
    action.parameters["defaultTime"] = "08:30:00"
    action.parameter_codes["trackingStatus"]["passed"] = "p"
    text = cx.dumps(config)
    expected = (DOCUMENT
                .replace("<defaultEntityId>8<", "<defaultEntityId>12<")
                .replace(f"<candidateRefNumber/>\n            <custom>{G1}</custom>",
                         f"<candidateLogin/>\n            <custom>{G2}</custom>")
                .replace("</timeZone><!-- for the access dates -->\n",
                         "</timeZone><!-- for the access dates -->\n"
                         "          <defaultTime>08:30:00</defaultTime>\n")
                .replace("<completed>c</completed>\n",
                         "<completed>c</completed>\n            <passed>p</passed>\n"))
    assert text == expected
    assert cx.loads(text).imports[0].actions[0] == action


def test_a_document_written_from_scratch_reads_back_the_same() -> None:
    action = Action(
        SPEC.name,
        [ActionField("candidateRefNumber"), ActionField("hierarchyEntityName"),
         ActionField("hierarchyEntityName", alias="hieracrchyEntityName"),
         ActionField("custom", FieldOptions(True, settings={"guid": G1})),
         ActionField("registerFlag", FieldOptions(None, {"unregisterValue": ""},
                                                  {"keepSession": "N"}))],
        field_lists={"traineeSearchField": [f"custom:{G1}"],
                     "trainingSearchField": ["trainingPathCode"]},
        other_options={"defaultEntityId": "3"},
        attributes={"trainingSearchField": {"hasResults": "yes"}},
        parameters={"defaultTime": "07:00:00"},
        parameter_codes={"trackingStatus": {"completed": "C"}})
    config = ImportConfig([Import(Provider(file_name="p.csv", columns=[
        Column("candidateRefNumber"), Column("custom", FieldOptions(settings={"guid": G1})),
        Column("hierarchyEntityName", alias="hieracrchyEntityName")]), [action])])
    text = cx.dumps(config)
    assert f"<custom>\n            <guid>{G1}</guid>\n            <mandatory>yes" in text
    assert '<trainingSearchField hasResults="yes">' in text
    assert "<unregisterValue/>" in text and "<hieracrchyEntityName/>" in text
    again = cx.loads(text).imports[0]
    assert again.actions[0] == action
    assert again.provider.columns == config.imports[0].provider.columns


def test_existing_options_keep_their_place_and_api() -> None:
    action = Action("createOrUpdateSessionAction", search_fields=["sessionTitle"],
                    full_access=False)
    assert action.search_fields == ["sessionTitle"]
    assert action.options() == [("sessionSearchField", ["sessionTitle"]), ("fullAccess", "no")]
    action.search_fields = []
    assert action.option("sessionSearchField") is None and action.field_lists == {}


@pytest.mark.parametrize(("option", "value", "expected"), [
    ("defaultEntityId", "eight", 'Invalid value "eight" in <defaultEntityId> (line 9); '
                                 "expected a whole number."),
    ("enableAllLearners", "oui", 'Invalid value "oui" in <enableAllLearners> (line 9); '
                                 "expected yes or no."),
])
def test_options_are_checked_by_their_kind(option: str, value: str, expected: str) -> None:
    text = _document(f"<options><{option}>{value}</{option}></options>")
    assert _fail(text).detail == expected


def test_a_default_time_is_a_time_of_day() -> None:
    text = _document("<parameters><defaultTime>25:00:00</defaultTime></parameters>")
    assert _fail(text).detail == ('Invalid value "25:00:00" in <defaultTime> (line 9); '
                                  "expected a time as hh:ii:ss.")


def test_a_custom_search_field_names_its_guid() -> None:
    text = _document("<options><traineeSearchField><custom/></traineeSearchField></options>")
    assert _fail(text).detail == ("<custom> in <traineeSearchField> (line 9) names no GUID; "
                                  "write <custom>GUID</custom>.")


def test_unknown_children_name_what_is_valid_there() -> None:
    text = _document("<parameters><timezone>UTC</timezone></parameters>")
    assert 'did you mean "timeZone"?' in _fail(text).detail
    text = _document("<fields><registerFlag><keepSessions>Y</keepSessions></registerFlag>"
                     "</fields>")
    assert 'did you mean "keepSession"?' in _fail(text).detail


def test_an_action_without_parameters_takes_no_block() -> None:
    text = _document("<parameters/>").replace("testPeopleAction",
                                              "createOrUpdateTeacherAction")
    message = _fail(text).detail
    assert message.startswith('Unknown element "parameters" in <createOrUpdateTeacherAction>')


def test_codes_shared_through_parameters_are_refused() -> None:
    text = _document("<fields><trackingStatus><passed>c</passed></trackingStatus></fields>"
                     "<parameters><trackingStatus><completed>c</completed></trackingStatus>"
                     "</parameters>")
    assert _fail(text).detail.startswith('The code "c" of trackingStatus means both')


def _document(inside: str) -> str:
    """A one-action document whose action holds ``inside`` (on line 9)."""
    return ("<import-config>\n<import>\n<providers>\n<fileSystemSourceProvider>\n"
            "<fileName>a.csv</fileName>\n<columnsMapping><candidateLogin/></columnsMapping>\n"
            "</fileSystemSourceProvider>\n</providers>\n"
            f"<actions><testPeopleAction>{inside}</testPeopleAction></actions>\n"
            "</import>\n</import-config>\n")


# --- binding ---------------------------------------------------------------------------------


def test_repeated_and_custom_fields_are_bound_under_their_own_names() -> None:
    bound = bind_import(cx.loads(DOCUMENT).imports[0])[0]
    assert list(bound.fields) == [
        "candidateRefNumber", "hierarchyEntityName", "hierarchyEntityName#2",
        f"custom:{G1}", f"custom:{G2}", "registerFlag", "trackingStatus", "trainingPathCode"]
    assert bound.repeated("hierarchyEntityName") == ["hierarchyEntityName",
                                                     "hierarchyEntityName#2"]
    assert bound.repeated("custom") == [f"custom:{G1}", f"custom:{G2}"]
    assert bound.fields[f"custom:{G1}"].mandatory
    assert not bound.fields[f"custom:{G2}"].mandatory
    assert bound.fields[f"custom:{G2}"].settings == {"guid": G2}
    assert bound.fields["hierarchyEntityName#2"].index == 2


def test_codes_and_settings_come_from_fields_and_parameters() -> None:
    bound = bind_import(cx.loads(DOCUMENT).imports[0])[0]
    flag = bound.fields["registerFlag"]
    assert flag.codes == {"registerValue": "R", "unregisterValue": "N"}  # <unregisterValue/>
    assert flag.settings == {"keepSession": "Y"}
    assert bound.fields["trackingStatus"].meanings == {
        "n": "notAttempted", "incomplete": "incomplete", "c": "completed", "passed": "passed"}


def test_options_and_parameters_as_handlers_read_them() -> None:
    bound = bind_import(cx.loads(DOCUMENT).imports[0])[0]
    assert bound.field_list("traineeSearchField") == ["candidateRefNumber", f"custom:{G1}"]
    assert bound.option_int("defaultEntityId") == 8
    assert bound.option_yes("enableAllLearners")
    assert bound.option_int("defaultScoreMax") is None
    assert bound.parameter("dateTimeFormat") == "DD/MM/YYYY HH:II"
    assert bound.parameter("defaultTime") == "00:00:00"  # the default
    assert bound.option_text("timeZone") == "America/Sao_Paulo"
    assert bound.search_fields == []
    bare = bind_action(Action(SPEC.name), [Column("candidateLogin")], "YYYY-MM-DD")
    assert bare.field_list("traineeSearchField") == ["candidateLogin"]
    assert bare.option_int("defaultEntityId") == 1 and not bare.option_yes("enableAllLearners")
    assert bare.config.parameters == {}


def test_a_parameter_may_be_given_in_the_options() -> None:
    action = Action(SPEC.name, other_options={"defaultScoreMax": "20"})
    bound = bind_action(action, [Column("candidateLogin")], "YYYY-MM-DD")
    assert bound.parameter("defaultScoreMax") == "20" and bound.option_int("defaultScoreMax") == 20


def test_repeatable_fields_are_not_fed_twice() -> None:
    fields = ["hierarchyEntityName", "hierarchyEntityName", "custom", "custom",
              "candidateLogin", "candidateLogin"]
    assert mapping_problems(SPEC, fields).twice == (("candidateLogin", 4, 5),)
    assert mapping_problems(SPEC, [f"custom:{G1}", f"custom:{G1}"]).twice == (
        (f"custom:{G1}", 0, 1),)


def test_a_custom_column_takes_its_guid_from_the_fields_in_order() -> None:
    action = Action(SPEC.name, [ActionField("custom", FieldOptions(settings={"guid": G2}))])
    bound = bind_action(action, [Column("custom")], "YYYY-MM-DD")
    assert list(bound.fields) == [f"custom:{G2}"]
    with pytest.raises(ConfigError, match="Column 2 of <columnsMapping> holds a custom field "
                                          "but no <guid> says which"):
        bind_action(action, [Column("custom"), Column("custom")], "YYYY-MM-DD")


def test_the_same_custom_field_twice_is_refused() -> None:
    columns = [Column("custom", FieldOptions(settings={"guid": G1}))] * 2
    with pytest.raises(ConfigError, match=f"Field custom:{G1} is mapped to two columns"):
        bind_action(Action(SPEC.name), columns, "YYYY-MM-DD")


def test_a_search_field_no_column_feeds_is_refused() -> None:
    action = Action(SPEC.name, field_lists={"traineeSearchField": [f"custom:{G1}"]})
    with pytest.raises(ConfigError, match=f"traineeSearchField names custom:{G1}, but no "
                                          "column of the file holds it"):
        bind_action(action, [Column("candidateLogin")], "YYYY-MM-DD")
    # Left at its default, an optional field list is the handler's concern.
    bind_action(Action(SPEC.name), [Column("candidateRefNumber")], "YYYY-MM-DD")


def test_parameters_emptied_leave_no_block_and_an_empty_block_stays() -> None:
    config = cx.loads(DOCUMENT)
    action = config.imports[0].actions[0]
    action.parameters.clear()
    action.parameter_codes.clear()
    text = cx.dumps(config)
    assert "<parameters>" not in text and "</fields>\n      </testPeopleAction>" in text
    empty = DOCUMENT.replace(DOCUMENT[DOCUMENT.index("<parameters>"):
                                      DOCUMENT.index("</parameters>") + 13], "<parameters/>")
    assert cx.dumps(cx.loads(empty)) == empty


# --- any edit of the new parts loads back equal -----------------------------------------------

_GUIDS = st.sampled_from([G1, G2, "A-1"])
_entries = st.lists(st.one_of(
    st.builds(ActionField, name=st.sampled_from(["candidateLogin", "trainingPathCode"])),
    st.builds(ActionField, name=st.just("hierarchyEntityName"),
              alias=st.sampled_from([None, "hieracrchyEntityName"])),
    st.builds(ActionField, name=st.just("custom"), options=st.builds(
        FieldOptions, mandatory=st.sampled_from([None, True]),
        settings=st.fixed_dictionaries({"guid": _GUIDS}))),
    st.builds(ActionField, name=st.just("registerFlag"), options=st.builds(
        FieldOptions, codes=st.sampled_from([{}, {"unregisterValue": ""},
                                             {"registerValue": "R", "unregisterValue": "U"}]),
        settings=st.sampled_from([{}, {"keepSession": "Y"}])))), max_size=6)
_trainee = st.lists(st.one_of(st.sampled_from(["candidateLogin", "candidateRefNumber"]),
                              _GUIDS.map(lambda guid: f"custom:{guid}")), max_size=3)
_parameters = st.dictionaries(st.sampled_from(["dateTimeFormat", "timeZone", "defaultTime"]),
                              st.sampled_from(["DD/MM/YYYY HH:II", "UTC", "08:00:00"]),
                              max_size=3)
_status = st.one_of(st.none(), st.dictionaries(
    st.sampled_from(["notAttempted", "incomplete", "completed"]),
    st.sampled_from(["", "x"]), max_size=1))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fields=st.one_of(st.none(), _entries), trainee=_trainee, has_results=st.booleans(),
       parameters=_parameters, status=_status, entity=st.sampled_from([None, "3"]))
def test_any_edit_of_the_new_parts_loads_back_equal(
        fields: list[ActionField] | None, trainee: list[str], has_results: bool,
        parameters: dict[str, str], status: dict[str, str] | None, entity: str | None) -> None:
    config = cx.loads(DOCUMENT)
    action = config.imports[0].actions[0]
    action.fields = fields
    action.set_option("traineeSearchField", trainee or None)
    action.attributes = {"trainingSearchField": {"hasResults": "yes"}} if has_results else {}
    action.set_option("defaultEntityId", entity)
    action.parameters = {k: v for k, v in parameters.items()
                         if k != "defaultTime" or v == "08:00:00"}
    if "dateTimeFormat" in action.parameters:
        action.parameters["dateTimeFormat"] = "DD/MM/YYYY HH:II"
    if "timeZone" in action.parameters:
        action.parameters["timeZone"] = "UTC"
    action.parameter_codes = {} if status is None else {"trackingStatus": status}
    text = cx.dumps(config)
    again = cx.loads(text)
    assert again == config
    assert cx.dumps(again) == text
    assert "<!-- the page's spelling -->" in text
