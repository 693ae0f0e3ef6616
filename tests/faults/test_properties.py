"""Proof by generated input: only the project's own errors ever escape the loader or checker."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from importer_gui.core import catalogue, config_xml
from importer_gui.core.cells import Cell
from importer_gui.core.errors import ImporterError
from importer_gui.core.planner import plan_config
from importer_gui.core.progress import Monitor
from importer_gui.core.records import Change, ChangeKind, StoreState, Table
from importer_gui.core.store import RunInfo, Store
from tests.builders import ImportSpec, config_text

FAST = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# --------------------------------------------------------------------------- the loader

VOCABULARY = sorted({
    "import-config", "import", "providers", "fileSystemSourceProvider", "actions", "fields",
    "options", "columnsMapping", "consolidators", "preProcess", "postProcess", "mandatory",
    "timeStampedFileErrorLogger", "location", "sessionSearchField", "createUpdate", "cancel",
    catalogue.IGNORED_COLUMN, *catalogue.ACTIONS, *catalogue.ALL_FIELD_NAMES,
    *catalogue.PROVIDER_OPTIONS, "junk", "sessionID", "x-y"})
TEXTS = st.one_of(st.sampled_from(["", "yes", "no", "YES", "comma", "tabulation", "UTF-16LE",
                                   "klingon", "YYYY-MM-DD", "DD/MM/YYYY HH:II", "%Y", "*.csv",
                                   "../../etc/passwd", "M", "A", "0", "-1"]),
                  st.text(max_size=20))


def element(depth: int) -> st.SearchStrategy[etree._Element]:
    """Random trees of known (and a few unknown) element names."""
    def build(tag: str, text: str, children: list[etree._Element],
              attrs: dict[str, str]) -> etree._Element:
        node = etree.Element(tag, attrs)
        node.text = text
        node.extend(children)
        return node

    kids = st.just([]) if depth == 0 else st.lists(element(depth - 1), max_size=4)
    names = st.sampled_from(VOCABULARY)
    return st.builds(build, names, TEXTS.filter(_xml_text), kids,
                     st.dictionaries(st.sampled_from(["a", "name", "type"]),
                                     TEXTS.filter(_xml_text), max_size=2))


def _xml_text(text: str) -> bool:
    """Text lxml accepts in a document (no control characters or surrogates)."""
    try:
        etree.Element("x").text = text
    except ValueError:
        return False
    return True


@FAST
@given(tree=element(5), wrap=st.booleans())
def test_any_tree_of_known_names_loads_or_is_a_config_error(tree: etree._Element,
                                                            wrap: bool) -> None:
    if wrap:
        root = etree.Element("import-config")
        root.append(tree)
        tree = root
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    try:
        config = config_xml.loads(data, Path("/cfg/generated.xml"))
    except ImporterError:
        return
    config_xml.loads(config_xml.dumps(config))  # what loads, saves and loads again


@FAST
@given(data=st.one_of(st.binary(max_size=400), st.text(max_size=400)),
       prefix=st.sampled_from([b"", b"<?xml version='1.0'?>", b"<import-config>",
                               b"\xef\xbb\xbf", b"\xff\xfe", b"<!DOCTYPE x ["]))
def test_any_bytes_load_or_are_a_config_error(data: bytes | str, prefix: bytes) -> None:
    raw = prefix + (data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    with contextlib.suppress(ImporterError):
        config_xml.loads(raw)


# --------------------------------------------------------------------------- the row checker


@dataclass
class GeneratedTable:
    """Rows a test makes up, read like a data file."""

    path: Path
    headers: list[str] | None
    cells: list[tuple[Cell, ...]]

    @property
    def row_count_hint(self) -> int:
        """Known in advance."""
        return len(self.cells)

    def rows(self, *, shared: bool = True) -> Iterator[tuple[int, tuple[Cell, ...]]]:
        """(line, cells), numbered from 2 as after a header (held: ``shared`` changes
        nothing)."""
        yield from enumerate(self.cells, start=2)


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> StoreState:
    """A store with a teacher, a training course, a session, a room and an intervention."""
    path = tmp_path_factory.mktemp("store") / "store.sqlite3"
    create = ChangeKind.CREATE
    with Store.open(path) as store:
        store.apply([
            Change(Table.TEACHER, create, -1, {"login": "jdoe", "name": "Doe"}),
            Change(Table.TRAINING, create, -1, {"path_code": "PC-1", "title": "Safety",
                                                "guid": "T-1"}),
            Change(Table.SESSION, create, -1, {"training_id": -1, "title": "S", "guid": "S-1",
                                               "teacher_id": -1}),
            Change(Table.ROOM, create, -1, {"guid": "R-1", "label": "Blue"}),
            Change(Table.INTERVENTION, create, -1, {"guid": "I-1", "session_id": -1,
                                                    "room_id": -1, "teacher_id": -1}),
        ], RunInfo("c.xml", "<import-config/>", [], {}))
        return store.load_state()


@pytest.fixture(scope="module")
def state_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The file the generated rows claim to come from (a plan stamps its data file)."""
    path = tmp_path_factory.mktemp("data") / "generated.csv"
    path.write_text("generated\n", encoding="utf-8")
    return path


CELLS: st.SearchStrategy[Cell] = st.one_of(
    st.sampled_from(["", " ", "M", "A", "C", "NULL", "jdoe", "PC-1", "T-1", "S", "S-1", "R-1",
                     "I-1", "2024-01-08", "2024-13-45", "2024-01-08T09:00:00", "12", "-3",
                     "1e400", "9" * 30, "x@y.org", "learning_channel", "\u00a0PC-1\u00a0",
                     "=1+1", "yes"]),
    st.text(max_size=30), st.text(min_size=250, max_size=300),
    st.dates(), st.datetimes(min_value=datetime(1, 1, 2)),
)


@FAST
@given(action=st.sampled_from(sorted(catalogue.ACTIONS)), data=st.data())
def test_any_rows_are_planned_or_a_project_error(state: StoreState, state_file: Path,
                                                 action: str, data: st.DataObject) -> None:
    spec = catalogue.ACTIONS[action]
    names = data.draw(st.permutations([f.name for f in spec.fields]), label="columns")
    options = ""
    if action == "createOrUpdateSessionAction":
        options = ("<sessionSearchField>" + "".join(f"<{n}/>" for n in data.draw(st.lists(
            st.sampled_from(catalogue.SESSION_SEARCH_FIELDS), min_size=1, max_size=2,
            unique=True), label="search")) + "</sessionSearchField>")
    text = config_text(ImportSpec("generated.csv", names, action, options=options))
    config = config_xml.loads(text, Path("/cfg/generated.xml"))  # every field: it binds
    rows = data.draw(st.lists(st.lists(CELLS, max_size=len(names) + 2).map(tuple),
                              max_size=8), label="rows")
    table = GeneratedTable(state_file, list(names), rows)
    try:
        plan = plan_config(config, state, [table], Monitor())  # type: ignore[list-item]
    except ImporterError:
        return
    planned = plan.imports[0].rows
    assert {row.line for row in planned} <= set(range(2, len(rows) + 2))
    assert all(len(row.results) == 1 for row in planned)  # every row has an outcome
    assert all(not row.changes for row in planned if row.has_errors)  # errors write nothing
