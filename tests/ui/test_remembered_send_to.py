"""Where the last package was sent, read from a settings file damaged or edited by hand:
what is not an address is not offered as one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml, pipeline
from importer_gui.core.store import Store
from importer_gui.ui.package_dialog import PackageDialog
from importer_gui.ui.settings import settings_path


@pytest.fixture
def plan(sample: Path, tmp_path: Path) -> pipeline.Plan:
    """The sample checked on an empty store."""
    with Store.open(tmp_path / "store.sqlite3") as store:
        return pipeline.check(config_xml.load(sample / "sample-config.xml"), store)


def test_a_list_where_the_address_was_kept_leaves_the_fields_empty(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot) -> None:
    settings_path().write_text("[send]\naddress=sftp://a@host/drop, sftp://b@host/drop\n"
                               "key_file=@Invalid()\n", encoding="utf-8")
    dialog = PackageDialog(plan, folder=tmp_path / "out", send=True, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert (dialog.url_edit.text(), dialog.key_edit.text()) == ("", "")


def test_an_address_kept_by_hand_is_offered(plan: pipeline.Plan, tmp_path: Path,
                                            qtbot: QtBot) -> None:
    settings_path().write_text("[send]\naddress=sftp://a@host/drop\nkey_file=/keys/id\n",
                               encoding="utf-8")
    dialog = PackageDialog(plan, folder=tmp_path / "out", send=True, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert (dialog.url_edit.text(), dialog.key_edit.text()) == ("sftp://a@host/drop",
                                                                "/keys/id")
