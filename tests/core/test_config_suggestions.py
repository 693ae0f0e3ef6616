"""'Did you mean': only names valid in that place, carried as data, and applied to the text
the way the wizard offers it."""

from __future__ import annotations

import pytest

from importer_gui.core import config_xml as cx
from importer_gui.core.catalogue import ACTIONS, SESSION_ACTION
from importer_gui.core.errors import ConfigError


def _document(actions: str, columns: str = "<sessionTitle/>") -> str:
    """A configuration holding ``actions`` (their first line is line 10)."""
    return ("<import-config>\n<import>\n<providers>\n<fileSystemSourceProvider>\n"
            f"<fileName>a.csv</fileName>\n<columnsMapping>{columns}</columnsMapping>\n"
            "</fileSystemSourceProvider>\n</providers>\n"
            f"<actions>\n{actions}\n</actions>\n</import>\n</import-config>\n")


def _fail(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        cx.loads(text)
    return info.value


# The session page's example, as the page writes it (with its <sessionID/>).
SESSION_EXAMPLE = """\
<createOrUpdateSessionAction>
  <options>
    <sessionSearchField>
      <sessionTitle/><!-- Use Title, Id, or Guid as Search Field-->
      <sessionId/>
      <sessionGuid/>
    </sessionSearchField>
    <fullAccess>yes</fullAccess>
  </options>
  <fields>
    <sessionAction/>
    <trainingPathCode/><!-- Use Training Title, ID, and/or PathCode -->
    <trainingId/>
    <trainingTitle/>
    <sessionTitle/><!-- Use Session Title, Guid, and/or ID -->
    <sessionGuid/>
    <sessionID/>
    <sessionStatus/>
    <sessionStartDate/>
    <sessionEndDate/>
    <teacherLogin/>
  </fields>
</createOrUpdateSessionAction>"""

# The registration page's example (its stray </registrationDate> written as an element).
REGISTRATION_EXAMPLE = """\
<registerLearnerAction>
  <options>
    <traineeSearchField>
      <candidateRefNumber/>
    </traineeSearchField>
    <trainingSearchField hasResults="yes">
      <trainingPathCode/>
    </trainingSearchField>
    <sessionSearchField>
      <sessionTitle/>
      <sessionStartDate/>
    </sessionSearchField>
  </options>
  <fields>
    <candidateRefNumber/><!-- Must have Candidate Ref Number, Email or Login -->
    <candidateEmail/>
    <candidateLogin/>
    <trainingPathCode/><!-- Must have Training PathCode or Id -->
    <trainingId/>
    <sessionTitle/><!-- Must have Session Title or Id -->
    <seesionId/>
    <sessionStartDate/>
    <sessionEndDate/>
    <registerFlag><!-- Must have registration Flag -->
      <keepSession>Y</keepSession>
    </registerFlag>
    <registrationGuid/>
    <registrationDate/>
  </fields>
</registerLearnerAction>"""


@pytest.mark.parametrize(("example", "wrong"), [
    (SESSION_EXAMPLE, "sessionID"), (REGISTRATION_EXAMPLE, "seesionId")])
def test_the_pages_typos_suggest_the_valid_name_and_the_fix_applies(
        example: str, wrong: str) -> None:
    text = _document(example)
    line = 1 + text[:text.index(f"<{wrong}/>")].count("\n")
    error = _fail(text)
    where = f"<fields> of <{example.split('>')[0][1:]}>"
    assert error.detail == (f'Unknown field "{wrong}" in {where} (line {line}); '
                            'did you mean "sessionId"?')
    assert (error.suggestion, error.line) == ((wrong, "sessionId"), line)
    fixed = cx.apply_suggestion(text, error)
    assert fixed == text.replace(f"<{wrong}/>", "<sessionId/>")
    action = cx.loads(fixed).imports[0].actions[0]
    assert "sessionId" in (action.field_names() or [])


def test_a_name_valid_for_another_action_is_no_misspelling() -> None:
    text = _document("<createOrUpdateSessionAction><fields><trainingAction/></fields>"
                     "</createOrUpdateSessionAction>")
    error = _fail(text)
    assert error.detail == ('Unknown field "trainingAction" in <fields> of '
                            "<createOrUpdateSessionAction> (line 10); only "
                            "<createOrUpdateTrainingCourseAction> has it.")
    assert error.suggestion is None and cx.apply_suggestion(text, error) == text


def test_a_learner_field_is_never_taken_for_a_teacher_one() -> None:
    error = _fail(_document("<createOrUpdateTeacherAction><fields><candidateLogin/></fields>"
                            "</createOrUpdateTeacherAction>"))
    assert "teacherLogin" not in error.detail and error.suggestion is None
    assert "<createOrUpdateLearnerAction>" in error.detail


def test_misspelt_actions_options_and_parameters_suggest_their_own_kind() -> None:
    error = _fail(_document("<createOrUpdateLearnersAction/>"))
    assert error.suggestion == ("createOrUpdateLearnersAction", "createOrUpdateLearnerAction")
    error = _fail(_document("<registerLearnerAction><options><traineeSearchFields/></options>"
                            "</registerLearnerAction>"))
    assert error.suggestion == ("traineeSearchFields", "traineeSearchField")
    error = _fail(_document("<createOrUpdateConsolidatedTrackingAction><parameters>"
                            "<datetimeFormat>YYYY</datetimeFormat></parameters>"
                            "</createOrUpdateConsolidatedTrackingAction>"))
    assert error.suggestion == ("datetimeFormat", "dateTimeFormat")


def test_a_column_is_offered_only_the_fields_of_its_imports_actions() -> None:
    error = _fail(_document("<createOrUpdateSessionAction/>", "<trainingDurration/>"))
    assert "trainingDuration" not in error.detail
    assert error.suggestion is None or error.suggestion[1] in SESSION_ACTION.by_name
    error = _fail(_document("<createOrUpdateTrainingCourseAction/>", "<trainingDurration/>"))
    assert error.suggestion == ("trainingDurration", "trainingDuration")


def test_every_suggestion_is_valid_where_it_is_offered() -> None:
    for spec in ACTIONS.values():
        for definition in spec.fields:
            typo = definition.name[:-1] + ("q" if definition.name[-1] != "q" else "z")
            text = _document(f"<{spec.name}><fields><{typo}/></fields></{spec.name}>")
            error = _fail(text)
            if error.suggestion is not None:
                assert error.suggestion[1] in spec.by_name, (spec.name, typo)


# --- applying a suggestion to the text -------------------------------------------------------


def _error(suggestion: tuple[str, str], line: int) -> ConfigError:
    return ConfigError("for the test", line=line, suggestion=suggestion)


def test_an_element_with_children_is_renamed_with_its_end_tag() -> None:
    text = ("<a>\n  <registerFlg><!-- </registerFlg> in a comment -->\n"
            "    <registerFlg>x</registerFlg>\n  </registerFlg>\n</a>\n")
    fixed = cx.apply_suggestion(text, _error(("registerFlg", "registerFlag"), 2))
    assert fixed == ("<a>\n  <registerFlag><!-- </registerFlg> in a comment -->\n"
                     "    <registerFlg>x</registerFlg>\n  </registerFlag>\n</a>\n")


def test_everywhere_renames_every_element_of_the_name() -> None:
    text = "<a><sessionID/><!-- <sessionID/> --><b><sessionID>1</sessionID></b></a>"
    fixed = cx.apply_suggestion(text, _error(("sessionID", "sessionId"), 1), everywhere=True)
    assert fixed == "<a><sessionId/><!-- <sessionID/> --><b><sessionId>1</sessionId></b></a>"


def test_a_value_is_replaced_on_its_line() -> None:
    text = _document("<createOrUpdateTeacherAction/>").replace(
        "<fileName>a.csv</fileName>", "<fileName>a.csv</fileName><fileEncoding>utf8</fileEncoding>")
    error = _fail(text)
    assert error.suggestion == ("utf8", "UTF-8")
    assert cx.loads(cx.apply_suggestion(text, error)).imports[0].provider.file_encoding == "UTF-8"


def test_nothing_changes_without_a_suggestion_or_a_match() -> None:
    assert cx.apply_suggestion("<a/>", ConfigError("x", line=1)) == "<a/>"
    assert cx.apply_suggestion("<a/>\n<b/>", _error(("c", "d"), 2)) == "<a/>\n<b/>"
    assert cx.apply_suggestion("<a/>", _error(("a", "b"), 9)) == "<a/>"


def test_a_stray_end_tag_is_offered_as_an_empty_element() -> None:
    text = _document(REGISTRATION_EXAMPLE.replace("<registrationDate/>", "</registrationDate>")
                     .replace("<seesionId/>", "<sessionId/>"))
    error = _fail(text)
    assert error.suggestion == ("</registrationDate>", "<registrationDate/>")
    assert error.detail.endswith('and registrationDate; did you mean "<registrationDate/>"?')
    fixed = cx.apply_suggestion(text, error)
    assert fixed == text.replace("</registrationDate>", "<registrationDate/>")
    assert cx.loads(fixed).imports[0].actions[0].field_names()[-1] == "registrationDate"


def test_a_mismatched_end_tag_of_an_opened_element_suggests_nothing() -> None:
    error = _fail("<import-config>\n<import>\n<providers>\n</import>\n</import-config>\n")
    assert error.suggestion is None
