"""Checks across a row's fields: a session that ends before it starts."""

from __future__ import annotations

from pathlib import Path

from tests.core.harness import Env, rows
from tests.core.test_sessions import env, sessions  # env: the fixture

__all__ = ["env"]


def test_a_session_ending_before_it_starts_is_a_warning_naming_both_dates(
        env: Env, tmp_path: Path) -> None:
    plan = env.check(sessions(env, [
        ["M", "SEC-101", "Lyon janvier", "2027-01-13", "2027-01-12", "mdupont"],
        ["M", "SEC-101", "Lyon février", "2027-02-12", "2027-02-12", "mdupont"],
        ["A", "SEC-101", "Lyon janvier", "2027-01-13", "2027-01-12", "mdupont"],
    ]))
    assert rows(plan) == [
        (2, "create", ["Field sessionEndDate: the session ends on 2027-01-12, before it "
                       "starts on 2027-01-13 (sessionStartDate); check the two dates."]),
        (3, "create", []),
        (4, "delete", [])]  # deleting it: its dates no longer matter
    assert plan.imports[0].rows[0].issues().__next__().level.value == "WARNING"
