"""Sending a package by SFTP, to a real server on the loopback address (tests/sftp_server.py).

Host keys are verified (unknown: refused, or accepted by the user; changed: refused, or
replaced by the user), the user logs in with a key or a password that is kept nowhere (a
cancel heard meanwhile), and the drop folder never holds half a file: each one is written
under a temporary name and renamed once complete.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import paramiko
import pytest

from importer_gui.cli import main
from importer_gui.core import sftp
from importer_gui.core.atomic import part_of
from importer_gui.core.errors import Cancelled, ImporterError
from importer_gui.core.progress import Monitor
from tests.faults import cli
from tests.sftp_server import SftpServer
from tests.stores import existing_store

PASSWORD = "s3cret-pass-phrase"


@pytest.fixture(scope="module")
def host_key() -> paramiko.RSAKey:
    return paramiko.RSAKey.generate(2048)


@pytest.fixture(scope="module")
def client_key() -> paramiko.RSAKey:
    return paramiko.RSAKey.generate(2048)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private home: its own ~/.ssh, and no SSH agent."""
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    return home


@pytest.fixture
def server(tmp_path: Path, host_key: paramiko.RSAKey, client_key: paramiko.RSAKey
           ) -> Iterator[SftpServer]:
    root = tmp_path / "server"
    (root / "drop").mkdir(parents=True)
    running = SftpServer(root, host_key, client_key=client_key, password=PASSWORD)
    yield running
    running.close()


@pytest.fixture
def identity(home: Path, client_key: paramiko.RSAKey) -> Path:
    path = home / ".ssh" / "id_test"
    client_key.write_private_key_file(str(path))
    return path


@pytest.fixture
def known(home: Path, server: SftpServer) -> Path:
    path = home / ".ssh" / "known_hosts"
    path.write_text(server.known_hosts_line() + "\n")
    return path


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "package"
    folder.mkdir()
    data = folder / "sessions.csv"
    data.write_bytes(b"Action;Code\r\n" + b"M;SEC-101\r\n" * 50_000)
    config = folder / "config.xml"
    config.write_text("<import-config/>\n")
    return [data, config]


def drop(server: SftpServer) -> Path:
    return server.root / "drop"


def left(server: SftpServer) -> str:
    """The one temporary file a send cut short left in the drop folder."""
    (name,) = [p.name for p in drop(server).iterdir() if p.name.endswith(".part")]
    return name


def test_files_arrive_whole_under_their_names_the_configuration_last(
        server: SftpServer, known: Path, identity: Path, files: list[Path]) -> None:
    sent = sftp.upload(files, sftp.parse_target(server.url()), key_file=identity)
    assert sent == ["/drop/sessions.csv", "/drop/config.xml"]
    for path in files:
        assert (drop(server) / path.name).read_bytes() == path.read_bytes()
    assert sorted(p.name for p in drop(server).iterdir()) == ["config.xml", "sessions.csv"]
    # Only temporary names were ever written; each was renamed into place, config last.
    assert all(Path(p).name.startswith(".") and p.endswith(".part")
               for p in server.journal.written)
    assert [Path(new).name for _old, new in server.journal.renamed] == [
        "sessions.csv", "config.xml"]
    assert server.journal.logins == ["publickey"]


def test_sending_again_replaces_the_files(server: SftpServer, known: Path, identity: Path,
                                          files: list[Path]) -> None:
    target = sftp.parse_target(server.url())
    sftp.upload(files, target, key_file=identity)
    files[1].write_text("<import-config><!-- new --></import-config>\n")
    sftp.upload(files, target, key_file=identity)
    assert "new" in (drop(server) / "config.xml").read_text()


def test_an_unknown_host_key_is_refused_naming_host_and_fingerprint(
        server: SftpServer, home: Path, identity: Path, files: list[Path],
        host_key: paramiko.RSAKey) -> None:
    with pytest.raises(sftp.UnknownHostKeyError) as caught:
        sftp.upload(files, sftp.parse_target(server.url()), key_file=identity)
    message = str(caught.value)
    assert f"[127.0.0.1]:{server.port}" in message
    assert sftp.fingerprint(host_key) in message
    assert list(drop(server).iterdir()) == []
    assert server.journal.written == []


def test_a_host_key_the_user_accepts_is_remembered(server: SftpServer, home: Path,
                                                   identity: Path, files: list[Path]) -> None:
    shown: list[sftp.HostKey] = []

    def accept(key: sftp.HostKey) -> bool:
        shown.append(key)
        return True

    target = sftp.parse_target(server.url())
    sftp.upload(files, target, key_file=identity, confirm_host_key=accept)
    assert len(shown) == 1 and shown[0].host == f"[127.0.0.1]:{server.port}"
    sftp.upload(files, target, key_file=identity, confirm_host_key=accept)
    assert len(shown) == 1  # known since
    assert server.known_hosts_line() in (home / ".ssh" / "known_hosts").read_text()


def test_a_host_key_the_user_declines_sends_nothing(server: SftpServer, home: Path,
                                                    identity: Path, files: list[Path]) -> None:
    with pytest.raises(sftp.UnknownHostKeyError):
        sftp.upload(files, sftp.parse_target(server.url()), key_file=identity,
                    confirm_host_key=lambda key: False)
    assert not (home / ".ssh" / "known_hosts").exists()
    assert list(drop(server).iterdir()) == []


def test_a_changed_host_key_is_refused_naming_the_line_to_delete(
        server: SftpServer, home: Path, identity: Path, files: list[Path],
        host_key: paramiko.RSAKey) -> None:
    old = paramiko.RSAKey.generate(1024)
    known = home / ".ssh" / "known_hosts"
    known.write_text(f"{OTHER_LINES[0]}\n[127.0.0.1]:{server.port} ssh-rsa {old.get_base64()}\n")
    with pytest.raises(sftp.ChangedHostKeyError) as caught:
        sftp.upload(files, sftp.parse_target(server.url()), key_file=identity,
                    confirm_host_key=lambda key: True)
    changed = caught.value
    assert changed.message == (
        f"The host key of [127.0.0.1]:{server.port} has changed (ssh-rsa "
        f"{sftp.fingerprint(host_key)}, expected {sftp.fingerprint(old)}); refused: someone "
        "may be posing as the server. If your platform's administrators confirm the new key, "
        f"delete line 2 of {known}, then send again.")
    assert (changed.host, changed.port, changed.known_hosts, changed.lines) == (
        "127.0.0.1", server.port, known, (2,))
    assert (changed.old_fingerprint, changed.new_fingerprint) == (
        sftp.fingerprint(old), sftp.fingerprint(host_key))
    assert list(drop(server).iterdir()) == []


def hashed(host: str) -> str:
    return paramiko.HostKeys.hash_host(host)


def test_replacing_a_changed_host_key_rewrites_only_that_hosts_lines_then_sends(
        server: SftpServer, home: Path, identity: Path, files: list[Path]) -> None:
    """Every line naming the host holds the old key (under its name, hashed, beside another
    host's name); the other hosts' lines, marked, odd or commented, stay byte for byte."""
    old, revoked = (paramiko.RSAKey.generate(1024).get_base64() for _ in range(2))
    name = f"[127.0.0.1]:{server.port}"
    known = home / ".ssh" / "known_hosts"
    lines = [f"{OTHER_LINES[0]}\n", f"{name} ssh-rsa {old} old key\n",
             "# a comment naming " + name + "\n", f"@revoked {name} ssh-rsa {revoked}\n",
             f"{OTHER_LINES[2]}\r\n", f"other.example.com,{name}\tssh-rsa {old}\n",
             f"{hashed(name)} ssh-rsa {old}\n", f"{hashed('other.example.com')} ssh-rsa {old}\n",
             f"{OTHER_LINES[3]}"]
    known.write_bytes("".join(lines).encode() + b"\xe9\n")  # a byte that is no UTF-8
    known.chmod(0o600)
    with pytest.raises(sftp.ChangedHostKeyError) as caught:
        sftp.upload(files, sftp.parse_target(server.url()), key_file=identity)
    assert caught.value.lines == (2, 6, 7)
    assert "delete lines 2, 6, 7 of" in caught.value.message
    sftp.replace_host_key(caught.value)
    assert known.read_bytes() == "".join([
        lines[0], lines[2], lines[3], lines[4], f"other.example.com\tssh-rsa {old}\n",
        lines[7], lines[8]]).encode() + b"\xe9\n" + (
        server.known_hosts_line() + "\n").encode()
    assert known.stat().st_mode & 0o777 == 0o600
    assert sftp.upload(files, sftp.parse_target(server.url()), key_file=identity) == [
        "/drop/sessions.csv", "/drop/config.xml"]


def test_the_command_line_refuses_a_changed_host_key_naming_the_line_to_delete(
        server: SftpServer, home: Path, identity: Path, sample: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], host_key: paramiko.RSAKey) -> None:
    old = paramiko.RSAKey.generate(1024)
    known = home / ".ssh" / "known_hosts"
    known.write_text(f"[127.0.0.1]:{server.port} ssh-rsa {old.get_base64()}\n")
    out = tmp_path / "o"
    code = main(["package", str(sample / "sample-config.xml"), "--out", str(out),
                 "--store", existing_store(tmp_path / "store.sqlite3"), "--upload", server.url(),
                 "--identity", str(identity)])
    assert (code, capsys.readouterr().err) == (4, (
        f"importer-gui: The package was written in {out}; sending it failed: the host key "
        f"of [127.0.0.1]:{server.port} has changed (ssh-rsa {sftp.fingerprint(host_key)}, "
        f"expected {sftp.fingerprint(old)}); refused: someone may be posing as the server. If "
        f"your platform's administrators confirm the new key, delete line 1 of {known}, then "
        "send again. Run the same command again to send it.\n"))
    assert list(drop(server).iterdir()) == []
    assert known.read_text() == f"[127.0.0.1]:{server.port} ssh-rsa {old.get_base64()}\n"


def test_a_password_is_asked_for_when_no_key_is_taken_and_kept_nowhere(
        server: SftpServer, known: Path, home: Path, files: list[Path],
        tmp_path: Path) -> None:
    asked: list[str] = []

    def ask(target: sftp.SftpTarget) -> str:
        asked.append(str(target))
        return PASSWORD

    sftp.upload(files, sftp.parse_target(server.url()), ask_password=ask)
    assert asked == [server.url()]
    assert server.journal.logins == ["password"]
    for path in tmp_path.rglob("*"):
        if path.is_file() and "server" not in path.parts:
            assert PASSWORD.encode() not in path.read_bytes(), path


def test_a_wrong_password_is_one_line(server: SftpServer, known: Path, files: list[Path]
                                      ) -> None:
    with pytest.raises(ImporterError, match="refused platform's key and password"):
        sftp.upload(files, sftp.parse_target(server.url()), ask_password=lambda t: "wrong")
    assert list(drop(server).iterdir()) == []


def test_cancelling_leaves_no_half_file(server: SftpServer, known: Path, identity: Path,
                                        files: list[Path]) -> None:
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3  # part-way through the data file

    with pytest.raises(Cancelled):
        sftp.upload(files, sftp.parse_target(server.url()), key_file=identity,
                    monitor=Monitor(cancelled=cancelled))
    assert list(drop(server).iterdir()) == []


# Cancel while blocks are being sent; once all are sent, while the server writes them.
@pytest.mark.parametrize("asked", [10, 40])
def test_cancelling_while_the_server_is_slow_to_write_stops_at_once(
        server: SftpServer, known: Path, identity: Path, files: list[Path],
        monkeypatch: pytest.MonkeyPatch, asked: int) -> None:
    # A server slow to write (a busy disk, a slow link) has many blocks of the file queued:
    # Cancel does not wait for it to write them all (here it never would, and the send ended
    # as "no answer in time" instead of cancelled), and the file begun is still removed.
    monkeypatch.setattr(sftp, "TIMEOUT", 5.0)
    server.stall_after = 1  # the server takes the first block in, then writes nothing more
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > asked  # the data file is 17 blocks

    with pytest.raises(Cancelled):
        sftp.upload(files, sftp.parse_target(server.url()), key_file=identity,
                    monitor=Monitor(cancelled=cancelled))
    assert list(drop(server).iterdir()) == []


def test_a_connection_dropped_mid_way_is_one_line_naming_the_server(
        server: SftpServer, known: Path, identity: Path, files: list[Path]) -> None:
    server.drop_after = 100_000  # part-way through the data file
    target = sftp.parse_target(server.url())
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, target, key_file=identity)
    assert caught.value.message == (
        f"Sending sessions.csv to {target} failed: the server closed the connection; it may "
        f"be left there as {left(server)}, which a later send removes; files already sent are "
        "complete, the others were not sent.")
    assert not {p.name for p in drop(server).iterdir()} & {"sessions.csv", "config.xml"}


def test_a_connection_dropped_mid_way_reads_in_french_in_the_french_window(
        french: None, server: SftpServer, known: Path, identity: Path, files: list[Path]
        ) -> None:
    from importer_gui.ui.messages_text import message_text

    server.drop_after = 100_000  # part-way through the data file
    target = sftp.parse_target(server.url())
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, target, key_file=identity)
    assert message_text(caught.value.message) == (
        f"L'envoi de sessions.csv vers {target} a échoué\u00a0: le serveur a fermé la "
        f"connexion\u00a0; il est peut-être resté là-bas sous le nom {left(server)}, qu'un "
        "prochain envoi supprime\u00a0; les fichiers déjà envoyés sont complets, les autres "
        "n'ont pas été envoyés.")


# Hidden files of others in the drop folder, some named nearly as a send's temporary files:
# none is one of ours.
OTHERS = {".notes": b"theirs", ".sessions.csv.part": b"theirs too",
          ".sessions.csv.0123456789AB.part": b"capitals",
          ".sessions.csv.0123456789ab.part.bak": b"a copy",
          ".other.csv.0123456789ab.part": b"a name this send does not write"}


def settled(path: Path) -> None:
    """Wait until the server has stopped writing ``path`` (its size and time unchanged for
    half a second): its connection ended, it may still write the requests it had queued."""
    seen = None
    for _ in range(40):
        state = path.stat()
        now = (state.st_size, state.st_mtime_ns)
        if now == seen:
            return
        seen = now
        time.sleep(0.5)


def test_the_next_send_removes_what_a_dropped_one_left_and_nothing_else(
        server: SftpServer, known: Path, identity: Path, files: list[Path]) -> None:
    server.drop_after = 100_000  # part-way through the data file
    target = sftp.parse_target(server.url())
    with pytest.raises(ImporterError):
        sftp.upload(files, target, key_file=identity)
    left = [p.name for p in drop(server).iterdir()]
    assert len(left) == 1 and left[0].startswith(".sessions.csv.") and left[0].endswith(".part")
    settled(drop(server) / left[0])  # the server may write what it had received meanwhile
    hour_ago = time.time() - 3600
    os.utime(drop(server) / left[0], (hour_ago, hour_ago))  # the dropped send, long ago
    for name, data in OTHERS.items():
        (drop(server) / name).write_bytes(data)
        os.utime(drop(server) / name, (hour_ago, hour_ago))
    (drop(server) / ".config.xml.0123456789ab.part").mkdir()  # a folder is not a file sent
    # Another administrator's send of the same file, under way: written to a moment ago.
    (drop(server) / ".config.xml.00112233aabb.part").write_bytes(b"<import-config")
    server.drop_after = None
    sftp.upload(files, target, key_file=identity)
    assert sorted(p.name for p in drop(server).iterdir()) == sorted(
        ["sessions.csv", "config.xml", ".config.xml.0123456789ab.part",
         ".config.xml.00112233aabb.part", *OTHERS])
    assert {name: (drop(server) / name).read_bytes() for name in OTHERS} == OTHERS


def test_a_file_the_server_refuses_without_a_reason_is_named(
        server: SftpServer, known: Path, identity: Path, files: list[Path]) -> None:
    (drop(server) / "config.xml").mkdir()  # the server answers a bare "Failure"
    target = sftp.parse_target(server.url())
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, target, key_file=identity)
    assert caught.value.message == (
        f"Sending config.xml to {target} failed: the server refused it without saying why "
        "(is its disk full, or a folder of that name in the way?); files already sent are "
        "complete, the others were not sent.")
    assert sorted(p.name for p in drop(server).iterdir()) == ["config.xml", "sessions.csv"]
    assert (drop(server) / "config.xml").is_dir()


def test_a_file_the_server_refuses_without_a_reason_reads_in_french(
        french: None, server: SftpServer, known: Path, identity: Path, files: list[Path]
        ) -> None:
    from importer_gui.ui.messages_text import message_text

    (drop(server) / "config.xml").mkdir()
    target = sftp.parse_target(server.url())
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, target, key_file=identity)
    assert message_text(caught.value.message) == (
        f"L'envoi de config.xml vers {target} a échoué\u00a0: le serveur l'a refusé sans "
        "dire pourquoi (son disque est-il plein, ou un dossier de ce nom est-il en "
        "travers\u00a0?)\u00a0; les fichiers déjà envoyés sont complets, les autres n'ont pas "
        "été envoyés.")


def test_a_missing_drop_folder_sends_nothing(server: SftpServer, known: Path, identity: Path,
                                             files: list[Path]) -> None:
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, sftp.parse_target(server.url("/nowhere")), key_file=identity)
    assert caught.value.message == (
        "The folder /nowhere does not exist on 127.0.0.1; nothing was sent.")
    assert server.journal.written == []
    assert not (server.root / "nowhere").exists()  # never made: the platform does not look there


def test_a_drop_folder_that_is_a_file_is_said_to_be_one(
        server: SftpServer, known: Path, identity: Path, files: list[Path]) -> None:
    (server.root / "inbox").write_text("a file, not a folder")
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, sftp.parse_target(server.url("/inbox")), key_file=identity)
    assert caught.value.message == (
        "/inbox on 127.0.0.1 is a file, not a folder; nothing was sent.")
    assert server.journal.written == []
    assert (server.root / "inbox").read_text() == "a file, not a folder"


def test_a_drop_folder_the_server_refuses_to_look_up_says_what_it_said(
        server: SftpServer, known: Path, identity: Path, files: list[Path]) -> None:
    server.denied.add("/drop")
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, sftp.parse_target(server.url("/drop")), key_file=identity)
    assert caught.value.message == (
        "127.0.0.1 refused access to the folder /drop: Permission denied; nothing was sent.")
    assert server.journal.written == []


def test_a_drop_folder_the_user_may_not_write_in_sends_nothing_naming_the_file(
        server: SftpServer, known: Path, identity: Path, files: list[Path]) -> None:
    server.refused.add("write")
    target = sftp.parse_target(server.url())
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, target, key_file=identity)
    assert caught.value.message == (
        f"Sending sessions.csv to {target} failed: Permission denied; files already sent are "
        "complete, the others were not sent.")
    assert list(drop(server).iterdir()) == []


@pytest.mark.parametrize("room", [100_000, 550_013 + 5])  # mid-data file; mid-configuration
def test_a_disk_full_mid_file_leaves_no_temporary_file_and_names_the_file(
        server: SftpServer, known: Path, identity: Path, files: list[Path], room: int) -> None:
    server.disk_size = room
    target = sftp.parse_target(server.url())
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, target, key_file=identity)
    refused = "sessions.csv" if room < files[0].stat().st_size else "config.xml"
    assert caught.value.message == (
        f"Sending {refused} to {target} failed: the server refused it without saying why (is "
        "its disk full, or a folder of that name in the way?); files already sent are "
        "complete, the others were not sent.")
    whole = [] if refused == "sessions.csv" else ["sessions.csv"]
    assert sorted(p.name for p in drop(server).iterdir()) == whole
    assert all((drop(server) / n).read_bytes() == files[0].read_bytes() for n in whole)


@pytest.mark.parametrize("moment", ["before", "after"])
def test_a_connection_dropped_mid_rename_names_what_may_be_left(
        server: SftpServer, known: Path, identity: Path, files: list[Path], moment: str
        ) -> None:
    server.drop_at_rename = moment
    target = sftp.parse_target(server.url())
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, target, key_file=identity)
    leftover = caught.value.leftover
    assert leftover.startswith(".sessions.csv.") and leftover.endswith(".part")
    assert caught.value.message == (
        f"Sending sessions.csv to {target} failed: the server closed the connection; it may "
        f"be left there as {leftover}, which a later send removes; files already sent are "
        "complete, the others were not sent.")
    # Renamed or not, never half a file under the package's names.
    expected = {"before": leftover, "after": "sessions.csv"}[moment]
    assert [p.name for p in drop(server).iterdir()] == [expected]
    assert (drop(server) / expected).read_bytes() == files[0].read_bytes()


def test_a_temporary_file_the_server_will_not_remove_is_named(
        server: SftpServer, known: Path, identity: Path, files: list[Path]) -> None:
    server.refused |= {"rename", "remove"}
    target = sftp.parse_target(server.url())
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, target, key_file=identity)
    assert caught.value.message == (
        f"Sending sessions.csv to {target} failed: Permission denied; it may be left there as "
        f"{left(server)}, which a later send removes; files already sent are complete, the "
        "others were not sent.")
    assert [p.name for p in drop(server).iterdir()] == [left(server)]


def test_a_rename_refused_leaves_no_temporary_file(
        server: SftpServer, known: Path, identity: Path, files: list[Path]) -> None:
    server.refused.add("rename")
    target = sftp.parse_target(server.url())
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, target, key_file=identity)
    assert caught.value.message == (
        f"Sending sessions.csv to {target} failed: Permission denied; files already sent are "
        "complete, the others were not sent.")
    assert list(drop(server).iterdir()) == []


def test_a_server_without_posix_rename_still_replaces_files_of_the_same_names(
        server: SftpServer, known: Path, identity: Path, files: list[Path]) -> None:
    server.posix_rename = False  # its plain rename refuses an existing target
    (drop(server) / "config.xml").write_text("<import-config><!-- earlier --></import-config>")
    sftp.upload(files, sftp.parse_target(server.url()), key_file=identity)
    assert sorted(p.name for p in drop(server).iterdir()) == ["config.xml", "sessions.csv"]
    assert (drop(server) / "config.xml").read_bytes() == files[1].read_bytes()


def earlier_package(server: SftpServer, files: list[Path]) -> dict[str, bytes]:
    """The drop folder holding an earlier send of the package: its files' bytes by name."""
    earlier = {path.name: b"earlier " + path.name.encode() for path in files}
    for name, data in earlier.items():
        (drop(server) / name).write_bytes(data)
    return earlier


def test_without_posix_rename_a_refused_rename_puts_the_earlier_file_back(
        server: SftpServer, known: Path, identity: Path, files: list[Path]) -> None:
    server.posix_rename = False
    earlier = earlier_package(server, files)
    server.renames_refused = {2}  # the earlier sessions.csv moved aside, the new one refused
    target = sftp.parse_target(server.url())
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, target, key_file=identity)
    assert {p.name: p.read_bytes() for p in drop(server).iterdir()} == earlier
    assert caught.value.message == (
        f"Sending sessions.csv to {target} failed: Permission denied; files already sent are "
        "complete, the others were not sent.")


def test_without_posix_rename_an_earlier_file_that_cannot_be_put_back_is_named(
        server: SftpServer, known: Path, identity: Path, files: list[Path]) -> None:
    server.posix_rename = False
    earlier = earlier_package(server, files)
    server.renames_refused = {2, 3}  # the new sessions.csv refused, then putting back the old
    target = sftp.parse_target(server.url())
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, target, key_file=identity)
    aside = caught.value.aside
    assert caught.value.message == (
        f"Sending sessions.csv to {target} failed: Permission denied; the earlier "
        f"sessions.csv may be left there as {aside}: rename it back to keep it, a later send "
        "removes it; files already sent are complete, the others were not sent.")
    assert part_of(aside) == "sessions.csv"
    assert {p.name: p.read_bytes() for p in drop(server).iterdir()} == {
        aside: earlier["sessions.csv"], "config.xml": earlier["config.xml"]}
    # Sent earlier than 15 minutes before, it is what a later send removes.
    hour_ago = time.time() - 3600
    os.utime(drop(server) / aside, (hour_ago, hour_ago))
    sftp.upload(files, target, key_file=identity)
    assert {p.name: p.read_bytes() for p in drop(server).iterdir()} == {
        path.name: path.read_bytes() for path in files}


def test_an_earlier_file_that_cannot_be_put_back_reads_in_french(
        french: None, server: SftpServer, known: Path, identity: Path, files: list[Path]
        ) -> None:
    from importer_gui.ui.messages_text import message_text

    server.posix_rename = False
    earlier_package(server, files)
    server.renames_refused = {2, 3}
    target = sftp.parse_target(server.url())
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, target, key_file=identity)
    assert message_text(caught.value.message) == (
        f"L'envoi de sessions.csv vers {target} a échoué\u00a0: Permission refusée\u00a0; "
        f"l'ancien sessions.csv est peut-être resté là-bas sous le nom {caught.value.aside}"
        "\u00a0: rendez-lui son nom pour le garder, un prochain envoi le supprime\u00a0; les "
        "fichiers déjà envoyés sont complets, les autres n'ont pas été envoyés.")


def test_without_posix_rename_a_connection_dropped_as_the_earlier_file_is_moved_aside(
        server: SftpServer, known: Path, identity: Path, files: list[Path]) -> None:
    server.posix_rename = False
    earlier = earlier_package(server, files)
    server.drop_at_rename = "after"  # the earlier sessions.csv moved aside, then no answer
    target = sftp.parse_target(server.url())
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, target, key_file=identity)
    leftover, aside = caught.value.leftover, caught.value.aside
    assert caught.value.message == (
        f"Sending sessions.csv to {target} failed: the server closed the connection; it may "
        f"be left there as {leftover}, and the earlier sessions.csv as {aside}: rename that "
        "back to keep it, a later send removes both; files already sent are complete, the "
        "others were not sent.")
    assert {p.name: p.read_bytes() for p in drop(server).iterdir()} == {
        leftover: files[0].read_bytes(), aside: earlier["sessions.csv"],
        "config.xml": earlier["config.xml"]}


@pytest.mark.parametrize("left_out", [{"permissions"}, {"size"}, {"permissions", "size"}])
def test_a_server_whose_stat_leaves_out_permissions_or_size_still_receives_the_files(
        server: SftpServer, known: Path, identity: Path, files: list[Path], left_out: set[str]
        ) -> None:
    server.stat_leaves_out = left_out  # a folder's kind unknown is tried; a size, not judged
    sent = sftp.upload(files, sftp.parse_target(server.url()), key_file=identity)
    assert sent == ["/drop/sessions.csv", "/drop/config.xml"]
    assert sorted(p.name for p in drop(server).iterdir()) == ["config.xml", "sessions.csv"]
    for path in files:
        assert (drop(server) / path.name).read_bytes() == path.read_bytes()


def test_a_missing_drop_folder_is_said_so_by_a_server_that_leaves_out_permissions(
        server: SftpServer, known: Path, identity: Path, files: list[Path]) -> None:
    server.stat_leaves_out = {"permissions"}
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, sftp.parse_target(server.url("/nowhere")), key_file=identity)
    assert caught.value.message == (
        "The folder /nowhere does not exist on 127.0.0.1; nothing was sent.")
    assert server.journal.written == []


def test_the_command_line_keeps_the_package_when_the_drop_folder_is_missing(
        server: SftpServer, known: Path, identity: Path, sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = cli("package", str(sample / "sample-config.xml"), "--out", str(out),
               "--store", existing_store(tmp_path / "store.sqlite3"),
               "--upload", server.url("/nowhere"), "--identity", str(identity))
    assert done.code == 4
    assert done.err.splitlines() == [
        f"importer-gui: The package was written in {out}; sending it failed: the folder "
        "/nowhere does not exist on 127.0.0.1; nothing was sent. Run the same command again "
        "to send it."]
    assert "sample-config.xml" in {p.name for p in out.iterdir()}


def test_the_command_line_keeps_the_package_when_writing_is_refused(
        server: SftpServer, known: Path, identity: Path, sample: Path, tmp_path: Path) -> None:
    server.refused.add("write")
    out = tmp_path / "out"
    done = cli("package", str(sample / "sample-config.xml"), "--out", str(out),
               "--store", existing_store(tmp_path / "store.sqlite3"), "--upload", server.url(),
               "--identity", str(identity))
    assert done.code == 4
    assert done.err.splitlines() == [  # trainings.csv: the package's first file
        f"importer-gui: The package was written in {out}; sending trainings.csv to "
        f"{server.url()} failed: Permission denied; files already sent are complete, the "
        "others were not sent. Run the same command again to send it."]
    assert "sample-config.xml" in {p.name for p in out.iterdir()}
    assert list(drop(server).iterdir()) == []


def test_nobody_listening_is_one_line(identity: Path, files: list[Path]) -> None:
    with socket_port() as port:
        target = sftp.parse_target(f"sftp://platform@127.0.0.1:{port}/drop")
    with pytest.raises(ImporterError, match=r"Cannot connect to 127\.0\.0\.1"):
        sftp.upload(files, target, key_file=identity)


@pytest.fixture
def silent_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """A port where connections are taken and nothing is ever said (a hung server), with
    the wait for an answer cut to half a second."""
    import socket

    monkeypatch.setattr(sftp, "TIMEOUT", 0.5)
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen(4)
        yield listening.getsockname()[1]


def test_a_server_that_never_answers_is_said_to_give_no_answer_in_time(
        silent_server: int, identity: Path, files: list[Path]) -> None:
    target = sftp.parse_target(f"sftp://platform@127.0.0.1:{silent_server}/drop")
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, target, key_file=identity)
    assert caught.value.message == (
        f"Cannot connect to 127.0.0.1 port {silent_server}: no answer in time.")


class Silent:
    """A server that accepts connections and never says a word; it hears a client close."""

    def __init__(self) -> None:
        import socket

        self.listening = socket.socket()
        self.listening.bind(("127.0.0.1", 0))
        self.listening.listen(4)
        self.port = self.listening.getsockname()[1]
        self.accepted: list[socket.socket] = []

    def accept(self) -> bool:
        """Take the client's connection once it is made; True when it is."""
        self.listening.settimeout(0.05)
        try:
            self.accepted.append(self.listening.accept()[0])
        except TimeoutError:
            return False
        return True

    def closed_by_client(self) -> bool:
        """True when the client closed the connection: past what it said (its own first
        line), its end is read."""
        connection = self.accepted[0]
        connection.settimeout(TIMEOUT_HEARD)
        try:
            while connection.recv(1024):
                pass
        except TimeoutError:
            return False
        return True

    def close(self) -> None:
        for connection in self.accepted:
            connection.close()
        self.listening.close()


TIMEOUT_HEARD = 5.0  # seconds a closed connection takes at most to be seen, well under 20


def test_cancel_while_connecting_to_a_server_that_never_answers_is_heard(
        identity: Path, files: list[Path]) -> None:
    """Cancelled once the connection is made, while the client waits up to 20 s for the
    server's first line: the cancel is heard, and the connection closed."""
    silent = Silent()
    try:
        monitor = Monitor(cancelled=lambda: bool(silent.accepted) or silent.accept())
        target = sftp.parse_target(f"sftp://platform@127.0.0.1:{silent.port}/drop")
        with pytest.raises(Cancelled):
            sftp.upload(files, target, key_file=identity, monitor=monitor)
        assert silent.closed_by_client()
    finally:
        silent.close()


@pytest.mark.parametrize("login", ["key", "password"])
def test_cancel_while_the_server_is_slow_to_log_the_user_in_is_heard(
        server: SftpServer, known: Path, identity: Path, files: list[Path], login: str) -> None:
    """Cancelled while the server holds the login (a key or a password offered): the cancel
    is heard, not the server's answer waited for, and nothing is sent."""
    server.hold_logins = True
    monitor = Monitor(cancelled=server.login_held.is_set)
    credentials = ({"key_file": identity} if login == "key"
                   else {"ask_password": lambda target: PASSWORD})
    with pytest.raises(Cancelled):
        sftp.upload(files, sftp.parse_target(server.url()), monitor=monitor, **credentials)
    assert server.login_held.is_set() and server.journal.logins == []
    assert server.journal.written == [] and list(drop(server).iterdir()) == []


def test_no_answer_in_time_reads_in_french_in_the_french_window(
        french: None, silent_server: int, identity: Path, files: list[Path]) -> None:
    from importer_gui.ui.messages_text import message_text

    target = sftp.parse_target(f"sftp://platform@127.0.0.1:{silent_server}/drop")
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, target, key_file=identity)
    assert message_text(caught.value.message) == (
        f"Impossible de se connecter à 127.0.0.1 port {silent_server}\u00a0: pas de réponse "
        "à temps.")


def test_no_key_and_no_way_to_ask_a_password_is_one_line(server: SftpServer, known: Path,
                                                         files: list[Path]) -> None:
    with pytest.raises(sftp.PasswordNeededError, match="No key to log in"):
        sftp.upload(files, sftp.parse_target(server.url()))


def socket_port() -> socket_closing:
    return socket_closing()


class socket_closing:  # noqa: N801 - a context manager read as a phrase
    """A free port on the loopback address, closed again on leaving."""

    def __enter__(self) -> int:
        import socket

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        return self.sock.getsockname()[1]

    def __exit__(self, *exc: object) -> None:
        self.sock.close()


def _key_file(kind: str, path: Path, key: paramiko.RSAKey) -> None:
    """What the user named as a key file: nothing, a folder, its .pub, or a protected key."""
    if kind == "folder":
        path.mkdir()
    elif kind == "public":
        path.write_text(f"ssh-rsa {key.get_base64()} someone@laptop\n")
    elif kind == "protected":
        key.write_private_key_file(str(path), password="pass phrase")
    elif kind == "pipe":  # nobody writes to it: reading it waited for ever
        os.mkfifo(path)


@pytest.mark.parametrize(("kind", "message"), [
    ("missing", "The key file {path} cannot be read: No such file or directory."),
    ("folder", "The key file {path} cannot be read: Is a directory."),
    ("public", "The key file {path} holds no private key (choose the private key file, not "
               "the .pub beside it)."),
    ("protected", "The key file {path} is protected by a passphrase: add it to your SSH agent "
                  "(ssh-add) to send with it."),
    ("pipe", "The key file {path} holds no private key (choose the private key file, not the "
             ".pub beside it)."),
])
def test_a_key_file_that_cannot_log_in_is_said_as_such(
        kind: str, message: str, server: SftpServer, known: Path, client_key: paramiko.RSAKey,
        files: list[Path], tmp_path: Path) -> None:
    path = tmp_path / "id_chosen"
    _key_file(kind, path, client_key)
    with pytest.raises(ImporterError) as raised:
        sftp.upload(files, sftp.parse_target(server.url()), key_file=path)
    assert str(raised.value) == message.format(path=path)
    assert not any(drop(server).iterdir())


def test_a_host_name_no_resolver_can_encode_is_one_line(identity: Path, files: list[Path]
                                                        ) -> None:
    # A label past 63 characters: IDNA's UnicodeError said "unexpected" in the window.
    host = "h" * 64 + ".example.org"
    with pytest.raises(ImporterError) as raised:
        sftp.upload(files, sftp.parse_target(f"sftp://u@{host}/drop"), key_file=identity)
    assert str(raised.value).startswith(f"Cannot connect to {host} port 22: ")


@pytest.mark.parametrize("url", [
    "ftp://user@host/drop", "sftp://host/drop", "sftp://user:pw@host/drop",
    "sftp://user@host:0/drop", "sftp://user@host:99999/drop", "sftp://user@host:22a/drop",
    "sftp://user@[::1/drop", "sftp://user@::1]/drop", "sftp://user@host/drop%00x",
    "sftp://us%0Aer@host/drop", "sftp://user@host/dr\x1bop"])
def test_addresses_that_are_not_sftp_targets_are_refused(url: str) -> None:
    with pytest.raises(ImporterError, match="not an SFTP address"):
        sftp.parse_target(url)


def test_an_ipv6_target_is_named_as_it_was_typed() -> None:
    target = sftp.parse_target("sftp://user@[::1]:2222/drop%20box")
    assert (target.host, target.port, target.folder) == ("::1", 2222, "/drop box")
    assert str(target) == "sftp://user@[::1]:2222/drop box"
    assert target.known_hosts_name == "[::1]:2222"


def test_the_command_line_refuses_an_address_with_a_bracket_left_open(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(["package", str(sample / "sample-config.xml"), "--out", str(out),
                 "--store", existing_store(tmp_path / "store.sqlite3"),
                 "--upload", "sftp://user@[::1/drop"])
    assert code == 2
    assert capsys.readouterr().err == (
        "importer-gui: sftp://user@[::1/drop is not an SFTP address of the form "
        "sftp://USER@HOST[:PORT]/FOLDER (a password is asked for, never written in it).\n")
    assert not out.exists()


def test_the_command_line_packages_and_sends(
        server: SftpServer, known: Path, identity: Path, sample: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(["package", str(sample / "sample-config.xml"), "--out", str(out),
                 "--store", existing_store(tmp_path / "store.sqlite3"), "--upload", server.url(),
                 "--identity", str(identity)])
    assert code == 1  # the sample's rows with errors are left out
    assert f"Sent to {server.url()}: 6 files." in capsys.readouterr().out
    assert sorted(p.name for p in drop(server).iterdir()) == sorted(
        p.name for p in out.iterdir())


def test_the_command_line_says_a_connection_dropped_mid_way_once_the_package_is_written(
        server: SftpServer, known: Path, identity: Path, sample: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    server.drop_after = 1  # the first file's first bytes
    out = tmp_path / "out"
    code = main(["package", str(sample / "sample-config.xml"), "--out", str(out),
                 "--store", existing_store(tmp_path / "store.sqlite3"), "--upload", server.url(),
                 "--identity", str(identity)])
    assert code == 4  # written, not sent: not 2, "nothing could be done"
    assert capsys.readouterr().err == (
        f"importer-gui: The package was written in {out}; sending {part_of(left(server))} "
        f"to {server.url()} failed: the server closed the connection; it may be left there "
        f"as {left(server)}, which a later send removes; files already sent are complete, the "
        "others were not sent. Run the same command again to send it.\n")
    assert "sample-config.xml" in {p.name for p in out.iterdir()}
    assert not [p.name for p in drop(server).iterdir() if not p.name.startswith(".")]


def test_a_connection_dropped_mid_way_is_one_line_on_the_terminal(
        server: SftpServer, known: Path, identity: Path, sample: Path, tmp_path: Path) -> None:
    server.drop_after = 1
    out = tmp_path / "out"
    done = cli("package", str(sample / "sample-config.xml"), "--out", str(out),
               "--store", existing_store(tmp_path / "store.sqlite3"), "--upload", server.url(),
               "--identity", str(identity))
    assert done.code == 4
    # paramiko's own log of the reset connection is none of the user's terminal.
    assert done.err.splitlines() == [
        f"importer-gui: The package was written in {out}; sending {part_of(left(server))} "
        f"to {server.url()} failed: the server closed the connection; it may be left there "
        f"as {left(server)}, which a later send removes; files already sent are complete, the "
        "others were not sent. Run the same command again to send it."]


class Arrivals(list[tuple[str, str]]):
    """The server's renames as it makes them, each with what the drop folder then holds
    (visible names and their bytes): what the platform could pick up at that moment."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.seen: list[dict[str, bytes]] = []

    def append(self, rename: tuple[str, str]) -> None:
        super().append(rename)
        self.seen.append({p.name: p.read_bytes() for p in sorted(self.folder.iterdir())
                          if not p.name.startswith(".")})


def test_a_package_arrives_data_files_first_its_configuration_last(
        server: SftpServer, known: Path, identity: Path, sample: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    arrivals = server.journal.renamed = Arrivals(drop(server))
    out = tmp_path / "out"
    code = main(["package", str(sample / "sample-config.xml"), "--out", str(out),
                 "--store", existing_store(tmp_path / "store.sqlite3"), "--upload", server.url(),
                 "--identity", str(identity)])
    assert code == 1, capsys.readouterr().err
    assert [Path(new).name for _old, new in arrivals] == [
        "trainings.csv", "sessions.csv", "interventions.csv", "learners.csv",
        "registrations.csv", "sample-config.xml"]
    assert [Path(p).name.split(".")[1] for p in server.journal.written] == [
        "trainings", "sessions", "interventions", "learners", "registrations", "sample-config"]
    # Until the configuration arrived, the platform found none; when it did, every data
    # file it names was already there, whole.
    assert all("sample-config.xml" not in seen for seen in arrivals.seen[:-1])
    assert arrivals.seen[-1] == {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_send_gives_the_configuration_last_to_a_drop_folder_of_an_earlier_upload(
        server: SftpServer, known: Path, identity: Path, sample: Path, tmp_path: Path) -> None:
    from importer_gui.core import config_xml, pipeline
    from importer_gui.core.package import package, send
    from importer_gui.core.store import Store

    for name in ("sample-config.xml", "trainings.csv", "sessions.csv"):  # the last upload's
        (drop(server) / name).write_bytes(b"old")
    with Store.open(tmp_path / "store.sqlite3") as store:
        plan = pipeline.check(config_xml.load(sample / "sample-config.xml"), store)
    result = package(plan, tmp_path / "out")
    arrivals = server.journal.renamed = Arrivals(drop(server))
    sent = send(result, sftp.parse_target(server.url()), key_file=identity)
    assert sent[-1] == "/drop/sample-config.xml" and len(sent) == 6
    # The old configuration stayed until every new data file was in place.
    assert [seen["sample-config.xml"] for seen in arrivals.seen[:-1]] == [b"old"] * 5
    assert arrivals.seen[-1] == {p.name: p.read_bytes() for p in result.paths()}


def test_the_command_line_refuses_an_unknown_host_in_one_line(
        server: SftpServer, home: Path, identity: Path, sample: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], host_key: paramiko.RSAKey) -> None:
    """Exit 4, not 2: the package is written, and a script sends it again by running the
    same command once the key is accepted."""
    out = tmp_path / "o"
    code = main(["package", str(sample / "sample-config.xml"), "--out", str(out),
                 "--store", existing_store(tmp_path / "store.sqlite3"), "--upload", server.url(),
                 "--identity", str(identity)])
    assert (code, capsys.readouterr().err) == (4, (
        f"importer-gui: The package was written in {out}; sending it failed: the host key "
        f"of [127.0.0.1]:{server.port} is not in your known hosts (ssh-rsa "
        f"{sftp.fingerprint(host_key)}); connect once with ssh to check and accept it, then "
        "send again. Run the same command again to send it.\n"))
    assert list(drop(server).iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == [
        "interventions.csv", "learners.csv", "registrations.csv", "sample-config.xml",
        "sessions.csv", "trainings.csv"]


def test_the_command_line_says_a_key_the_server_refuses_once_the_package_is_written(
        server: SftpServer, known: Path, sample: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    wrong = tmp_path / "id_wrong"
    paramiko.RSAKey.generate(1024).write_private_key_file(str(wrong))
    out = tmp_path / "o"
    code = main(["package", str(sample / "sample-config.xml"), "--out", str(out),
                 "--store", existing_store(tmp_path / "store.sqlite3"), "--upload", server.url(),
                 "--identity", str(wrong)])
    assert (code, capsys.readouterr().err) == (4, (
        f"importer-gui: The package was written in {out}; sending it failed: 127.0.0.1 "
        f"refused {server.user}'s key, and no password was given. Run the same command again "
        "to send it.\n"))
    assert list(drop(server).iterdir()) == [] and len(list(out.iterdir())) == 6


def test_the_host_key_is_checked_before_a_password_is_asked(server: SftpServer, home: Path,
                                                            files: list[Path]) -> None:
    asked: list[str] = []

    def ask(target: sftp.SftpTarget) -> str:
        asked.append(str(target))
        return PASSWORD

    with pytest.raises(sftp.UnknownHostKeyError):
        sftp.upload(files, sftp.parse_target(server.url()), ask_password=ask)
    assert asked == [] and server.journal.logins == []


# Lines an OpenSSH known_hosts may hold that name no key of a host to trust as it is: a
# certificate authority, a revoked key, a line of an unknown key type, a line cut short.
OTHER_LINES = [
    "@cert-authority *.example.com ssh-ed25519 "
    "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl",
    "@revoked old.example.com ssh-ed25519 "
    "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl",
    "host1 sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIEX/dQ0v4127"
    "bEo8eeG1EV0ApO2lWbSnN6RWusQB5MOmAAAABHNzaDo=",
    "host2 ssh-rsa AAAA=cut",
]


def test_known_hosts_with_lines_ssh_reads_past_still_know_the_server(
        server: SftpServer, home: Path, identity: Path, files: list[Path]) -> None:
    (home / ".ssh" / "known_hosts").write_text(
        "\n".join([*OTHER_LINES, server.known_hosts_line()]) + "\n")
    sent = sftp.upload(files, sftp.parse_target(server.url()), key_file=identity)
    assert sent == ["/drop/sessions.csv", "/drop/config.xml"]


def test_a_host_key_marked_revoked_is_refused_never_offered(
        server: SftpServer, home: Path, identity: Path, files: list[Path],
        host_key: paramiko.RSAKey) -> None:
    known = home / ".ssh" / "known_hosts"
    line = server.known_hosts_line()
    known.write_text(f"@revoked {line}\n{line}\n")
    offered: list[sftp.HostKey] = []
    with pytest.raises(ImporterError) as caught:
        sftp.upload(files, sftp.parse_target(server.url()), key_file=identity,
                    confirm_host_key=lambda key: offered.append(key) is None)
    assert caught.value.message == (
        f"The host key of [127.0.0.1]:{server.port} (ssh-rsa {sftp.fingerprint(host_key)}) "
        f"is marked revoked in your known hosts ({known}); refused: someone may be posing as "
        f"the server.")
    assert offered == [] and list(drop(server).iterdir()) == []
