"""Language ▸ Français (or English) chosen in the running window: the window keeps speaking
its language whole, on every page and in the store browser beside it, and a box says, in
the language chosen, that it speaks that one from its next start. Nothing half-changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from importer_gui.ui import language
from importer_gui.ui.language import ENGLISH, FRENCH, SYSTEM, chosen_language
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import ACTION, COMMIT, CONFIG, MAPPING, OPEN, PREVIEW
from tests.ui.wizards import sample_preview, shot

NOTICE = {FRENCH: "Import Assistant parlera cette langue dès son prochain démarrage.",
          ENGLISH: "Import Assistant will speak this language from its next start."}
# Each page's title, as the window built in English shows it, by the page's name.
TITLES = {OPEN: ("open", "Open a spreadsheet"), ACTION: ("action", "What does the file feed?"),
          MAPPING: ("mapping", "Map the columns"), CONFIG: ("config", "The configuration"),
          PREVIEW: ("preview", "Preview"), COMMIT: ("commit", "Commit")}
Said = list[tuple[str, str, list[str]]]


@pytest.fixture(autouse=True)
def compiled(translations: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The notices read from the translations compiled for the tests."""
    monkeypatch.setattr(language, "translation_file",
                        lambda code: translations / f"import_assistant_{code}.qm")


def shown_texts(top: QWidget) -> list[str]:
    """Every text ``top`` shows: its title, menus, labels, buttons, tabs, group boxes, table
    headers, and the wizard page's title and subtitle."""
    texts = [top.windowTitle()]
    if isinstance(top, QMainWindow):
        texts += [action.text() for action in top.menuBar().actions()]
    if isinstance(top, MainWindow):
        page = top.wizard.currentPage()
        texts += [page.title(), page.subTitle(), top.statusBar().currentMessage()]
    for widget in top.findChildren(QWidget):
        if widget.isVisible():
            texts += widget_texts(widget)
    return texts


def widget_texts(widget: QWidget) -> list[str]:
    """What one widget says in words."""
    if isinstance(widget, (QLabel, QAbstractButton)):
        return [widget.text(), widget.toolTip()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QTabWidget):
        return [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QTableView) and widget.model() is not None:
        header = widget.horizontalHeader()
        return [str(header.model().headerData(c, header.orientation()))
                for c in range(header.count())]
    return []


def menu_texts(window: MainWindow) -> list[str]:
    """File ▸ Recent files and Recent stores, as filled when they are shown: their texts are
    translated each time, so they say which language the window speaks now."""
    texts = []
    for menu in (window.recent_menu, window.stores_menu):
        menu.aboutToShow.emit()
        texts += [action.text() for action in menu.actions()]
    return texts


def choose(window: MainWindow, name: str, shots: Path, shot_name: str) -> Said:
    """Language ▸ ``name`` from the window's own menu bar: the boxes it shows (title, text,
    buttons), each grabbed into ``shots`` then closed with OK."""
    said: Said = []

    def read_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            said.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
            box.grab().save(str(shots / f"{shot_name}.png"))
            box.accept()

    # The item by its language's name, whatever the menu says beside it.
    choice = next(a for a in language_menu_of(window).actions()
                  if a.text().split(" — ")[0] == name)
    QTimer.singleShot(0, read_box)
    choice.trigger()
    QApplication.processEvents()  # no box shown: the look finds none now, not later
    return said


def language_menu_of(window: MainWindow) -> QMenu:
    """The window's own Language menu."""
    return next(a.menu() for a in window.menuBar().actions()
                if a.text() in ("&Language", "&Langue"))


def menu_items(window: MainWindow) -> list[tuple[str, bool]]:
    """Language ▸ each item's text, and whether it is ticked."""
    return [(a.text(), a.isChecked()) for a in language_menu_of(window).actions()]


def menu_shot(window: MainWindow, shots: Path, name: str) -> None:
    """The Language menu as it drops down, grabbed to be looked at."""
    menu = language_menu_of(window)
    menu.popup(window.mapToGlobal(window.rect().topLeft()))
    shot(menu, shots, name)
    menu.hide()


def french_then_english(window: MainWindow, shots: Path, where: str) -> None:
    """On the page shown (and whatever is open beside it), Français then English from the
    menu: each said as it should be, and no text the window shows changes."""
    before = {top: shown_texts(top) for top in QApplication.topLevelWidgets() if top.isVisible()}
    menus = menu_texts(window)
    assert choose(window, "&Français", shots, f"language-notice-{where}") == [
        ("Français", NOTICE[FRENCH], ["OK"])]
    assert chosen_language() == FRENCH
    shot(window, shots, f"language-french-chosen-{where}")
    assert {top: shown_texts(top) for top in before} == before
    assert menu_texts(window) == menus  # nor a text the window writes anew
    assert choose(window, "&English", shots, f"language-again-{where}") == []  # spoken already
    assert chosen_language() == ENGLISH
    assert {top: shown_texts(top) for top in before} == before


def test_choosing_french_on_each_page_changes_no_text_and_says_from_the_next_start(
        english: None, window: MainWindow, sample: Path, qtbot: QtBot,
        screenshots: Path) -> None:
    wizard = window.wizard
    assert wizard.currentPage().title() == TITLES[OPEN][1]
    french_then_english(window, screenshots, "open")
    sample_preview(window, sample, qtbot)
    for page in (PREVIEW, CONFIG, MAPPING, ACTION):  # the preview, then Back page by page
        name, title = TITLES[page]
        assert (wizard.currentId(), wizard.currentPage().title()) == (page, title)
        french_then_english(window, screenshots, name)
        wizard.back()
    while wizard.currentId() != PREVIEW:
        wizard.next()
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=20_000)
    wizard.next()
    commit = wizard.commit_page
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    assert wizard.currentPage().title() == TITLES[COMMIT][1]
    french_then_english(window, screenshots, "commit")
    assert choose(window, "&Français", screenshots, "language-notice-browser")[0][1] == (
        NOTICE[FRENCH])
    browser = commit.open_browser()  # opened after the choice: as the window, in English
    qtbot.waitUntil(lambda: browser.isVisible() and not browser.busy, timeout=30_000)
    assert [browser.tabs.tabText(i) for i in (0, browser.tabs.count() - 1)] == [
        "&Teachers", "&History"]
    shot(browser, screenshots, "language-french-chosen-browser")
    assert choose(window, "&English", screenshots, "language-again-browser") == []
    french_then_english(window, screenshots, "commit-and-browser")  # the browser's too


def test_choosing_english_in_a_french_window_keeps_it_french_until_the_next_start(
        french: None, window: MainWindow, screenshots: Path) -> None:
    before, menus = shown_texts(window), menu_texts(window)
    assert window.wizard.currentPage().title() == "Ouvrir un tableur"
    assert choose(window, "&English", screenshots, "language-notice-english") == [
        ("English", NOTICE[ENGLISH], ["OK"])]
    assert chosen_language() == ENGLISH
    assert (shown_texts(window), menu_texts(window)) == (before, menus)
    assert choose(window, "&Français", screenshots, "language-again-french") == []
    assert shown_texts(window) == before


def test_the_menu_says_the_language_in_use_now_and_the_one_of_the_next_start(
        english: None, window: MainWindow, screenshots: Path) -> None:
    assert choose(window, "&Français", screenshots, "language-notice-menu") == [
        ("Français", NOTICE[FRENCH], ["OK"])]
    assert menu_items(window) == [("&System language (English)", False),
                                  ("&English — in use now", False),
                                  ("&Français — from the next start", True)]
    menu_shot(window, screenshots, "language-menu-waiting")
    assert choose(window, "&System language (English)", screenshots, "language-none") == []
    assert menu_items(window) == [("&System language (English)", True),
                                  ("&English", False), ("&Français", False)]


def test_the_french_menu_says_it_in_french(french: None, window: MainWindow,
                                           screenshots: Path) -> None:
    assert choose(window, "&English", screenshots, "language-notice-menu-fr") == [
        ("English", NOTICE[ENGLISH], ["OK"])]
    assert menu_items(window) == [("Langue du &système (English)", False),
                                  ("&English — au prochain démarrage", True),
                                  ("&Français — langue actuelle", False)]
    menu_shot(window, screenshots, "language-menu-waiting-fr")
    assert choose(window, "&Français", screenshots, "language-none-fr") == []
    assert menu_items(window) == [("Langue du &système (English)", False),
                                  ("&English", False), ("&Français", True)]


@pytest.fixture
def no_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The French translation file missing (an installation that lost it): where it is."""
    monkeypatch.setattr(language, "translation_file",
                        lambda code: tmp_path / f"import_assistant_{code}.qm")
    return tmp_path / "import_assistant_fr.qm"


def test_a_language_whose_translation_is_missing_is_said_not_to_be_usable(
        english: None, window: MainWindow, no_french: Path, screenshots: Path) -> None:
    assert choose(window, "&Français", screenshots, "language-missing") == [
        ("Français", "Import Assistant cannot speak this language: its translation file "
                     f"{no_french} is missing.", ["OK"])]
    assert chosen_language() == SYSTEM  # the next start as it was, in English
    assert menu_items(window) == [("&System language (English)", True),
                                  ("&English", False), ("&Français", False)]


def test_a_language_whose_translation_is_missing_is_said_so_in_french(
        french: None, window: MainWindow, no_french: Path, screenshots: Path) -> None:
    """The file gone while the window speaks French (an update that lost it)."""
    assert choose(window, "&Français", screenshots, "language-missing-fr") == [
        ("Français", "Import Assistant ne peut pas parler cette langue\u00a0: son fichier de "
                     f"traduction {no_french} est introuvable.", ["OK"])]
    assert chosen_language() == SYSTEM


def test_a_choice_kept_whose_translation_went_missing_is_said_in_the_menu(
        english: None, no_french: Path, qtbot: QtBot, tmp_path: Path) -> None:
    language.choose_language(FRENCH)  # kept by an earlier start, its file gone since
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    assert menu_items(window) == [("&System language (English)", False),
                                  ("&English — in use now", False),
                                  ("&Français — translation missing", True)]
