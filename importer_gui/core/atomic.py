"""Writing a file so that a crash or a full disk never leaves it half-written."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

# A new file gets the user's usual mode: 0o666 less the umask, as open() would give it.
NEW_FILE_MODE = 0o666
# How many numbered names a new file may try before the folder counts as full of them.
MAX_NUMBERED = 10_000
# What a probe of ``refusal`` writes beyond its target's size: a page more, as a rewrite
# that adds a line may need.
PROBE_SLACK = 4096
# A file being written goes under a hidden name beside its own: ".NAME.<12 hex digits>.SUFFIX".
_TOKEN_BYTES = 6
_PART = re.compile(rf"\.(.+)\.[0-9a-f]{{{2 * _TOKEN_BYTES}}}\.part")


def hidden_name(name: str, suffix: str) -> str:
    """A name for a file written to become ``name``, beside it: hidden (it starts with a dot,
    so that the folder's readers pass over it) and this writer's own (a random token)."""
    # os.urandom is what secrets.token_hex reads; importing secrets loads OpenSSL's hashlib,
    # which most commands never use.
    return f".{name}.{os.urandom(_TOKEN_BYTES).hex()}.{suffix}"


def part_of(name: str) -> str | None:
    """The name a file named ``name`` was being written to become, when ``name`` is exactly
    as ``hidden_name(…, "part")`` makes it; None for any other name."""
    found = _PART.fullmatch(name)
    return None if found is None else found.group(1)


def file_bytes(path: Path, limit: int) -> bytes | None:
    """The bytes of a regular file (not a link) holding at most ``limit``; None otherwise or
    when it cannot be read: what a command reads of a file before replacing it, to know that
    nothing is lost."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > limit:
            return None
        return path.read_bytes()
    except OSError:
        return None


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Let ``write`` fill a temporary file beside ``target``, fsync it, rename it over ``target``.

    The old file stays whole until the rename; no temporary is left behind on failure. An
    existing target keeps its mode; a new one gets the user's usual mode.
    """
    target = Path(target)
    temporary = target.with_name(hidden_name(target.name, "tmp"))
    mode = target.stat().st_mode & 0o777 if target.exists() else None
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                         | getattr(os, "O_BINARY", 0), NEW_FILE_MODE if mode is None else mode)
    os.close(descriptor)
    try:
        write(temporary)
        _fsync_file(temporary)
        if mode is not None:
            os.chmod(temporary, mode)  # the umask may have narrowed it at creation
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)
    return target


def new_file(folder: Path, stem: str, suffix: str) -> Path:
    """An empty file made in ``folder`` as ``stem + suffix``, or ``stem_2 + suffix``... when
    that name is taken: created exclusively, so that two writers never share a name."""
    for n in range(1, MAX_NUMBERED + 1):
        path = folder / f"{stem}{f'_{n}' if n > 1 else ''}{suffix}"
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                             | getattr(os, "O_BINARY", 0), NEW_FILE_MODE))
        except FileExistsError:
            continue
        return path
    raise FileExistsError(17, f"{MAX_NUMBERED} files named {stem}* already exist", str(folder))


def write_bytes_atomically(target: Path, data: bytes) -> Path:
    """Replace ``target`` with ``data`` atomically."""
    return write_atomically(target, lambda path: path.write_bytes(data))


def refusal(target: Path) -> OSError | None:
    """Why the system would refuse ``target`` written again (as ``write_atomically`` writes,
    its folder made where missing): the error a copy of its size, plus a page, meets beside
    it; None when the copy is taken. Nothing of the copy is left."""
    size = target.stat().st_size if target.is_file() else 0
    probe = target.with_name(hidden_name(target.name, "probe"))
    try:
        if target.is_file():  # opened to be written (nothing is): the system says if it may
            os.close(os.open(target, os.O_WRONLY | os.O_APPEND))
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(probe, bytes(size + PROBE_SLACK))
    except OSError as exc:
        return exc
    finally:
        with suppress(OSError):
            probe.unlink(missing_ok=True)
    return None


def _fsync_file(path: Path) -> None:
    """Flush the file's content to the disk before it is renamed into place."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def fsync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable where the platform allows syncing a folder."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse; the file itself is already synced
    finally:
        os.close(descriptor)
