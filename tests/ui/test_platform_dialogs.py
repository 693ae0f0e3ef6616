"""The round trip from the window: refresh from the sample's exports with a preview, then
package the previewed plan and send it to a real SFTP server on the loopback address."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import paramiko
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel

from importer_gui.core import config_xml, pipeline, sftp
from importer_gui.core.schema import Table
from importer_gui.core.store import Store
from importer_gui.ui.package_dialog import PackageDialog
from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.conftest import SAMPLE
from tests.sftp_server import SftpServer
from tests.ui.conftest import Questions

PASSWORD = "correct horse"


def test_refresh_previews_then_writes_a_run(qtbot: object, tmp_path: Path,
                                            screenshots: Path) -> None:
    store = tmp_path / "store.sqlite3"
    dialog = RefreshDialog(store, config_path=SAMPLE / "exports" / "export-config.xml",
                           synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    assert dialog.planned is not None and dialog.refresh_button.isEnabled()
    assert dialog.exports.count() == 7  # trainings, sessions, learners, learning objects,
    # registrations, tracking, classroom events
    assert dialog.model.rowCount() == 4  # the trainings export
    assert dialog.model.data(dialog.model.index(0, 1), Qt.ItemDataRole.DisplayRole) == "create"
    dialog.exports.setCurrentIndex(1)
    assert dialog.model.rowCount() == 3
    dialog.grab().save(str(screenshots / "refresh-dialog.png"))
    with Store.open(store) as opened:
        assert opened.count(Table.TRAINING) == 0  # the preview wrote nothing
    runs: list[int] = []
    dialog.store_changed.connect(runs.append)
    dialog.refresh_button.click()
    assert runs == [1] and "run 1" in dialog.status.text()
    with Store.open(store) as opened:
        assert opened.count(Table.TRAINING) == 4 and opened.count(Table.SESSION) == 3


def test_refresh_says_what_it_cannot_read(qtbot: object, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<import-config/>")
    dialog = RefreshDialog(tmp_path / "store.sqlite3", config_path=bad, synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert not dialog.refresh_button.isEnabled()
    assert "<export-config>" in dialog.error.text()


@pytest.fixture
def plan(sample: Path, tmp_path: Path) -> pipeline.Plan:
    """The sample checked, one mistake corrected as in the preview."""
    config = config_xml.load(sample / "sample-config.xml")
    with Store.open(tmp_path / "store.sqlite3") as store:
        checked = pipeline.check(config, store)
    trainings = checked.imports[1]
    bad = next(i for i, row in enumerate(trainings.rows) if row.has_errors)
    cells = list(trainings.rows[bad].cells)
    cells[3] = "blended"
    pipeline.recheck_row(checked, 1, bad, tuple(cells))
    return checked


def test_package_writes_the_corrected_rows(qtbot: object, plan: pipeline.Plan,
                                           tmp_path: Path) -> None:
    folder = tmp_path / "out"
    dialog = PackageDialog(plan, folder=folder, synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.package_button.click()
    assert dialog.result is not None and not dialog.summary.isHidden()
    assert "COM-400;Prise de parole;fr-FR;blended;4" in (folder / "trainings.csv").read_text(
        encoding="utf-8")
    assert "teachers" in dialog.summary.text()


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SftpServer]:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    (tmp_path / "server" / "drop").mkdir(parents=True)
    running = SftpServer(tmp_path / "server", paramiko.RSAKey.generate(1024),
                         password=PASSWORD)
    yield running
    running.close()


def sent(qtbot: object, plan: pipeline.Plan, tmp_path: Path, server: SftpServer
         ) -> PackageDialog:
    """The package dialog once Send was pressed with the server's address (tmp_path/out)."""
    dialog = PackageDialog(plan, folder=tmp_path / "out", send=True, synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.url_edit.setText(server.url())
    dialog.send_button.click()
    return dialog


def test_send_shows_the_host_key_and_asks_the_password(
        qtbot: object, plan: pipeline.Plan, tmp_path: Path, server: SftpServer,
        monkeypatch: pytest.MonkeyPatch, questions: Questions) -> None:
    questions.answers.append("Trust this key and send")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: (PASSWORD, True))
    dialog = sent(qtbot, plan, tmp_path, server)
    assert questions.asked == [("Unknown host key", (
        f"The server [127.0.0.1]:{server.port} is not in your known hosts. Its ssh-rsa key "
        f"has the fingerprint\n\n{sftp.fingerprint(server.host_key)}\n\nTrust it only if it "
        "is the one your platform's administrators gave you."),
        ["Don't send", "Trust this key and send"])]
    assert len(dialog.sent) == 6, dialog.error.text()
    assert server.journal.logins == ["password"]
    assert sorted(p.name for p in (server.root / "drop").iterdir()) == sorted(
        p.name for p in (tmp_path / "out").iterdir())
    known = (tmp_path / "home" / ".ssh" / "known_hosts").read_text()
    assert server.known_hosts_line() in known and PASSWORD not in known


def test_a_host_key_is_not_trusted_by_default_and_sends_nothing(
        qtbot: object, plan: pipeline.Plan, tmp_path: Path, server: SftpServer,
        questions: Questions) -> None:
    dialog = sent(qtbot, plan, tmp_path, server)  # the default answer, as Enter gives it
    assert [answers for _title, _text, answers in questions.asked] == [
        ["Don't send", "Trust this key and send"]]
    assert dialog.sent == [] and dialog.error.text() == (
        "The host key was not accepted: nothing was sent.")
    assert list((server.root / "drop").iterdir()) == []
    assert not (tmp_path / "home" / ".ssh" / "known_hosts").exists()


def test_the_host_key_question_is_asked_in_french(
        french: None, qtbot: object, plan: pipeline.Plan, tmp_path: Path,
        server: SftpServer, monkeypatch: pytest.MonkeyPatch, questions: Questions) -> None:
    questions.answers.append("Faire confiance à cette clé et envoyer")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: (PASSWORD, True))
    dialog = sent(qtbot, plan, tmp_path, server)
    assert questions.asked == [("Clé d'hôte inconnue", (
        f"Le serveur [127.0.0.1]:{server.port} n'est pas dans vos hôtes connus. Sa clé "
        f"ssh-rsa a pour empreinte\n\n{sftp.fingerprint(server.host_key)}\n\nNe lui faites "
        "confiance que si c'est celle que les administrateurs de votre plateforme vous ont "
        "donnée."), ["Ne pas envoyer", "Faire confiance à cette clé et envoyer"])]
    assert len(dialog.sent) == 6, dialog.error.text()


def test_package_dialog_looks_right(qtbot: object, plan: pipeline.Plan, tmp_path: Path,
                                    screenshots: Path) -> None:
    dialog = PackageDialog(plan, folder=tmp_path / "out", send=True, synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    dialog.package_button.click()
    dialog.grab().save(str(screenshots / "package-dialog.png"))
    # A mnemonic shows as a literal "&" unless its label has a buddy to go to.
    assert [label.text() for label in dialog.findChildren(QLabel)
            if "&" in label.text() and label.buddy() is None] == []
