"""Counts per outcome, added up once for the plan, the revert, the command line and the window."""

from collections import Counter

from importer_gui.core.issues import Outcome, outcome_totals, outcome_totals_by_name


def test_totals_add_the_parts_up_every_outcome_in_order() -> None:
    parts = [Counter({Outcome.ERROR: 2, Outcome.CREATE: 1}), {Outcome.CREATE: 3}]
    assert list(outcome_totals(parts).items()) == [
        (Outcome.CREATE, 4), (Outcome.UPDATE, 0), (Outcome.UNCHANGED, 0),
        (Outcome.DELETE, 0), (Outcome.ERROR, 2)]


def test_totals_of_nothing_are_every_outcome_at_zero() -> None:
    assert list(outcome_totals_by_name([]).items()) == [
        ("create", 0), ("update", 0), ("unchanged", 0), ("delete", 0), ("error", 0)]


def test_totals_by_name_are_plain_names() -> None:
    names = outcome_totals_by_name([{Outcome.UPDATE: 1}])
    assert [type(name) for name in names] == [str] * len(Outcome)
