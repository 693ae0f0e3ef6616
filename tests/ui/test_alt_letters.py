"""Each Alt+letter is one control's, in English and in French: within every menu (a table's
context menu too), among what one window shows at once (a wizard page with the wizard's
buttons and the menu bar's titles, a dialog idle and while its work runs, each tab of the
store browser), and among the answers of each question the window asks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QRadioButton,
    QTabBar,
    QTableView,
    QTabWidget,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml, pipeline
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.find_replace import FindReplaceDialog
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.package_dialog import PackageDialog
from importer_gui.ui.refresh_dialog import RefreshDialog
from importer_gui.ui.revert_dialog import RevertDialog
from importer_gui.ui.store_browser import StoreBrowser
from importer_gui.ui.store_dialog import StoreDialog
from importer_gui.ui.wizard import CONFIG, OPEN
from tests.ui.conftest import Questions
from tests.ui.test_mapping_custom_and_codes import mapping
from tests.ui.test_nothing_lost import correct_the_email
from tests.ui.test_revert_dialog import rooms_run_changed_since
from tests.ui.wizards import sample_preview

Clashes = dict[str, list[str]]


def letter(text: str) -> str | None:
    """The Alt+letter a text answers ("Save &as…": "a"), lower case; None for none."""
    plain = text.replace("&&", "")
    place = plain.find("&")
    return plain[place + 1].lower() if 0 <= place < len(plain) - 1 else None


def shared(texts: list[str]) -> Clashes:
    """The letters more than one of the texts answers, with those texts."""
    found: Clashes = {}
    for text in texts:
        key = letter(text)
        if key is not None:
            found.setdefault(key, []).append(text)
    return {key: both for key, both in found.items() if len(both) > 1}


def answering(widget: QWidget) -> list[str]:
    """The texts of what answers an Alt+letter in ``widget`` now: its visible buttons, tabs
    and labels with a buddy, and a main window's menu titles."""
    texts = []
    for child in widget.findChildren(QWidget):
        if not child.isVisible():
            continue
        if isinstance(child, QAbstractButton) or (isinstance(child, QLabel)
                                                  and child.buddy() is not None):
            texts.append(child.text())
        elif isinstance(child, QTabBar):
            texts += [child.tabText(n) for n in range(child.count()) if child.isTabVisible(n)]
    if isinstance(widget, QMainWindow):
        texts += [action.text() for action in widget.menuBar().actions()]
    return texts


def clashes(widget: QWidget) -> Clashes:
    """The letters two things ``widget`` shows now share."""
    return shared(answering(widget))


def menu_clashes(menus: list[QMenu]) -> dict[str, Clashes]:
    """By menu and submenu, the letters two of its entries share."""
    found = {}
    for menu in menus:
        menu.aboutToShow.emit()  # the recent lists fill themselves when opened
        shown = [action for action in menu.actions() if action.isVisible()]
        found[menu.title()] = shared([action.text() for action in shown])
        found |= menu_clashes([action.menu() for action in shown if action.menu()])
    return found


@pytest.fixture(params=["English", "French"])
def speaking(request: pytest.FixtureRequest) -> str:
    """Each test in English, then in French (its windows built after)."""
    if request.param == "French":
        request.getfixturevalue("french")
    return str(request.param)


@pytest.fixture
def shown(speaking: str, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    """The main window, built in the language the test speaks."""
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def wizard_clashes(window: MainWindow, sample: Path, qtbot: QtBot) -> dict[str, Clashes]:
    """The clashes of each page the sample shows, from the preview back to the open page, of
    the open page with a CSV file and with a workbook, and of the commit page once done."""
    found: dict[str, Clashes] = {}
    wizard = window.wizard
    sample_preview(window, sample, qtbot)
    while True:
        found[type(wizard.currentPage()).__name__] = clashes(window)
        if wizard.currentId() == OPEN:
            break
        wizard.back()
    for name in ("learners.csv", "sessions.xlsx"):
        wizard.new_import()
        assert window.open_file(sample / name)
        found[name] = clashes(window)
    wizard.new_import()
    sample_preview(window, sample, qtbot)
    wizard.next()
    page = wizard.commit_page
    qtbot.waitUntil(lambda: page.result is not None, timeout=20_000)
    qtbot.wait(20)  # the wizard shows Finish
    found["CommitPage"] = clashes(window)
    return found


def test_no_two_controls_of_a_wizard_page_share_a_letter(
        shown: MainWindow, sample: Path, qtbot: QtBot) -> None:
    assert wizard_clashes(shown, sample, qtbot) == {
        name: {} for name in ("PreviewPage", "ConfigPage", "MappingPage", "ActionPage",
                              "OpenPage", "learners.csv", "sessions.xlsx", "CommitPage")}


def test_commit_has_its_letter_on_the_preview(speaking: str, shown: MainWindow, sample: Path,
                                              qtbot: QtBot) -> None:
    commit = {"English": "&Commit", "French": "&Valider"}[speaking]
    assert shown.wizard.buttonText(QWizard.WizardButton.CommitButton) == commit
    sample_preview(shown, sample, qtbot)
    assert shown.wizard.button(QWizard.WizardButton.NextButton).text() == commit


def test_the_check_s_cancel_shares_no_letter_with_the_preview_nor_the_menus(
        shown: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = sample_preview(shown, sample, qtbot)
    cancel = page.progress_row.cancel_button.text()  # shown while a check runs
    assert shared([*answering(shown), cancel]) == {}


def test_no_two_entries_of_a_menu_share_a_letter(shown: MainWindow, sample: Path,
                                                 qtbot: QtBot) -> None:
    sample_preview(shown, sample, qtbot)  # a recent file to list
    found = menu_clashes([action.menu() for action in shown.menuBar().actions()])
    assert len(found) == 6  # File, its two recent lists, Tools, Language, Help
    assert found == {title: {} for title in found}


def test_no_two_controls_of_the_find_and_replace_share_a_letter(
        shown: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = sample_preview(shown, sample, qtbot)
    dialog = FindReplaceDialog(page.model, page, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert clashes(dialog) == {}


def test_the_configuration_s_find_bar_shares_no_letter_with_its_page(
        shown: MainWindow, sample: Path, qtbot: QtBot) -> None:
    sample_preview(shown, sample, qtbot)
    shown.wizard.back()
    assert shown.wizard.currentId() == CONFIG
    shown.wizard.config_page.find_bar.open_replace()
    assert clashes(shown) == {}


def committed(sample: Path, tmp_path: Path) -> tuple[Path, pipeline.Plan, int]:
    """The sample committed to tmp_path/store.sqlite3: the store, the plan and the run."""
    config = config_xml.load(sample / "sample-config.xml")
    store_path = tmp_path / "store.sqlite3"
    with Store.open(store_path) as store:
        plan = pipeline.check(config, store)
        return store_path, plan, pipeline.commit(plan, store).run_id


def each_tab(widget: QWidget) -> Iterator[str]:
    """Each tab of the widget's tab widgets shown in turn (inner ones inside outer ones),
    named by the tab texts that lead to it."""
    outer = [tabs for tabs in widget.findChildren(QTabWidget)
             if tabs.parent() is not None and not any(
                 tabs is not other and other.isAncestorOf(tabs)
                 for other in widget.findChildren(QTabWidget))]
    for tabs in outer:
        for n in range(tabs.count()):
            tabs.setCurrentIndex(n)
            inner = tabs.widget(n).findChildren(QTabWidget)
            if isinstance(tabs.widget(n), QTabWidget):
                inner = [tabs.widget(n)]
            if not inner:
                yield tabs.tabText(n)
            for within in inner:
                for m in range(within.count()):
                    within.setCurrentIndex(m)
                    yield f"{tabs.tabText(n)} / {within.tabText(m)}"


def changed_since(store_path: Path, run_id: int) -> None:
    """A later run changes a session the run ``run_id`` wrote: a conflict to revert it."""
    with Store.open(store_path) as store:
        session = next(iter(store.load_state().sessions.values()))
        store.apply([Change(Table.SESSION, ChangeKind.UPDATE, session.id,
                            {"title": session.title + " (moved)"}, {"title": session.title})],
                    RunInfo("fix.xml", "<import-config/>", [], {"update": 1}))


def running_clashes(dialog: QWidget) -> Clashes:
    """The clashes of a dialog while its work runs: its progress row's Cancel shown."""
    row = dialog.progress_row  # type: ignore[attr-defined]
    row.set_running(True)
    try:
        return clashes(dialog)
    finally:
        row.set_running(False)


def test_no_two_controls_of_a_dialog_share_a_letter(
        speaking: str, sample: Path, tmp_path: Path, qtbot: QtBot) -> None:
    store_path, plan, run_id = committed(sample, tmp_path)
    found: dict[str, Clashes] = {}
    with Store.open(store_path) as store:
        browser = StoreBrowser(store)
        qtbot.addWidget(browser)
        browser.show()
        for tab in each_tab(browser):
            found[f"browser {tab}"] = clashes(browser)
    changed_since(store_path, run_id)
    rooms = tmp_path / "rooms.sqlite3"
    dialogs: dict[str, QWidget] = {
        "package": PackageDialog(plan, folder=tmp_path / "out", synchronous=True),
        "send": PackageDialog(plan, send=True, folder=tmp_path / "out", synchronous=True),
        "refresh": RefreshDialog(store_path, synchronous=True),
        "revert": RevertDialog(store_path, run_id, synchronous=True),  # skip, or later first
        "revert later only": RevertDialog(rooms, rooms_run_changed_since(rooms),
                                          synchronous=True),
        "store": StoreDialog(store_path),
    }
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        found[name] = clashes(dialog)
        if hasattr(dialog, "progress_row"):
            found[f"{name} running"] = running_clashes(dialog)
    assert dialogs["revert"].later_choice.isVisible()  # type: ignore[attr-defined]
    assert dialogs["revert later only"].later_only.isVisible()  # type: ignore[attr-defined]
    for choice in dialogs["store"].findChildren(QRadioButton):
        choice.setChecked(True)
        found[f"store {choice.text()}"] = clashes(dialogs["store"])
    assert len(found) > 10
    assert found == {name: {} for name in found}



def test_no_two_entries_of_a_table_s_context_menu_share_a_letter(
        speaking: str, sample: Path, tmp_path: Path, qtbot: QtBot) -> None:
    store_path, _plan, _run_id = committed(sample, tmp_path)
    with Store.open(store_path) as store:
        browser = StoreBrowser(store)
        qtbot.addWidget(browser)
        menus = {view.objectName(): [action.text() for action in view.actions()]
                 for view in browser.findChildren(QTableView)}
    copy = {"English": "&Copy", "French": "&Copier"}[speaking]
    assert all(copy in entries for entries in menus.values()), menus
    assert {name: shared(entries) for name, entries in menus.items()} == {
        name: {} for name in menus}


def test_no_two_answers_of_a_question_share_a_letter(
        speaking: str, shown: MainWindow, sample: Path, qtbot: QtBot,
        questions: Questions) -> None:
    """Each question the wizard asks before corrections or changes to the configuration are
    lost, and before a commit leaves rows out, answered Cancel."""
    cancel = {"English": "Cancel", "French": "Annuler"}[speaking]
    wizard = shown.wizard
    preview = sample_preview(shown, sample, qtbot)
    correct_the_email(preview)
    other = sample / "learners.csv"
    for asking in (lambda: wizard.may_open(other), wizard.next, wizard.new_import,
                   shown.close):
        questions.answers.append(cancel)
        assert not asking()
    while wizard.currentId() != CONFIG:
        wizard.back()
    editor = wizard.config_page.editor
    editor.setPlainText(editor.toPlainText().replace("<delimiter>semicolon</delimiter>",
                                                     "<delimiter>comma</delimiter>", 1))
    for asking in (lambda: wizard.may_open(other), wizard.new_import):
        questions.answers.append(cancel)
        assert not asking()
    assert len(questions.offered) == 6
    assert [shared(answers) for answers in questions.offered] == [{}] * 6



# The field lists' labels, with their options' names.
FIELD_LISTS = {
    "English": {"Find l&earners by": "traineeSearchField",
                "Find training &courses by": "trainingSearchField",
                "Find &sessions by": "sessionSearchField"},
    "French": {"Retrouver les appr&enants par": "traineeSearchField",
               "Retrouver les f&ormations par": "trainingSearchField",
               "Retrouver les sess&ions par": "sessionSearchField"},
}


@pytest.mark.parametrize("action", ["createOrUpdateLearnerAction", "createOrUpdateSessionAction",
                                    "registerLearnerAction", "createOrUpdateTrainingCourseAction"])
def test_the_mapping_page_s_field_lists_have_letters_shared_with_nothing_else(
        speaking: str, shown: MainWindow, action: str, tmp_path: Path, qtbot: QtBot) -> None:
    """Each "Find ... by" list is reached by its letter, on its first box (the page's order),
    whatever else the action's page shows (its options, "Go on without them", the menus)."""
    data = tmp_path / "registrations.csv"
    data.write_text("candidateLogin;trainingPathCode;sessionTitle;sessionStartDate\n"
                    "cbernard;T1;Atelier;2024-01-01\n", encoding="utf-8")
    page = mapping(shown, data, action)
    assert clashes(shown) == {}
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    reached = []
    for title, option in FIELD_LISTS[speaking].items():
        if option in page.field_list_checks:
            assert f"{title}\n" in [label.text()[:len(title) + 1]
                                     for label in page.findChildren(QLabel)]
            qtbot.keyClick(shown, str(letter(title)), Qt.KeyboardModifier.AltModifier)
            first = next(iter(page.field_list_checks[option].values()))
            assert QApplication.focusWidget() is first
            reached.append(option)
    assert reached == {"createOrUpdateLearnerAction": ["traineeSearchField"],
                       "createOrUpdateSessionAction": ["sessionSearchField"],
                       "registerLearnerAction": ["traineeSearchField", "trainingSearchField",
                                                 "sessionSearchField"],
                       "createOrUpdateTrainingCourseAction": []}[action]
