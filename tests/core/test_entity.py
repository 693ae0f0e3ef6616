"""createOrUpdateEntityAction: the organisation tree, one level per hierarchyEntityName column."""

from __future__ import annotations

from pathlib import Path

from importer_gui.core import config_xml, pipeline
from importer_gui.core.revert import commit_revert, plan_revert
from importer_gui.core.store import Store, StoreLocation
from tests.builders import ImportSpec, by_hand, config_text, tables, write_config, write_csv
from tests.core.harness import Env, row, rows
from tests.postgres import record_tables

LEVELS = ("hierarchyEntityName", "hierarchyEntityName")
ACTION = "createOrUpdateEntityAction"


def entities_import(folder: Path, lines: list[list[str]], *, default: str | None = "8",
                    columns: tuple[str, ...] = LEVELS, fields: str | None = None) -> ImportSpec:
    """An entity import of ``lines`` (one column per level) and its CSV file."""
    write_csv(folder / "entities.csv", [columns, *lines])
    options = "" if default is None else f"<defaultEntityId>{default}</defaultEntityId>"
    return ImportSpec("entities.csv", columns, ACTION, options=options, fields=fields)


def tree(env: Env) -> list[tuple[int, str, int | None]]:
    """(id, name, parent id) of every entity in the store."""
    return [(r[0], r[1], r[3]) for r in tables(env.store_path)["entity"]]


def test_the_page_example_builds_its_hierarchy(tmp_path: Path) -> None:
    env = Env(tmp_path)
    spec = entities_import(tmp_path, [["A", "B"], ["A", "C"]])
    assert rows(env.commit(spec)) == [(2, "create", []), (3, "create", [])]
    # Entity 8 - A - (B, C): defaultEntityId taken on trust while the store knows none.
    assert tree(env) == [(8, "Entity 8", None), (9, "A", 8), (10, "B", 9), (11, "C", 9)]
    assert rows(env.check(spec)) == [(2, "unchanged", []), (3, "unchanged", [])]


def test_the_page_example_as_written(tmp_path: Path) -> None:
    # The page's CSV (commas, no header line) and its <actions> block, tabs and all.
    (tmp_path / "entities.csv").write_text("A,B\nA,C\n", encoding="utf-8")
    fields = "\n\t\t\t<hierarchyEntityName/>\n\t\t\t<hierarchyEntityName/>\n\t\t"
    text = config_text(ImportSpec(
        "entities.csv", LEVELS, ACTION, options="\n\t\t\t<defaultEntityId>8</defaultEntityId>"
        "\n\t\t", fields=fields, provider_extra="<delimiter>comma</delimiter>"))
    (tmp_path / "config.xml").write_text(text.replace(
        "<skipFirstLine>yes</skipFirstLine>", "<skipFirstLine>no</skipFirstLine>"),
        encoding="utf-8")
    env = Env(tmp_path)
    with Store.open(env.store_path) as store:
        plan = pipeline.check(config_xml.load(tmp_path / "config.xml"), store)
        pipeline.commit(plan, store)
    assert rows(plan) == [(1, "create", []), (2, "create", [])]
    assert tree(env) == [(8, "Entity 8", None), (9, "A", 8), (10, "B", 9), (11, "C", 9)]


def test_the_misspelt_column_is_the_same_field(tmp_path: Path) -> None:
    env = Env(tmp_path)
    misspelt = ("hieracrchyEntityName", "hieracrchyEntityName")
    spec = entities_import(tmp_path, [["A", "B"]], columns=misspelt,
                           fields="<hieracrchyEntityName/><hieracrchyEntityName/>")
    assert rows(env.commit(spec)) == [(2, "create", [])]
    assert tree(env) == [(8, "Entity 8", None), (9, "A", 8), (10, "B", 9)]
    # Written back under the name the document used.
    written = config_xml.dumps(config_xml.load(write_config(tmp_path, spec)))
    assert written.count("<hieracrchyEntityName/>") == 4
    assert "<hierarchyEntityName" not in written


def test_an_unknown_default_entity_once_the_store_knows_some(tmp_path: Path) -> None:
    env = Env(tmp_path)
    env.commit(entities_import(tmp_path, [["A", "B"]]))
    plan = env.check(entities_import(tmp_path, [["D", "E"]], default="5"))
    assert row(plan, 2) == ("error", [
        "defaultEntityId is 5, and no entity of the store has this id: the import would fail "
        "on the platform."])
    # A known id: the first level goes under it.
    env.commit(entities_import(tmp_path, [["D", "E"]], default="9"))
    assert tree(env)[-2:] == [(11, "D", 9), (12, "E", 11)]


def test_a_known_name_is_moved_under_the_level_before_it(tmp_path: Path) -> None:
    env = Env(tmp_path)
    plan = env.commit(entities_import(tmp_path, [["France", "Paris"], ["Texas", "Paris"]]))
    assert rows(plan) == [(2, "create", []), (3, "create", [
        "Entity Paris moves from France to Texas."])]
    assert tree(env) == [(8, "Entity 8", None), (9, "France", 8), (10, "Paris", 11),
                         (11, "Texas", 8)]


def test_an_entity_cannot_go_under_itself(tmp_path: Path) -> None:
    env = Env(tmp_path)
    env.commit(entities_import(tmp_path, [["A", "B"]]))
    columns = ("hierarchyEntityName",) * 3
    plan = env.check(entities_import(tmp_path, [["A", "B", "A"], ["C", "C", ""]],
                                     columns=columns))
    assert row(plan, 2) == ("error", ["Entity A cannot be placed under B: B is inside it."])
    assert row(plan, 3) == ("error", ["Entity C cannot be placed under C: C is inside it."])
    # B goes to the top first, then A under it: a tree still.
    plan = env.check(entities_import(tmp_path, [["B", "A"]]))
    assert row(plan, 2) == ("update", ["Entity B moves from A to Entity 8.",
                                       "Entity A moves from Entity 8 to B."])


def test_empty_levels(tmp_path: Path) -> None:
    columns = ("hierarchyEntityName",) * 3
    plan = Env(tmp_path).check(entities_import(
        tmp_path, [["A", "", ""], ["A", "", "C"], ["", "B", ""]], columns=columns))
    assert row(plan, 2) == ("create", [])
    assert row(plan, 3) == ("error", [
        "Field hierarchyEntityName#2 is empty, yet hierarchyEntityName#3 names a level below "
        "it (C)."])
    assert row(plan, 4) == ("error", ["Field hierarchyEntityName is empty."])


def test_the_oldest_entity_of_a_name_is_the_one(tmp_path: Path) -> None:
    env = Env(tmp_path)
    env.commit(entities_import(tmp_path, [["A"], ["B"]], columns=("hierarchyEntityName",)))
    by_hand(env.store_path, "INSERT INTO entity (id, name, parent_id) VALUES (20, 'A', 8)")
    env.commit(entities_import(tmp_path, [["A", "X"]]))
    assert [(name, parent) for _, name, parent in tree(env) if name == "X"] == [("X", 9)]


def test_reverting_an_entity_import_restores_the_store(tmp_path: Path) -> None:
    env = Env(tmp_path)
    env.commit(entities_import(tmp_path, [["A", "B"]]))
    before = tree(env)
    config = config_xml.load(write_config(tmp_path, entities_import(
        tmp_path, [["C", "B"], ["C", "D"]])))
    with Store.open(env.store_path) as store:
        run_id = pipeline.commit(pipeline.check(config, store), store).run_id
    assert tree(env) == [(8, "Entity 8", None), (9, "A", 8), (10, "B", 11), (11, "C", 8),
                         (12, "D", 11)]
    with Store.open(env.store_path) as store:
        commit_revert(store, plan_revert(store, run_id))
    assert tree(env) == before


def test_learners_of_entities_the_same_configuration_creates(tmp_path: Path) -> None:
    env = Env(tmp_path)
    entities = entities_import(tmp_path, [["Sales", "Lyon"]], default="1")
    write_csv(tmp_path / "learners.csv", [("candidateLogin", "entityName"), ("jdoe", "Lyon")])
    learners = ImportSpec("learners.csv", ("candidateLogin", "entityName"),
                          "createOrUpdateLearnerAction")
    plan = env.commit(entities, learners)
    assert rows(plan, 0) == [(2, "create", [])] and rows(plan, 1) == [(2, "create", [])]
    assert tree(env) == [(1, "Entity 1", None), (2, "Sales", 1), (3, "Lyon", 2)]
    assert [(r[1], r[6]) for r in tables(env.store_path)["learner"]] == [("jdoe", 3)]


def test_the_trusted_root_and_its_tree_on_each_engine(tmp_path: Path,
                                                      store_url: StoreLocation) -> None:
    # Entity 8 is written with its own id: later ids go on past it.
    def commit(*imports: ImportSpec) -> int:
        config = config_xml.load(write_config(tmp_path, *imports))
        with Store.open(store_url) as store:
            return pipeline.commit(pipeline.check(config, store), store).run_id

    def entity_rows() -> list[tuple]:
        return [(r[0], r[1], r[3]) for r in record_tables(store_url)["entity"]]

    commit(entities_import(tmp_path, [["A", "B"]]))
    after_first = record_tables(store_url)
    write_csv(tmp_path / "learners.csv", [("candidateLogin", "entityName"), ("jdoe", "B")])
    second = commit(ImportSpec("learners.csv", ("candidateLogin", "entityName"),
                               "createOrUpdateLearnerAction"),
                    entities_import(tmp_path, [["A", "C"]]))
    assert entity_rows() == [(8, "Entity 8", None), (9, "A", 8), (10, "B", 9), (11, "C", 9)]
    assert [(r[1], r[6]) for r in record_tables(store_url)["learner"]] == [("jdoe", 10)]
    with Store.open(store_url) as store:
        commit_revert(store, plan_revert(store, second))
    assert record_tables(store_url) == after_first
