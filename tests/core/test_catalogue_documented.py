"""The catalogue against the platform's documentation, fact by fact.

Each table below is what the public pages say (pages/IO/Import/*, pages/IO/Data/* and
_data/IO_items.yml of CrossKnowledgeIntegration.github.io), checked by hand against them; where
the format brief (shared/spec/import-format.md) says otherwise, the brief wins and a comment
says so. The test fails when the catalogue drifts from them.

A field is (type as the pages write it, mandatory, one-of group): "one of" groups are the
pages' "No, but at least one of ..." fields; ``duration`` is timeSpent's timeGlobalFormat.
"""

from __future__ import annotations

import string

import pytest

from importer_gui.core import catalogue as cat
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.catalogue.specs import FieldDef

Y, N = "yes", "no"
# trainingModality: the four of the page's message, then IO_items.yml's list.
MODALITIES = ("distancelearning, knowledgecommunity, learning_channel, blended, kc, distanciel, "
              "campus, mentored_action_learning, portal, serious_game, public_course, vodeclic, "
              "learning_feed, content_test")

FIELDS: dict[str, dict[str, tuple[str, str, str]]] = {
    "createOrUpdateEntityAction": {
        # The page's column list spells it hieracrchyEntityName, its example
        # hierarchyEntityName: one field, read under both names.
        "hierarchyEntityName": ("string", N, ""),
    },
    "createOrUpdateLearnerAction": {
        "candidateLogin": ("string", N, "learner"),
        "candidateRefNumber": ("string", N, "learner"),
        "candidateEmail": ("string", N, "learner"),
        "candidateName": ("string", N, ""),
        "candidateFirstname": ("string", N, ""),
        "candidatePassword": ("string", N, ""),
        "candidateValidity": ("enum(Y, N, U)", N, ""),
        "enabledFrom": ("date", N, ""),
        "enabledUntil": ("date", N, ""),
        "candidateLanguages": ("string", N, ""),
        "candidateTimeZone": ("string(50)", N, ""),
        "entityGuid": ("string(40)", N, ""),
        "entityId": ("int", N, ""),
        "entityName": ("string", N, ""),
        "managerLogin": ("string", N, ""),
        "managerRefNumber": ("string", N, ""),
        "presentation": ("longtext", N, ""),
        "custom": ("string(250)", N, ""),
    },
    "createOrUpdateTrainingCourseAction": {
        # The brief: trainingPathCode and trainingTitle mandatory (IO_items.yml: one of /
        # no), trainingGuid read (not in the page's columns), trainingDuration an int
        # (IO_items.yml: string).
        "trainingPathCode": ("string", Y, ""),
        "trainingTitle": ("string", Y, ""),
        "trainingGuid": ("string(40)", N, ""),
        "trainingLocale": ("string(6)", N, ""),
        "trainingModality": (f"enum({MODALITIES})", Y, ""),
        "trainingDescription": ("longtext", N, ""),
        "trainingDuration": ("int", N, ""),
        # The page's example: "Training Action and PathCode Mandatory" (IO_items.yml: no).
        "trainingAction": ("enum(M, A)", Y, ""),
        # IO_items.yml: empty only with <mandatory>no</mandatory>.
        "lovCodes": ("longtext", Y, ""),
        "trainingCost": ("string", N, ""),
        "trainingWhatYouWillLearn": ("longtext", N, ""),
        "trainingOverview": ("longtext", N, ""),
        "trainingOutcomes": ("longtext", N, ""),
        "trainingAudience": ("longtext", N, ""),
        "trainingFurtherInformation": ("longtext", N, ""),
        "trainingWelcomeText": ("longtext", N, ""),
        "trainingSteps": ("longtext", N, ""),
        # In the page's example, removed from its columns as legacy: read and ignored.
        "trainingScoreSuccessThreshold": ("string", N, ""),
        "trainingScoresVisibleByLearners": ("string", N, ""),
    },
    # The brief's own action: the platform documents no teacher import.
    "createOrUpdateTeacherAction": {
        "teacherLogin": ("string", Y, ""),
        "teacherName": ("string", N, ""),
        "teacherFirstname": ("string", N, ""),
        "teacherEmail": ("string", N, ""),
    },
    "createOrUpdateSessionAction": {
        # The brief's table wins over IO_items.yml for this action: sessionAction,
        # sessionTitle, sessionId, trainingTitle, trainingPathCode and trainingId mandatory;
        # sessionStatus read (in the page's example, not its columns).
        "sessionAction": ("enum(M, A)", Y, ""),
        "sessionStatus": ("string", N, ""),
        "sessionGuid": ("string(40)", N, ""),
        "sessionStartDate": ("date", N, ""),
        "sessionEndDate": ("date", N, ""),
        "sessionTitle": ("string", Y, ""),
        "sessionId": ("int", Y, ""),
        "teacherLogin": ("string", Y, ""),
        "trainingPathCode": ("string", Y, "training"),
        "trainingId": ("int", Y, "training"),
        "trainingTitle": ("string", Y, "training"),
    },
    "createOrUpdateInterventionAction": {
        "interventionGuid": ("string(40)", Y, ""),
        "trainingGuid": ("string(40)", N, "training"),
        "trainingPathCode": ("string", N, "training"),
        "sessionGuid": ("string(40)", N, "session"),
        "sessionTitle": ("string", N, "session"),
        "interventionDate": ("datetime", Y, ""),
        "interventionDuration": ("int", Y, ""),
        "roomGuid": ("string(40)", Y, ""),
        "roomLabel": ("string", Y, ""),
        "roomCapacity": ("int", N, ""),
        "teacherLogin": ("string", Y, ""),
        "interventionStatus": ("enum(A, C)", Y, ""),
    },
    "registerLearnerAction": {
        "candidateLogin": ("string", N, "learner"),
        "candidateRefNumber": ("string", N, "learner"),
        "candidateEmail": ("string", N, "learner"),
        "trainingPathCode": ("string", N, "training"),
        "trainingId": ("int", N, "training"),
        "sessionTitle": ("string", N, "session"),
        "sessionId": ("int", N, "session"),
        "sessionStartDate": ("date", N, ""),
        "sessionEndDate": ("date", N, ""),
        "registrationGuid": ("string(40)", N, ""),
        "registerFlag": ("enum(Y, N)", N, ""),
        "registrationDate": ("datetime", N, ""),
    },
    "createOrUpdateConsolidatedTrackingAction": {
        "candidateLogin": ("string", N, "learner"),
        "candidateRefNumber": ("string", N, "learner"),
        "candidateEmail": ("string", N, "learner"),
        "lovCode": ("string", N, "learning object"),
        "lovGuid": ("string(40)", N, "learning object"),
        # The context: a session GUID, or a title with its course (the page's message).
        "sessionGuid": ("string(40)", N, "session"),
        "trainingPathCode": ("string", N, ""),
        "trainingId": ("int", N, ""),
        "sessionTitle": ("string", N, "session"),
        "sessionId": ("int", N, "session"),
        "firstAccessDate": ("datetime", N, ""),
        "lastAccessDate": ("datetime", N, ""),
        "firstCompletionDate": ("datetime", N, ""),
        "progression": ("float", N, ""),
        "trackingStatus": ("enum(notAttempted, incomplete, completed, passed, failed, browsed)",
                           N, ""),
        "timeSpent": ("duration", N, ""),
        "score": ("float", N, ""),
        "scoreMax": ("int", N, ""),
    },
}

# Value mappings: the element names of each meaning (pages/IO/Data/*, import.md's example,
# the brief for interventionStatus), with the default code.
CODES: dict[str, tuple[tuple[str, str], ...]] = {
    "sessionAction": (("createUpdate", "M"), ("cancel", "A")),
    "interventionStatus": (("active", "A"), ("cancelled", "C")),
    "candidateValidity": (("enabledValue", "Y"), ("disabledValue", "N"),
                          ("enabledUntilValue", "U")),
    "registerFlag": (("registerValue", "Y"), ("unregisterValue", "N")),
    "trackingStatus": tuple((s, s) for s in ("notAttempted", "incomplete", "completed",
                                             "passed", "failed", "browsed")),
}

# Each action's options (front matter "parameters", the examples): (kind, default, mandatory,
# the fields a field list may name). The pages give no default for a field list; ours
# is the first the examples use.
OPTIONS: dict[str, dict[str, tuple[str, str, str, tuple[str, ...]]]] = {
    "createOrUpdateEntityAction": {"defaultEntityId": ("int", "1", N, ())},
    "createOrUpdateLearnerAction": {
        "traineeSearchField": ("fieldList", "candidateLogin", N, (
            "candidateLogin", "candidateRefNumber", "candidateEmail", "custom")),
        "defaultEntityId": ("int", "1", N, ()),
        "defaultLangCode": ("string", "", N, ()),
        "fullAccess": ("yesNoElement", Y, N, ()),
        "enableAllLearners": ("yesNoElement", N, N, ()),
        "disableImportFlag": ("yesNoElement", N, N, ()),
    },
    "createOrUpdateTrainingCourseAction": {"fullAccess": ("yesNoElement", Y, N, ())},
    "createOrUpdateTeacherAction": {},
    "createOrUpdateSessionAction": {
        # Mandatory: the brief.
        "sessionSearchField": ("fieldList", "sessionTitle", Y, (
            "sessionGuid", "sessionTitle", "sessionId", "sessionStartDate", "sessionEndDate")),
        "fullAccess": ("yesNoElement", Y, N, ()),
    },
    "createOrUpdateInterventionAction": {},
    "registerLearnerAction": {
        "traineeSearchField": ("fieldList", "candidateLogin", N, (
            "candidateLogin", "candidateRefNumber", "candidateEmail")),
        "trainingSearchField": ("fieldList", "trainingPathCode", N, (
            "trainingPathCode", "trainingId")),
        # sessionGuid is no column of this action.
        "sessionSearchField": ("fieldList", "sessionTitle", N, (
            "sessionTitle", "sessionId", "sessionStartDate", "sessionEndDate")),
        "dontUpdateExistingSessions": ("yesNoElement", N, N, ()),
        "fullAccess": ("yesNoElement", Y, N, ()),
        # IO_items.yml: "value unspecified or set to 'yes'".
        "reactivateRegisteredLearners": ("yesNoElement", Y, N, ()),
    },
    "createOrUpdateConsolidatedTrackingAction": {"defaultScoreMax": ("int", "", N, ())},
}
# Consolidated tracking's <parameters> block.
TRACKING_PARAMETERS = {"defaultScoreMax": "", "dateTimeFormat": "YYYY-MM-DD HH:II:SS",
                       "timeZone": "", "defaultTime": "00:00:00"}

# The Error Messages tables, as the pages print them ("[...]" for a value; "[…]" read as
# "[...]"). The training course page's closing quote and the tracking page's trailing one
# are slips of the pages, left out; the provider's leading "[...] " is the task's name.
DOCUMENTED_MESSAGES = (
    "Field [...] is empty.",
    "Training with training path code [...] is not found.",
    "Group with name [...] is duplicated.",
    "Invalid sessionAction value: [...]",
    "Training with guid [...] is not found.",
    "Training with path code [...] is not found.",
    "Session with guid [...] is not found for this training.",
    "Session with title [...] is not found for this training.",
    "Date [...] not valid.",
    "Teacher with login [...] is not found.",
    "Status has invalid value [...], [...] or [...] expected.",
    "lovCodes error: LOV ref number [...] is more than one LO or doesn't exist.",
    "The modality must be distancelearning, knowledgecommunity, learning_channel or blended, "
    "[...] detected.",
    "You can't change the training's modality.",
    'The field "trainingSteps" can\'t be empty when importing a blended training.',
    "Step title error at step #[...] : The result of the title's sanitization is empty.",
    'The "validity" field value [...] is not allowed.',
    "The login: [...] already exists. The user name will be: [...]",
    "Date format is not valid",
    "enabledUntil is inferior to enabledFrom or vice versa",
    "Entity with name [...] not found.",
    "Entity with name [...] is duplicated.",
    "The training could not be found and it is mandatory.",
    "Start date [...] not valid.",
    "End date [...] not valid.",
    "Register flag has invalid value [...], [...] or [...] expected.",
    "The session can not be found and it's mandatory.",
    "No search field was provided to find the candidate.",
    "The candidate was not found.",
    "The candidate was not detected as a input data, object of type [...] provided.",
    "Cannot create a session without valid training course.",
    "The session could not be created or retrieved from the database.",
    "The learner is already registered to this training session.",
    "The candidate is not registered to this training.",
    "At least one of these element must be present: learning object version code or GUID.",
    "This learning object is provided by CrossKnowledge, and this report cannot be updated.",
    "This learning object is an EasyQuizz, and this report cannot be updated.",
    "At least one of these element must be present: learner login, reference number or email.",
    'At least one of the following to provide a precise context : "session GUID" or the couple '
    '"session title" & "training code".',
    "No registration found for given parameters.",
    "You cannot set a first completion date if the LO is not completed.",
    "the given date format [...] is not valid. It should only contain the following characters "
    "(case insensitive): 'YMDHIS /_.:;,-'",
)

# The page's message for a value a field cannot take: (action, field) -> the page's words.
INVALID: dict[tuple[str, str], str] = {
    ("createOrUpdateSessionAction", "sessionAction"): "Invalid sessionAction value: [...]",
    ("createOrUpdateInterventionAction", "interventionStatus"):
        "Status has invalid value [...], [...] or [...] expected.",
    ("createOrUpdateTrainingCourseAction", "trainingModality"):
        "The modality must be distancelearning, knowledgecommunity, learning_channel or "
        "blended, [...] detected.",
    ("createOrUpdateLearnerAction", "candidateValidity"):
        'The "validity" field value [...] is not allowed.',
    ("createOrUpdateLearnerAction", "enabledFrom"): "Date format is not valid",
    ("createOrUpdateLearnerAction", "enabledUntil"): "Date format is not valid",
    ("registerLearnerAction", "registerFlag"):
        "Register flag has invalid value [...], [...] or [...] expected.",
    ("registerLearnerAction", "sessionStartDate"): "Start date [...] not valid.",
    ("registerLearnerAction", "sessionEndDate"): "End date [...] not valid.",
}


def documented_type(field: FieldDef) -> str:
    """A field's type as the pages write it."""
    if field.kind is cat.Kind.STRING and field.max_length is not None:
        return f"string({field.max_length})"
    if field.kind is cat.Kind.ENUM:
        return f"enum({', '.join(code for _, code in field.codes)})"
    return str(field.kind)


def as_printed(template: str) -> str:
    """A message template as the pages print it: each value "[...]", alternatives "[...] or
    [...]"."""
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return template.format(**{name: "[...] or [...]" if name == "expected" else "[...]"
                              for name in names})


def test_the_documented_actions_are_all_in_the_catalogue() -> None:
    assert set(FIELDS) == set(cat.ACTIONS) == set(OPTIONS)


@pytest.mark.parametrize("action", FIELDS)
def test_each_field_has_its_documented_type_mandatory_flag_and_group(action: str) -> None:
    spec = cat.ACTIONS[action]
    found = {f.name: (documented_type(f), Y if f.mandatory else N, f.one_of)
             for f in spec.fields}
    assert found == FIELDS[action]


def test_the_entity_page_misspelling_is_read_as_the_field() -> None:
    spec = cat.ACTIONS["createOrUpdateEntityAction"]
    assert spec.field_named("hieracrchyEntityName") is spec.by_name["hierarchyEntityName"]


def test_the_string_limits_are_the_documented_ones() -> None:
    assert (cat.STRING_MAX, cat.LONGTEXT_MAX) == (255, 65_535)


@pytest.mark.parametrize("name", CODES)
def test_value_mappings_have_the_documented_names_and_codes(name: str) -> None:
    definition = cat.field_def(name)
    assert definition is not None and definition.codes == CODES[name]


def test_register_flag_and_custom_carry_their_documented_settings() -> None:
    assert cat.field_def("registerFlag").settings == ("keepSession",)
    assert cat.field_def("custom").settings == ("guid",)


@pytest.mark.parametrize("action", OPTIONS)
def test_each_action_has_its_documented_options_and_defaults(action: str) -> None:
    spec = cat.ACTIONS[action]
    found = {o.name: (str(o.kind), o.default, Y if o.mandatory else N, o.choices
                      if o.kind is cat.OptionKind.FIELD_LIST else ())
             for o in spec.options}
    assert found == OPTIONS[action]


def test_consolidated_tracking_parameters_and_their_defaults() -> None:
    spec = cat.ACTIONS["createOrUpdateConsolidatedTrackingAction"]
    assert {p.name: p.default for p in spec.parameters} == TRACKING_PARAMETERS


def test_every_documented_message_is_the_platform_s_word_for_word() -> None:
    printed = {as_printed(template): template for template in msg.PLATFORM}
    missing = [text for text in DOCUMENTED_MESSAGES if text not in printed]
    assert missing == []


@pytest.mark.parametrize(("action", "field"), INVALID)
def test_a_value_a_field_cannot_take_gets_the_page_s_message(action: str, field: str) -> None:
    definition = cat.ACTIONS[action].by_name[field]
    assert as_printed(definition.invalid) == INVALID[(action, field)]

