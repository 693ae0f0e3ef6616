"""The platform's own examples: each Import page's configuration loads, checks and commits.

``tests/data/documented/<page>.xml`` is the page's example exactly as the page prints it
(test data); ``<page>.csv`` a small data file written for it, whose header is the example's
columns. The test lays the example in a configuration of its own, with a provider naming that
file, and runs them in the order an administrator would feed a new platform: entities,
learners, training courses, (teachers), registrations (which create the sessions), sessions,
interventions, tracking.

Where a page has a typo, loading says so and names the valid name meant; the fix the wizard
offers is applied and the example then loads (issue 15).
"""

from __future__ import annotations

import csv
import dataclasses
import re
from pathlib import Path

import pytest

from importer_gui.core import config_xml, pipeline
from importer_gui.core.config import ImportConfig
from importer_gui.core.errors import ConfigError
from importer_gui.core.issues import Level
from importer_gui.core.plan import Plan
from importer_gui.core.records import Table
from importer_gui.core.store import Store
from tests.builders import teachers_import
from tests.core.harness import Env, rows

DOCUMENTED = Path(__file__).parents[1] / "data" / "documented"

ENTITY = "createorupdate-entity-action"
LEARNER = "createorupdate-learner-action"
TRAINING = "createorupdate-trainingcourse-action"
REGISTRATION = "registerlearner-action"
SESSION = "createorupdate-session-action"
INTERVENTION = "createorupdate-intervention-action"
TRACKING = "createorupdate-consolidated-tracking-action"
# The order an administrator feeds a new platform in.
ORDER = (ENTITY, LEARNER, TRAINING, REGISTRATION, SESSION, INTERVENTION, TRACKING)

STRAY_END_TAG = "</registrationDate>"
STRAY_FIX = (STRAY_END_TAG, "<registrationDate/>")
# The page's typos: (the name or tag as written, the valid one the message names and the fix
# gives); the registration page's </registrationDate> stands alone, for <registrationDate/>.
TYPOS: dict[str, list[tuple[str, str]]] = {
    SESSION: [("sessionID", "sessionId")],
    REGISTRATION: [STRAY_FIX, ("seesionId", "sessionId")],
}

# What each example's rows come to, line by line.
OUTCOMES: dict[str, list[str]] = {
    ENTITY: ["create", "create"],
    LEARNER: ["create", "create"],
    TRAINING: ["create", "create"],
    REGISTRATION: ["create", "create", "create"],
    SESSION: ["update", "update"],
    INTERVENTION: ["create", "create"],
    TRACKING: ["create", "create"],
}


def configuration_text(page: str) -> str:
    """A whole configuration: a provider for the page's data file, then its example."""
    with (DOCUMENTED / f"{page}.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle, delimiter=";"))
    example = (DOCUMENTED / f"{page}.xml").read_text(encoding="utf-8")
    columns = "".join(f"<{name}/>" for name in header)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<import-config>\n<import>\n'
            "<providers><fileSystemSourceProvider>"
            f"<fileName>{page}.csv</fileName><skipFirstLine>yes</skipFirstLine>"
            f"<columnsMapping>{columns}</columnsMapping>"
            "</fileSystemSourceProvider></providers>\n"
            f"{example}</import>\n</import-config>\n")


def load_fixed(path: Path) -> tuple[ImportConfig, list[ConfigError]]:
    """Load a configuration, applying each "did you mean" as the wizard offers it."""
    errors: list[ConfigError] = []
    for _ in range(5):
        try:
            return config_xml.load(path), errors
        except ConfigError as error:
            errors.append(error)
            text = path.read_text(encoding="utf-8")
            assert error.suggestion is not None, str(error)
            fixed = config_xml.apply_suggestion(text, error)
            assert fixed != text, str(error)
            path.write_text(fixed, encoding="utf-8")
    raise AssertionError(f"{path.name} still does not load")


def ids(env: Env) -> dict[str, int]:
    """The store's ids a data file may name: {training:CODE} and {session:TITLE}."""
    with Store.open(env.store_path) as store:
        state = store.load_state([Table.TRAINING, Table.SESSION])
    found = {f"training:{t.path_code}": t.id for t in state.trainings.values()}
    found.update({f"session:{s.title}": s.id for s in state.sessions.values()})
    return found


def data_file(env: Env, page: str) -> None:
    """The page's data file in the test's folder, the store's ids put in."""
    text = (DOCUMENTED / f"{page}.csv").read_text(encoding="utf-8")
    if "{" in text:
        known = ids(env)
        text = re.sub(r"\{([^}]+)\}", lambda m: str(known[m.group(1)]), text)
    (env.folder / f"{page}.csv").write_text(text, encoding="utf-8")


def run(env: Env, page: str) -> tuple[Plan, Plan, list[ConfigError]]:
    """Load the page's example (typos fixed), check it, commit it: (check, commit, typos)."""
    path = env.folder / f"{page}.xml"
    path.write_text(configuration_text(page), encoding="utf-8")
    data_file(env, page)
    config, errors = load_fixed(path)
    with Store.open(env.store_path) as store:
        checked = pipeline.check(config, store)
        committed = pipeline.check(config, store)
        if committed.writes_anything():  # the same check again changes nothing: no run
            pipeline.commit(committed, store)
    return checked, committed, errors


def feed_until(env: Env, page: str) -> None:
    """Commit every example that comes before ``page``, and the teachers sessions need."""
    for earlier in ORDER[:ORDER.index(page)]:
        if earlier == REGISTRATION:  # sessions and interventions name teachers: ours
            env.commit(teachers_import(env.folder, [
                ["mdupont", "Dupont", "Marie", "m@example.org"],
                ["jmartin", "Martin", "Jean", "j@example.org"]]))
        run(env, earlier)


def errors_of(plan: Plan) -> list[str]:
    """Every ERROR of a plan."""
    return [i.message for imp in plan.imports for r in imp.rows for i in r.issues()
            if i.level is Level.ERROR]


@pytest.mark.parametrize("page", ORDER)
def test_each_documented_example_loads_checks_and_commits(tmp_path: Path, page: str) -> None:
    env = Env(tmp_path)
    feed_until(env, page)
    checked, committed, typos = run(env, page)
    assert errors_of(checked) == []
    assert [outcome for _, outcome, _ in rows(checked)] == OUTCOMES[page]
    assert rows(committed) == rows(checked)
    # Committed: the same check again changes nothing.
    again, _, _ = run(env, page)
    assert {outcome for _, outcome, _ in rows(again)} == {"unchanged"}, rows(again)
    expected = TYPOS.get(page, [])
    assert [e.suggestion for e in typos] == expected
    for error, (wrong, right) in zip(typos, expected, strict=True):
        assert f'did you mean "{right}"?' in str(error)
        if wrong == STRAY_END_TAG:  # the parser's message names the tag's line
            text = configuration_text(page)
            assert error.line == text[:text.index(STRAY_END_TAG)].count("\n") + 1
        else:
            assert f'"{wrong}"' in str(error)


def test_the_stray_end_tag_is_offered_as_the_empty_element_it_stands_for(
        tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text(configuration_text(REGISTRATION), encoding="utf-8")
    text = configuration_text(REGISTRATION)
    assert "<columnsMapping>" in text and text.count("<registrationDate/>") == 1
    with pytest.raises(ConfigError) as raised:
        config_xml.load(path)
    error = raised.value
    assert error.suggestion == STRAY_FIX
    assert str(error).endswith('did you mean "<registrationDate/>"?')
    fixed = config_xml.apply_suggestion(text, error)
    assert fixed == text.replace(STRAY_END_TAG, "<registrationDate/>")


def test_an_end_tag_closing_an_element_left_open_is_not_offered_as_an_empty_one(
        tmp_path: Path) -> None:
    # <registrationDate> opened (not empty, as columnsMapping's <registrationDate/> is) and
    # a child of it left open: the end tag is no stray one.
    text = configuration_text(REGISTRATION).replace(
        "<registrationGuid/>", "<registrationGuid/><registrationDate><note>")
    path = tmp_path / "config.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        config_xml.load(path)
    assert raised.value.suggestion is None


def test_the_training_course_example_loads_as_printed(tmp_path: Path) -> None:
    # Its "</actions>>" leaves a ">" after the element: text, which XML allows (the
    # platform's parser reads it too), so the example loads without a fix.
    assert (DOCUMENTED / f"{TRAINING}.xml").read_text(encoding="utf-8").rstrip().endswith(
        "</actions>>")
    path = tmp_path / "config.xml"
    path.write_text(configuration_text(TRAINING), encoding="utf-8")
    assert [a.name for a in config_xml.load(path).imports[0].actions] == [
        "createOrUpdateTrainingCourseAction"]


def test_the_whole_month_in_one_store(tmp_path: Path) -> None:
    env = Env(tmp_path)
    feed_until(env, TRACKING)
    run(env, TRACKING)
    with Store.open(env.store_path) as store:
        state = store.load_state(list(Table))
    assert len(state.learners) == 2 and len(state.registrations) == 3
    assert len(state.sessions) == 2 and len(state.interventions) == 2
    assert len(state.trackings) == 2
    course = next(t for t in state.trainings.values() if t.path_code == "SEC-101")
    assert (course.modality, course.steps, course.lov_codes) == (
        "blended", "Théorie|>1||Pratique|>2", "REF1,REF2||REF3")


def test_each_action_example_has_its_data_file() -> None:
    names = {p.name for p in DOCUMENTED.iterdir() if p.is_file()}
    assert names == {f"{page}.{suffix}" for page in ORDER for suffix in ("xml", "csv")}


# --- the consolidator pages' examples ------------------------------------------------------

CONSOLIDATORS = DOCUMENTED / "consolidators"
# The time logger page's example never closes <timeLogger>: no parser reads it.
UNCLOSED = "time-logger-consolidator"


def with_consolidators(folder: Path, page: str) -> Path:
    """A teacher import (one row) followed by the page's <consolidators> example."""
    (folder / "teachers.csv").write_text("teacherLogin\nmdupont\n", encoding="utf-8")
    example = (CONSOLIDATORS / f"{page}.xml").read_text(encoding="utf-8")
    path = folder / "config.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<import-config>\n<import>\n'
        "<providers><fileSystemSourceProvider><fileName>teachers.csv</fileName>"
        "<columnsMapping><teacherLogin/></columnsMapping></fileSystemSourceProvider>"
        "</providers>\n<actions><createOrUpdateTeacherAction><fields><teacherLogin/></fields>"
        f"</createOrUpdateTeacherAction></actions>\n{example}</import>\n</import-config>\n",
        encoding="utf-8")
    return path


@pytest.mark.parametrize("page", sorted(p.stem for p in CONSOLIDATORS.glob("*.xml")))
def test_each_consolidator_example_loads_checks_commits_and_is_saved_as_it_was(
        tmp_path: Path, page: str) -> None:
    path = with_consolidators(tmp_path, page)
    if page == UNCLOSED:
        with pytest.raises(ConfigError) as raised:
            config_xml.load(path)
        assert "timeLogger" in str(raised.value) and raised.value.line is not None
        path.write_text(path.read_text(encoding="utf-8").replace("<timeLogger>",
                                                                 "<timeLogger/>"),
                        encoding="utf-8")
    example = path.read_text(encoding="utf-8")
    config = config_xml.load(path)
    with Store.open(tmp_path / "store.sqlite3") as store:
        plan = pipeline.check(config, store)
        pipeline.commit(plan, store)
    assert rows(plan) == [(2, "create", [])]
    # Kept as it is, not run: a save writes the example back unchanged.
    saved = config_xml.dumps(config)
    consolidators = example[example.index("<consolidators>"):
                            example.index("</consolidators>") + len("</consolidators>")]
    assert consolidators in (saved.decode() if isinstance(saved, bytes) else saved)


@pytest.mark.parametrize("page", sorted(p.stem for p in CONSOLIDATORS.glob("*.xml")))
def test_each_consolidator_example_written_anew_stays_a_consolidator(
        tmp_path: Path, page: str) -> None:
    path = with_consolidators(tmp_path, page)
    path.write_text(path.read_text(encoding="utf-8").replace("<timeLogger>", "<timeLogger/>"),
                    encoding="utf-8")
    config = config_xml.load(path)
    # Written from scratch (no loaded document to patch), each kept consolidator is placed
    # by its name: the page's element must be one the catalogue knows as a consolidator.
    text = config_xml.dumps(dataclasses.replace(config, document=None))
    inside = text[text.index("<consolidators>"):text.index("</consolidators>")]
    for element in config.imports[0].preserved:
        assert element in inside, element
    assert config_xml.loads(text) == dataclasses.replace(config, document=None, source=None)
