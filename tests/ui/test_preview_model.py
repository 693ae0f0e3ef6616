"""The preview table as a user sees it: lines, outcomes, coloured bad cells, sort, filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from importer_gui.core import config_xml, pipeline
from importer_gui.core.config import ImportConfig
from importer_gui.core.issues import Issue, Outcome
from importer_gui.core.plan import ActionResult, ImportPlan, Plan, RowPlan
from importer_gui.core.store import Store
from importer_gui.ui.models.preview_model import PreviewModel, RowFilter
from importer_gui.ui.state import WizardState
from importer_gui.ui.styles import DARK, Fill, fill_brush
from tests.builders import ImportSpec, write_config
from tests.core.test_shown_numbers import COLUMNS as TRAINING
from tests.core.test_shown_numbers import workbook

ACTION = "createOrUpdateTeacherAction"
DISPLAY = Qt.ItemDataRole.DisplayRole
TIP = Qt.ItemDataRole.ToolTipRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole


def row(line: int, login: str, email: str, outcome: Outcome, *issues: Issue) -> RowPlan:
    """A teacher row with one action result."""
    return RowPlan(line, (login, email), [ActionResult(ACTION, outcome, tuple(issues))], [])


def teacher_plan(tmp_path: Path, n_extra: int = 0) -> Plan:
    """Four teacher rows: create, error on the login, update with a warning, unchanged."""
    rows = [
        row(2, "zoe", "zoe@example.org", Outcome.CREATE),
        row(3, "", "x@example.org", Outcome.ERROR,
            Issue.error("teacherLogin", "Field teacherLogin is empty.")),
        row(4, "adam", "adam-at-example", Outcome.UPDATE,
            Issue.warning("teacherEmail", "adam-at-example does not look like an e-mail.")),
        row(5, "mia", "mia@example.org", Outcome.UNCHANGED),
    ]
    rows += [row(6 + i, f"t{i:06d}", "", Outcome.CREATE) for i in range(n_extra)]
    imp = ImportPlan(0, tmp_path / "teachers.csv", ["teacherLogin", "teacherEmail"],
                     ["Login", "E-mail"], [ACTION], rows)
    return Plan(ImportConfig(), [imp])


@pytest.fixture
def model(tmp_path: Path, qtbot: object) -> PreviewModel:
    """A model over the teacher plan."""
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(teacher_plan(tmp_path))
    return PreviewModel(state)


def column(model: PreviewModel, c: int, role: int = DISPLAY) -> list:
    """One column's values, top to bottom."""
    return [model.data(model.index(r, c), role) for r in range(model.rowCount())]


def test_columns_are_line_outcome_then_the_fields_with_the_files_headers(
        model: PreviewModel) -> None:
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert titles == ["Line", "Outcome", "Login\n→ Teacher's login — teacherLogin",
                      "E-mail\n→ Teacher's e-mail address — teacherEmail"]
    # The tooltip holds the whole title, for a header cut short.
    assert model.headerData(2, Qt.Orientation.Horizontal, TIP) == (
        "Field: Teacher's login — teacherLogin\nColumn in the file: Login")
    assert column(model, 0) == [2, 3, 4, 5]
    assert column(model, 1) == ["create", "error", "update", "unchanged"]
    assert column(model, 3)[2] == "adam-at-example"


def test_a_columns_tooltip_gives_the_fields_label_in_french(
        tmp_path: Path, qtbot: object, french: None) -> None:
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(teacher_plan(tmp_path))
    model = PreviewModel(state)
    assert model.headerData(2, Qt.Orientation.Horizontal) == (
        "Login\n→ Identifiant du formateur — teacherLogin")
    assert model.headerData(2, Qt.Orientation.Horizontal, TIP) == (
        "Champ\xa0: Identifiant du formateur — teacherLogin\nColonne du fichier\xa0: Login")


def test_a_skipped_column_is_titled_by_its_header_else_as_not_imported(
        tmp_path: Path, qtbot: object) -> None:
    state = WizardState(tmp_path / "store.sqlite3")
    rows = [RowPlan(1, ("zoe", "RH"), [ActionResult(ACTION, Outcome.CREATE, ())], [])]
    columns = ["teacherLogin", "ignoredColumn"]
    state.session.set_plan(Plan(ImportConfig(), [
        ImportPlan(0, tmp_path / "teachers.csv", columns, None, [ACTION], rows)]))
    model = PreviewModel(state)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (2, 3)] == [
        "Teacher's login — teacherLogin", "Not imported — ignoredColumn"]
    state.session.set_plan(Plan(ImportConfig(), [
        ImportPlan(0, tmp_path / "teachers.csv", columns, ["Login", "Service"], [ACTION], rows)]))
    model = PreviewModel(state)
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Service"
    assert model.headerData(3, Qt.Orientation.Horizontal, TIP) == (
        "Field: Not imported — ignoredColumn\nColumn in the file: Service")


def three_files_plan(tmp_path: Path) -> Plan:
    """A teachers', a learners' and a sessions' file, each of its own columns and headers."""
    def imp(index: int, name: str, columns: list[str], headers: list[str]) -> ImportPlan:
        rows = [RowPlan(2, tuple(f"{name}-{c}" for c in columns),
                        [ActionResult(ACTION, Outcome.CREATE, ())], [])]
        return ImportPlan(index, tmp_path / name, columns, headers, [ACTION], rows)
    return Plan(ImportConfig(), [
        imp(0, "teachers.csv", ["teacherLogin", "teacherName"], ["Login", "Nom"]),
        imp(1, "learners.csv", ["candidateLogin", "candidateName"], ["Identifiant", "Nom"]),
        imp(2, "sessions.csv", ["sessionAction", "sessionTitle", "sessionStartDate"],
            ["Action de formation", "Name", "Date de début de la session de formation"])])


def test_all_files_title_columns_their_headers_differ_on_by_place_and_tell_them_in_the_tip(
        tmp_path: Path, qtbot: object) -> None:
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(three_files_plan(tmp_path))
    model = PreviewModel(state)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Line", "Outcome", "Column 1", "Nom / Name",
        "Date de début de la session de formation", "File"]
    assert model.headerData(2, Qt.Orientation.Horizontal, TIP) == (
        "Each file's column 1:\n"
        "teachers.csv: Login → Teacher's login — teacherLogin\n"
        "learners.csv: Identifiant → Learner's login — candidateLogin\n"
        "sessions.csv: Action de formation → Session action — sessionAction")
    assert model.headerData(4, Qt.Orientation.Horizontal, TIP) == (
        "Each file's column 3:\n"
        "sessions.csv: Date de début de la session de formation → Session start date — "
        "sessionStartDate")
    model.show_import(1)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Line", "Outcome", "Identifiant\n→ Learner's login — candidateLogin",
        "Nom\n→ Learner's last name — candidateName"]


def test_all_files_columns_are_titled_by_place_in_french(
        tmp_path: Path, qtbot: object, french: None) -> None:
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(three_files_plan(tmp_path))
    model = PreviewModel(state)
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Colonne 1"
    assert model.headerData(2, Qt.Orientation.Horizontal, TIP).startswith(
        "Colonne 1 de chaque fichier\xa0:\nteachers.csv\xa0: Login → ")


def test_bad_cells_are_coloured_and_carry_their_message(model: PreviewModel) -> None:
    assert model.data(model.index(1, 2), BACKGROUND) == fill_brush(Fill.ERROR)
    assert model.data(model.index(1, 2), TIP) == "ERROR: Teacher's login — teacherLogin is empty."
    assert model.data(model.index(1, 3), BACKGROUND) is None
    assert model.data(model.index(2, 3), BACKGROUND) == fill_brush(Fill.WARNING)
    assert "does not look like an e-mail" in model.data(model.index(2, 3), TIP)
    assert model.data(model.index(0, 2), TIP) is None
    # The outcome cell sums up every issue of the row, each naming its field once.
    assert model.data(model.index(1, 1), TIP) == "ERROR: Teacher's login — teacherLogin is empty."
    assert model.data(model.index(1, 1), BACKGROUND) == fill_brush(Fill.ERROR)


def test_under_a_dark_scheme_cells_are_deep_fills_under_light_text(
        dark: None, model: PreviewModel) -> None:
    def shown(r: int, c: int, role: int = BACKGROUND) -> str:
        return model.data(model.index(r, c), role).color().name()

    assert shown(1, 2) == DARK.error_fill
    assert shown(2, 3) == DARK.warning_fill
    assert [shown(r, 1) for r in range(4)] == [
        DARK.create_fill, DARK.error_fill, DARK.update_fill, DARK.unchanged_fill]
    assert {shown(r, c, Qt.ItemDataRole.ForegroundRole)
            for r, c in ((1, 2), (2, 3), (0, 1), (3, 1))} == {DARK.fill_text}


def test_counts_per_outcome(model: PreviewModel) -> None:
    counts = model.counts()
    assert counts[Outcome.CREATE] == 1
    assert counts[Outcome.ERROR] == 1
    assert counts[Outcome.DELETE] == 0
    assert model.total_rows() == 4


def test_filters_keep_only_matching_rows(model: PreviewModel) -> None:
    model.set_filter(RowFilter.ERRORS)
    assert column(model, 0) == [3]
    model.set_filter(RowFilter.WARNINGS)
    assert column(model, 0) == [4]
    model.set_filter(RowFilter.UNCHANGED)
    assert column(model, 0) == [5]
    model.set_filter(RowFilter.ALL)
    assert column(model, 0) == [2, 3, 4, 5]


def test_sorting_is_stable_and_keeps_selections_on_their_row(model: PreviewModel) -> None:
    held = QPersistentModelIndex(model.index(2, 2))  # adam's login
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert column(model, 2) == ["", "adam", "mia", "zoe"]
    assert model.data(held, DISPLAY) == "adam"
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert column(model, 1) == ["error", "unchanged", "update", "create"]
    model.set_filter(RowFilter.ALL)  # the sort survives a new filter
    assert column(model, 1) == ["error", "unchanged", "update", "create"]
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert column(model, 0) == [2, 3, 4, 5]


def test_a_hundred_thousand_rows_stay_workable(tmp_path: Path, qtbot: object) -> None:
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(teacher_plan(tmp_path, n_extra=100_000))
    model = PreviewModel(state)
    assert model.rowCount() == 100_004
    assert model.data(model.index(100_003, 2), DISPLAY) == "t099999"
    model.set_filter(RowFilter.ERRORS)
    assert model.rowCount() == 1
    model.set_filter(RowFilter.ALL)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 2), DISPLAY) == "zoe"
    assert model.data(model.index(100_003, 0), DISPLAY) == 3  # the empty login sorts last


def test_two_imports_shown_together_sort_filter_and_find_their_rows(
        tmp_path: Path, qtbot: object) -> None:
    first = teacher_plan(tmp_path).imports[0]
    second = ImportPlan(1, tmp_path / "more.csv", first.columns, first.headers, [ACTION], [
        row(2, "bea", "bea@example.org", Outcome.CREATE),
        row(3, "", "", Outcome.ERROR, Issue.error("teacherLogin", "Field teacherLogin is "
                                                                 "empty."))])
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(Plan(ImportConfig(), [first, second]))
    model = PreviewModel(state)
    assert model.rowCount() == 6
    model.sort(2, Qt.SortOrder.AscendingOrder)  # by login, across both files
    assert column(model, 2) == ["", "", "adam", "bea", "mia", "zoe"]
    assert model.locate(3) == (1, 0)  # bea: the second file's first row
    assert model.view_row_of(1, 0) == 3 and model.view_row_of(0, 3) == 4
    model.set_filter(RowFilter.ERRORS)
    assert [model.locate(r) for r in range(model.rowCount())] == [(0, 1), (1, 1)]
    assert model.view_row_of(1, 0) == -1  # filtered out
    model.show_import(1)
    assert model.rowCount() == 1 and model.locate(0) == (1, 1)


def test_a_column_of_repeated_values_sorts_case_blind_and_stable_across_files(
        tmp_path: Path, qtbot: object) -> None:
    """Values that repeat (codes, dates) sort by their folded text, rows equal so keeping
    their order, whichever file they come from and whatever a workbook read them as."""
    from datetime import date

    values = ["b", "A", "a", date(2027, 1, 4), "B", "a", "2027-01-04", "b"] * 3
    first = ImportPlan(0, tmp_path / "one.csv", ["teacherLogin", "teacherEmail"],
                       ["Login", "E-mail"], [ACTION],
                       [row(2 + i, "t", value, Outcome.CREATE)  # type: ignore[arg-type]
                        for i, value in enumerate(values[:12])])
    second = ImportPlan(1, tmp_path / "two.csv", first.columns, first.headers, [ACTION],
                        [row(2 + i, "t", value, Outcome.CREATE)  # type: ignore[arg-type]
                         for i, value in enumerate(values[12:])])
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(Plan(ImportConfig(), [first, second]))
    model = PreviewModel(state)
    model.sort(3, Qt.SortOrder.AscendingOrder)
    shown = [(model.locate(r), column(model, 3)[r]) for r in range(model.rowCount())]
    dates = [place for place, text in shown if text == "2027-01-04"]
    assert dates == [(0, 3), (0, 6), (0, 11), (1, 2), (1, 7), (1, 10)]  # file order kept
    assert [text.casefold() for _, text in shown] == (
        ["2027-01-04"] * 6 + ["a"] * 9 + ["b"] * 9)
    assert [place for place, text in shown if text.casefold() == "a"][:3] == [
        (0, 1), (0, 2), (0, 5)]
    model.sort(3, Qt.SortOrder.DescendingOrder)
    assert [text.casefold() for text in column(model, 3)][:9] == ["b"] * 9


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_many_rows_sort_case_blind_and_stable_whether_their_values_repeat_or_not(
        tmp_path: Path, qtbot: object, order: Qt.SortOrder) -> None:
    """A column that repeats a few values in every case (folded once per value) and one
    whose values are all different (folded one by one) sort as Python sorts their folded
    texts, rows that fold alike keeping their file order (Straße and STRASSE too)."""
    names = ["Zoé", "zoé", "ADAM", "adam", "Straße", "STRASSE", "mia", "Mia", "éric", "Éric"]
    repeated = [f"{names[i * 7 % len(names)]}{i % 97}" for i in range(20_000)]
    unique = [f"{names[i % len(names)]}{i}" for i in range(20_000)]
    rows = [row(2 + i, login, email, Outcome.CREATE)
            for i, (login, email) in enumerate(zip(unique, repeated, strict=True))]
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(Plan(ImportConfig(), [ImportPlan(
        0, tmp_path / "teachers.csv", ["teacherLogin", "teacherEmail"], ["Login", "E-mail"],
        [ACTION], rows)]))
    model = PreviewModel(state)
    descending = order is Qt.SortOrder.DescendingOrder
    for shown, values in ((3, repeated), (2, unique)):
        model.sort(shown, order)
        expected = sorted(range(len(values)), key=lambda i: values[i].casefold(),
                          reverse=descending)
        assert column(model, 0) == [2 + i for i in expected]


def test_a_workbook_number_shown_with_text_shows_as_in_the_workbook(
        tmp_path: Path, qtbot: object) -> None:
    # The duration field reads 7, yet the cell shows 7 h, as the workbook does.
    path = workbook(tmp_path / "t.xlsx", [(42, "A", "blended", 7)],
                    {1: '"TC-"0000', 4: '0" h"'})
    write_config(tmp_path, ImportSpec(path.name, TRAINING, "createOrUpdateTrainingCourseAction"))
    state = WizardState(tmp_path / "store.sqlite3")
    with Store.open(tmp_path / "check.sqlite3") as store:
        state.session.set_plan(pipeline.check(config_xml.load(tmp_path / "config.xml"), store))
    model = PreviewModel(state)
    assert [model.data(model.index(0, c), DISPLAY) for c in range(1, 6)] == [
        "create", "TC-0042", "A", "blended", "7 h"]
