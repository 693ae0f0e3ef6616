"""The package dialog on the parts it shares with the other dialogs whose work runs in the
background: neither action while one runs, a failure shown then both offered again, Close
cancelling the work, and its own texts (in its own translation context) on them."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml, pipeline
from importer_gui.core.errors import Cancelled, ImporterError
from importer_gui.core.progress import Monitor
from importer_gui.core.store import Store
from importer_gui.ui import package_dialog
from importer_gui.ui.package_dialog import PackageDialog
from importer_gui.ui.preview_apply_dialog import WorkDialog


@pytest.fixture
def plan(sample: Path, tmp_path: Path) -> pipeline.Plan:
    """The sample checked on an empty store."""
    with Store.open(tmp_path / "store.sqlite3") as store:
        return pipeline.check(config_xml.load(sample / "sample-config.xml"), store)


def dialog_with(work: object, plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot,
                monkeypatch: pytest.MonkeyPatch, *, synchronous: bool = True) -> PackageDialog:
    """A shown package dialog whose packaging is ``work`` (package_and_send's arguments)."""
    monkeypatch.setattr(package_dialog, "package_and_send", work)
    dialog = PackageDialog(plan, folder=tmp_path / "out", synchronous=synchronous)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_it_is_a_work_dialog(plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot) -> None:
    dialog = PackageDialog(plan, folder=tmp_path / "out", synchronous=True)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, WorkDialog)
    assert dialog.status.objectName() == "packageStatus"
    assert dialog.error.objectName() == "packageError"


def test_neither_action_is_offered_while_one_runs(plan: pipeline.Plan, tmp_path: Path,
                                                  qtbot: QtBot,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple] = []

    def work(*args: object) -> object:
        monitor = args[-1]
        assert isinstance(monitor, Monitor)
        seen.append((dialog.status.text(), dialog.progress_row.bar.isVisible(),
                     dialog.error.isVisible()))
        monitor.progress(2, 6, "Packaging trainings.csv")
        seen.append((dialog.package_button.isEnabled(), dialog.send_button.isEnabled(),
                     dialog.status.text(), dialog.progress_row.bar.value()))
        raise ImporterError("The folder cannot be written.")

    dialog = dialog_with(work, plan, tmp_path, qtbot, monkeypatch)
    dialog.package_button.click()
    assert seen == [("Packaging…", True, False), (False, False, "Packaging trainings.csv", 2)]
    assert dialog.error.isVisible() and dialog.error.text() == "The folder cannot be written."
    assert dialog.package_button.isEnabled() and dialog.send_button.isEnabled()
    assert not dialog.progress_row.bar.isVisible() and dialog.status.text() == ""
    dialog.package_button.click()  # the next attempt hides the old error while it runs
    assert seen[2] == ("Packaging…", True, False) and dialog.error.isVisible()


def test_close_while_packaging_cancels_it(plan: pipeline.Plan, tmp_path: Path,
                                          qtbot: QtBot,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = dialog_with(until_cancelled, plan, tmp_path, qtbot, monkeypatch,
                         synchronous=False)
    dialog.package_button.click()
    assert dialog.runner.busy and not dialog.package_button.isEnabled()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=5000)
    assert dialog.result is None and not dialog.error.isVisible()
    assert dialog.status.text() == ("Cancelled: what was sent is whole; nothing is half "
                                    "written.")
    assert dialog.package_button.isEnabled() and dialog.send_button.isEnabled()


def test_its_own_texts_on_the_shared_parts_in_french(
        french: None, plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def cancelled(*args: object) -> object:
        monitor = args[-1]
        assert isinstance(monitor, Monitor)
        monitor.progress(1, 6, "Sending trainings.csv")
        steps.append(dialog.status.text())
        raise Cancelled()

    steps: list[str] = []
    dialog = dialog_with(cancelled, plan, tmp_path, qtbot, monkeypatch)
    assert dialog.progress_row.cancel_button.text() == "&Annuler"
    dialog.package_button.click()
    assert steps == ["Envoi de trainings.csv"]
    assert dialog.status.text() == ("Annulé\u00a0: ce qui a été envoyé est complet\u00a0; "
                                    "rien n'est écrit à moitié.")
    dialog.send_button.click()  # no address: said in French in the shared error line
    assert dialog.error.isVisible() and dialog.error.text().startswith("Indiquez l'adresse SFTP")


def test_enter_held_after_package_pressed_by_the_keyboard_neither_closes_nor_stops_it(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = dialog_with(until_cancelled, plan, tmp_path, qtbot, monkeypatch,
                         synchronous=False)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.package_button.setFocus()
    qtbot.keyClick(dialog.package_button, Qt.Key.Key_Return)
    assert dialog.runner.busy
    assert QApplication.focusWidget() is dialog.folder_edit
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the key held
    assert dialog.isVisible() and dialog.runner.busy and dialog.status.text() == "Packaging…"
    dialog.progress_row.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=5000)
    assert dialog.isVisible()


def until_cancelled(*args: object) -> object:
    """Packaging that runs until it is cancelled."""
    monitor = args[-1]
    assert isinstance(monitor, Monitor)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        monitor.check_cancelled()
        time.sleep(0.005)
    raise Cancelled()


def test_escape_while_packaging_cancels_it_and_the_dialog_stays_to_say_so(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = dialog_with(until_cancelled, plan, tmp_path, qtbot, monkeypatch,
                         synchronous=False)
    dialog.package_button.click()
    assert dialog.runner.busy
    qtbot.keyClick(dialog.folder_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=5000)
    assert dialog.isVisible()
    assert dialog.status.text() == ("Cancelled: what was sent is whole; nothing is half "
                                    "written.")
    qtbot.keyClick(dialog.folder_edit, Qt.Key.Key_Escape)  # nothing runs: Esc closes
    assert not dialog.isVisible()


@pytest.mark.parametrize("send", [False, True])
def test_after_a_package_enter_closes_instead_of_packaging_again(
        send: bool, plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[Path] = []

    def work(*args: object) -> object:
        runs.append(Path(str(args[1])))
        return package_dialog.package(plan, tmp_path / "out", monitor=args[-1]), []

    monkeypatch.setattr(package_dialog, "package_and_send", work)
    dialog = PackageDialog(plan, folder=tmp_path / "out", send=send, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.package_button.click()
    assert runs == [tmp_path / "out"] and dialog.summary.text().startswith("Package written")
    qtbot.keyClick(dialog.folder_edit, Qt.Key.Key_Return)
    assert runs == [tmp_path / "out"] and not dialog.isVisible()


@pytest.mark.parametrize("size", [None, (1366, 728)], ids=["default size", "1366x728"])
def test_the_explanation_and_the_fields_sit_at_the_top_with_no_band_above(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, screenshots: Path,
        size: tuple[int, int] | None) -> None:
    dialog = PackageDialog(plan, folder=tmp_path / "out", synchronous=True)
    qtbot.addWidget(dialog)
    if size is not None:
        dialog.resize(*size)
    dialog.show()
    explanation = next(label for label in dialog.findChildren(QLabel)
                       if label.text().startswith("The package holds"))
    margin, spacing = dialog.layout().contentsMargins().top(), dialog.layout().spacing()
    assert explanation.y() == margin
    assert explanation.height() == explanation.heightForWidth(explanation.width())
    assert dialog.folder_edit.y() <= explanation.geometry().bottom() + 2 * spacing
    name = "default" if size is None else f"{size[0]}x{size[1]}"
    dialog.grab().save(str(screenshots / f"package-dialog-{name}.png"))


def test_the_address_example_is_in_the_users_words(plan: pipeline.Plan, tmp_path: Path,
                                                   qtbot: QtBot, request: pytest.FixtureRequest
                                                   ) -> None:
    english = PackageDialog(plan, folder=tmp_path / "out", synchronous=True)
    qtbot.addWidget(english)
    assert english.url_edit.placeholderText() == "sftp://user@host/folder"
    request.getfixturevalue("french")
    french = PackageDialog(plan, folder=tmp_path / "out", synchronous=True)
    qtbot.addWidget(french)
    assert french.url_edit.placeholderText() == "sftp://utilisateur@hôte/dossier"


def test_the_summary_names_the_teachers_import_as_the_dialog_does(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot) -> None:
    dialog = PackageDialog(plan, folder=tmp_path / "out", synchronous=True)
    qtbot.addWidget(dialog)
    dialog.package_button.click()
    assert ("teachers.csv: the teachers' import is Import Assistant's own (the platform has no "
            "import for its back-office users); it is left out of the package."
            ) in dialog.summary.text().splitlines()


def test_the_summary_names_the_teachers_import_in_french(
        french: None, plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot) -> None:
    dialog = PackageDialog(plan, folder=tmp_path / "out", synchronous=True)
    qtbot.addWidget(dialog)
    dialog.package_button.click()
    assert ("teachers.csv\u00a0: l'import des formateurs est propre à Import Assistant (la "
            "plateforme n'a pas d'import pour ses utilisateurs du back-office)\u00a0; il est "
            "laissé hors du paquet.") in dialog.summary.text().splitlines()


def first_text_row(widget: QLabel, border: int = 4) -> int:
    """The first row of pixels inside ``widget``'s ``border`` that is not its background
    (as in its bottom right corner): where its text begins."""
    image = widget.grab().toImage()
    right, bottom = image.width() - border, image.height() - border
    background = image.pixel(right - 1, bottom - 1)
    return next(y for y in range(border, bottom)
                if any(image.pixel(x, y) != background for x in range(border, right)))


@pytest.mark.parametrize("size", [(1366, 728), (1920, 1040)])
def test_the_summary_sits_at_the_top_of_its_box(plan: pipeline.Plan, tmp_path: Path,
                                                qtbot: QtBot, screenshots: Path,
                                                size: tuple[int, int]) -> None:
    dialog = PackageDialog(plan, folder=tmp_path / "out", synchronous=True)
    qtbot.addWidget(dialog)
    dialog.resize(*size)
    dialog.show()
    dialog.package_button.click()
    QApplication.processEvents()
    dialog.grab().save(str(screenshots / f"package-dialog-summary-{size[0]}x{size[1]}.png"))
    summary = dialog.summary
    needed = summary.heightForWidth(summary.width())
    assert summary.height() > needed  # its box is taller than its text
    assert first_text_row(summary) < summary.fontMetrics().height()
