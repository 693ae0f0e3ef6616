"""Sending a package to the platform's SFTP drop folder (paramiko), without Qt.

The server's host key must be in the user's known hosts: an unknown key is refused (the
command line) or shown to the user to accept (the wizard, through ``confirm_host_key``); a
key that changed is refused, naming the known hosts' lines that hold the old one, which the
wizard offers to replace (``replace_host_key``). Connecting and logging in hear a cancel. The
user is authenticated with the SSH agent or a key
file, else with a password asked for at that moment and kept nowhere. Each file is written
under a temporary name and renamed once complete, so that the platform, which picks up what
the drop folder holds, never reads half a file; what a send cut short left under such a name
is removed by the next send of the same files. Files go one after the other in the order
given: a package gives its configuration last (``PackageResult.paths``).
"""

from __future__ import annotations

import base64
import contextlib
import errno
import hashlib
import hmac
import logging
import posixpath
import re
import socket
import stat
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from importer_gui.core.atomic import hidden_name, part_of, write_bytes_atomically
from importer_gui.core.errors import (
    QT_TRANSLATE_NOOP,
    Cancelled,
    ImporterError,
    errno_reason,
    system_reason,
)
from importer_gui.core.progress import Monitor

# paramiko logs what it meets (a reset connection) as errors; with no handler configured,
# Python printed them on stderr beside the one line we say. A program that keeps a log
# (the wizard's) still gets them through the root logger.
logging.getLogger("paramiko").addHandler(logging.NullHandler())

SCHEME = "sftp"
DEFAULT_PORT = 22
TIMEOUT = 20.0  # seconds to connect, and to wait for the server at each step
URL_FORM = "sftp://USER@HOST[:PORT]/FOLDER"

# Messages the window shows in the user's language (see core/errors.py).
NOT_AN_ADDRESS = QT_TRANSLATE_NOOP(
    "errors", "{url} is not an SFTP address of the form {form} (a password is asked for, never "
              "written in it).")
KEY_NOT_ADDED = QT_TRANSLATE_NOOP(
    "errors", "The accepted host key could not be added to {path}: {reason}.")
SENDING_FAILED = QT_TRANSLATE_NOOP(
    "errors", "Sending to {target} failed: {reason}; files already sent are complete, the "
              "others were not sent.")
# The same once a file was being sent: the files go in the package's order, so those before
# {name} are complete.
SENDING_FILE_FAILED = QT_TRANSLATE_NOOP(
    "errors", "Sending {name} to {target} failed: {reason}; files already sent are complete, "
              "the others were not sent.")
# The same when its temporary file could not be removed (the connection gone, a server that
# refuses): {leftover} is its name, which a later send of the package removes. "May": a
# connection that ended as the file was renamed may have seen it renamed into place.
SENDING_FILE_FAILED_LEFT = QT_TRANSLATE_NOOP(
    "errors", "Sending {name} to {target} failed: {reason}; it may be left there as "
              "{leftover}, which a later send removes; files already sent are complete, the "
              "others were not sent.")
# The same when, on a server without OpenSSH's posix-rename, the earlier file of that name was
# moved aside to make way and could not be put back: {aside} is the name it may be left under.
SENDING_FILE_FAILED_ASIDE = QT_TRANSLATE_NOOP(
    "errors", "Sending {name} to {target} failed: {reason}; the earlier {name} may be left "
              "there as {aside}: rename it back to keep it, a later send removes it; files "
              "already sent are complete, the others were not sent.")
SENDING_FILE_FAILED_LEFT_ASIDE = QT_TRANSLATE_NOOP(
    "errors", "Sending {name} to {target} failed: {reason}; it may be left there as "
              "{leftover}, and the earlier {name} as {aside}: rename that back to keep it, a "
              "later send removes both; files already sent are complete, the others were not "
              "sent.")
REFUSED = QT_TRANSLATE_NOOP("errors", "{host} refused {user}'s key and password.")
# {reason} is the system's, as ssh says it ("Connection refused").
CANNOT_CONNECT = QT_TRANSLATE_NOOP("errors", "Cannot connect to {host} port {port}: {reason}.")
KNOWN_HOSTS_UNREADABLE = QT_TRANSLATE_NOOP(
    "errors", "Your known hosts ({path}) cannot be read: {reason}.")
HOST_KEY_UNKNOWN = QT_TRANSLATE_NOOP(
    "errors", "The host key of {host} is not in your known hosts ({key_type} {fingerprint}); "
              "connect once with ssh to check and accept it, then send again.")
# What to do is said with the known hosts' line(s) naming the host, as ssh names them: the
# command line offers no way round, on purpose.
HOST_KEY_CHANGED = QT_TRANSLATE_NOOP(
    "errors", "The host key of {host} has changed ({key_type} {fingerprint}, expected "
              "{expected}); refused: someone may be posing as the server. If your platform's "
              "administrators confirm the new key, delete line {lines} of {path}, then send "
              "again.")
HOST_KEY_CHANGED_LINES = QT_TRANSLATE_NOOP(
    "errors", "The host key of {host} has changed ({key_type} {fingerprint}, expected "
              "{expected}); refused: someone may be posing as the server. If your platform's "
              "administrators confirm the new key, delete lines {lines} of {path}, then send "
              "again.")
HOST_KEY_REVOKED = QT_TRANSLATE_NOOP(
    "errors", "The host key of {host} ({key_type} {fingerprint}) is marked revoked in your "
              "known hosts ({path}); refused: someone may be posing as the server.")
KEY_REFUSED_NO_PASSWORD = QT_TRANSLATE_NOOP(
    "errors", "{host} refused {user}'s key, and no password was given.")
NO_KEY_NO_PASSWORD = QT_TRANSLATE_NOOP(
    "errors", "No key to log in to {host} with (none in the SSH agent or ~/.ssh), and no "
              "password was given; name a key file.")
KEY_FILE_UNREADABLE = QT_TRANSLATE_NOOP("errors", "The key file {path} cannot be read: {reason}.")
KEY_FILE_NOT_A_KEY = QT_TRANSLATE_NOOP(
    "errors", "The key file {path} holds no private key (choose the private key file, not the "
              ".pub beside it).")
KEY_FILE_PROTECTED = QT_TRANSLATE_NOOP(
    "errors", "The key file {path} is protected by a passphrase: add it to your SSH agent "
              "(ssh-add) to send with it.")
NO_DROP_FOLDER = QT_TRANSLATE_NOOP(
    "errors", "The folder {folder} does not exist on {host}; nothing was sent.")
# A drop folder's path the server holds something else at (a file, most likely).
DROP_FOLDER_A_FILE = QT_TRANSLATE_NOOP(
    "errors", "{folder} on {host} is a file, not a folder; nothing was sent.")
# The server would not say what the drop folder's path holds: {reason} is its own
# ("Permission denied"), so that the user asks for the right access rather than a folder.
DROP_FOLDER_REFUSED = QT_TRANSLATE_NOOP(
    "errors", "{host} refused access to the folder {folder}: {reason}; nothing was sent.")
# The {reason} of CANNOT_CONNECT and SENDING_FAILED when the server went silent: ours, not
# the system's, so the window says it in the user's language too.
NO_ANSWER = QT_TRANSLATE_NOOP("errors", "no answer in time")
# The {reason} of SENDING_FAILED when the connection ended under way (a network gone, the
# server restarted): paramiko says it with an empty EOFError or an SSHException.
CONNECTION_LOST = QT_TRANSLATE_NOOP("errors", "the server closed the connection")
# The {reason} of SENDING_FAILED when the server answered its bare "Failure" (SSH_FX_FAILURE,
# what OpenSSH answers for a full disk, a folder in the way of a rename): the file it refused.
REFUSED_WITHOUT_REASON = QT_TRANSLATE_NOOP(
    "errors", "the server refused it without saying why (is its disk full, or a folder of "
              "that name in the way?)")


@dataclass(frozen=True)
class SftpTarget:
    """Where a package goes: a user on a host, and the drop folder."""

    user: str
    host: str
    port: int
    folder: str

    def __str__(self) -> str:
        port = "" if self.port == DEFAULT_PORT else f":{self.port}"
        host = f"[{self.host}]" if ":" in self.host else self.host  # IPv6, as it was typed
        return f"{SCHEME}://{self.user}@{host}{port}{self.folder}"

    @property
    def known_hosts_name(self) -> str:
        """The host as a known_hosts line names it."""
        return self.host if self.port == DEFAULT_PORT else f"[{self.host}]:{self.port}"


@dataclass(frozen=True)
class HostKey:
    """A server's host key, as the user is shown it."""

    host: str
    key_type: str
    fingerprint: str  # "SHA256:..." as OpenSSH prints it
    line: str  # its known_hosts line


class SendingFailedError(ImporterError):
    """Sending stopped part-way: the message says so itself ("Sending to … failed: …"), so
    that a sentence around it says why once, not "sending failed" twice."""

    def __init__(self, target: SftpTarget, reason: str, name: str | None = None,
                 leftover: str | None = None, aside: str | None = None) -> None:
        if name is None:
            template = SENDING_FAILED
        elif aside is not None:
            template = SENDING_FILE_FAILED_ASIDE if leftover is None \
                else SENDING_FILE_FAILED_LEFT_ASIDE
        else:
            template = SENDING_FILE_FAILED if leftover is None else SENDING_FILE_FAILED_LEFT
        super().__init__(template.format(name=name, target=target, reason=reason,
                                         leftover=leftover, aside=aside))
        self.target = target
        self.reason = reason
        self.name = name  # the file being sent, None before the first
        self.leftover = leftover  # its temporary file's name, when it could not be removed
        self.aside = aside  # the name the earlier file of that name may be left under


class _FileFailedError(Exception):
    """Sending one file failed: ``cause`` says why; ``leftover`` names its temporary file
    when it may be left on the server."""

    def __init__(self, name: str, cause: BaseException, leftover: str | None,
                 refused: bool, aside: str | None = None) -> None:
        super().__init__(name)
        self.name, self.cause, self.leftover = name, cause, leftover
        self.refused = refused  # a bare "Failure" the server answered, the connection up
        self.aside = aside  # the name the earlier file of that name may be left under


class _LeftAsideError(Exception):
    """Renaming a file into place failed (``cause``) once the earlier file of its name was
    moved aside, and that one may not be back: ``aside`` is the name it may be left under."""

    def __init__(self, cause: BaseException, aside: str) -> None:
        super().__init__(aside)
        self.cause, self.aside = cause, aside


class UnknownHostKeyError(ImporterError):
    """The server's key is not in the user's known hosts."""

    def __init__(self, key: HostKey) -> None:
        super().__init__(HOST_KEY_UNKNOWN.format(host=key.host, key_type=key.key_type,
                                                 fingerprint=key.fingerprint))
        self.key = key


class ChangedHostKeyError(ImporterError):
    """The server's key is not the one the user's known hosts hold for it."""

    def __init__(self, target: SftpTarget, key: HostKey, expected: str, known_hosts: Path,
                 lines: Sequence[int]) -> None:
        template = HOST_KEY_CHANGED if len(lines) == 1 else HOST_KEY_CHANGED_LINES
        super().__init__(template.format(
            host=key.host, key_type=key.key_type, fingerprint=key.fingerprint,
            expected=expected, lines=", ".join(map(str, lines)), path=known_hosts))
        self.host = target.host
        self.port = target.port
        self.key = key  # the new one, as its known_hosts line would hold it
        self.new_fingerprint = key.fingerprint
        self.old_fingerprint = expected
        self.known_hosts = known_hosts
        self.lines = tuple(lines)  # those naming the host, counted from 1


class PasswordNeededError(ImporterError):
    """No key logged the user in, and no password was given: the caller may ask for one."""

    def __init__(self, target: SftpTarget, keys_tried: bool) -> None:
        template = KEY_REFUSED_NO_PASSWORD if keys_tried else NO_KEY_NO_PASSWORD
        super().__init__(template.format(host=target.host, user=target.user))
        self.target = target


def parse_target(url: str) -> SftpTarget:
    """``sftp://USER@HOST[:PORT]/FOLDER`` as a target; ImporterError when it is not one."""
    refused = ImporterError(NOT_AN_ADDRESS.format(url=url, form=URL_FORM))
    try:
        parts = urlsplit(url)
        port = DEFAULT_PORT if parts.port is None else parts.port
    except ValueError:  # a bracket not closed around an IPv6 address, a port not a number
        raise refused from None
    if parts.scheme != SCHEME or not parts.username or not parts.hostname or port < 1 \
            or parts.password is not None or parts.query or parts.fragment:
        raise refused
    user, folder = unquote(parts.username), posixpath.normpath(unquote(parts.path) or "/")
    # A control character (a NUL, a line break, as %00 or %0A too) names no user or folder.
    if any(not text.isprintable() for text in (url, user, folder)):
        raise refused
    return SftpTarget(user, parts.hostname, port,
                      folder if folder.startswith("/") else "/" + folder)


def fingerprint(key: Any) -> str:
    """A key's SHA-256 fingerprint as OpenSSH prints it."""
    digest = hashlib.sha256(key.asbytes()).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


def default_known_hosts() -> Path:
    """The user's known hosts file."""
    return Path.home() / ".ssh" / "known_hosts"


ConfirmKey = Callable[[HostKey], bool]
AskPassword = Callable[[SftpTarget], str | None]


class _Policy:
    """What paramiko does with a key it does not know: refuse, or ask the user."""

    def __init__(self, target: SftpTarget, confirm: ConfirmKey | None,
                 known_hosts: Path, revoked: frozenset[bytes] = frozenset()) -> None:
        self.target = target
        self.confirm = confirm
        self.known_hosts = known_hosts
        self.revoked = revoked

    def missing_host_key(self, client: Any, hostname: str, key: Any) -> None:
        found = _host_key(self.target, key)
        if key.asbytes() in self.revoked:  # never offered to be accepted
            raise ImporterError(HOST_KEY_REVOKED.format(
                host=found.host, key_type=found.key_type, fingerprint=found.fingerprint,
                path=self.known_hosts))
        if self.confirm is None or not self.confirm(found):
            raise UnknownHostKeyError(found)
        _remember(self.known_hosts, found)


def _host_key(target: SftpTarget, key: Any) -> HostKey:
    """The key a server showed, as the user is shown it."""
    name = target.known_hosts_name
    return HostKey(name, key.get_name(), fingerprint(key),
                   f"{name} {key.get_name()} {key.get_base64()}")


def remember_host_key(key: HostKey, known_hosts: Path | None = None) -> None:
    """Add a host key the user accepted to their known hosts (as ssh would)."""
    _remember(known_hosts or default_known_hosts(), key)


def replace_host_key(error: ChangedHostKeyError) -> None:
    """Put the server's new key in place of the old in the user's known hosts, in one step:
    the host's name is taken out of the lines naming it (a line left naming no host goes),
    and the new key's line added; every other line is kept as it is, byte for byte."""
    path = error.known_hosts.resolve()  # a known_hosts linked from elsewhere stays a link
    try:
        kept = [line for line in _without_host(path.read_bytes(), error.key.host)
                if line is not None]
        if kept and not kept[-1].endswith(b"\n"):
            kept[-1] += b"\n"
        text = b"".join(kept) + error.key.line.encode("ascii") + b"\n"
        write_bytes_atomically(path, text)
    except OSError as exc:
        raise ImporterError(KEY_NOT_ADDED.format(path=error.known_hosts,
                                                 reason=system_reason(exc))) from None


# A known_hosts line: its indent, its host names (comma-separated), and the rest (key type,
# key, comment). A marked line (@revoked, @cert-authority) is never one of a host's keys.
_HOST_LINE = re.compile(rb"(\s*)([^@#\s]\S*)(\s.*)", re.DOTALL)


def _without_host(text: bytes, host: str) -> list[bytes | None]:
    """Each line of ``text`` (its line break kept) without ``host`` among its names; None
    for a line that named only that host. Hashed names are matched as ssh matches them."""
    lines: list[bytes | None] = []
    for line in text.splitlines(keepends=True):
        found = _HOST_LINE.fullmatch(line)
        if found is None:
            lines.append(line)
            continue
        names = found.group(2).split(b",")
        others = [name for name in names
                  if not _names_host(name.decode("utf-8", "replace"), host)]
        if len(others) == len(names):
            lines.append(line)
        elif others:
            lines.append(found.group(1) + b",".join(others) + found.group(3))
        else:
            lines.append(None)
    return lines


def _names_host(name: str, host: str) -> bool:
    """True when a known_hosts name is ``host``, as it is or hashed (as paramiko reads it)."""
    if name.startswith("|1|"):
        from paramiko.hostkeys import HostKeys

        try:
            hashed = HostKeys.hash_host(host, name)
        except ValueError:  # a salt that is no base64: no name of any host
            return False
        return hmac.compare_digest(hashed.encode(), name.encode())
    return name == host


def _host_lines(known_hosts: Path, host: str) -> list[int]:
    """The numbers of the known hosts' lines naming ``host`` (counted from 1)."""
    try:
        text = known_hosts.read_bytes()
    except OSError:
        return []
    return [number for number, (line, without) in enumerate(
        zip(text.splitlines(keepends=True), _without_host(text, host), strict=True), 1)
        if without != line]


def _remember(known_hosts: Path, key: HostKey) -> None:
    """Add an accepted key to the user's known hosts, as ssh would."""
    try:
        known_hosts.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with known_hosts.open("a", encoding="ascii") as handle:
            handle.write(key.line + "\n")
    except OSError as exc:
        raise ImporterError(KEY_NOT_ADDED.format(path=known_hosts, reason=system_reason(exc))) \
            from None


def upload(files: Sequence[Path], target: SftpTarget, *, key_file: Path | None = None,
           ask_password: AskPassword | None = None, confirm_host_key: ConfirmKey | None = None,
           known_hosts: Path | None = None, monitor: Monitor | None = None) -> list[str]:
    """Send ``files`` in their order, each whole before the next, into the target's
    folder; their remote paths."""
    import paramiko

    monitor = monitor or Monitor()
    client = _connect(target, key_file, ask_password, confirm_host_key,
                      known_hosts or default_known_hosts(), monitor)
    try:
        sftp = client.open_sftp()
        sftp.get_channel().settimeout(TIMEOUT)
        _check_folder(sftp, target)
        total = sum(Path(f).stat().st_size for f in files) or 1
        sent: list[str] = []
        done = 0
        for path in files:
            monitor.check_cancelled()
            sent.append(_send(sftp, Path(path), target, done, total, monitor))
            done += Path(path).stat().st_size
        _remove_leftovers(sftp, target, {Path(path).name for path in files}, sent[-1])
        return sent
    except _FileFailedError as failed:
        reason = (REFUSED_WITHOUT_REASON if failed.refused
                  else _sending_reason(failed.cause, client))
        raise SendingFailedError(target, reason, failed.name, failed.leftover,
                                 failed.aside) from None
    except (OSError, EOFError, paramiko.SSHException) as exc:
        raise SendingFailedError(target, _sending_reason(exc, client)) from None
    finally:
        client.close()


def _sending_reason(exc: BaseException, client: Any) -> str:
    """Why sending stopped: a connection that ended is said so, whatever paramiko raised
    (an empty EOFError as it reads, an SSHException once its transport knows)."""
    transport = client.get_transport()
    if isinstance(exc, EOFError) or (_reason(exc) != NO_ANSWER and (
            transport is None or not transport.is_active())):
        return CONNECTION_LOST
    return _reason(exc)


def _connect(target: SftpTarget, key_file: Path | None, ask_password: AskPassword | None,
             confirm: ConfirmKey | None, known_hosts: Path, monitor: Monitor) -> Any:
    """An SSH client logged in to the target, its host key verified: with a key (the given
    file, the agent's, ~/.ssh's), else with a password asked for now."""
    import paramiko

    keys = key_file is not None or _has_keys()
    if keys:
        given = {} if key_file is None else {"pkey": _private_key(key_file)}
        try:
            return _login(target, confirm, known_hosts, monitor, allow_agent=True,
                          look_for_keys=key_file is None, **given)
        except paramiko.AuthenticationException:
            pass  # a password may still be taken
    else:  # the server's key is checked before a password is asked for, as ssh does
        _login(target, confirm, known_hosts, monitor, allow_agent=False,
               look_for_keys=False, probe=True)
    password = ask_password(target) if ask_password is not None else None
    if password is None:
        raise PasswordNeededError(target, keys)
    try:
        return _login(target, confirm, known_hosts, monitor, password=password,
                      allow_agent=False, look_for_keys=False)
    except paramiko.AuthenticationException:
        raise ImporterError(REFUSED.format(host=target.host, user=target.user)) from None


def _private_key(path: Path) -> Any:
    """The private key a key file holds, read before connecting: a file that is no usable
    key is said as such, not as a connection that failed."""
    import paramiko

    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise _unreadable_key(path, exc) from None
    if stat.S_ISDIR(mode):
        raise ImporterError(KEY_FILE_UNREADABLE.format(path=path,
                                                       reason=errno_reason(errno.EISDIR)))
    if not stat.S_ISREG(mode):  # a pipe would be waited on for ever
        raise ImporterError(KEY_FILE_NOT_A_KEY.format(path=path))
    try:
        return paramiko.PKey.from_path(path)
    except OSError as exc:
        raise _unreadable_key(path, exc) from None
    # cryptography says "password was not given" with a TypeError.
    except (paramiko.PasswordRequiredException, TypeError):
        raise ImporterError(KEY_FILE_PROTECTED.format(path=path)) from None
    except Exception:  # the libraries underneath word a file that is no key many ways
        raise ImporterError(KEY_FILE_NOT_A_KEY.format(path=path)) from None


def _unreadable_key(path: Path, exc: OSError) -> ImporterError:
    """A key file the system would not let us read, with its reason."""
    return ImporterError(KEY_FILE_UNREADABLE.format(path=path, reason=system_reason(exc)))


def _has_keys() -> bool:
    """True when the agent holds a key or ~/.ssh holds one of the usual key files."""
    import paramiko

    try:
        if paramiko.Agent().get_keys():
            return True
    except paramiko.SSHException:
        pass  # no agent, or one that does not answer
    folder = Path.home() / ".ssh"
    return any((folder / name).is_file() for name in ("id_ed25519", "id_ecdsa", "id_rsa"))


def _login(target: SftpTarget, confirm: ConfirmKey | None, known_hosts: Path,
           monitor: Monitor, *, probe: bool = False, **credentials: Any) -> Any:
    """One attempt to connect and log in; paramiko's AuthenticationException when refused.

    ``probe``: connect without credentials, only to check the server's key; None once done.
    """
    import paramiko

    client = paramiko.SSHClient()
    entries, revoked = _known_host_keys(known_hosts) if known_hosts.is_file() else ([], set())
    for entry in entries:
        if entry.key.asbytes() not in revoked:  # a key revoked is no key to trust
            for name in entry.hostnames:
                client.get_host_keys().add(name, entry.key.get_name(), entry.key)
    client.set_missing_host_key_policy(_Policy(target, confirm, known_hosts,
                                               frozenset(revoked)))
    try:
        # paramiko's wait for the handshake ends with ``timeout``: ended before the wait for
        # the server's first line, a silent server was said to have "No existing session".
        _connect_while_asked(client, monitor, hostname=target.host, port=target.port,
                             username=target.user, timeout=TIMEOUT + 1,
                             banner_timeout=TIMEOUT, auth_timeout=TIMEOUT, **credentials)
        return client
    except paramiko.AuthenticationException:
        client.close()
        raise
    except ImporterError:  # an unknown host key the user did not accept
        client.close()
        raise
    except paramiko.BadHostKeyException as exc:
        client.close()
        found = _host_key(target, exc.key)
        raise ChangedHostKeyError(target, found, fingerprint(exc.expected_key), known_hosts,
                                  _host_lines(known_hosts, found.host)) from None
    except (paramiko.SSHException, OSError, UnicodeError) as exc:  # UnicodeError: a host name
        client.close()  # IDNA cannot encode (a label past 63 characters)
        if probe and "No authentication methods" in str(exc):
            return None  # the key is known, and the server waits for credentials
        raise ImporterError(CANNOT_CONNECT.format(host=target.host, port=target.port,
                                                  reason=_reason(exc))) from None


def _connect_while_asked(client: Any, monitor: Monitor, **arguments: Any) -> None:
    """``client.connect`` (each of its waits up to TIMEOUT) in a thread of its own, so that a
    cancel is heard every 0.1 s: the client is then closed, which ends the wait for the
    server, and Cancelled raised. A connection still being made is closed once made."""
    done = threading.Event()
    abandoned = threading.Event()
    failed: list[BaseException] = []

    def connect() -> None:
        try:
            client.connect(**arguments)
        except BaseException as exc:  # said by the thread that waits, not lost in this one
            failed.append(exc)
        finally:
            done.set()
            if abandoned.is_set():
                client.close()

    threading.Thread(target=connect, name="sftp-connect", daemon=True).start()
    while not done.wait(0.1):
        if monitor.cancelled():
            abandoned.set()
            client.close()
            raise Cancelled()
    if failed:
        raise failed[0]


def _known_host_keys(path: Path) -> tuple[list[Any], set[bytes]]:
    """The known hosts' keys, and those marked @revoked, read as ssh reads them: a line it
    cannot use (a key type paramiko lacks, a line cut short) is passed over, and so is a
    certificate authority (@cert-authority), since no host certificate is checked here."""
    import paramiko
    from paramiko.hostkeys import HostKeyEntry, InvalidHostKey

    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ImporterError(KNOWN_HOSTS_UNREADABLE.format(
            path=path, reason=system_reason(exc))) from None
    entries: list[Any] = []
    revoked: set[bytes] = set()
    for line in map(str.strip, text.splitlines()):
        marker, _, rest = line.partition(" ") if line.startswith("@") else ("", "", line)
        if not rest or rest.startswith("#") or marker not in ("", "@revoked"):
            continue
        try:
            entry = HostKeyEntry.from_line(rest.strip())
        except (InvalidHostKey, paramiko.SSHException, ValueError):
            continue
        if entry is not None:
            if marker:
                revoked.add(entry.key.asbytes())
            else:
                entries.append(entry)
    return entries, revoked


def _reason(exc: BaseException) -> str:
    """An error's reason in a few words."""
    # paramiko words a server that never sent its first line "Error reading SSH protocol
    # banner", raised while handling the timeout: the timeout is the reason.
    if isinstance(exc, socket.timeout) or isinstance(exc.__context__, socket.timeout):
        return NO_ANSWER
    # paramiko's "Unable to connect to port 1 on 127.0.0.1" repeats the message it ends; what
    # each address answered says why.
    errors = getattr(exc, "errors", None)
    if isinstance(errors, dict) and errors:
        return "; ".join(dict.fromkeys(_reason(error) for error in errors.values()))
    if isinstance(exc, OSError) and exc.strerror:
        return system_reason(exc)
    return str(exc) or type(exc).__name__


def _check_folder(sftp: Any, target: SftpTarget) -> None:
    """The drop folder must exist, and be a folder: a package is never sent somewhere the
    platform does not look. A server that will not say is quoted, never taken for "no"; one
    whose answer leaves out the permissions (the protocol lets it) does not say what kind of
    file the folder is, which sending then finds out."""
    try:
        mode = sftp.stat(target.folder).st_mode
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise ImporterError(NO_DROP_FOLDER.format(folder=target.folder,
                                                      host=target.host)) from None
        if isinstance(exc, socket.timeout) or not _transport_active(sftp):
            raise  # the connection's fault, not the folder's: said as a send that failed
        raise ImporterError(DROP_FOLDER_REFUSED.format(
            host=target.host, folder=target.folder, reason=_reason(exc))) from None
    if mode is not None and not stat.S_ISDIR(mode):
        raise ImporterError(DROP_FOLDER_A_FILE.format(folder=target.folder, host=target.host))


def _send(sftp: Any, path: Path, target: SftpTarget, done: int, total: int,
          monitor: Monitor) -> str:
    """One file under a temporary name, renamed over its own name once complete."""
    import paramiko

    final = posixpath.join(target.folder, path.name)
    temporary = posixpath.join(target.folder, hidden_name(path.name, "part"))
    what = f"Sending {path.name}"

    def progress(sent: int, _size: int) -> None:
        if monitor.cancelled():
            raise Cancelled()
        monitor.progress(done + sent, total, what)

    leftover = None
    try:
        remote_file = sftp.open(temporary, "wb")
        try:
            _put(sftp, path, remote_file, temporary, progress)
            _rename(sftp, temporary, final)
        except Cancelled:
            _abandon(sftp, temporary)
            raise
        except BaseException:
            if not _removed(sftp, temporary):
                leftover = posixpath.basename(temporary)
            raise
    except _LeftAsideError as exc:
        raise _FileFailedError(path.name, exc.cause, leftover, _bare_failure(sftp, exc.cause),
                               exc.aside) from None
    except (OSError, EOFError, paramiko.SSHException) as exc:
        raise _FileFailedError(path.name, exc, leftover, _bare_failure(sftp, exc)) from None
    return final


def _bare_failure(sftp: Any, exc: BaseException) -> bool:
    """True for a server status without errno, the connection up: OpenSSH's bare "Failure"."""
    return isinstance(exc, OSError) and exc.errno is None and _transport_active(sftp)


def _answered(sftp: Any, exc: BaseException) -> bool:
    """True when ``exc`` is the server's answer, the connection up: the request was refused,
    not possibly carried out with its answer lost."""
    return (isinstance(exc, OSError) and not isinstance(exc, socket.timeout)
            and _transport_active(sftp))


def _removed(sftp: Any, temporary: str) -> bool:
    """Remove a temporary file a send left part-way; False when it may still be there (the
    connection gone, paramiko then raising no OSError, or a server that refuses)."""
    import paramiko

    try:
        sftp.remove(temporary)
    except OSError as exc:
        return exc.errno == errno.ENOENT and _transport_active(sftp)
    except (EOFError, paramiko.SSHException):
        return False
    return True


BLOCK = 32768  # bytes of a file in one write request, as paramiko's put sends them


def _put(sftp: Any, path: Path, remote_file: Any, remote: str,
         progress: Callable[[int, int], None]) -> None:
    """Write ``path`` in ``remote_file`` (opened as ``remote``), its blocks sent without
    waiting for the server to write each (as paramiko's put). A cancel ``progress`` raises
    leaves the remote file open: closing it would wait for a slow server to write every block
    queued, for ``_abandon`` to drop."""
    size = path.stat().st_size
    sent = 0
    try:
        remote_file.set_pipelined(True)
        with path.open("rb") as local:
            while block := local.read(BLOCK):
                remote_file.write(block)
                sent += len(block)
                progress(sent, size)
        _close_while_asked(remote_file, lambda: progress(sent, size))
    except Cancelled:
        raise
    except BaseException:
        with contextlib.suppress(Exception):  # what went wrong is said, not the close
            remote_file.close()
        raise
    # As paramiko's put confirms a file sent; a server that leaves the size out of its answer
    # (the protocol lets it) says nothing to judge.
    size_there = sftp.stat(remote).st_size
    if size_there is not None and size_there != sent:
        raise OSError(f"size mismatch in put!  {size_there} != {sent}")


def _close_while_asked(remote_file: Any, check: Callable[[], None]) -> None:
    """Close a file sent, which waits for the server to have written every block queued (up
    to its whole window): in a thread of its own, so that ``check`` still hears a cancel."""
    done = threading.Event()
    failed: list[BaseException] = []

    def close() -> None:
        try:
            remote_file.close()
        except BaseException as exc:  # said by the thread that waits, not lost in this one
            failed.append(exc)
        finally:
            done.set()

    threading.Thread(target=close, name="sftp-close", daemon=True).start()
    while not done.wait(0.1):
        check()  # a cancel: ``_abandon`` closes the session, which ends the wait above
    if failed:
        raise failed[0]


def _abandon(sftp: Any, temporary: str) -> None:
    """Stop writing ``temporary`` at once and remove it: its session is closed rather than
    waited on, and a session of its own on the same connection removes what it holds."""
    import paramiko

    transport = sftp.get_channel().get_transport()
    sftp.close()
    with contextlib.suppress(OSError, EOFError, paramiko.SSHException):
        channel = transport.open_session(timeout=TIMEOUT)
        channel.settimeout(TIMEOUT)
        channel.invoke_subsystem("sftp")
        fresh = paramiko.SFTPClient(channel)
        try:
            fresh.remove(temporary)
        finally:
            fresh.close()


# How long a temporary file of a send must have been left unwritten before a later send
# removes it: one written to now is another administrator's send of the same files, under way.
LEFTOVER_AGE = 15 * 60  # seconds


def _remove_leftovers(sftp: Any, target: SftpTarget, names: set[str], last: str) -> None:
    """Remove what an earlier send of these files left in the drop folder (its connection
    dropped part-way): files named exactly as ``_send`` names one of ``names``, left
    unwritten for LEFTOVER_AGE before ``last`` (the file just sent: its time is the server's
    clock, as theirs), nothing else. Only once every file is sent: one that cannot be removed
    now is left for the next send."""
    import paramiko

    with contextlib.suppress(OSError, EOFError, paramiko.SSHException):
        before = (sftp.stat(last).st_mtime or 0) - LEFTOVER_AGE
        for entry in sftp.listdir_attr(target.folder):
            if (part_of(entry.filename) in names and stat.S_ISREG(entry.st_mode or 0)
                    and (entry.st_mtime or 0) <= before):
                with contextlib.suppress(OSError):
                    sftp.remove(posixpath.join(target.folder, entry.filename))


def _transport_active(sftp: Any) -> bool:
    """True while the SFTP session's connection is up."""
    transport = sftp.get_channel().get_transport()
    return transport is not None and transport.is_active()


def _rename(sftp: Any, temporary: str, final: str) -> None:
    """Rename over the target in one step where the server can (OpenSSH's posix-rename).
    Elsewhere the plain rename refuses an existing target: the earlier file is moved aside
    (under a name a later send removes), put back if the new one cannot take its place, and
    removed once it has; ``_LeftAsideError`` when it may not be back."""
    import paramiko

    try:
        sftp.posix_rename(temporary, final)
        return
    except OSError:
        pass  # a server without the extension, or one that refused (a folder in the way)
    aside = _moved_aside(sftp, final)
    try:
        sftp.rename(temporary, final)
    except (OSError, EOFError, paramiko.SSHException) as exc:
        if aside is not None and not _put_back(sftp, aside, final):
            raise _LeftAsideError(exc, posixpath.basename(aside)) from None
        raise
    if aside is not None:
        # Left there, a later send's removal of what sends left takes it away.
        with contextlib.suppress(OSError, EOFError, paramiko.SSHException):
            sftp.remove(aside)


def _moved_aside(sftp: Any, final: str) -> str | None:
    """Rename the earlier file at ``final`` to a hidden name beside it, which it returns;
    None when there is none, or a folder (the rename then refuses it, as the server would)."""
    import paramiko

    try:
        mode = sftp.lstat(final).st_mode
    except OSError as exc:
        if exc.errno == errno.ENOENT and _answered(sftp, exc):
            return None
        raise
    if mode is not None and stat.S_ISDIR(mode):  # unknown, it is taken for a file
        return None
    aside = posixpath.join(posixpath.dirname(final),
                           hidden_name(posixpath.basename(final), "part"))
    try:
        sftp.rename(final, aside)
    except (OSError, EOFError, paramiko.SSHException) as exc:
        if not _answered(sftp, exc):
            raise _LeftAsideError(exc, posixpath.basename(aside)) from None
        if getattr(exc, "errno", None) == errno.ENOENT:
            return None  # removed meanwhile
        raise  # refused: the earlier file is still in place
    return aside


def _put_back(sftp: Any, aside: str, final: str) -> bool:
    """Rename the earlier file moved aside back to its name; False when it may not be."""
    import paramiko

    try:
        sftp.rename(aside, final)
    except (OSError, EOFError, paramiko.SSHException):
        return False
    return True
