"""An intervention's training course named twice must be named once (issue 15)."""

from __future__ import annotations

from tests.core.harness import Env, rows
from tests.core.test_interventions import env, meeting, meetings

__all__ = ["env"]  # the fixture, shared with the intervention tests


def test_a_guid_and_a_code_of_two_courses_are_an_error_naming_both(env: Env) -> None:
    plan = env.check(meetings(env, [
        meeting(trainingGuid="G-SEC"),
        meeting(interventionGuid="I2", trainingGuid="G-MGT"),
        meeting(interventionGuid="I3", trainingGuid="G-MGT", trainingPathCode="")]))
    assert rows(plan) == [
        (2, "create", []),
        (3, "error", ["Fields trainingGuid and trainingPathCode name two different training "
                      "courses: G-MGT is the GUID of training course MGT-200, not of "
                      "SEC-101."]),
        # The GUID alone names MGT-200, which has no session Lyon.
        (4, "error", ["Session with title Lyon is not found for this training."])]
