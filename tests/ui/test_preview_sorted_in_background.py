"""Many rows are sorted in the background: the window is free meanwhile, the rows shown are
reordered once sorted, and a sort overtaken by a change is never shown."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QThreadPool
from PySide6.QtWidgets import QLabel, QTableView
from pytestqt.qtbot import QtBot

from importer_gui.core import ordering
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN, PreviewModel, RowFilter
from importer_gui.ui.state import WizardState
from importer_gui.ui.widgets.sorting_shown import SortingShown
from tests.builders import write_csv, write_xlsx
from tests.core.test_column_codes import courses
from tests.ui.test_preview_model import column, teacher_plan
from tests.ui.wizards import file_preview

LOGIN = FIRST_VALUE_COLUMN
ROWS = 4 + 300
DESCENDING = Qt.SortOrder.DescendingOrder


@pytest.fixture
def model(tmp_path: Path, qtbot: object) -> PreviewModel:
    """A model over 304 teacher rows that sorts more than 50 rows in the background."""
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(teacher_plan(tmp_path, n_extra=300))
    shown = PreviewModel(state)
    shown.sorted_in_background = 50
    return shown


def logins_sorted(model: PreviewModel, *, descending: bool) -> list[str]:
    """The logins shown, in the order a sort by login gives them."""
    return sorted(column(model, LOGIN), key=str.casefold, reverse=descending)


def sorted_in_background(model: PreviewModel, qtbot, sort) -> None:  # noqa: ANN001
    """Run ``sort``, which leaves a sort running in the background; wait for it to end."""
    sort()
    assert model.sorting
    qtbot.waitUntil(lambda: not model.sorting, timeout=10_000)


def test_a_sort_of_many_rows_shows_them_sorted_once_sorted(model: PreviewModel,
                                                           qtbot) -> None:  # noqa: ANN001
    wanted = logins_sorted(model, descending=True)
    before = column(model, LOGIN)
    seen: list[bool] = []
    model.sorting_changed.connect(seen.append)
    with qtbot.waitSignal(model.sorting_changed, timeout=10_000,
                          check_params_cb=lambda sorting: not sorting):
        model.sort(LOGIN, DESCENDING)
        # Back from the click at once: the rows are as they were until sorted.
        assert model.sorting
        assert column(model, LOGIN) == before
    assert seen == [True, False]
    assert not model.sorting
    assert column(model, LOGIN) == wanted
    assert column(model, LOGIN)[:2] == ["zoe", "t000299"]


def test_the_selected_row_follows_its_row_to_where_it_is_sorted(model: PreviewModel,
                                                               qtbot) -> None:  # noqa: ANN001
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectionModel().setCurrentIndex(
        model.index(2, LOGIN), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert model.data(view.currentIndex()) == "adam"
    sorted_in_background(model, qtbot, lambda: model.sort(LOGIN))
    assert view.currentIndex().row() == 1  # after the empty login
    assert model.data(view.currentIndex()) == "adam"


def test_a_filter_chosen_during_the_sort_shows_its_rows_sorted(model: PreviewModel,
                                                               qtbot) -> None:  # noqa: ANN001
    def sort_then_filter() -> None:
        model.sort(LOGIN, DESCENDING)
        model.set_filter(RowFilter.CREATE)
    sorted_in_background(model, qtbot, sort_then_filter)
    assert model.rowCount() == 301
    assert set(column(model, 1)) == {"create"}
    assert column(model, LOGIN) == logins_sorted(model, descending=True)


def test_a_filter_after_the_sort_picks_from_the_rows_sorted_at_once(model: PreviewModel,
                                                                   qtbot) -> None:  # noqa: ANN001
    sorted_in_background(model, qtbot, lambda: model.sort(LOGIN, DESCENDING))
    model.set_filter(RowFilter.CREATE)
    assert not model.sorting
    assert column(model, LOGIN) == logins_sorted(model, descending=True)
    assert column(model, LOGIN)[:2] == ["zoe", "t000299"]


def test_rows_cleared_during_the_sort_stay_cleared(model: PreviewModel,
                                                   qtbot) -> None:  # noqa: ANN001
    model.sort(LOGIN)
    assert model.sorting
    with qtbot.waitSignal(model.sorting_changed, timeout=1_000):
        model.clear()  # a new check starts: the sort is stopped
    assert not model.sorting
    model.sorter.runner.wait(10_000)
    qtbot.wait(50)  # what the stopped sort might hand over would be taken now
    assert model.rowCount() == 0


def test_a_new_plan_shown_during_the_sort_is_sorted_itself(model: PreviewModel, tmp_path: Path,
                                                           qtbot) -> None:  # noqa: ANN001
    def sort_then_show_another() -> None:
        model.sort(LOGIN)
        model.session.set_plan(teacher_plan(tmp_path, n_extra=100))
        model.reload()  # shown with the sort kept, sorted in the background too
    sorted_in_background(model, qtbot, sort_then_show_another)
    assert model.rowCount() == 104
    assert column(model, LOGIN) == logins_sorted(model, descending=False)


def test_few_rows_are_sorted_at_once(model: PreviewModel) -> None:
    model.sorted_in_background = 1_000
    model.sort(LOGIN, DESCENDING)
    assert not model.sorting
    assert column(model, LOGIN) == logins_sorted(model, descending=True)
    assert column(model, 1).count("create") == 301


def test_the_table_says_its_rows_are_being_sorted(model: PreviewModel,
                                                  qtbot) -> None:  # noqa: ANN001
    view, status = QTableView(), QLabel("304 rows checked.")
    qtbot.addWidget(view)
    qtbot.addWidget(status)
    view.setModel(model)
    SortingShown(view, model.sorting_changed, status)
    said: list[tuple[str, Qt.CursorShape]] = []
    model.sorting_changed.connect(
        lambda _sorting: said.append((status.text(), view.viewport().cursor().shape())))
    sorted_in_background(model, qtbot, lambda: view.sortByColumn(LOGIN, DESCENDING))
    assert said == [("Sorting the rows…", Qt.CursorShape.BusyCursor),
                    ("304 rows checked.", Qt.CursorShape.ArrowCursor)]
    assert column(model, LOGIN)[0] == "zoe"


def test_a_cell_edited_during_the_sort_is_sorted_by_its_new_value(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    rows = [["Identifiant", "Nom", "Commentaire"]] + [
        [f"l{i}", f"Nom{i:03d}", "RAS"] for i in range(120)]
    page = file_preview(window, write_csv(tmp_path / "learners.csv", rows), qtbot)
    model, name = page.model, FIRST_VALUE_COLUMN + 1
    model.sorted_in_background = 50
    checked = page.progress_label.text()
    page.table.sortByColumn(name, DESCENDING)
    assert model.sorting
    assert page.progress_label.text() == "Sorting the rows…"
    window.grab().save(str(screenshots / "preview-sorting-in-background.png"))
    assert model.setData(model.index(0, name), "Aaron")  # Nom000, which would sort last
    qtbot.waitUntil(lambda: not model.sorting, timeout=10_000)
    assert page.progress_label.text() == checked
    shown = [model.index(r, name).data() for r in range(model.rowCount())]
    assert shown[:2] == ["Nom119", "Nom118"]
    assert shown[-2:] == ["Nom001", "Aaron"]


def test_a_model_deleted_during_its_sort_is_left_in_peace(tmp_path: Path,
                                                          qtbot: QtBot) -> None:
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(teacher_plan(tmp_path, n_extra=300))
    model = PreviewModel(state)
    model.sorted_in_background = 50
    runner = model.sorter.runner
    model.sort(LOGIN)
    assert model.sorting
    model.deleteLater()  # its page closed, as the window closes
    qtbot.waitUntil(lambda: not shiboken6.isValid(runner))
    assert QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.processEvents()  # what its worker handed over is dropped here, unheard


def test_a_column_that_repeats_its_values_is_sorted_as_a_sort_at_once_sorts_it(
        window: MainWindow, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ordering, "REPEATS_SAMPLE", 64)  # 600 rows are "many" here
    # Texts alike but for their case, and a workbook's numbers among them.
    places = ["Lyon", "lyon", "Évry", "evry", 12, 3.5, "Straße", "STRASSE", "Œuvre", "oe"]
    rows = [["Identifiant", "Nom", "Commentaire"]] + [
        [f"l{i:03d}", f"Nom{i:03d}", places[i * 7 % len(places)]] for i in range(600)]
    page = file_preview(window, write_xlsx(tmp_path / "learners.xlsx", rows), qtbot)
    model, login = page.model, FIRST_VALUE_COLUMN
    commented = FIRST_VALUE_COLUMN + 2
    assert model.headerData(commented, Qt.Orientation.Horizontal).startswith("Commentaire")
    model.sorted_in_background = 10_000
    model.sort(commented, DESCENDING)
    at_once = column(model, login)
    assert at_once[:2] == ["l004", "l014"]  # "Œuvre" first, its rows in file order
    model.sort(0)
    model.reload()  # shown in file order again, no keys kept
    model.sorted_in_background = 50
    sorted_in_background(model, qtbot, lambda: model.sort(commented, DESCENDING))
    assert column(model, login) == at_once
    kept = model._kept_keys(commented)
    assert kept is not None and kept.ranks is not None  # sorted by its values' codes


def test_a_file_coded_as_it_was_checked_is_sorted_by_its_codes_then_by_a_corrected_cell(
        window: MainWindow, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ordering, "PART", 256)  # 3,000 rows are many here
    monkeypatch.setattr(ordering, "REPEATS_SAMPLE", 64)
    assert window.open_file(courses(tmp_path, 3000))
    page = window.wizard.preview_page
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    model, code, title = page.model, FIRST_VALUE_COLUMN, FIRST_VALUE_COLUMN + 1
    assert model.headerData(title, Qt.Orientation.Horizontal).endswith("trainingTitle")
    rows = list(zip(column(model, code), column(model, title), strict=True))
    model.sorted_in_background = 50
    sorted_in_background(model, qtbot, lambda: model.sort(title, DESCENDING))
    # Equal titles but for their case keep their file order, as a sort at once keeps them.
    wanted = sorted(rows, key=lambda row: row[1].casefold(), reverse=True)
    assert list(zip(column(model, code), column(model, title), strict=True)) == wanted
    kept = model._kept_keys(title)
    assert kept is not None and kept.precoded  # the file's own codes
    model.sorted_in_background = 1_000
    model.set_filter(RowFilter.ERRORS)  # the rows of an unknown modality ("Blended")
    errors = list(zip(column(model, code), column(model, title), strict=True))
    assert 0 < len(errors) < 1_000
    model.sort(title)  # few rows, the keys kept: at once
    assert not model.sorting
    assert list(zip(column(model, code), column(model, title), strict=True)) == sorted(
        errors, key=lambda row: row[1].casefold())
    model.set_filter(RowFilter.ALL)
    model.sorted_in_background = 50
    sorted_in_background(model, qtbot, lambda: model.sort(title, DESCENDING))
    assert model.setData(model.index(0, title), "Aaron")  # the user corrects a cell
    sorted_in_background(model, qtbot, lambda: model.sort(title))
    assert column(model, title)[:2] == ["Aaron", wanted[-1][1]]
    assert column(model, code)[0] == wanted[0][0]


def test_a_filters_few_rows_of_many_are_sorted_in_the_background(model: PreviewModel,
                                                                 qtbot) -> None:  # noqa: ANN001
    model.sorted_in_background = 100
    model.set_filter(RowFilter.ERRORS)
    shown = model.rowCount()
    assert 0 < shown < 100
    # Its keys are made for every row, shown or not: not on the window's thread.
    sorted_in_background(model, qtbot, lambda: model.sort(LOGIN, DESCENDING))
    assert model.rowCount() == shown
    assert column(model, LOGIN) == logins_sorted(model, descending=True)
    model.sort(LOGIN)  # the same keys, kept: the few rows sorted at once
    assert not model.sorting
    assert column(model, LOGIN) == logins_sorted(model, descending=False)
