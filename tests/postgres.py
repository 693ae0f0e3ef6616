"""A throwaway PostgreSQL cluster for the tests and the bench: initdb and pg_ctl in a
temporary folder; and a store read back as another program would, on either engine.

One cluster per test session (``tests/conftest.py``), on a free loopback port, with trust
authentication (but for one role that must give a password) and no fsync (a test's data
never needs to survive a power cut); each test gets a database of its own. PostgreSQL
refuses to run as root, so when the suite runs as root the cluster runs as a system user
made for it (``importer-test``); otherwise as the current user. Nothing here needs pytest.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEST_USER = "importer-test"  # the system user a root test session runs the cluster as
SUPERUSER = "postgres"
PASSWORD_ROLE = ("keeper", "s3cret word")  # a role that must give a password over TCP
_names = itertools.count(1)


def postgres_bin() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, or Debian's newest version."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                      key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    return versions[-1].parent if versions else None


def _runner() -> tuple[int, int] | None:
    """(uid, gid) to run the cluster as when we are root (the user is made if needed)."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(TEST_USER)
    except KeyError:
        made = subprocess.run(["useradd", "--system", "--no-create-home", "--shell",
                               "/usr/sbin/nologin", TEST_USER], capture_output=True,
                              text=True, check=False)
        if made.returncode != 0:
            raise RuntimeError(f"cannot make the user {TEST_USER} to run PostgreSQL as: "
                               f"{made.stderr.strip()}") from None
        entry = pwd.getpwnam(TEST_USER)
    return entry.pw_uid, entry.pw_gid


def _free_port() -> int:
    """A TCP port nobody listens on right now, on the loopback interface."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    """A running cluster: its folder, port, and the user its processes run as."""

    folder: Path
    bin: Path
    port: int
    runner: tuple[int, int] | None

    def url(self, database: str, user: str = SUPERUSER) -> str:
        """A libpq URL of one of its databases."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        """Run one statement as the superuser, outside any transaction."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    def new_database(self, prefix: str = "store") -> str:
        """A new, empty database; its name."""
        name = f"{prefix}_{os.getpid()}_{next(_names)}"
        self.sql(f'CREATE DATABASE "{name}" STRATEGY FILE_COPY')
        return name

    def drop_database(self, name: str) -> None:
        """Drop a database, closing whatever connections it still has."""
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Stop the server at once and remove its folder."""
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop",
                  check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, program: str, *args: str, check: bool = True
             ) -> subprocess.CompletedProcess[str]:
        uid, gid = self.runner if self.runner else (None, None)
        return subprocess.run([str(self.bin / program), *args], cwd=self.folder, user=uid,
                              group=gid, capture_output=True, text=True, check=check,
                              timeout=120, env={**os.environ, "LC_ALL": "C.UTF-8"})


def start_cluster() -> Cluster:
    """initdb a new cluster in a temporary folder and start it; RuntimeError if it cannot."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    runner = _runner()
    folder = Path(tempfile.mkdtemp(prefix="importer-pg-"))
    if runner is not None:
        os.chown(folder, *runner)
    cluster = Cluster(folder, bin_dir, 0, runner)
    try:
        _init(cluster)
        _start(cluster)
        name, password = PASSWORD_ROLE
        cluster.sql(f"CREATE ROLE {name} LOGIN SUPERUSER PASSWORD '{password}'")
    except BaseException:
        cluster.stop()
        raise
    return cluster


def _init(cluster: Cluster) -> None:
    """The cluster's files: UTF-8, trust for everyone but the password role."""
    done = cluster._run("initdb", "-D", str(cluster.folder / "data"), "-U", SUPERUSER,
                        "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
                        check=False)
    if done.returncode != 0:
        raise RuntimeError(f"initdb failed: {done.stderr.strip()}")
    hba = cluster.folder / "data" / "pg_hba.conf"
    rules = hba.read_text(encoding="utf-8")
    hba.write_text(f"host all {PASSWORD_ROLE[0]} 127.0.0.1/32 scram-sha-256\n{rules}",
                   encoding="utf-8")


def _start(cluster: Cluster) -> None:
    """pg_ctl start on a free loopback port (tried again if someone took it meanwhile)."""
    options = ("-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
               "-c full_page_writes=off -c max_connections=60 "
               f"-k {cluster.folder}")
    error = ""
    for _attempt in range(5):
        cluster.port = _free_port()
        done = cluster._run("pg_ctl", "-D", str(cluster.folder / "data"), "-l",
                            str(cluster.folder / "server.log"), "-w", "-o",
                            f"-p {cluster.port} {options}", "start", check=False)
        if done.returncode == 0:
            return
        error = done.stderr.strip() or done.stdout.strip()
        with contextlib.suppress(OSError):
            error += "\n" + (cluster.folder / "server.log").read_text(encoding="utf-8")[-2000:]
    raise RuntimeError(f"the PostgreSQL server did not start: {error}")


@contextlib.contextmanager
def running_cluster() -> Iterator[Cluster]:
    """A cluster for the duration of the block."""
    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


# ---------------------------------------------------------------- reading a store back

def raw_sql(location: object, sql: str, params: tuple[object, ...] = ()) -> list[tuple]:
    """Run one statement on a store as another program would (``?`` placeholders); its rows."""
    from importer_gui.core.store.location import PostgresUrl

    if isinstance(location, PostgresUrl):
        import psycopg

        extra = {} if location.password is None else {"password": location.password}
        with psycopg.connect(location.url, autocommit=True, **extra) as conn:
            cursor = conn.execute(sql.replace("?", "%s"), params or None)  # type: ignore[arg-type]
            return cursor.fetchall() if cursor.description else []
    import sqlite3

    conn = sqlite3.connect(str(location), isolation_level=None)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def record_tables(location: object) -> dict[str, list[tuple]]:
    """Every row of every record table, by id, as another program reads them (any engine)."""
    from importer_gui.core.records import Table

    return {t.value: raw_sql(location, f'SELECT * FROM "{t.value}" ORDER BY id') for t in Table}
