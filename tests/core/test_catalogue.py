"""The catalogue: platform knowledge said once, and consistent with what reads it."""

from __future__ import annotations

import string

import pytest

from importer_gui.core import catalogue as cat
from importer_gui.core.actions import HANDLERS
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.catalogue.actions import CODE_LABELS, PARAMETER_MAPPINGS
from importer_gui.core.config import Provider


def test_every_action_has_a_handler_and_every_handler_an_action() -> None:
    assert set(HANDLERS) == set(cat.ACTIONS)


def test_actions_are_offered_in_the_order_files_feed_them() -> None:
    # Entities and learners, courses and teachers before what refers to them.
    assert list(cat.ACTIONS) == [
        "createOrUpdateEntityAction", "createOrUpdateLearnerAction",
        "createOrUpdateTrainingCourseAction", "createOrUpdateTeacherAction",
        "createOrUpdateSessionAction", "createOrUpdateInterventionAction",
        "registerLearnerAction", "createOrUpdateConsolidatedTrackingAction"]


@pytest.mark.parametrize("spec", cat.ACTIONS.values(), ids=lambda s: s.name)
def test_an_action_entry_holds_together(spec: cat.ActionSpec) -> None:
    names = [f.name for f in spec.fields]
    assert len(names) == len(set(names))
    assert set(spec.key_fields) <= set(names)
    for option in spec.options:
        assert option.label, option.name
        assert not option.choices or option.default in option.choices
        if option.kind is cat.OptionKind.FIELD_LIST:
            assert set(option.choices) <= set(names) and option.none_chosen
    for field in spec.fields:
        assert (field.kind is cat.Kind.ENUM) == bool(field.codes), field.name
        # A coded value that is not a code, or a date a page words its own way.
        assert not field.invalid or field.kind in (cat.Kind.ENUM, cat.Kind.DATE)
        assert field.column == cat.STORE_COLUMNS.get(field.name, "")


def test_every_meaning_the_mapping_page_offers_codes_for_has_a_label() -> None:
    meanings = {m for a in cat.ACTIONS.values() for f in a.fields
                if f.remapped or f.name in PARAMETER_MAPPINGS.get(a.name, ())
                for m, _ in f.codes}
    assert set(CODE_LABELS) == meanings


def test_every_store_column_belongs_to_a_field() -> None:
    assert set(cat.STORE_COLUMNS) <= cat.ALL_FIELD_NAMES
    unmapped = {f.name for a in cat.ACTIONS.values() for f in a.fields if not f.column}
    # Verbs, a password never kept and legacy fields read and ignored: no value the store keeps.
    assert unmapped == {"sessionAction", "trainingAction", "registerFlag", "candidatePassword",
                        "trainingScoreSuccessThreshold", "trainingScoresVisibleByLearners"}


def test_provider_options_in_the_platform_order_with_their_defaults() -> None:
    assert cat.PROVIDER_ORDER == (
        "fileName", "path", "skipFirstLine", "autoDetectLineEndings", "columnsMapping",
        "fileEncoding", "delimiter", "dateFormat", "sftpHost", "sftpLogin", "sftpPassword",
        "sftpFolder")
    provider = Provider()
    assert (provider.skip_first_line, provider.auto_detect_line_endings, provider.file_encoding,
            provider.delimiter, provider.date_format) == (True, False, "UTF-8", "semicolon",
                                                          "YYYY-MM-DD")
    for tag, attribute in cat.PROVIDER_ATTRS.items():
        assert hasattr(provider, attribute) and tag in cat.PROVIDER_OPTIONS


def test_the_date_tokens_are_the_letters_a_date_format_allows() -> None:
    letters = {c.upper() for c in cat.DATE_FORMAT_CHARS if c.isalpha()}
    assert letters == set(cat.DATE_TOKENS)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_platform_messages_read_as_it_words_them() -> None:
    assert msg.FIELD_EMPTY.format(field="sessionTitle") == "Field sessionTitle is empty."
    assert msg.INVALID_STATUS.format(value="X", expected=msg.either(["A", "C"])) == \
        "Status has invalid value X, A or C expected."
    assert msg.DATE_NOT_VALID.format(value="demain") == "Date demain not valid."
    templates = {v for k, v in vars(msg).items() if k.isupper() and isinstance(v, str)}
    assert templates.issuperset(msg.PLATFORM)
    assert msg.NOT_CREATED_BY_IMPORT not in msg.PLATFORM


def test_an_invalid_value_message_uses_only_what_the_reader_gives() -> None:
    given = {"field", "value", "codes", "expected"}
    for spec in cat.ACTIONS.values():
        for field in spec.fields:
            assert _placeholders(field.invalid or msg.NOT_A_CODE) <= given, field.name


@pytest.mark.parametrize(("codes", "said"), [
    (["A"], "A"), (["A", "C"], "A or C"), (["a", "b", "c"], "a, b or c")])
def test_alternatives_are_listed_as_the_platform_does(codes: list[str], said: str) -> None:
    assert msg.either(codes) == said
