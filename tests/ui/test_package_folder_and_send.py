"""The package dialog's folder and a send that fails (QA 7, D7 and D8): an empty Folder field
offers neither action (it is never the program's working folder), a relative path is refused
naming the full path it may have meant, and a send that cannot connect says the package was
written and where, as the command line does; sending again from the dialog then works."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import paramiko
import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from importer_gui.cli import main
from importer_gui.core import config_xml, pipeline, sftp
from importer_gui.core.atomic import part_of
from importer_gui.core.errors import ImporterError
from importer_gui.core.store import Store
from importer_gui.ui.package_dialog import PackageDialog
from tests.sftp_server import SftpServer
from tests.stores import existing_store
from tests.ui.conftest import Questions

PASSWORD = "correct horse"
PACKAGE = ["interventions.csv", "learners.csv", "registrations.csv", "sample-config.xml",
           "sessions.csv", "trainings.csv"]


@pytest.fixture
def plan(sample: Path, tmp_path: Path) -> pipeline.Plan:
    """The sample checked on an empty store."""
    with Store.open(tmp_path / "store.sqlite3") as store:
        return pipeline.check(config_xml.load(sample / "sample-config.xml"), store)


@pytest.fixture
def closed_port() -> int:
    """A loopback port nobody listens on (bound, then closed again)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SftpServer]:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    (tmp_path / "server" / "drop").mkdir(parents=True)
    running = SftpServer(tmp_path / "server", paramiko.RSAKey.generate(1024),
                         password=PASSWORD)
    yield running
    running.close()


def shown(plan: pipeline.Plan, folder: Path | None, qtbot: QtBot, *,
          send: bool = False) -> PackageDialog:
    dialog = PackageDialog(plan, folder=folder, send=send, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_an_empty_folder_field_offers_neither_action(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        screenshots: Path) -> None:
    monkeypatch.chdir(tmp_path)  # where "." would have written
    before = sorted(tmp_path.iterdir())
    dialog = shown(plan, tmp_path / "out", qtbot)
    dialog.folder_edit.setText("   ")
    assert not dialog.package_button.isEnabled() and not dialog.send_button.isEnabled()
    assert dialog.folder_edit.placeholderText() == "Choose the folder to write the package in"
    dialog.package_button.click()
    dialog.start(send=False)  # as the default button would (Enter)
    assert sorted(tmp_path.iterdir()) == before and dialog.result is None
    dialog.folder_edit.clear()
    dialog.url_edit.setFocus()  # the placeholder shows, as when the user moves on
    assert not dialog.package_button.isEnabled()
    dialog.grab().save(str(screenshots / "package-dialog-no-folder.png"))
    dialog.folder_edit.setText(str(tmp_path / "out"))
    assert dialog.package_button.isEnabled() and dialog.send_button.isEnabled()


def test_a_relative_folder_is_refused_naming_the_full_path(
        plan: pipeline.Plan, sample: Path, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, screenshots: Path) -> None:
    monkeypatch.chdir(tmp_path)
    dialog = shown(plan, None, qtbot)
    assert dialog.folder_edit.text() == str(sample / "platform-package")
    dialog.folder_edit.setText("pk")
    dialog.package_button.click()
    assert dialog.error.text() == (
        f"pk is not a full path: give the folder's whole path, such as {sample / 'pk'}, or "
        "choose the folder with the Browse button.")
    assert not (tmp_path / "pk").exists() and not (sample / "pk").exists()
    assert dialog.result is None and dialog.package_button.isEnabled()
    dialog.grab().save(str(screenshots / "package-dialog-relative-folder.png"))


def test_a_folder_whose_name_is_too_long_is_the_systems_reason_not_unexpected(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot) -> None:
    out = tmp_path / ("y" * 300)  # past the system's 255 bytes a name
    dialog = shown(plan, out, qtbot)
    dialog.package_button.click()
    assert dialog.error.text() == f"{out}: File name too long."
    assert dialog.result is None and dialog.package_button.isEnabled()


def test_a_folder_url_holding_a_nul_is_refused_in_words(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot) -> None:
    dialog = shown(plan, None, qtbot)
    dialog.folder_edit.setText(f"file://{tmp_path}/pkg%00")  # a URL's %00 is a NUL once read
    dialog.package_button.click()
    assert dialog.error.text() == (f"{tmp_path}/pkg\\x00: a folder's name cannot hold a NUL "
                                   "character (\\x00); give the folder again.")
    assert dialog.result is None and not any(p.name.startswith("pkg") for p in tmp_path.iterdir())


def test_an_address_with_a_bracket_left_open_is_refused_before_anything_is_written(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    out = tmp_path / "new6"
    dialog = shown(plan, out, qtbot, send=True)
    dialog.resize(760, 560)
    dialog.url_edit.setText("sftp://u@[::1/drop")
    dialog.send_button.click()
    assert dialog.error.text() == (
        "sftp://u@[::1/drop is not an SFTP address of the form sftp://USER@HOST[:PORT]/FOLDER "
        "(a password is asked for, never written in it).")
    assert not out.exists() and dialog.result is None
    assert dialog.package_button.isEnabled() and dialog.send_button.isEnabled()
    dialog.grab().save(str(screenshots / "package-dialog-bad-address.png"))


def test_a_send_that_cannot_connect_says_the_package_is_written(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, closed_port: int,
        server: SftpServer, monkeypatch: pytest.MonkeyPatch, screenshots: Path,
        questions: Questions) -> None:
    out = tmp_path / "new5"
    dialog = shown(plan, out, qtbot, send=True)
    dialog.resize(760, 560)
    dialog.url_edit.setText(f"sftp://u@127.0.0.1:{closed_port}/x")
    dialog.send_button.click()
    assert sorted(p.name for p in out.iterdir()) == PACKAGE
    assert dialog.error.text() == (
        f"The package was written in {out}; sending it failed: cannot connect to 127.0.0.1 "
        f"port {closed_port}: Connection refused. Send it again with Package and send.")
    assert dialog.summary_area.isVisible()
    assert dialog.summary.text().startswith(f"Package written in {out}:\n")
    assert "Sent to" not in dialog.summary.text()
    assert dialog.package_button.isEnabled() and dialog.send_button.isEnabled()
    dialog.grab().save(str(screenshots / "package-dialog-not-sent.png"))
    # Sent again, to a server that answers: the earlier package is replaced, then sent.
    questions.answers.append("Trust this key and send")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: (PASSWORD, True))
    dialog.url_edit.setText(server.url())
    dialog.send_button.click()
    assert len(dialog.sent) == 6 and dialog.error.isHidden()
    assert sorted(p.name for p in (server.root / "drop").iterdir()) == PACKAGE
    # The platform starts on the configuration: it arrives after every data file.
    assert [Path(new).name for _old, new in server.journal.renamed] == [
        "trainings.csv", "sessions.csv", "interventions.csv", "learners.csv",
        "registrations.csv", "sample-config.xml"]


def test_a_protected_key_file_is_said_as_such_once_the_package_is_written(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, server: SftpServer,
        screenshots: Path) -> None:
    key = tmp_path / "id_protected"
    paramiko.RSAKey.generate(1024).write_private_key_file(str(key), password="pass phrase")
    out = tmp_path / "new7"
    dialog = shown(plan, out, qtbot, send=True)
    dialog.resize(760, 560)
    dialog.url_edit.setText(server.url())
    dialog.key_edit.setText(str(key))
    dialog.send_button.click()
    assert sorted(p.name for p in out.iterdir()) == PACKAGE
    assert dialog.error.text() == (
        f"The package was written in {out}; sending it failed: the key file {key} is "
        "protected by a passphrase: add it to your SSH agent (ssh-add) to send with it. Send "
        "it again with Package and send.")
    assert not any((server.root / "drop").iterdir())
    dialog.grab().save(str(screenshots / "package-dialog-protected-key.png"))


def test_the_connection_refusal_says_why_once(closed_port: int, tmp_path: Path) -> None:
    target = sftp.parse_target(f"sftp://u@127.0.0.1:{closed_port}/x")
    key = tmp_path / "id_test"
    paramiko.RSAKey.generate(1024).write_private_key_file(str(key))
    with pytest.raises(ImporterError) as caught:
        sftp.upload([], target, key_file=key)
    assert caught.value.message == (
        f"Cannot connect to 127.0.0.1 port {closed_port}: Connection refused.")


def test_the_command_line_says_the_package_is_written_when_sending_fails(
        sample: Path, tmp_path: Path, closed_port: int, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    out = tmp_path / "new5"
    code = main(["package", str(sample / "sample-config.xml"), "--out", str(out),
                 "--store", existing_store(tmp_path / "store.sqlite3"),
                 "--upload", f"sftp://u@127.0.0.1:{closed_port}/x"])
    assert code == 4  # not 2, which says nothing was written
    assert capsys.readouterr().err == (
        f"importer-gui: The package was written in {out}; sending it failed: cannot connect "
        f"to 127.0.0.1 port {closed_port}: Connection refused. Run the same command again to "
        "send it.\n")
    assert sorted(p.name for p in out.iterdir()) == PACKAGE


# A drop folder the server cannot take: how the test server is made so, the folder sent
# to, and why the sending failed, in French.
DROP_FOLDER_REFUSALS = {
    "no-drop-folder": (lambda server: None, "/drop2",
                       "le dossier /drop2 n'existe pas sur 127.0.0.1"),
    "drop-folder-a-file": (lambda server: (server.root / "inbox").write_text("a file"),
                           "/inbox", "/inbox sur 127.0.0.1 est un fichier, pas un dossier"),
    "drop-folder-refused": (lambda server: server.denied.add("/drop"), "/drop",
                            "127.0.0.1 a refusé l'accès au dossier /drop\u00a0: Permission "
                            "refusée"),
}


@pytest.mark.parametrize("case", DROP_FOLDER_REFUSALS)
def test_a_drop_folder_refused_is_said_in_french_in_the_whole_sentence(
        case: str, french: None, plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot,
        server: SftpServer, monkeypatch: pytest.MonkeyPatch, screenshots: Path,
        questions: Questions) -> None:
    make, folder, why = DROP_FOLDER_REFUSALS[case]
    make(server)
    questions.answers.append("Faire confiance à cette clé et envoyer")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: (PASSWORD, True))
    out = tmp_path / "pk"
    dialog = shown(plan, out, qtbot, send=True)
    dialog.resize(760, 560)
    dialog.url_edit.setText(server.url(folder))
    dialog.send_button.click()
    assert dialog.error.text() == (
        f"Le paquet a été écrit dans {out}\u00a0; son envoi a échoué\u00a0: {why}\u00a0; rien "
        "n'a été envoyé. Envoyez-le à nouveau avec Empaqueter et envoyer.")
    assert server.journal.written == []
    dialog.grab().save(str(screenshots / f"package-dialog-{case}-fr.png"))


def dropped(plan: pipeline.Plan, out: Path, qtbot: QtBot, server: SftpServer,
            monkeypatch: pytest.MonkeyPatch, questions: Questions, trust: str) -> PackageDialog:
    """The dialog once its send lost the connection at the first file's first bytes."""
    questions.answers.append(trust)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: (PASSWORD, True))
    server.drop_after = 1
    dialog = shown(plan, out, qtbot, send=True)
    dialog.resize(760, 560)
    dialog.url_edit.setText(server.url())
    dialog.send_button.click()
    assert sorted(p.name for p in out.iterdir()) == PACKAGE
    return dialog


def test_a_connection_dropped_mid_way_is_said_once_in_the_sentence(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, server: SftpServer,
        monkeypatch: pytest.MonkeyPatch, questions: Questions, screenshots: Path) -> None:
    out = tmp_path / "pk"
    dialog = dropped(plan, out, qtbot, server, monkeypatch, questions, "Trust this key and send")
    (leftover,) = [p.name for p in (server.root / "drop").iterdir()]
    assert dialog.error.text() == (
        f"The package was written in {out}; sending {part_of(leftover)} to {server.url()} "
        f"failed: the server closed the connection; it may be left there as {leftover}, which "
        "a later send removes; files already sent are complete, the others were not sent. "
        "Send it again with Package and send.")
    dialog.grab().save(str(screenshots / "package-dialog-dropped.png"))


def test_a_connection_dropped_mid_way_is_said_once_in_french(
        french: None, plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, server: SftpServer,
        monkeypatch: pytest.MonkeyPatch, questions: Questions, screenshots: Path) -> None:
    out = tmp_path / "pk"
    dialog = dropped(plan, out, qtbot, server, monkeypatch, questions,
                     "Faire confiance à cette clé et envoyer")
    (leftover,) = [p.name for p in (server.root / "drop").iterdir()]
    assert dialog.error.text() == (
        f"Le paquet a été écrit dans {out}\u00a0; l'envoi de {part_of(leftover)} vers "
        f"{server.url()} a échoué\u00a0: le serveur a fermé la connexion\u00a0; il est "
        f"peut-être resté là-bas sous le nom {leftover}, qu'un prochain envoi supprime\u00a0; "
        "les fichiers déjà envoyés sont complets, les autres n'ont pas été envoyés. "
        "Envoyez-le à nouveau avec Empaqueter et envoyer.")
    dialog.grab().save(str(screenshots / "package-dialog-dropped-fr.png"))


def test_every_sending_error_is_a_template_the_window_translates(
        server: SftpServer, tmp_path: Path) -> None:
    from importer_gui.ui.messages_text import recognise

    key = paramiko.RSAKey.generate(1024)
    target = sftp.parse_target(server.url("/drop2"))
    found = sftp.HostKey("[127.0.0.1]:2222", "ssh-rsa", sftp.fingerprint(key), "")
    messages = {
        sftp.HOST_KEY_UNKNOWN: sftp.UnknownHostKeyError(found).message,
        sftp.KEY_REFUSED_NO_PASSWORD: sftp.PasswordNeededError(target, True).message,
        sftp.NO_KEY_NO_PASSWORD: sftp.PasswordNeededError(target, False).message}
    known = tmp_path / "home" / ".ssh" / "known_hosts"
    known.parent.mkdir(parents=True)
    known.write_text(f"[127.0.0.1]:{server.port} ssh-rsa {key.get_base64()}\n")
    with pytest.raises(ImporterError) as changed:
        sftp.upload([], target, ask_password=lambda t: PASSWORD)
    messages[sftp.HOST_KEY_CHANGED] = changed.value.message
    known.write_text(f"[127.0.0.1]:{server.port} ssh-rsa {key.get_base64()}\n" * 2)
    with pytest.raises(ImporterError) as changed_twice:
        sftp.upload([], target, ask_password=lambda t: PASSWORD)
    messages[sftp.HOST_KEY_CHANGED_LINES] = changed_twice.value.message
    known.write_text(server.known_hosts_line() + "\n")
    with pytest.raises(ImporterError) as missing:
        sftp.upload([], target, ask_password=lambda t: PASSWORD)
    messages[sftp.NO_DROP_FOLDER] = missing.value.message
    (server.root / "drop2").write_text("a file")
    with pytest.raises(ImporterError) as a_file:
        sftp.upload([], target, ask_password=lambda t: PASSWORD)
    messages[sftp.DROP_FOLDER_A_FILE] = a_file.value.message
    server.denied.add("/drop2")
    with pytest.raises(ImporterError) as denied:
        sftp.upload([], target, ask_password=lambda t: PASSWORD)
    messages[sftp.DROP_FOLDER_REFUSED] = denied.value.message
    known.write_text(f"@revoked {server.known_hosts_line()}\n")
    with pytest.raises(ImporterError) as revoked:
        sftp.upload([], target, ask_password=lambda t: PASSWORD)
    messages[sftp.HOST_KEY_REVOKED] = revoked.value.message
    assert messages[sftp.NO_DROP_FOLDER] == (
        "The folder /drop2 does not exist on 127.0.0.1; nothing was sent.")
    assert messages[sftp.HOST_KEY_CHANGED] == (
        f"The host key of [127.0.0.1]:{server.port} has changed (ssh-rsa "
        f"{sftp.fingerprint(server.host_key)}, expected {sftp.fingerprint(key)}); refused: "
        "someone may be posing as the server. If your platform's administrators confirm the "
        f"new key, delete line 1 of {known}, then send again.")
    for template, message in messages.items():
        recognised = recognise(message)
        assert recognised is not None and recognised[0].text == template, message


@pytest.fixture
def key_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SftpServer]:
    """A server that lets in the key ~/keys/platform key (HOME in tmp_path, no agent), its
    host key known."""
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    client_key = paramiko.RSAKey.generate(1024)
    (home / "keys").mkdir(parents=True)
    client_key.write_private_key_file(str(home / "keys" / "platform key"))
    (tmp_path / "server" / "drop").mkdir(parents=True)
    running = SftpServer(tmp_path / "server", paramiko.RSAKey.generate(1024),
                         client_key=client_key)
    (home / ".ssh").mkdir()
    (home / ".ssh" / "known_hosts").write_text(running.known_hosts_line() + "\n")
    yield running
    running.close()


def test_a_key_file_typed_from_home_with_spaces_around_is_the_file_it_names(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, key_server: SftpServer) -> None:
    dialog = shown(plan, tmp_path / "out", qtbot, send=True)
    dialog.url_edit.setText(key_server.url())
    # As the placeholder says it, and as pasted: "~" is the home folder, spaces around are
    # none of the name.
    dialog.key_edit.setText("  ~/keys/platform key \n")
    dialog.send_button.click()
    assert dialog.error.isHidden(), dialog.error.text()
    assert len(dialog.sent) == 6 and key_server.journal.logins == ["publickey"]


def test_the_next_package_is_sent_where_the_last_one_went_with_the_same_key(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, key_server: SftpServer) -> None:
    first = shown(plan, tmp_path / "out", qtbot, send=True)
    assert (first.url_edit.text(), first.key_edit.text()) == ("", "")  # never sent yet
    first.url_edit.setText(key_server.url())
    first.key_edit.setText("~/keys/platform key")
    first.send_button.click()
    assert first.error.isHidden(), first.error.text()
    first.close()
    # Next month: the same address and key file, ready to send again.
    again = shown(plan, tmp_path / "out-2", qtbot, send=True)
    assert (again.url_edit.text(), again.key_edit.text()) == (key_server.url(),
                                                              "~/keys/platform key")
    again.send_button.click()
    assert again.error.isHidden(), again.error.text()
    assert len(again.sent) == 6


def test_an_address_that_failed_is_not_offered_next_time(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, closed_port: int) -> None:
    dialog = shown(plan, tmp_path / "out", qtbot, send=True)
    dialog.url_edit.setText(f"sftp://someone@127.0.0.1:{closed_port}/drop")
    dialog.send_button.click()
    assert not dialog.error.isHidden() and dialog.sent == []
    dialog.close()
    assert shown(plan, tmp_path / "out-2", qtbot, send=True).url_edit.text() == ""


def test_a_changed_host_key_is_asked_about_and_replaced_only_when_the_user_says_so(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, server: SftpServer,
        monkeypatch: pytest.MonkeyPatch, questions: Questions) -> None:
    old = paramiko.RSAKey.generate(1024)
    known = tmp_path / "home" / ".ssh" / "known_hosts"
    known.parent.mkdir(parents=True)
    other = "other.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH\n"
    known.write_text(f"{other}[127.0.0.1]:{server.port} ssh-rsa {old.get_base64()}\n")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: (PASSWORD, True))
    out = tmp_path / "pk"
    dialog = shown(plan, out, qtbot, send=True)
    dialog.url_edit.setText(server.url())
    questions.answers.append("Don't send")
    dialog.send_button.click()
    assert questions.asked == [("Host key changed", (
        f"The host key of [127.0.0.1]:{server.port} has changed since you last sent to it. "
        f"Its ssh-rsa key now has the fingerprint\n\n{sftp.fingerprint(server.host_key)}\n\n"
        f"instead of\n\n{sftp.fingerprint(old)}\n\nSomeone may be posing as the server. "
        "Replace the old key only if your platform's administrators told you it changed: the "
        f"server's old key is then removed from {known}."),
        ["Don't send", "Replace the old key and send"])]
    assert dialog.error.text() == "The changed host key was not accepted: nothing was sent."
    assert known.read_text() == f"{other}[127.0.0.1]:{server.port} ssh-rsa {old.get_base64()}\n"
    assert server.journal.written == []
    questions.answers.append("Replace the old key and send")
    dialog.send_button.click()
    assert len(dialog.sent) == 6 and dialog.error.isHidden()
    assert known.read_text() == f"{other}{server.known_hosts_line()}\n"


def test_a_trusted_key_that_cannot_be_remembered_is_said_in_french(
        french: None, plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, server: SftpServer,
        questions: Questions, screenshots: Path) -> None:
    known = tmp_path / "home" / ".ssh" / "known_hosts"
    known.mkdir(parents=True)  # a folder where the file would be: the key cannot be added
    dialog = shown(plan, tmp_path / "pk", qtbot, send=True)
    dialog.resize(760, 560)
    dialog.url_edit.setText(server.url())
    questions.answers.append("Faire confiance à cette clé et envoyer")
    dialog.send_button.click()
    assert dialog.error.text() == (
        f"La clé d'hôte acceptée n'a pas pu être ajoutée à {known}\u00a0: C'est "
        "un dossier.")
    assert known.is_dir() and server.journal.written == []
    dialog.grab().save(str(screenshots / "package-dialog-key-not-added-fr.png"))


def test_cancel_while_the_server_is_slow_to_log_in_says_the_package_is_kept_and_sends_nothing(
        plan: pipeline.Plan, tmp_path: Path, qtbot: QtBot, server: SftpServer,
        monkeypatch: pytest.MonkeyPatch, screenshots: Path) -> None:
    known = tmp_path / "home" / ".ssh" / "known_hosts"
    known.parent.mkdir(parents=True)
    known.write_text(server.known_hosts_line() + "\n")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: (PASSWORD, True))
    server.hold_logins = True
    out = tmp_path / "pk"
    dialog = PackageDialog(plan, folder=out, send=True)  # in the background: Cancel is heard
    qtbot.addWidget(dialog)
    dialog.resize(760, 560)
    dialog.show()
    dialog.url_edit.setText(server.url())
    dialog.send_button.click()
    qtbot.waitUntil(server.login_held.is_set, timeout=10_000)
    assert dialog.runner.busy
    dialog.progress_row.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=10_000)
    assert dialog.status.text() == (f"Cancelled: the package is in {out}; what was sent is "
                                    "whole, nothing is half written.")
    assert dialog.error.isHidden() and dialog.sent == []
    assert server.journal.logins == [] and server.journal.written == []
    assert list((server.root / "drop").iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == PACKAGE
    dialog.grab().save(str(screenshots / "package-dialog-cancelled-at-login.png"))
