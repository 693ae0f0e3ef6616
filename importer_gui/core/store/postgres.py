"""What is PostgreSQL's own in the store: a team's shared store, through psycopg 3.

The same tables as SQLite's, worded by peewee from the one schema (``models.POSTGRES_FIELDS``
says which types), in the schema the connection's ``search_path`` names (``public`` unless
the URL's ``options`` say otherwise). PostgreSQL's choices, and why:

- A small table of our own, ``import_assistant_store``, says which schema version wrote the
  store (SQLite keeps this in ``user_version``); a database holding other tables and not it
  is another program's, and is left alone.
- One writer at a time: a write transaction first takes an advisory lock of the database
  (``pg_advisory_xact_lock``), waited for ``busy_timeout`` seconds (``lock_timeout``); a
  write told whom it waits for (``transaction``'s ``waiting``) tries it instead every
  ``LOCK_STEP`` (``pg_try_advisory_xact_lock``) as long, so that it says it waits and hears a
  cancel meanwhile. Once
  it holds the lock, every statement of the transaction (READ COMMITTED) sees what the
  commits before it wrote, so two commits at the same moment are one after the other, and
  the bulk writer's checks (a record changed, a session created meanwhile) see the first.
- Ids: the writer gives created records their ids itself, as on SQLite; the serial
  sequences are then raised past them (``setval``), and never go back, so a deleted record's
  id is never given again. A run's number too is the writer's (one past the last committed
  run, under the lock), not the sequence's: a rolled-back or killed commit leaves no gap.
- A paused or vanished client never keeps the writer lock: the server ends a transaction
  of ours idle for ``PAUSED_TRANSACTION`` seconds (``idle_in_transaction_session_timeout``)
  and, through TCP keepalives and ``tcp_user_timeout`` on both sides, a connection whose
  machine went silent (asleep, unplugged) as soon. That timer runs only while the server
  waits for a statement; so that it always does between two statements, each statement
  under the lock is one message sent after the last one's answer: no COPY and no pipeline,
  whose data the server waits for with no timer at all (a client stopped by Ctrl+Z in a
  COPY held the lock until it went on). Created rows and their history thus go in as one
  JSON text a statement (``json_populate_recordset``); updates and deletes as statements
  joined in one message.
- References are DEFERRABLE and deferred in a commit (see ``models.POSTGRES_FIELDS``).
- libpq reads the URL: ``PGPASSFILE``, ``~/.pgpass``, ``PGPASSWORD``, ``sslmode`` and the
  rest work as users expect. A password typed when asked is given to libpq, never saved.

psycopg is imported only when a PostgreSQL store is opened.
"""

from __future__ import annotations

import itertools
import json
import re
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from datetime import date, datetime
from functools import lru_cache
from itertools import islice
from typing import Any

from importer_gui.core import schema
from importer_gui.core.errors import QT_TRANSLATE_NOOP, StoreError
from importer_gui.core.schema import TableDef, Type
from importer_gui.core.store.dialect import (
    APPLICATION_ID,
    LOCK_STEP,
    SORT_FOLDS,
    BrokenReference,
    Converter,
    Failure,
    Fault,
    Identity,
    Waiting,
    compact_json,
    like_pattern,
    sort_text,
)
from importer_gui.core.store.location import PostgresUrl, StoreLocation

META_TABLE = "import_assistant_store"


# The marks NFD parts an accented Latin letter into (É as E and U+0301), in a regex class.
_MARKS = "[\\u0300-\\u036f]"


def _folded_sql(folds: dict[str, str]) -> str:
    """``folds`` as SQL over "{}": translate() for the letters read as one, replace() for
    those read as two."""
    one = {letter: plain for letter, plain in folds.items() if len(plain) == 1}
    sql = f"translate({{}}, '{''.join(one)}', '{''.join(one.values())}')"
    for letter, plain in folds.items():
        if len(plain) > 1:
            sql = f"replace({sql}, '{letter}', '{plain}')"
    return sql


def _parted(letter: str) -> str:
    """``letter`` as NFD writes it, without its marks."""
    return re.sub(_MARKS, "", unicodedata.normalize("NFD", letter))


def _sort_text_sql() -> str:
    """SORT_FOLDS as SQL over "{}", cheap for most texts.

    translate() costs each character of a text a walk through its table (274 letters): the
    sort of a million accented names took 12 s. A text of ASCII and SORT_FOLDS letters only
    has its accented letters parted by normalize(NFD) and their marks dropped, which leaves
    a short translate() for the letters NFD keeps whole (œ, ß, ø, ı, ...); any other text
    (a combining mark of its own, Greek, Ǣ) goes through the whole table, as before.
    """
    whole = {letter: plain for letter, plain in SORT_FOLDS.items()
             if unicodedata.normalize("NFD", letter) == letter}
    parted = [letter for letter, plain in SORT_FOLDS.items() if letter not in whole
              and _parted(letter).isascii() and _parted(letter).lower() == plain]
    known = f"'^[\\x01-\\x7f{''.join(parted)}{''.join(whole)}]*$'"
    stripped = f"regexp_replace(normalize({{}}, NFD), '{_MARKS}', '', 'g')"
    cheap = _folded_sql(whole).replace("{}", stripped, 1)
    return (f"CASE WHEN {{}} ~ {known} THEN lower({cheap})"
            f" ELSE lower({_folded_sql(SORT_FOLDS)}) END")


_SORT_TEXT = _sort_text_sql()


# A search spells out each way a text may hold its needle (œ for "oe", or o and e): past this
# many (a needle of many "ss", "oe" or "ae"), it reads the sort key of each text instead.
SEARCH_WAYS = 64


@lru_cache(maxsize=1)
def _read_as() -> dict[str, str]:
    """Each ASCII text of one or two characters, and the characters ``sort_text`` reads as
    it (e: eEéÉèÈ..., ss: ßẞ), from the rule itself."""
    letters: dict[str, str] = {}
    for code in range(0x10000):
        folded = sort_text(chr(code)) or ""
        if folded.isascii() and len(folded) <= 2:
            letters[folded] = letters.get(folded, "") + chr(code)
    return letters


def _spelled(needle: str) -> list[list[str]]:
    """The ways a text may spell ``needle`` (folded): one set of characters a position."""
    if not needle:
        return [[]]
    two = _read_as().get(needle[:2], "") if len(needle) > 1 else ""
    ways = [[_read_as()[needle[0]], *way] for way in _spelled(needle[1:])]
    return ways + [[two, *way] for way in _spelled(needle[2:])] if two else ways


def _count_spelled(needle: str) -> int:
    """How many ways ``_spelled`` gives, without making them."""
    after, here = 1, 1  # the ways of needle[i + 2:] and of needle[i + 1:]
    for i in range(len(needle) - 2, -1, -1):
        after, here = here, here + (after if needle[i:i + 2] in _read_as() else 0)
    return here


def _search_ways(search: str) -> list[list[str]] | None:
    """The ways a text holds ``search`` as ``sort_text`` reads both, each a set of characters
    a position (ß among them for "s": Straße holds "as" and "se"); None when the folded
    search leaves ASCII, or has too many ways."""
    needle = sort_text(search) or ""
    if not needle or not needle.isascii() or 4 * _count_spelled(needle) > SEARCH_WAYS:
        return None
    halves = _read_as()
    starting = "".join(v for k, v in halves.items() if len(k) == 2 and k[1] == needle[0])
    ending = "".join(v for k, v in halves.items() if len(k) == 2 and k[0] == needle[-1])
    if len(needle) == 1:
        within = starting + "".join(v for k, v in halves.items()
                                    if len(k) == 2 and k[0] == needle and k[1] != needle)
        return [[halves[needle]], *([[within]] if within else [])]
    ways = _spelled(needle)
    if starting:
        ways += [[starting, *way] for way in _spelled(needle[1:])]
    if ending:
        ways += [[*way, ending] for way in _spelled(needle[:-1])]
    if starting and ending:
        ways += [[starting, *way, ending] for way in _spelled(needle[1:-1])]
    return ways


def _regex(way: list[str]) -> str:
    """A regex true of a text holding ``way`` (its sets of characters, one after the other)."""
    return "".join(f"\\{chars}" if len(chars) == 1 and not chars.isalnum() else f"[{chars}]"
                   for chars in way)


APPLICATION = "Import Assistant"  # the connections' application_name, before who and where
NAME_BYTES = 63  # what the server keeps of an application_name
CONNECT_TIMEOUT = 10  # seconds to reach the server, unless the URL says otherwise
# Seconds a transaction of ours may wait on this program before the server ends it, rolled
# back: a commit paused (Ctrl+Z, a laptop put to sleep) never keeps the team's store locked.
# None of ours waits on its program for more than moments between two statements.
PAUSED_TRANSACTION = 60
KEEPALIVE_PROBES = 4  # unanswered TCP keepalives that end a silent connection
# psycopg's words for a text holding a NUL, as a parameter: the server's, for one inside JSON,
# say "unsupported Unicode escape sequence" and quote the rows.
NUL_REFUSED = "PostgreSQL text fields cannot contain NUL (0x00) bytes"
ROWS_A_STATEMENT = 5000  # created rows (or updates, deletes) one message of a write sends
# What a connection's failure means, by libpq's or the server's words: psycopg gives no
# SQLSTATE when connecting. No password found, a wrong one given (28P01), or the server's
# invalid_authorization_specification (28000): a user it does not know, or its pg_hba.conf
# rules (a "reject" line, no line at all) or the role's NOLOGIN keeping this user out.
_CONNECTING = (
    (re.compile("no password supplied"), Failure.PASSWORD),
    (re.compile("password authentication failed"), Failure.WRONG_PASSWORD),
    (re.compile(r'\brole ".*" does not exist'), Failure.NO_SUCH_USER),
    (re.compile(r"pg_hba\.conf rejects connection|no pg_hba\.conf entry"
                r"|is not permitted to log in"), Failure.NOT_ALLOWED),
)


def _one_line(text: str) -> str:
    """A server's or libpq's message, often on several lines, as one, without the final
    stop or question mark its sentence in our messages ends with (libpq asks "Is the server
    running ...?")."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "; ".join(line for line in lines if line).rstrip(".?")


def _as_is(value: Any) -> Any:
    return value


class PgConnection:
    """A psycopg connection as the store uses one (autocommit; transactions are explicit)."""

    def __init__(self, raw: Any, busy_timeout: float) -> None:
        self.raw = raw
        self.busy_timeout = busy_timeout  # seconds a writer waits for another's lock
        self.made = False  # whether ``create`` made the store's tables on this connection
        self._prepared = itertools.count(1)  # the names of ``executemany``'s statements

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Any:
        """One statement; its cursor (rows, rowcount)."""
        return self.raw.execute(sql, parameters or None)

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> None:
        """One statement for many parameter rows: prepared once (planned once), then
        EXECUTEd ``ROWS_A_STATEMENT`` times a message (see the module's docstring: never a
        pipeline)."""
        from psycopg import ClientCursor

        name = f"import_assistant_{next(self._prepared)}"  # one left by a failure stays apart
        numbers = itertools.count(1)
        self.raw.execute(f"PREPARE {name} AS "
                         + re.sub("%s", lambda _: f"${next(numbers)}", sql))
        execute = f"EXECUTE {name}({', '.join(['%s'] * (next(numbers) - 1))})"
        with ClientCursor(self.raw) as cursor:
            for chunk in _chunks(parameters):
                cursor.execute("; ".join(cursor.mogrify(execute, row) for row in chunk))
        self.raw.execute(f"DEALLOCATE {name}")

    def insert_rows(self, table: str, columns: Sequence[str],
                    rows: Iterable[Sequence[Any]]) -> None:
        """The rows in, ``ROWS_A_STATEMENT`` a statement, each sent as one JSON text that
        the table's own row type reads (a json column's value is its text, read again)."""
        from psycopg import ClientCursor, DataError

        json_columns = {c.name for c in schema.columns(table) if c.type is Type.JSON}
        values = ", ".join(f"""(x."{c}" #>> '{{}}')::json""" if c in json_columns
                           else f'x."{c}"' for c in columns)
        names = ", ".join(f'"{c}"' for c in columns)
        sql = (f'INSERT INTO "{table}" ({names}) SELECT {values}'
               f' FROM json_populate_recordset(NULL::"{table}", %s::json) AS x')
        with ClientCursor(self.raw) as cursor:
            for chunk in _chunks(rows):
                text = _rows_json([dict(zip(columns, row, strict=True)) for row in chunk])
                if "\\u0000" in text and _holds_nul(chunk):
                    raise DataError(NUL_REFUSED)  # not the server's words for it in JSON
                cursor.execute(sql, (text,))

    @property
    def in_transaction(self) -> bool:
        """True inside a transaction (also a failed one, waiting for its ROLLBACK)."""
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def close(self) -> None:
        """Close the connection."""
        self.raw.close()


_FIRST_TABLE = "import_run"  # a table of every store, since the first version
# The GRANTs that would give each table of ours (%s: those with an id, and the others) and
# its id sequence what other roles hold on the first table and its sequence, where missing,
# on what this role owns (its own GRANTs would do nothing).
_MISSING_GRANTS = """
WITH ours (target, reference) AS (
    SELECT to_regclass(quote_ident(n)), to_regclass(quote_ident(%(first)s))
    FROM unnest(%(keyed)s::text[] || %(others)s::text[]) AS n
  UNION ALL
    SELECT pg_get_serial_sequence(quote_ident(n), 'id')::regclass,
           pg_get_serial_sequence(quote_ident(%(first)s), 'id')::regclass
    FROM unnest(%(keyed)s::text[]) AS n)
SELECT format('GRANT %%s ON %%s %%s TO %%s', a.privilege_type,
              CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, o.target,
              CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END)
FROM ours o
JOIN pg_class ref ON ref.oid = o.reference
JOIN pg_class c ON c.oid = o.target
CROSS JOIN LATERAL aclexplode(ref.relacl) a
LEFT JOIN pg_roles r ON r.oid = a.grantee
WHERE a.grantee <> ref.relowner AND pg_has_role(c.relowner, 'USAGE')
  AND NOT EXISTS (
    SELECT 1 FROM aclexplode(coalesce(c.relacl, acldefault(
        CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner))) b
    WHERE b.grantee = a.grantee AND b.privilege_type = a.privilege_type)
"""


def _chunks(items: Iterable[Any]) -> Iterator[list[Any]]:
    """The items, ``ROWS_A_STATEMENT`` at a time."""
    it = iter(items)
    while chunk := list(islice(it, ROWS_A_STATEMENT)):
        yield chunk


def _holds_nul(rows: Iterable[Sequence[Any]]) -> bool:
    """Whether a text of the rows holds a NUL character, which PostgreSQL's text cannot."""
    return any(isinstance(value, str) and "\0" in value for row in rows for value in row)


def _iso_date(value: Any) -> str:
    """A date as JSON holds it (ISO text); anything else JSON cannot hold is refused."""
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not a value of the store: {value!r}")


# Rows as JSON text, compact, with their characters as they are.
_rows_json = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False,
                              check_circular=False, default=_iso_date).encode


def _unique_columns() -> dict[str, tuple[str, str]]:
    """peewee's name of each unique index -> (table, its columns): what a violation names."""
    found: dict[str, tuple[str, str]] = {}
    for table in schema.TABLES:
        found[f"{table.name}_pkey"] = (table.name, "id")  # PostgreSQL's name for the key
        for column in table.columns:
            if column.unique:
                found[f"{table.name}_{column.name}"] = (table.name, column.name)
        for index in table.indexes:
            if index.unique:
                found[f"{table.name}_{'_'.join(index.columns)}"] = (table.name,
                                                                    ",".join(index.columns))
    return found


class PostgresDialect:
    """PostgreSQL 12 or newer, through psycopg 3."""

    def __init__(self) -> None:
        self.param = "%s"
        try:
            import psycopg
        except ImportError:  # only when a PostgreSQL store is asked for
            psycopg = None
        self.errors: tuple[type[BaseException], ...] = (
            (psycopg.Error,) if psycopg is not None else ())
        self.decoders: dict[Type, Converter] = {Type.DATETIME: datetime.fromisoformat,
                                                Type.JSON: _as_is}  # psycopg reads json
        self.encoders: dict[Type, Converter] = {Type.DATETIME: _iso_text, Type.JSON: compact_json}
        # The types stored as they are given; a real is left out: PostgreSQL writes 100.0 as
        # 100 in JSON, Python as 100.0.
        self.logged_as_stored: dict[Type, frozenset[type]] = {
            Type.INTEGER: frozenset({int}), Type.TEXT: frozenset({str}),
            Type.DATE: frozenset({date}), Type.DATETIME: frozenset({str}),
            Type.JSON: frozenset({str})}
        # A write beside the planning would hold the store's writer lock for the whole
        # check, which another administrator of a team's store would wait for; and with no
        # batch written as one statement here (at_once_types is empty), its batches would
        # wait for the check's end anyway. So a commit writes after its check.
        self.writes_alongside = False
        self.at_once_types: frozenset[type] = frozenset()
        self.joins_texts: str | None = None  # a text holds no NUL here: nothing to join by
        self._unique = _unique_columns()

    # ------------------------------------------------------------ connecting

    def connect(self, location: StoreLocation, busy_timeout: float, *,
                create: bool = True) -> PgConnection:
        """A connection in autocommit; a writer waits ``busy_timeout`` seconds for another
        (``create`` is for files: a database is never made here)."""
        try:
            import psycopg
            from psycopg.conninfo import conninfo_to_dict
        except ImportError:
            raise StoreError(QT_TRANSLATE_NOOP(
                "errors", "A PostgreSQL store needs the psycopg package (pip install "
                          "'psycopg[binary]').")) from None
        if not isinstance(location, PostgresUrl):
            raise TypeError(f"not a PostgreSQL store: {location}")
        options: dict[str, Any] = {"autocommit": True, "application_name": _application_name()}
        given = conninfo_to_dict(location.url)
        options.update((name, value) for name, value in _client_defaults().items()
                       if name not in given)
        if location.password is not None:
            options["password"] = location.password
        raw = psycopg.connect(location.url, **options)
        try:
            raw.execute(f"SET lock_timeout = {_milliseconds(busy_timeout)}")
            for name, value in _server_settings().items():
                raw.execute(f"SET {name} = {value}")
        except BaseException:
            raw.close()
            raise
        return PgConnection(raw, busy_timeout)

    def writer(self, conn: PgConnection) -> tuple[str, str, datetime] | None:
        """Who holds the store's writer lock, where, and since when: its user and machine,
        as its application_name says them; else its role, and its address ("" unknown)."""
        row = conn.execute(
            "SELECT a.application_name, a.usename, host(a.client_addr), a.xact_start"
            " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            " WHERE l.locktype = 'advisory' AND l.granted AND l.objid = %s"
            " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            (APPLICATION_ID,)).fetchone()
        if row is None or row[3] is None:  # gone meanwhile, or hidden from this role
            return None
        application, role, address, since = row
        prefix = f"{APPLICATION} ("
        if application and application.startswith(prefix) and application.endswith(")"):
            user, _, machine = application[len(prefix):-1].rpartition(" on ")
            if user:
                return user, machine, since
        return str(role), address or "", since

    def lost(self, conn: PgConnection) -> bool:
        """Whether the server ended the connection (restarted, pg_terminate_backend, a
        network that dropped it): psycopg has closed it since."""
        return bool(conn.raw.closed)

    def identity(self, conn: PgConnection) -> Identity:
        """Our table's stamp; else new when the schema holds no table, else not ours."""
        found = self._identity(conn)
        if found.new or found.ours or conn.in_transaction:
            return found
        # Two statements, two snapshots: a store another program is creating may show its
        # tables to the second and not its stamp to the first. Its creation holds the
        # writer lock until it is whole: once that lock was had, asked again (in a new
        # transaction, as the server reads its catalogue afresh only then), it is settled.
        with self.transaction(conn):
            pass
        return self._identity(conn)

    def _identity(self, conn: PgConnection) -> Identity:
        """The identity as the schema shows it at each of two statements."""
        if conn.execute("SELECT to_regclass(%s)", (META_TABLE,)).fetchone()[0] is not None:
            row = conn.execute(
                f"SELECT application_id, schema_version FROM {META_TABLE}").fetchone()
            if row is None:
                return Identity(False, False, 0)
            return Identity(False, row[0] == APPLICATION_ID, int(row[1]))
        tables = conn.execute(
            "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
            " ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
            " AND c.relkind IN ('r', 'p', 'v', 'm', 'f')").fetchone()[0]
        return Identity(tables == 0, False, 0)

    def create(self, conn: PgConnection, tables: Sequence[TableDef], version: int) -> None:
        """peewee's DDL and our stamp, in one transaction (PostgreSQL's DDL is transactional)."""
        from importer_gui.core.store.models import POSTGRES_FIELDS, BorrowedPostgres, create_tables

        with self.transaction(conn):
            if not self.identity(conn).new:
                return  # another program created it meanwhile
            create_tables(BorrowedPostgres(conn.raw), POSTGRES_FIELDS, tables)
            conn.execute(f"CREATE TABLE {META_TABLE} (application_id integer NOT NULL,"
                         " schema_version integer NOT NULL)")
            conn.execute(f"INSERT INTO {META_TABLE} VALUES (%s, %s)", (APPLICATION_ID, version))
        conn.made = True

    def take_away(self, conn: PgConnection) -> bool:
        """The tables ``create`` made on this connection dropped, in one transaction under
        the writer lock, while they hold no row and no other session is connected to the
        database (a program that opened the new store meanwhile keeps it); True when dropped.
        The database is then as empty as it was, and a copy into it, say, starts afresh."""
        from importer_gui.core.store.copy import is_empty

        if not conn.made:
            return False
        try:
            if conn.in_transaction:  # one an interrupt left open
                conn.execute("ROLLBACK")
            with self.transaction(conn):
                if not self.identity(conn).ours or self._others_connected(conn) \
                        or not is_empty(conn):
                    return False
                names = ", ".join(f'"{t.name}"' for t in schema.TABLES)
                conn.execute(f"DROP TABLE {names}, {META_TABLE}")
        except self.errors:  # unsure: the store stays
            return False
        conn.made = False
        return True

    @staticmethod
    def _others_connected(conn: PgConnection) -> bool:
        """Whether another program's session is connected to the store's database."""
        return bool(conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND backend_type = 'client backend'").fetchone()[0])

    def upgrade(self, conn: PgConnection, version: int) -> None:
        """ALTER the tables and the stamp, in one transaction."""
        from importer_gui.core.store.migrations import upgrade
        from importer_gui.core.store.models import POSTGRES_FIELDS, BorrowedPostgres

        with self.transaction(conn):
            found = self.identity(conn).version
            if found < version:  # not upgraded meanwhile by another program
                upgrade(BorrowedPostgres(conn.raw), POSTGRES_FIELDS, found, version)
                conn.execute(f"UPDATE {META_TABLE} SET schema_version = %s", (version,))

    def share_grants(self, conn: PgConnection) -> None:
        """The store's tables (and their id sequences) granted what other roles were granted
        on its first table: a read-only or writing colleague's role granted the tables there
        then is granted those an upgrade made since (the identity's, version 3's) too. Done
        by a role owning them, when some lack it; nothing otherwise."""
        grants = [row[0] for row in conn.execute(
            _MISSING_GRANTS, {"first": _FIRST_TABLE, "keyed": [t.name for t in schema.TABLES],
                              "others": [META_TABLE]}).fetchall()]
        if grants:
            with self.transaction(conn):
                for grant in grants:
                    conn.execute(grant)

    # ------------------------------------------------------------ writing

    @contextmanager
    def transaction(self, conn: PgConnection, waiting: Waiting | None = None) -> Iterator[None]:
        """BEGIN, the store's writer lock, ... COMMIT; rolled back on any exception."""
        conn.execute("BEGIN")
        try:
            if waiting is None:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (APPLICATION_ID,))
            else:
                self._lock_waiting(conn, waiting)
            yield
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                with suppress(*self.errors):
                    conn.execute("ROLLBACK")
            raise

    @staticmethod
    def _lock_waiting(conn: PgConnection, waiting: Waiting) -> None:
        """The writer lock tried every ``LOCK_STEP`` for as long as ``busy_timeout``, with
        ``waiting`` called between two tries (the server's wait hears nothing until it
        ends); then once more, waited for no longer: the server's own error for a lock
        waited for in vain."""
        deadline = time.monotonic() + conn.busy_timeout
        lock = (APPLICATION_ID,)
        while not conn.execute("SELECT pg_try_advisory_xact_lock(%s)", lock).fetchone()[0]:
            if time.monotonic() >= deadline:
                conn.execute("SET LOCAL lock_timeout = 1")
                conn.execute("SELECT pg_advisory_xact_lock(%s)", lock)
                conn.execute(f"SET LOCAL lock_timeout = {_milliseconds(conn.busy_timeout)}")
                return
            waiting()
            time.sleep(LOCK_STEP)

    @contextmanager
    def snapshot(self, conn: PgConnection) -> Iterator[None]:
        """A REPEATABLE READ, READ ONLY transaction: one snapshot for every read."""
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield
        finally:
            if conn.in_transaction:
                with suppress(*self.errors):
                    conn.execute("ROLLBACK")

    def write_cache(self, conn: PgConnection, changes: int) -> AbstractContextManager[None]:
        """Nothing: the server keeps its own cache."""
        return nullcontext()

    def write_journal(self, conn: PgConnection) -> AbstractContextManager[None]:
        """Nothing: the server keeps its own log."""
        return nullcontext()

    def synced_meanwhile(self, location: StoreLocation,
                         changes: int) -> AbstractContextManager[None]:
        """Nothing: the server writes its files as it sees fit."""
        return nullcontext()

    def defer_references(self, conn: PgConnection) -> None:
        """The (deferrable) references checked at COMMIT, for this transaction only."""
        conn.execute("SET CONSTRAINTS ALL DEFERRED")

    def references_unchecked(self, conn: PgConnection,
                             changes: int) -> AbstractContextManager[bool]:
        """False: the server checks the (deferred) references at COMMIT."""
        return nullcontext(False)

    def reference_refused(self) -> BaseException:
        """Never asked: the server checks its references itself."""
        return RuntimeError("the server checks its references")

    def set_indexes_aside(self, conn: PgConnection, table: str,
                          increasing: Sequence[str] = ()) -> tuple[list[str], list[str]]:
        """None: the server's indexes are left as they are (none followed as kept up)."""
        return [], []

    def make_indexes(self, conn: PgConnection, statements: Sequence[str]) -> None:
        """Nothing was set aside."""

    def broken_reference(self, conn: PgConnection) -> BrokenReference | None:
        """The first row, by id, of the first reference declared in the store's schema (in
        the order the references were made) whose value no row of its parent holds: a
        reference the server did not check (its triggers turned off, a dump restored
        without them)."""
        declared = conn.execute(
            "SELECT t.relname, a.attname, p.relname, pa.attname FROM pg_catalog.pg_constraint c"
            " JOIN pg_catalog.pg_class t ON t.oid = c.conrelid"
            " JOIN pg_catalog.pg_class p ON p.oid = c.confrelid"
            " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid"
            " AND a.attnum = c.conkey[1]"
            " JOIN pg_catalog.pg_attribute pa ON pa.attrelid = c.confrelid"
            " AND pa.attnum = c.confkey[1]"
            " JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace"
            " WHERE c.contype = 'f' AND n.nspname = current_schema() ORDER BY c.oid").fetchall()
        for table, column, parent, key in declared:
            found = conn.execute(
                f'SELECT c.id, c."{column}" FROM "{table}" c WHERE c."{column}" IS NOT NULL'
                f' AND NOT EXISTS (SELECT 1 FROM "{parent}" p WHERE p."{key}" = c."{column}")'
                " ORDER BY c.id LIMIT 1").fetchone()
            if found is not None:
                return BrokenReference(table, found[0], column, parent, found[1])
        return None

    def next_id(self, conn: PgConnection, table: str) -> int:
        """Past the largest id in use and the table's sequence (deleted records' ids)."""
        row = conn.execute(
            f'SELECT greatest((SELECT coalesce(max(id), 0) FROM "{table}"),'
            " coalesce(pg_sequence_last_value(pg_get_serial_sequence(%s, 'id')::regclass), 0))",
            (f'"{table}"',)).fetchone()
        return int(row[0]) + 1

    def claim_ids(self, conn: PgConnection, table: str, highest: int) -> None:
        """The table's sequence raised to ``highest`` (setval; it never goes back)."""
        if highest <= 0:
            return
        conn.execute(
            "SELECT setval(s, greatest(%s, coalesce(pg_sequence_last_value(s), 0)))"
            " FROM (SELECT pg_get_serial_sequence(%s, 'id')::regclass AS s) AS q",
            (highest, f'"{table}"'))

    def insert(self, conn: PgConnection, table: str, values: dict[str, Any]) -> int:
        """INSERT one row, RETURNING its id."""
        marks = ", ".join(["%s"] * len(values))
        row = conn.execute(f'INSERT INTO "{table}" ({", ".join(values)}) VALUES ({marks})'
                           " RETURNING id", tuple(values.values())).fetchone()
        return int(row[0])

    def insert_many(self, conn: PgConnection, table: str, columns: Sequence[str],
                    rows: list[tuple[Any, ...]]) -> None:
        """One JSON text a statement (see ``PgConnection.insert_rows``)."""
        conn.insert_rows(table, columns, rows)

    def insert_at_once(self, conn: PgConnection, table: str, columns: Sequence[str],
                       values: Sequence[Sequence[Any]]) -> None:
        """Never asked (it takes no type of value): ``insert_many`` is the way in."""
        raise NotImplementedError

    def log_created(self, conn: PgConnection, table: str, columns: Sequence[str],
                    rows: list[tuple[Any, ...]]) -> None:
        """run_change rows in, each record's JSON built here."""
        encode = compact_json
        conn.insert_rows(
            "run_change", ("run_id", "seq", "table_name", "kind", "record_id", "after"),
            ((run_id, seq, table, "create", record_id,
              encode(dict(zip(columns, values, strict=True))))
             for run_id, seq, record_id, *values in rows))

    def log_inserted(self, conn: PgConnection, table: str, columns: Sequence[str],
                     run_id: int, seqs: Sequence[int], first_id: int) -> None:
        """One INSERT ... SELECT row_to_json over the rows (compact, as ``compact_json``
        writes; a json column as its text, a string in the record's JSON)."""
        json_columns = {c.name for c in schema.columns(table) if c.type is Type.JSON}
        values = ", ".join(f't."{c}"::text AS "{c}"' if c in json_columns else f't."{c}"'
                           for c in columns)
        if type(seqs) is range:  # they follow each other: an offset from the ids
            conn.execute(
                "INSERT INTO run_change (run_id, seq, table_name, kind, record_id, after)"
                f" SELECT %s, %s + t.id, '{table}', 'create', t.id, row_to_json(v)"
                f' FROM "{table}" AS t CROSS JOIN LATERAL (SELECT {values}) AS v'
                " WHERE t.id BETWEEN %s AND %s ORDER BY t.id",
                (run_id, seqs.start - first_id, first_id, first_id + len(seqs) - 1))
            return
        conn.execute(
            "INSERT INTO run_change (run_id, seq, table_name, kind, record_id, after)"
            f" SELECT %s, s.seq, '{table}', 'create', t.id, row_to_json(v)"
            " FROM unnest(%s::integer[]) WITH ORDINALITY AS s(seq, n)"
            f' JOIN "{table}" AS t ON t.id = %s + s.n - 1'
            f" CROSS JOIN LATERAL (SELECT {values}) AS v"
            # The range keeps the plan to the batch's rows (else a hash of the whole table).
            " WHERE t.id BETWEEN %s AND %s ORDER BY s.n",
            (run_id, list(seqs), first_id, first_id, first_id + len(seqs) - 1))

    def contains(self, columns: Sequence[str], needle: str) -> tuple[str, tuple[Any, ...]]:
        """As ``sort_text`` reads both: one regex of the ways of spelling the needle, as fast
        as ILIKE; where they cannot say it, the sort key (five times slower)."""
        ways = _search_ways(needle)
        if ways is not None:
            regex = "|".join(map(_regex, ways))
            return " OR ".join(f"{c} ~ %s" for c in columns), (regex,) * len(columns)
        pattern = like_pattern(sort_text(needle) or "")
        return (" OR ".join(f"{self.sort_text(c)} LIKE %s ESCAPE '\\'" for c in columns),
                (pattern,) * len(columns))

    def sort_text(self, expression: str) -> str:
        """Compared by code point whatever the database's locale (fr_FR puts spaces and
        hyphens aside), as SQLite compares."""
        return f'(({_SORT_TEXT.replace("{}", expression)}) COLLATE "C")'

    # ------------------------------------------------------------ failures

    def fault(self, exc: BaseException, where: StoreLocation | None = None) -> Fault:
        """What an error means, by its SQLSTATE (or libpq's words, when connecting); the
        server says a full disk itself (``where`` unused)."""
        state = getattr(exc, "sqlstate", None) or ""
        diag = getattr(exc, "diag", None)
        text = _one_line(str(exc).removeprefix("connection failed: "))
        if not state:
            said = next((failure for words, failure in _CONNECTING if words.search(text)),
                        Failure.OTHER)
            return Fault(said, text)
        detail = _one_line(getattr(diag, "message_detail", None) or "")
        if state == "23505":
            table, column = self._unique.get(getattr(diag, "constraint_name", None) or "",
                                             (getattr(diag, "table_name", None) or "", ""))
            return Fault(Failure.UNIQUE, detail or text, table, column)
        # The error's text holds its DETAIL line already, but where psycopg leaves it out.
        return Fault(_FAILURES.get(state, _FAILURES.get(state[:2], Failure.OTHER)),
                     f"{text} ({detail})" if detail and detail not in text else text)


def _milliseconds(seconds: float) -> int:
    """A wait as ``lock_timeout`` takes it: whole milliseconds, never 0 (which is forever)."""
    return max(1, int(seconds * 1000))


def _keepalives() -> tuple[int, int]:
    """Seconds a connection stays silent before the first keepalive, and between two: the
    last unanswered one ends it ``PAUSED_TRANSACTION`` seconds after the silence began."""
    interval = max(1, PAUSED_TRANSACTION // (KEEPALIVE_PROBES + 2))
    return max(1, PAUSED_TRANSACTION - KEEPALIVE_PROBES * interval), interval


def _client_defaults() -> dict[str, Any]:
    """libpq's options a URL may say otherwise: how long to reach the server, and how soon
    a server gone silent is given up (its machine unplugged, the network cut)."""
    idle, interval = _keepalives()
    return {"connect_timeout": CONNECT_TIMEOUT, "keepalives": 1, "keepalives_idle": idle,
            "keepalives_interval": interval, "keepalives_count": KEEPALIVE_PROBES,
            "tcp_user_timeout": PAUSED_TRANSACTION * 1000}


def _server_settings() -> dict[str, int]:
    """The session's settings on the server: a transaction of ours paused, or a client gone
    silent (a laptop asleep, a dropped network), is ended in ``PAUSED_TRANSACTION`` seconds
    and its writer lock freed (over a local socket the TCP settings do nothing)."""
    idle, interval = _keepalives()
    return {"idle_in_transaction_session_timeout": PAUSED_TRANSACTION * 1000,
            "tcp_keepalives_idle": idle, "tcp_keepalives_interval": interval,
            "tcp_keepalives_count": KEEPALIVE_PROBES,
            "tcp_user_timeout": PAUSED_TRANSACTION * 1000}


def _application_name() -> str:
    """"Import Assistant (jdoe on pc-12)": what another program waiting for this one's
    writer lock names it by (see ``writer``); as much as the server keeps."""
    from importer_gui.core.store.runs import machine_name, os_user

    user, machine = os_user(), machine_name()
    if not (user and machine):
        return APPLICATION
    name = f"{APPLICATION} ({user} on {machine})"
    return name if len(name.encode()) <= NAME_BYTES else APPLICATION


def _iso_text(value: Any) -> Any:
    """A date-time as ISO text, as SQLite keeps it too; anything else as it is."""
    return value.isoformat() if isinstance(value, datetime) else value


# SQLSTATE codes (or their class, two characters) and what they mean to the store.
_FAILURES: dict[str, Failure] = {
    "55P03": Failure.LOCKED,  # lock_not_available: lock_timeout passed
    "40P01": Failure.LOCKED,  # deadlock_detected
    "40001": Failure.LOCKED,  # serialization_failure
    "53100": Failure.DISK_FULL,
    "25006": Failure.READ_ONLY,  # read_only_sql_transaction (a standby, a read-only role)
    "42501": Failure.READ_ONLY,  # insufficient_privilege
    "23503": Failure.REFERENCE,
    "23": Failure.REFUSED,  # integrity_constraint_violation, the rest of its class
    "XX": Failure.DAMAGED,  # internal errors: data_corrupted, index_corrupted
    "42P01": Failure.DAMAGED,  # undefined_table: a table of the store is gone
    "42703": Failure.DAMAGED,  # undefined_column
    "28P01": Failure.WRONG_PASSWORD,  # invalid_password
    "28": Failure.NOT_ALLOWED,  # invalid_authorization_specification: not a password's fault
}

POSTGRES = PostgresDialect()
