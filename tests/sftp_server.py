"""A real SFTP server on the loopback address, for the tests: paramiko's server side over TCP.

It serves one folder to one user, who logs in with a key or a password, and records every
file opened for writing and every rename, so that a test can tell what the platform, which
picks up what the drop folder holds, could have seen. Like OpenSSH's, its plain rename
refuses an existing target and its posix-rename replaces it. The paths in its ``denied`` are
refused to every request with "permission denied", as a server whose user may not read them
answers (the tests run as root, whom file permissions do not stop); the requests in its
``refused`` ("write", "rename", "remove") are refused so whatever their path, as a drop
folder the user may read but not change answers.
"""

from __future__ import annotations

import errno
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import paramiko
from paramiko import SFTPAttributes, SFTPHandle, SFTPServer, SFTPServerInterface
from paramiko.sftp import (
    SFTP_FAILURE,
    SFTP_NO_SUCH_FILE,
    SFTP_OK,
    SFTP_OP_UNSUPPORTED,
    SFTP_PERMISSION_DENIED,
)


@dataclass
class Journal:
    """What the server was asked to do, in order."""

    written: list[str] = field(default_factory=list)  # paths opened for writing
    renamed: list[tuple[str, str]] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)  # "publickey" or "password"


class _Handle(SFTPHandle):
    room: Any = None  # called with each block's size: False when the disk cannot take it
    written_hook: Any = None  # called with each block's size once written

    def write(self, offset: int, data: bytes) -> int:
        if self.room is not None and not self.room(len(data)):
            return SFTP_FAILURE  # as OpenSSH answers a full disk (ENOSPC): a bare "Failure"
        answer = super().write(offset, data)
        if self.written_hook is not None:
            self.written_hook(len(data))
        return answer

    def stat(self) -> Any:
        return SFTPAttributes.from_stat(os.fstat(self.readfile.fileno()))

    def chattr(self, attr: Any) -> int:
        return SFTP_OK


class _Folder(SFTPServerInterface):
    """The served folder: paths are inside it, never outside."""

    def __init__(self, server: Any, *args: Any, root: Path, journal: Journal,
                 denied: set[str], owner: Any, **kwargs: Any) -> None:
        super().__init__(server, *args, **kwargs)
        self.root = root
        self.journal = journal
        self.denied = denied
        self.owner = owner  # the SftpServer: its options, read at each request

    def _refused(self, request: str) -> bool:
        return request in self.owner.refused

    def _real(self, path: str) -> Path:
        real = (self.root / path.lstrip("/")).resolve()
        if not real.is_relative_to(self.root.resolve()) or path in self.denied:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        return real

    def _errno(self, exc: OSError) -> int:
        return SFTPServer.convert_errno(exc.errno) if exc.errno else SFTP_PERMISSION_DENIED

    def _attributes(self, real: Path, name: str | None = None) -> Any:
        """What the server says of a file: its stat, less what ``stat_leaves_out`` names."""
        attributes = SFTPAttributes.from_stat(real.stat(), name)
        if "permissions" in self.owner.stat_leaves_out:
            attributes.st_mode = None
        if "size" in self.owner.stat_leaves_out:
            attributes.st_size = None
        return attributes

    def stat(self, path: str) -> Any:
        try:
            return self._attributes(self._real(path))
        except OSError as exc:
            return self._errno(exc)

    lstat = stat

    def list_folder(self, path: str) -> Any:
        try:
            return [self._attributes(p, p.name) for p in self._real(path).iterdir()]
        except OSError as exc:
            return self._errno(exc)

    def open(self, path: str, flags: int, attr: Any) -> Any:
        try:
            real = self._real(path)
            writing = flags & (os.O_WRONLY | os.O_RDWR)
            if writing and self._refused("write"):
                return SFTP_PERMISSION_DENIED
            descriptor = os.open(real, flags | getattr(os, "O_BINARY", 0), 0o644)
            mode = ("ab" if flags & os.O_APPEND else "wb") if writing else "rb"
            handle = _Handle(flags)
            handle.filename = str(real)
            opened = os.fdopen(descriptor, mode)
            handle.readfile = opened
            handle.writefile = opened if writing else None
            if writing:
                self.journal.written.append(path)
                handle.written_hook = self.owner._written
                handle.room = self.owner._room
            return handle
        except OSError as exc:
            return self._errno(exc)

    def remove(self, path: str) -> int:
        if self._refused("remove"):
            return SFTP_PERMISSION_DENIED
        try:
            self._real(path).unlink()
        except OSError as exc:
            return self._errno(exc)
        return SFTP_OK

    def rename(self, oldpath: str, newpath: str) -> int:
        target = self._real(newpath)
        if target.exists():
            return SFTP_FAILURE
        return self._rename(oldpath, newpath)

    def posix_rename(self, oldpath: str, newpath: str) -> int:
        if not self.owner.posix_rename:
            return SFTP_OP_UNSUPPORTED  # a server without OpenSSH's extension
        return self._rename(oldpath, newpath)

    def _rename(self, oldpath: str, newpath: str) -> int:
        self.owner.renames_asked += 1
        if self._refused("rename") or self.owner.renames_asked in self.owner.renames_refused:
            return SFTP_PERMISSION_DENIED
        if self.owner.drop_at_rename == "before":
            self.owner._drop()
            return SFTP_FAILURE  # never sent: the connection is gone
        try:
            os.replace(self._real(oldpath), self._real(newpath))
        except FileNotFoundError:
            return SFTP_NO_SUCH_FILE
        except OSError as exc:
            return self._errno(exc)
        self.journal.renamed.append((oldpath, newpath))
        if self.owner.drop_at_rename == "after":
            self.owner._drop()
        return SFTP_OK

    def mkdir(self, path: str, attr: Any) -> int:
        try:
            self._real(path).mkdir()
        except OSError as exc:
            return self._errno(exc)
        return SFTP_OK


class _Login(paramiko.ServerInterface):
    """One user, with a key, a password, or both; ``hold`` is called before each answer."""

    def __init__(self, user: str, key: Any, password: str | None, journal: Journal,
                 hold: Callable[[], None]) -> None:
        self.user, self.key, self.password, self.journal = user, key, password, journal
        self.hold = hold

    def get_allowed_auths(self, username: str) -> str:
        return ",".join(m for m, ok in (("publickey", self.key is not None),
                                        ("password", self.password is not None)) if ok)

    def check_auth_publickey(self, username: str, key: Any) -> int:
        self.hold()
        if username == self.user and self.key is not None and key == self.key:
            self.journal.logins.append("publickey")
            return paramiko.AUTH_SUCCESSFUL
        return paramiko.AUTH_FAILED

    def check_auth_password(self, username: str, password: str) -> int:
        self.hold()
        if username == self.user and self.password is not None and password == self.password:
            self.journal.logins.append("password")
            return paramiko.AUTH_SUCCESSFUL
        return paramiko.AUTH_FAILED

    def check_channel_request(self, kind: str, chanid: int) -> int:
        if kind == "session":
            return paramiko.OPEN_SUCCEEDED
        return paramiko.OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED


class SftpServer:
    """A server on 127.0.0.1 (a free port) serving ``root``, until ``close``.

    ``drop_after``: once that many bytes are written, every connection is ended (a network
    gone, a server restarted), the bytes already written left where they are.
    ``stall_after``: once that many bytes are written, the server writes nothing more (a busy
    disk, a slow link) until it is closed; other connections and sessions are still answered.
    ``hold_logins``: a login (a key or a password offered) is answered only once the server is
    closed (a server slow to authenticate); ``login_held`` is set when one is being held.
    ``disk_size``: the bytes its disk takes in all; a write past them is refused, as OpenSSH
    refuses one to a full disk. ``drop_at_rename`` ("before" or "after"): every connection is
    ended at a rename, before or after the file is renamed (its answer never sent).
    ``posix_rename``: False for a server without OpenSSH's posix-rename extension.
    ``renames_refused``: the renames it refuses as "permission denied", by their number
    (counted from 1, plain and posix-rename alike, those it does not support left uncounted):
    {2} refuses the second, whatever came before, as a server that refuses one step midway.
    ``stat_leaves_out``: what its stat and folder listings leave out of a file's attributes
    ("permissions", "size"), as some servers answer (the protocol lets each be missing).
    """

    def __init__(self, root: Path, host_key: Any, *, user: str = "platform",
                 client_key: Any = None, password: str | None = None,
                 drop_after: int | None = None, stall_after: int | None = None,
                 hold_logins: bool = False, disk_size: int | None = None,
                 drop_at_rename: str | None = None, posix_rename: bool = True,
                 stat_leaves_out: frozenset[str] = frozenset()) -> None:
        self.root, self.host_key, self.user = root, host_key, user
        self.client_key, self.password = client_key, password
        self.drop_after = drop_after
        self.stall_after = stall_after
        self.hold_logins = hold_logins
        self.login_held = threading.Event()
        self.denied: set[str] = set()  # paths refused as "permission denied"
        self.refused: set[str] = set()  # requests refused so: "write", "rename", "remove"
        self.disk_size = disk_size
        self.drop_at_rename = drop_at_rename
        self.posix_rename = posix_rename
        self.stat_leaves_out = set(stat_leaves_out)  # "permissions", "size"
        self.renames_refused: set[int] = set()  # by number, counted from 1
        self.renames_asked = 0
        self._bytes_written = 0
        self.journal = Journal()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(8)
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self._transports: list[paramiko.Transport] = []
        self._stopping = threading.Event()  # set: no more waits in a stall either
        self._thread = threading.Thread(target=self._serve, name="sftp-server", daemon=True)
        self._thread.start()

    def url(self, folder: str = "/drop", user: str | None = None) -> str:
        """The address a client sends to."""
        return f"sftp://{user or self.user}@127.0.0.1:{self.port}{folder}"

    def known_hosts_line(self) -> str:
        """The server's line for a known_hosts file."""
        return f"[127.0.0.1]:{self.port} {self.host_key.get_name()} {self.host_key.get_base64()}"

    def _serve(self) -> None:
        while not self._stopping.is_set():
            try:
                connection, _address = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            transport = paramiko.Transport(connection)
            transport.add_server_key(self.host_key)
            transport.set_subsystem_handler("sftp", SFTPServer, _Folder, root=self.root,
                                            journal=self.journal, denied=self.denied,
                                            owner=self)
            self._transports.append(transport)
            try:
                transport.start_server(server=_Login(self.user, self.client_key,
                                                     self.password, self.journal,
                                                     self._hold_login))
            except (paramiko.SSHException, EOFError, OSError):
                transport.close()

    def _hold_login(self) -> None:
        """With ``hold_logins``, answer a login only once the server is closed."""
        if self.hold_logins:
            self.login_held.set()
            self._stopping.wait()

    def _written(self, size: int) -> None:
        """Count what was written; end every connection past ``drop_after``, stall past
        ``stall_after``."""
        self._bytes_written += size
        if self.stall_after is not None and self._bytes_written >= self.stall_after:
            self._stopping.wait()
        if self.drop_after is not None and self._bytes_written >= self.drop_after:
            self._drop()

    def _room(self, size: int) -> bool:
        """True while the disk takes ``size`` more bytes."""
        return self.disk_size is None or self._bytes_written + size <= self.disk_size

    def _drop(self) -> None:
        for transport in self._transports:
            transport.close()

    def close(self) -> None:
        """Stop listening and end every connection."""
        self._stopping.set()
        self._listener.close()
        self._thread.join(timeout=5)
        for transport in self._transports:
            transport.close()
