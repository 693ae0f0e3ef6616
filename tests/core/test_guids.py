"""GUIDs given to created training courses: version-7 UUIDs, in the order made, never twice."""

from __future__ import annotations

import threading
import uuid

import pytest

from importer_gui.core import guids


def test_guids_are_version_7_uuids_in_lower_case_in_increasing_order() -> None:
    made = [guids.new_guid() for _ in range(guids.BLOCK * 2 + 7)]  # across three draws
    for guid in made:
        parsed = uuid.UUID(guid)
        assert (parsed.version, parsed.variant, str(parsed)) == (7, uuid.RFC_4122, guid)
    assert len(set(made)) == len(made)
    assert made == sorted(made)  # the store's GUID index takes them at its end


def test_a_column_gets_new_guids_where_it_has_none_in_order() -> None:
    marker = guids.MADE_WHEN_WRITTEN
    column = ["given", marker, None, marker, marker]
    filled = guids.made(column)
    assert filled[0] == "given" and filled[2] is None
    assert filled[1] < filled[3] < filled[4]
    assert all(uuid.UUID(filled[i]).version == 7 for i in (1, 3, 4))
    untouched = ["a", None]
    assert guids.made(untouched) is untouched


def test_threads_making_guids_at_once_never_get_the_same() -> None:
    made: list[list[str]] = [[], [], []]

    def make(into: list[str]) -> None:
        for _ in range(50):
            into.extend(guids.made([guids.MADE_WHEN_WRITTEN] * 301))

    threads = [threading.Thread(target=make, args=(into,)) for into in made]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [guid for into in made for guid in into]
    assert len(set(every)) == len(every) == 3 * 50 * 301
    assert all(into == sorted(into) for into in made)


def test_every_variant_digit_appears() -> None:
    variants = {guids.new_guid()[19] for _ in range(400)}
    assert variants == set("89ab")


def formatted(moment: int, counter: int, digits: str) -> str:
    """A version-7 GUID written out: its millisecond, its counter, 16 random digits (the
    first's two low bits under the variant's 10)."""
    stamp = f"{moment:012x}"
    return (f"{stamp[:8]}-{stamp[8:]}-7{counter:03x}-{'89ab'[int(digits[0], 16) & 3]}"
            f"{digits[1:4]}-{digits[4:]}")


def test_a_draw_spans_milliseconds_as_the_guids_written_one_by_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    random = bytes((i * 37 + 11) % 256 for i in range(8 * guids.BLOCK))
    moment = 0x0193_8A6B_2C4D
    monkeypatch.setattr(guids.os, "urandom", lambda size: random[:size])
    monkeypatch.setattr(guids.time, "time_ns", lambda: moment * 1_000_000 + 5)
    monkeypatch.setattr(guids, "_last", [moment * guids.COUNTER + 1000])  # a run under way
    made = guids._block()
    digits = random.hex()
    counts = [moment * guids.COUNTER + 1000 + n for n in range(guids.BLOCK)]
    assert made == [formatted(*divmod(count, guids.COUNTER), digits[16 * n:16 * n + 16])
                    for n, count in enumerate(counts)]
    assert made[guids.COUNTER - 1001][:18] != made[guids.COUNTER - 1000][:18]  # two moments
