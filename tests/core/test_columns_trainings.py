"""The column planner's promise for training courses: the same plan, row for row, as the row
planner's (core/columns/trainings.py against actions/training.py).

Each scenario's course file is checked twice against the same seed store, with
``columns.ENABLED`` on and off, and compared as test_columns_registrations compares
registrations: every row's line, outcome, issues, changes and kept cells, the counts, and
the planner's final view of the store; for a few, the stores the two commits leave, and
after reverting them. A plain scenario holds only what the column planner takes on (new
courses, stored ones left as they are, the usual mistakes); the others hold one thing or
more it leaves to the rows.
"""

from __future__ import annotations

import logging
import random
import unicodedata
from dataclasses import dataclass, field, replace
from operator import attrgetter
from pathlib import Path
from typing import Any

import pytest

from importer_gui.core import columns, config_xml, pipeline
from importer_gui.core.columns import frame, rows
from importer_gui.core.issues import Outcome
from importer_gui.core.plan import KeptCells, Plan
from importer_gui.core.planner import recheck_row
from importer_gui.core.store import Store
from tests.builders import ImportSpec, by_hand, config_text
from tests.core.registration_scenarios import Layout, csv_bytes
from tests.core.test_columns_registrations import (
    assert_same_plans,
    committed_both_ways,
    stored,
)

ACTION = "createOrUpdateTrainingCourseAction"
BASE = ("trainingPathCode", "trainingTitle", "trainingModality")
MODALITIES = ("blended", "distancelearning", "learning_channel", "knowledgecommunity", "kc")
TOPICS = ("Sécurité incendie", "Management", "Excel été", "Gestion de crise", "Éco-conduite",
          "Premiers secours")
LOCALES = ("fr-FR", "en-GB", "de-DE", "")
OTHER_PROGRAM = ("INSERT INTO training (path_code, title, modality, guid) VALUES "
                 "('{code}', '{title}', '{modality}', 'G-{code}')")


@dataclass(frozen=True)
class Knobs:
    """What a scenario's file, configuration and seed store hold; the defaults a plain one."""

    rows: int = 160
    extra: tuple[str, ...] = ()  # optional columns after the three usual ones
    stored: float = 0.0  # the share of rows naming a course the seed store holds
    mistakes: float = 0.0  # the share of rows with one of the usual mistakes
    title_optional: bool = False  # a new course without a title: the handler's own error
    accents: bool = False  # codes beyond ASCII (read cell by cell, in NFC)
    odd_space: str = ""  # put around some rows' code and title
    layout: Layout = field(default_factory=Layout)
    options: str = ""
    decomposed: bool = False  # a stored code in NFD (another program's), a row's in NFC
    # Not plain:
    repeated: float = 0.0  # rows naming a code an earlier row names
    changed: float = 0.0  # rows giving a stored course another title
    other_modality: float = 0.0  # rows giving a stored course another modality
    deletes: float = 0.0  # rows with trainingAction A
    guids: float = 0.0  # rows giving a GUID
    other_program: bool = False  # stored courses no import made (fullAccess=no refuses them)
    invisible: bool = False  # a code with a zero-width space: a warning of its own
    quoted: bool = False  # a title holding the delimiter, quoted


@dataclass
class Scenario:
    """A seed store's courses, a configuration and its file."""

    name: str
    header: list[str]
    seed_rows: list[list[str]]
    store_sql: list[str]
    data: bytes
    knobs: Knobs

    def spec(self, file_name: str, header: list[str], options: str = "") -> ImportSpec:
        children = ({"trainingTitle": "<mandatory>no</mandatory>"}
                    if self.knobs.title_optional else {})
        layout = self.knobs.layout
        extra = ("" if layout.delimiter == ";" else
                 f"<delimiter>{layout.delimiter_name}</delimiter>")
        return ImportSpec(file_name, tuple(header), ACTION, options=options,
                          column_children=children, provider_extra=extra)

    def seed_store(self, folder: Path) -> Path:
        """The seed store, its courses committed by an import (and some by hand)."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "seed.sqlite3"
        with Store.open(path):
            pass
        if self.seed_rows:
            (folder / "seed.csv").write_bytes(csv_bytes(self.header, self.seed_rows, Layout()))
            config = folder / "seed.xml"
            config.write_text(config_text(replace(self.spec("seed.csv", self.header),
                                                  column_children={})), encoding="utf-8")
            with Store.open(path) as store:
                pipeline.commit(pipeline.check(config_xml.load(config), store), store)
        for sql in self.store_sql:
            by_hand(path, sql)
        return path

    def write(self, folder: Path) -> Path:
        """The configuration and its file, in ``folder``; the configuration's path."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "courses.csv").write_bytes(self.data)
        path = folder / "config.xml"
        path.write_text(config_text(self.spec("courses.csv", self.header, self.knobs.options)),
                        encoding="utf-8")
        return path


class Generator:
    """A scenario from a seed: the same seed, the same scenario."""

    def __init__(self, seed: int, knobs: Knobs) -> None:
        self.rng = random.Random(seed)
        self.knobs = knobs
        self.header = [*BASE, *knobs.extra]

    def course(self, number: int) -> dict[str, str]:
        rng = self.rng
        prefix = rng.choice(("ÉCO", "SÉC", "FOR")) if self.knobs.accents else "TR"
        return {"trainingPathCode": f"{prefix}-{number:05d}",
                "trainingTitle": f"{rng.choice(TOPICS)} {number}",
                "trainingModality": rng.choice(MODALITIES),
                "trainingLocale": rng.choice(LOCALES),
                "trainingDuration": rng.choice(("", "7", "14", "21")),
                "trainingCost": rng.choice(("", "450 €", "1200")),
                "trainingDescription": rng.choice(("", "Trois modules, un examen")),
                "trainingAction": rng.choice(("", "M")), "trainingGuid": "",
                "lovCodes": rng.choice(("", "REF1,REF2||REF3")),
                "trainingScoresVisibleByLearners": rng.choice(("", "yes"))}

    def scenario(self, name: str) -> Scenario:
        knobs, rng = self.knobs, self.rng
        pool = [self.course(number) for number in rng.sample(range(1, 99999), knobs.rows)]
        seeded = pool[:int(len(pool) * knobs.stored)]
        rows = [dict(course) for course in pool]
        rng.shuffle(rows)
        store_sql: list[str] = []
        for row in rows:
            self._vary(row, seeded)
        if knobs.decomposed:
            course = rows[3]
            course["trainingPathCode"] = "ÉTÉ-00001"
            store_sql.append(OTHER_PROGRAM.format(
                code=unicodedata.normalize("NFD", course["trainingPathCode"]),
                title=course["trainingTitle"], modality=course["trainingModality"]))
        if knobs.other_program:
            for course in rng.sample(pool[len(seeded):], 5):
                store_sql.append(OTHER_PROGRAM.format(
                    code=course["trainingPathCode"], title=course["trainingTitle"],
                    modality=course["trainingModality"]))
        if knobs.invisible:
            rows[7]["trainingPathCode"] = "TR-\u200b77777"
        if knobs.quoted:
            rows[9]["trainingTitle"] = "Lyon; Villeurbanne"
        if knobs.odd_space:
            for row in rows[::7]:
                for column in ("trainingPathCode", "trainingTitle"):
                    row[column] = f"{knobs.odd_space}{row[column]}{knobs.odd_space}"
        header = self.header
        seed_rows = [[course[c] for c in header] for course in seeded]
        data = csv_bytes(header, [[row[c] for c in header] for row in rows], knobs.layout)
        return Scenario(name, header, seed_rows, store_sql, data, knobs)

    def _vary(self, row: dict[str, str], seeded: list[dict[str, str]]) -> None:
        """A row's mistake, or what makes it another planner's."""
        knobs, rng = self.knobs, self.rng
        stored = any(row["trainingPathCode"] == s["trainingPathCode"] for s in seeded)
        if stored and rng.random() < knobs.changed:
            row["trainingTitle"] += " (nouvelle version)"
        if stored and rng.random() < knobs.other_modality:
            row["trainingModality"] = next(m for m in MODALITIES
                                           if m[:3] != row["trainingModality"][:3])
        if rng.random() < knobs.repeated:
            row["trainingPathCode"] = rng.choice(seeded or [row])["trainingPathCode"]
        if rng.random() < knobs.deletes:
            row["trainingAction"] = "A"
        if rng.random() < knobs.guids:
            row["trainingGuid"] = f"GUID-{rng.randrange(10 ** 6)}"
        if rng.random() < knobs.mistakes:
            self._mistake(row)

    def _mistake(self, row: dict[str, str]) -> None:
        """One of the usual mistakes."""
        rng = self.rng
        kind = rng.choice(("modality", "title", "code", "locale", "duration", "action"))
        if kind == "modality":
            row["trainingModality"] = "presentiel"
        elif kind == "title":
            row["trainingTitle"] = ""
        elif kind == "code":
            row["trainingPathCode"] = " "
        elif kind == "locale" and "trainingLocale" in self.header:
            row["trainingLocale"] = "fr-FR-x-long"
        elif kind == "duration" and "trainingDuration" in self.header:
            row["trainingDuration"] = "deux jours"
        elif kind == "action" and "trainingAction" in self.header:
            row["trainingAction"] = "X"


@dataclass(frozen=True)
class Case:
    """A scenario to generate: its name, whether it is plain, its seed and knobs."""

    name: str
    plain: bool
    seed: int
    knobs: Knobs

    def scenario(self) -> Scenario:
        return Generator(self.seed, self.knobs).scenario(self.name)


def plain(name: str, seed: int, **knobs: Any) -> Case:
    return Case(name, True, seed, Knobs(**knobs))


def not_plain(name: str, seed: int, **knobs: Any) -> Case:
    return Case(name, False, seed, Knobs(**knobs))


EVERY = ("trainingLocale", "trainingDuration", "trainingCost", "trainingDescription",
         "trainingAction", "trainingGuid")
FULL_ACCESS_NO = "<fullAccess>no</fullAccess>"

PLAIN = [
    plain("new-courses", 1),
    plain("new-courses-with-mistakes", 2, mistakes=0.2),
    plain("half-stored", 3, stored=0.5, mistakes=0.1),
    plain("every-column", 4, extra=EVERY, stored=0.3, mistakes=0.2),
    plain("title-optional", 5, title_optional=True, stored=0.3, mistakes=0.3),
    plain("codes-beyond-ascii", 6, accents=True, stored=0.4, mistakes=0.1),
    plain("spaces-around", 7, odd_space="\u3000\xa0 ", stored=0.3),
    plain("crlf-bom", 8, layout=Layout(line_end="\r\n", bom=True), mistakes=0.1),
    plain("no-last-newline", 9, layout=Layout(trailing_newline=False), stored=0.2),
    plain("full-access-no-on-imported-courses", 10, stored=0.5, options=FULL_ACCESS_NO),
    plain("a-stored-code-in-nfd", 11, stored=0.4, decomposed=True),
    plain("all-stored", 12, stored=1.0, mistakes=0.05, extra=("trainingLocale",)),
]

NOT_PLAIN = [
    not_plain("code-repeated", 101, repeated=0.1, stored=0.3),
    not_plain("title-changed", 102, stored=0.5, changed=0.1),
    not_plain("modality-changed", 103, stored=0.5, other_modality=0.1),
    not_plain("deletes", 104, extra=("trainingAction",), deletes=0.1, stored=0.3),
    not_plain("guids", 105, extra=("trainingGuid",), guids=0.2, stored=0.3),
    not_plain("full-access-no-on-another-program-s", 106, other_program=True,
              options=FULL_ACCESS_NO, stored=0.2),
    not_plain("invisible-space", 107, invisible=True),
    not_plain("quoted-title", 108, quoted=True),
    not_plain("legacy-field", 109, extra=("trainingScoresVisibleByLearners",)),
    not_plain("learning-objects", 110, extra=("lovCodes",)),
    not_plain("everything-at-once", 111, extra=EVERY, stored=0.4, mistakes=0.1,
              repeated=0.05, changed=0.05, other_modality=0.05, deletes=0.05, guids=0.05,
              layout=Layout(line_end="\r\n")),
]

CASES = PLAIN + NOT_PLAIN
# New courses among mistakes: each part's rows go to the write as the records were made
# (rows.made); the others, where stored courses come between, as each record reads.
COMMITTED = ["new-courses-with-mistakes", "half-stored", "every-column", "everything-at-once"]


def prepare(case: Case, folder: Path) -> tuple[Path, Path]:
    """The scenario's configuration and seed store, in ``folder``."""
    scenario = case.scenario()
    return scenario.write(folder / "check"), scenario.seed_store(folder / "seed")


def check(config: Path, store_path: Path, monkeypatch: pytest.MonkeyPatch, *,
          by_columns: bool, kept: KeptCells) -> Plan:
    """The command line's check of the scenario, the column planner on or off."""
    monkeypatch.setattr(columns, "ENABLED", by_columns)
    with Store.open(store_path) as store:
        return pipeline.check(config_xml.load(config), store, kept=kept)


@pytest.mark.parametrize("case", CASES, ids=attrgetter("name"))
def test_both_planners_plan_alike(case: Case, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    config, store = prepare(case, tmp_path)
    for kept in (KeptCells.ALL, KeptCells.ERRORS):
        by_columns = check(config, store, monkeypatch, by_columns=True, kept=kept)
        by_rows = check(config, store, monkeypatch, by_columns=False, kept=kept)
        assert len(by_rows.imports[0].rows) >= 100  # the scenario is not empty
        assert [imp.by_columns for imp in by_columns.imports] == [case.plain]
        assert_same_plans(by_columns, by_rows)
    counts = by_rows.counts()
    assert counts[Outcome.CREATE] or case.knobs.stored == 1
    assert counts[Outcome.UNCHANGED] or not case.knobs.stored
    assert counts[Outcome.ERROR] or not case.knobs.mistakes


@pytest.mark.parametrize("part", [rows.PART, 5], ids=["whole", "in-parts"])
@pytest.mark.parametrize("name", COMMITTED)
def test_both_commits_and_their_reverts_leave_the_same_store(
        name: str, part: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    # In parts: the rows go to the write a few at a time as they are filed, each part's
    # values taken across the new courses' held columns' own smaller parts.
    monkeypatch.setattr(rows, "PART", part)
    monkeypatch.setattr(frame, "PART", max(part // 2, 1))
    caplog.set_level(logging.INFO, logger="importer_gui.core.feeding")
    case = next(case for case in CASES if case.name == name)
    config, seed = prepare(case, tmp_path)
    before = stored(seed)
    plans, after = committed_both_ways(config, seed, tmp_path, monkeypatch)
    assert plans[True].imports[0].by_columns == case.plain
    assert "not finished" not in caplog.text  # each written beside its check
    assert after[True] != before  # the commit wrote something


def test_the_comparison_tells_plans_of_different_files_apart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config, store = prepare(PLAIN[2], tmp_path)
    plan = check(config, store, monkeypatch, by_columns=False, kept=KeptCells.ALL)
    data = config.parent / "courses.csv"
    lines = data.read_bytes().split(b"\n")
    lines[5] = lines[5].replace(b";", b"x;", 1)  # one row's code another
    data.write_bytes(b"\n".join(lines))
    other = check(config, store, monkeypatch, by_columns=True, kept=KeptCells.ALL)
    with pytest.raises(AssertionError, match="differ"):
        assert_same_plans(other, plan)


def assert_rechecked_alike(config: Path, store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows edited to name the course the row before names (stored or new) are warned
    alike after a plan by column and after a plan row by row, some as repeats."""
    rechecked = {}
    for by_columns in (True, False):
        plan = check(config, store, monkeypatch, by_columns=by_columns, kept=KeptCells.ALL)
        assert plan.imports[0].by_columns is by_columns
        rows = plan.imports[0].rows
        rechecked[by_columns] = [recheck_row(plan, 0, index + 1, rows.cells[index])
                                 for index in range(0, 40, 3)]
    assert [(row.outcome, row.results) for row in rechecked[True]] == [
        (row.outcome, row.results) for row in rechecked[False]]
    assert any(issue.message.startswith("Line ") for row in rechecked[True]
               for issue in row.issues())


def test_a_row_edited_after_a_column_plan_is_warned_as_after_a_row_plan(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config, store = prepare(PLAIN[2], tmp_path)  # new courses and stored ones
    assert_rechecked_alike(config, store, monkeypatch)


def test_courses_stored_with_ids_past_four_bytes_are_warned_again_as_after_a_row_plan(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config, store = prepare(PLAIN[2], tmp_path)  # new courses and stored ones
    by_hand(store, "UPDATE training SET id = id + 3000000000")  # past what 4 bytes hold
    assert_rechecked_alike(config, store, monkeypatch)
