"""Where a store is: a SQLite file (a path) or a PostgreSQL database (a libpq URL).

A URL is kept without its password: a password given in it (before the host, or as its
``password`` parameter), typed when asked, is held in memory apart (never shown, never
saved), and a URL prints as what users may see. libpq reads the rest as usual
(``PGPASSFILE``, ``~/.pgpass``, ``sslmode`` and the other parameters).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import SplitResult, quote, unquote, urlsplit

from importer_gui.core.errors import QT_TRANSLATE_NOOP

_SCHEMES = ("postgresql", "postgres")
_URL = re.compile(r"^(postgresql|postgres)://", re.IGNORECASE)
# Another scheme's address (two letters at least: "C://" is a Windows path), read as a
# path it would name a file nobody meant.
_OTHER_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")
# What comes before the host: the scheme, the user, and a password to leave out of messages
# (up to the last "@" before the path, as urlsplit reads it).
_USER_INFO = re.compile(r"^(?P<start>[^:/?#]+://[^:@/?#]*)(?::[^/?#]*)?@")

# What is wrong with a store's URL, in English; the window shows it in the user's language.
# {url} is the URL as typed, without its password.
NOT_A_URL = QT_TRANSLATE_NOOP("errors", "{url} is not a PostgreSQL URL "
                                        "(postgresql://USER@HOST/DATABASE)")
NO_DATABASE = QT_TRANSLATE_NOOP("errors", "{url} names no database "
                                          "(postgresql://USER@HOST/DATABASE)")
BAD_HOST = QT_TRANSLATE_NOOP("errors", "{url} names a host that cannot be read (an IPv6 "
                                       "address goes in brackets: "
                                       "postgresql://USER@[::1]/DATABASE)")
OTHER_URL = QT_TRANSLATE_NOOP("errors", "{url} is not a place for a store: give a SQLite "
                                        "file's path or postgresql://USER@HOST/DATABASE")
BAD_PORT = QT_TRANSLATE_NOOP("errors", "{url} names a port that is not a number from 1 to "
                                       "65535 (postgresql://USER@HOST:PORT/DATABASE)")

AskPassword = Callable[["PostgresUrl"], "str | None"]


@dataclass(frozen=True)
class PostgresUrl:
    """A PostgreSQL store: ``postgresql://USER@HOST[:PORT]/DATABASE[?PARAMS]``.

    ``password`` is held for the connections of this process only; ``ask`` is called for
    one when the server wants a password that libpq could not find.
    """

    url: str
    password: str | None = field(default=None, repr=False, compare=False)
    ask: AskPassword | None = field(default=None, repr=False, compare=False)

    def __str__(self) -> str:
        return self.url

    @property
    def database(self) -> str:
        """The database's name, as the server knows it."""
        return unquote(urlsplit(self.url).path.lstrip("/")) or "?"

    @property
    def host(self) -> str:
        """The server's host; localhost when the URL names none (libpq's local socket)."""
        return urlsplit(self.url).hostname or "localhost"

    @property
    def name(self) -> str:
        """Short, in English: ``DATABASE on HOST`` (the window words it from its parts)."""
        return f"{self.database} on {self.host}"

    def with_password(self, password: str | None) -> PostgresUrl:
        """The same store, with the password to give."""
        return replace(self, password=password)


StoreLocation = Path | PostgresUrl


def is_url(text: str) -> bool:
    """True when ``text`` names a PostgreSQL store rather than a file."""
    return bool(_URL.match(text.strip()))


def parse_location(text: str | Path | PostgresUrl) -> StoreLocation:
    """A store's location from what a user typed: a URL, or a path (``~`` expanded).

    ValueError, in one of this module's messages, for a URL that cannot be read or names
    no database, or another scheme's address.
    """
    if isinstance(text, PostgresUrl | Path):
        return text
    if is_url(text):
        return postgres_url(text.strip())
    if _OTHER_URL.match(text.strip()):
        raise ValueError(OTHER_URL.format(url=_typed_without_password(text.strip())))
    return Path(text).expanduser()


def postgres_url(text: str) -> PostgresUrl:
    """A PostgresUrl from a libpq URL; a password written in it is moved out of it.

    ValueError, in one of this module's messages, for a URL that cannot be read or names no
    database.
    """
    try:
        parts = urlsplit(text)
    except ValueError:  # brackets that hold no IPv6 address
        raise ValueError(BAD_HOST.format(url=_typed_without_password(text))) from None
    if parts.scheme.lower() not in _SCHEMES:
        raise ValueError(NOT_A_URL.format(url=_typed_without_password(text)))
    try:
        port_read = parts.port != 0  # libpq refuses port 0 too
    except ValueError:  # not a number, or beyond 65535
        port_read = False
    if not port_read:
        raise ValueError(BAD_PORT.format(url=_typed_without_password(text)))
    if not parts.path.strip("/"):
        raise ValueError(NO_DATABASE.format(url=_without_password(parts)))
    _query, password = _query_without_password(parts.query)
    if password is None and parts.password is not None:
        password = unquote(parts.password)
    return PostgresUrl(_without_password(parts), password)


def _query_without_password(query: str) -> tuple[str, str | None]:
    """A URL's parameters without libpq's ``password`` (the others exactly as written), and
    that password (None without one)."""
    kept, password = [], None
    for item in query.split("&") if query else []:
        key, _, value = item.partition("=")
        if unquote(key) == "password":  # libpq reads the last one given
            password = unquote(value)
        else:
            kept.append(item)
    return "&".join(kept), password


def _typed_without_password(text: str) -> str:
    """A URL that cannot be read, as typed but for its password."""
    head, _mark, query = text.partition("?")
    query, _password = _query_without_password(query)
    return _USER_INFO.sub(r"\g<start>@", head) + (f"?{query}" if query else "")


def _without_password(parts: SplitResult) -> str:
    """The URL as users may see it: everything but the password."""
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    port = f":{parts.port}" if parts.port else ""
    user = f"{quote(unquote(parts.username), safe='')}@" if parts.username else ""
    query, _password = _query_without_password(parts.query)
    # Written out: urlunsplit drops the "//" of a URL naming no host (libpq's local socket,
    # postgresql:///DATABASE), and libpq reads what is left as a key=value string.
    return f"postgresql://{user}{host}{port}{parts.path}" + (f"?{query}" if query else "")
