"""What people type or paste as the package folder: a ~name of no user, a file:// address
from a file manager, a file that is not a folder; never an unexpected-error box."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.test_package_folder_and_send import plan, shown  # noqa: F401 - the fixture


def test_a_tilde_name_of_no_user_is_refused_as_a_relative_path(
        plan: object, sample: Path, tmp_path: Path, qtbot: QtBot,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    dialog = shown(plan, None, qtbot)  # type: ignore[arg-type]
    dialog.folder_edit.setText("~nobody-by-this-name/pkg")
    dialog.package_button.click()
    assert dialog.error.text() == (
        "~nobody-by-this-name/pkg is not a full path: give the folder's whole path, such as "
        f"{sample / '~nobody-by-this-name' / 'pkg'}, or choose the folder with the Browse "
        "button.")
    assert dialog.result is None


def test_a_pasted_file_address_is_the_folder_it_names(
        plan: object, tmp_path: Path, qtbot: QtBot) -> None:  # noqa: F811
    dialog = shown(plan, None, qtbot)  # type: ignore[arg-type]
    dialog.folder_edit.setText((tmp_path / "out").as_uri())
    dialog.package_button.click()
    assert dialog.result is not None and dialog.result.folder == tmp_path / "out"
    assert (tmp_path / "out" / "sample-config.xml").is_file()


def test_a_file_given_as_the_folder_is_said_to_be_a_file(
        plan: object, tmp_path: Path, qtbot: QtBot) -> None:  # noqa: F811
    (tmp_path / "notes.txt").write_text("mine\n")
    dialog = shown(plan, None, qtbot)  # type: ignore[arg-type]
    dialog.folder_edit.setText(str(tmp_path / "notes.txt"))
    dialog.package_button.click()
    assert dialog.error.text() == (
        f"{tmp_path / 'notes.txt'} is a file, not a folder: choose a folder to write the "
        "package in.")
    assert (tmp_path / "notes.txt").read_text() == "mine\n"


def test_a_file_address_of_another_computer_is_refused(
        plan: object, tmp_path: Path, qtbot: QtBot) -> None:  # noqa: F811
    dialog = shown(plan, None, qtbot)  # type: ignore[arg-type]
    dialog.folder_edit.setText("file://host/x")
    dialog.package_button.click()
    assert dialog.error.text() == ("file://host/x names a folder of another computer (host): "
                                   "choose a folder of this one.")
    assert dialog.result is None and not Path("/host/x").exists()


@pytest.mark.parametrize("address", ["file://localhost{}", "FILE://{}"])
def test_a_local_file_address_in_any_spelling_is_the_folder_it_names(
        plan: object, tmp_path: Path, qtbot: QtBot, address: str) -> None:  # noqa: F811
    dialog = shown(plan, None, qtbot)  # type: ignore[arg-type]
    dialog.folder_edit.setText(address.format(tmp_path / "out"))
    dialog.package_button.click()
    assert dialog.result is not None and dialog.result.folder == tmp_path / "out"
