"""The browser's reads: a search finds what the table shows (the names of the records referred
to, dates as the window writes them) and a sort orders by it, on both engines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import DateForms, Order, RunInfo, Store, StoreLocation
from importer_gui.core.store.dialect import SORT_FOLDS, sort_text

CREATE = ChangeKind.CREATE
FRENCH = DateForms(date="dd/MM/yyyy", datetime="dd/MM/yyyy HH:mm")
AMERICAN = DateForms(date="M/d/yyyy", datetime="M/d/yyyy h:mm AP")


@pytest.fixture
def store(store_url: StoreLocation) -> Iterator[Store]:
    """Two rooms, two teachers, two sessions of two courses, four interventions."""
    with Store.open(store_url) as opened:
        opened.apply([
            Change(Table.TEACHER, CREATE, -1, {"login": "t00283"}),
            Change(Table.TEACHER, CREATE, -2, {"login": "amartin"}),
            Change(Table.TRAINING, CREATE, -1, {"path_code": "SEC-101", "title": "Safety"}),
            Change(Table.TRAINING, CREATE, -2, {"path_code": "AID-7", "title": "First aid"}),
            Change(Table.ROOM, CREATE, -1, {"guid": "R-1", "label": "Nice - salle 311"}),
            Change(Table.ROOM, CREATE, -2, {"guid": "R-2", "label": "Brest - Atelier"}),
            Change(Table.SESSION, CREATE, -1, {"training_id": -1, "title": "Paris session 10057",
                                               "start_date": date(2027, 6, 10),
                                               "teacher_id": -2}),
            Change(Table.SESSION, CREATE, -2, {"training_id": -2, "title": "Lyon session 4"}),
            Change(Table.INTERVENTION, CREATE, -1, {"guid": "I-1", "session_id": -1,
                                                    "start": datetime(2027, 6, 10, 14),
                                                    "room_id": -1, "teacher_id": -1}),
            Change(Table.INTERVENTION, CREATE, -2, {"guid": "I-2", "session_id": -2,
                                                    "start": datetime(2026, 1, 5, 9, 30),
                                                    "room_id": -2, "teacher_id": -2}),
            Change(Table.INTERVENTION, CREATE, -3, {"guid": "I-3", "session_id": -1,
                                                    "start": datetime(2027, 1, 2, 0, 15),
                                                    "room_id": -1}),
            Change(Table.INTERVENTION, CREATE, -4, {"guid": "I-4", "session_id": -2}),
        ], RunInfo(config_path="c.xml", config_xml="<import-config/>", files=[],
                   counts={"create": 12}))
        yield opened


def guids(store: Store, search: str, dates: DateForms | None = None) -> list[str]:
    """The interventions a search finds (as many as it counts), by GUID."""
    forms = {} if dates is None else {"dates": dates}
    found = [r.guid for r in store.page(Table.INTERVENTION, search, **forms)]
    assert store.count(Table.INTERVENTION, search, **forms) == len(found)
    assert store.ids(Table.INTERVENTION, search, **forms) == [
        r.id for r in store.page(Table.INTERVENTION, search, **forms)]
    return found


def test_a_search_finds_the_names_of_the_records_referred_to(store: Store) -> None:
    assert guids(store, "salle") == ["I-1", "I-3"]  # the room's label
    assert guids(store, "SALLE 311") == ["I-1", "I-3"]
    assert guids(store, "Paris session 10057") == ["I-1", "I-3"]  # the session's title
    assert guids(store, "t00283") == ["I-1"]  # the teacher's login
    assert guids(store, "i-4") == ["I-4"]  # its own text as before
    assert [s.title for s in store.page(Table.SESSION, "sec-101")] == ["Paris session 10057"]
    assert [s.title for s in store.page(Table.SESSION, "amartin")] == ["Paris session 10057"]


def test_a_search_finds_dates_as_the_window_writes_them(store: Store) -> None:
    assert guids(store, "2027") == ["I-1", "I-3"]
    assert guids(store, "2027-06-10 14:00") == ["I-1"]
    assert guids(store, "10/06/2027 14:00", FRENCH) == ["I-1"]
    assert guids(store, "05/01/2026", FRENCH) == ["I-2"]
    assert guids(store, "6/10/2027 2:00 PM", AMERICAN) == ["I-1"]
    assert guids(store, "1/2/2027 12:15 am", AMERICAN) == ["I-3"]
    assert guids(store, "2027-06-10", FRENCH) == []  # not what a French window shows
    sessions = store.page(Table.SESSION, "10/06/2027", dates=FRENCH)
    assert [s.title for s in sessions] == ["Paris session 10057"]


def test_a_search_reads_accents_case_and_joined_letters_as_a_sort_does(store: Store) -> None:
    names = ["Éric Dupré", "ERIC", "Œuvre", "oeuvre", "Straße", "STRASSE", "Æsa", "Cœur",
             "Ødegaard", "İlker", "Łukasz", "100% sûr", "a_b", "back\\slash", "l'été",
             'dit "oui"', "Ωmega", "e\u0301mile", "Mass", "Bjørn", "Assßsssße"]
    store.apply([Change(Table.LEARNER, CREATE, -n - 1, {"login": f"k{n}", "name": name})
                 for n, name in enumerate(names)],
                RunInfo(config_path="c.xml", config_xml="<import-config/>", files=[],
                        counts={"create": len(names)}))
    for needle in ["eric", "ÉRIC", "dupre", "oe", "OEUVRE", "œ", "ss", "s", "sse", "as", "se",
                   "ae", "æs", "coeur", "ode", "ilker", "lukasz", "bjorn", "%", "0%", "_",
                   "a_b", "\\", "'", "l'ete", '"oui"', "ωmega", "\u0301", "sssssss",
                   "ssssse"]:
        found = [r.name for r in store.page(Table.LEARNER, needle, 0, 100)]
        folded = sort_text(needle) or ""
        assert found == [name for name in names if folded in (sort_text(name) or "")], needle
        assert store.count(Table.LEARNER, needle) == len(found)
    assert [r.name for r in store.page(Table.LEARNER, "eric")] == ["Éric Dupré", "ERIC"]
    assert [r.name for r in store.page(Table.LEARNER, "oe")] == ["Œuvre", "oeuvre", "Cœur"]


def ordered(store: Store, column: str, descending: bool = False) -> list[str]:
    """The interventions' GUIDs sorted by a column (ids and pages agree)."""
    order = Order(column, descending)
    page = store.page(Table.INTERVENTION, "", 0, 2, order=order) + store.page(
        Table.INTERVENTION, "", 2, 10, order=order)
    assert store.ids(Table.INTERVENTION, order=order) == [r.id for r in page]
    return [r.guid for r in page]


def test_a_sort_orders_by_the_name_shown_and_keeps_empty_cells_last(store: Store) -> None:
    assert ordered(store, "room_id") == ["I-2", "I-1", "I-3", "I-4"]  # Brest before Nice
    assert ordered(store, "room_id", descending=True) == ["I-3", "I-1", "I-2", "I-4"]
    assert ordered(store, "teacher_id") == ["I-2", "I-1", "I-3", "I-4"]  # amartin, t00283
    assert ordered(store, "start") == ["I-2", "I-3", "I-1", "I-4"]  # by date, not by text
    assert ordered(store, "start", descending=True) == ["I-1", "I-3", "I-2", "I-4"]
    assert ordered(store, "guid", descending=True) == ["I-4", "I-3", "I-2", "I-1"]
    assert ordered(store, "id", descending=True) == ["I-4", "I-3", "I-2", "I-1"]
    found = store.page(Table.INTERVENTION, "salle", order=Order("start"))
    assert [r.guid for r in found] == ["I-3", "I-1"]


def test_a_sort_reads_accented_letters_as_their_letter_on_either_engine(store: Store) -> None:
    names = ["Zoé", "émile", "Éric", "Œuvre", "eve", "Emma", "Ødegaard", "ours", "Straße",
             "Strasbourg", "Strauss"]
    store.apply([Change(Table.LEARNER, CREATE, -n - 1, {"login": f"u{n}", "name": name})
                 for n, name in enumerate(names)],
                RunInfo(config_path="c.xml", config_xml="<import-config/>", files=[],
                        counts={"create": len(names)}))
    shown = [r.name for r in store.page(Table.LEARNER, "", 0, 20, order=Order("name"))]
    assert shown == ["émile", "Emma", "Éric", "eve", "Ødegaard", "Œuvre", "ours",
                     "Strasbourg", "Straße", "Strauss", "Zoé"]
    found = store.ids(Table.LEARNER, "e", order=Order("name", descending=True))
    assert [store.get(Table.LEARNER, i).name for i in found] == [
        "Zoé", "Straße", "Œuvre", "Ødegaard", "eve", "Éric", "Emma", "émile"]


def test_a_sort_reads_every_folded_letter_as_sqlite_does_on_either_engine(store: Store) -> None:
    letters = list(SORT_FOLDS)
    names = [f"{letter}{n % 7}" for n, letter in enumerate(letters)] + [
        "".join(letters[n::37]) for n in range(37)] + [
        "Ǣ", "e\u0301mile", "Ωmega", "Æsir Ǿ", "İlker", "STRAẞE", "ß", "ss", "œuf", "oeuf",
        "Łódź", "Đakovo", "ĳssel", "ǅemal", "Ƿ", "Ά", "a\u0300", "x\u1e01", "Müller ı"]
    store.apply([Change(Table.LEARNER, CREATE, -n - 1, {"login": f"u{n}", "name": name})
                 for n, name in enumerate(names)],
                RunInfo(config_path="c.xml", config_xml="<import-config/>", files=[],
                        counts={"create": len(names)}))
    shown = [r.name for r in store.page(Table.LEARNER, "", 0, 1000, order=Order("name"))]
    assert shown == sorted(names, key=lambda name: (sort_text(name), names.index(name)))


def test_a_sort_puts_empty_texts_last_with_the_missing_ones(store: Store) -> None:
    store.apply([Change(Table.LEARNER, CREATE, -n - 1, {"login": f"u{n}", "name": name})
                 for n, name in enumerate(["b", "", None, "a"])],
                RunInfo(config_path="c.xml", config_xml="<import-config/>", files=[],
                        counts={"create": 4}))

    def names(descending: bool) -> list[str | None]:
        order = Order("name", descending)
        return [r.name for r in store.page(Table.LEARNER, "", 0, 10, order=order)]

    assert names(False) == ["a", "b", "", None]
    assert names(True) == ["b", "a", None, ""]
