"""The shared finders registration and tracking call: trainingSearchField, sessionSearchField."""

from __future__ import annotations

from datetime import date
from typing import Any

from importer_gui.core.actions import lookup
from importer_gui.core.actions.base import CLEAR, RowContext
from importer_gui.core.overlay import Overlay
from importer_gui.core.records import SessionRec, StoreState, TrainingRec

SEC = TrainingRec(1, "SEC-101", guid="G-SEC", title="Sécurité")
MGT = TrainingRec(2, "MGT-200", guid="G-MGT", title="Management")


def context(**values: Any) -> RowContext:
    """A row of these values against two courses and their sessions."""
    state = StoreState(
        trainings={1: SEC, 2: MGT},
        sessions={
            10: SessionRec(10, 1, title="Lyon", guid="S-LYON", start_date=date(2027, 1, 12)),
            11: SessionRec(11, 1, title="Lyon", guid="S-LYON-2", start_date=date(2027, 2, 9)),
            12: SessionRec(12, 1, title="Paris", guid="S-PARIS"),
            13: SessionRec(13, 2, title="Paris", guid="S-MGT")})
    ctx = RowContext(None, Overlay(state))  # type: ignore[arg-type]  # finders read no action
    ctx.values.update(values)
    return ctx


def found_id(record: Any) -> int | None:
    return None if record is None else record.id


def test_trainings_are_searched_by_the_filled_fields_jointly() -> None:
    fields = ["trainingPathCode", "trainingId", "trainingGuid"]
    assert found_id(lookup.find_training(context(trainingPathCode="SEC-101"), fields)) == 1
    assert found_id(lookup.find_training(context(trainingId=2), fields)) == 2
    assert found_id(lookup.find_training(context(trainingGuid="G-SEC", trainingId=1),
                                         fields)) == 1
    # Two fields naming two courses, an unknown value, nothing filled: no course.
    assert lookup.find_training(context(trainingPathCode="SEC-101", trainingId=2), fields) is None
    assert lookup.find_training(context(trainingPathCode="XLS-9"), fields) is None
    assert lookup.find_training(context(), fields) is None
    # Only the fields of the option count.
    assert lookup.find_training(context(trainingId=2), ["trainingPathCode"]) is None


def test_any_one_of_guid_title_and_id_finds_a_session_of_the_course() -> None:
    fields = ["sessionTitle", "sessionId", "sessionGuid"]
    ok, found = lookup.find_session(context(sessionGuid="S-PARIS"), SEC, fields)
    assert (ok, found_id(found)) == (True, 12)
    ok, found = lookup.find_session(context(sessionId=12), SEC, fields)
    assert (ok, found_id(found)) == (True, 12)
    ok, found = lookup.find_session(context(sessionTitle="Paris"), MGT, fields)
    assert (ok, found_id(found)) == (True, 13)
    # An id of another course's session, or with another title: none.
    assert lookup.find_session(context(sessionId=13), SEC, fields) == (True, None)
    assert lookup.find_session(context(sessionId=12, sessionTitle="Lyon"), SEC, fields) == (
        True, None)
    assert lookup.find_session(context(), SEC, fields) == (True, None)


def test_several_sessions_are_the_platforms_duplicated_group() -> None:
    ctx = context(sessionTitle="Lyon")
    assert lookup.find_session(ctx, SEC, ["sessionTitle"]) == (False, None)
    assert [i.message for i in ctx.issues] == ["Group with name Lyon is duplicated."]
    by_date = context(sessionTitle="Lyon", sessionStartDate=date(2027, 2, 9))
    ok, found = lookup.find_session(by_date, SEC, ["sessionTitle", "sessionStartDate"])
    assert (ok, found_id(found), by_date.issues) == (True, 11, [])


def test_a_cleared_end_date_searches_for_sessions_without_one() -> None:
    ok, found = lookup.find_session(context(sessionTitle="Paris", sessionEndDate=CLEAR), SEC,
                                    ["sessionTitle", "sessionEndDate"])
    assert (ok, found_id(found)) == (True, 12)
