"""A store path that cannot be a store is said in the user's words, not the engine's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core.errors import StoreError
from importer_gui.core.store import Store
from tests.builders import teachers_import, write_config


@pytest.mark.parametrize("command", ["history", "commit"])
def test_a_folder_given_as_the_store_is_named_so(tmp_path: Path, command: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, [("zoe", "Zoe", "Z", "")]))
    stores = tmp_path / "stores"
    stores.mkdir()
    argv = [command, str(config)] if command == "commit" else [command]
    assert main([*argv, "--store", str(stores)]) == 2
    assert capsys.readouterr().err == (
        f"importer-gui: {stores} is a folder, not a store: name a store file (such as "
        "store.sqlite3) inside it.\n")
    assert list(stores.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="the superuser writes in any folder")
def test_a_new_store_in_a_folder_nobody_may_write_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(StoreError) as refused:
            Store.open(folder / "store.sqlite3")
    finally:
        folder.chmod(0o755)
    assert str(refused.value) == (f"Cannot create the store {folder / 'store.sqlite3'}: the "
                                  f"folder {folder} cannot be written to.")
