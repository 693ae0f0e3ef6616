"""A store's URL that cannot be read: one English sentence per fault (the command line's),
each from a template the window translates, naming the URL as typed without its password."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from importer_gui.cli import main
from importer_gui.core.errors import marked_templates
from importer_gui.core.schema import Table
from importer_gui.core.store import Store, location
from importer_gui.core.store.location import PostgresUrl, parse_location, postgres_url
from tests.postgres import PASSWORD_ROLE, SUPERUSER, Cluster

EXAMPLE = "(postgresql://USER@HOST/DATABASE)"
PORT = ("names a port that is not a number from 1 to 65535 "
        "(postgresql://USER@HOST:PORT/DATABASE)")
HOST = ("names a host that cannot be read (an IPv6 address goes in brackets: "
        "postgresql://USER@[::1]/DATABASE)")

# (what was typed, the message)
BAD = [
    ("postgresql://someone:secret@db.example.org",
     f"postgresql://someone@db.example.org names no database {EXAMPLE}"),
    ("postgres://someone@db.example.org/", f"postgresql://someone@db.example.org/ names no "
                                           f"database {EXAMPLE}"),
    ("postgresql://someone:secret@db.example.org:54x2/training",
     f"postgresql://someone@db.example.org:54x2/training {PORT}"),
    ("postgresql://someone@db.example.org:99999/training",
     f"postgresql://someone@db.example.org:99999/training {PORT}"),
    ("postgresql://someone@db.example.org:0/training",
     f"postgresql://someone@db.example.org:0/training {PORT}"),
    ("postgresql://someone:p@ss:secret@[::1/training",
     f"postgresql://someone@[::1/training {HOST}"),
    ("postgresql://someone@db.example.org?sslmode=require&password=secret",
     f"postgresql://someone@db.example.org?sslmode=require names no database {EXAMPLE}"),
    ("postgresql://someone@db.example.org:x/training?password=secret",
     f"postgresql://someone@db.example.org:x/training {PORT}"),
    ("postgresql://someone@[db.example.org]/training",
     f"postgresql://someone@[db.example.org]/training {HOST}"),
]


@pytest.mark.parametrize(("typed", "message"), BAD, ids=[typed for typed, _ in BAD])
def test_a_url_that_cannot_be_read_says_why_without_its_password(typed: str,
                                                                 message: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_location(typed)
    assert str(raised.value) == message and "secret" not in message


@pytest.mark.parametrize("typed", ["mysql://someone:secret@db.example.org/training",
                                   "file:///home/someone/store.sqlite3",
                                   "https://db.example.org/training"])
def test_another_schemes_address_is_no_path_to_a_store(typed: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_location(typed)
    shown = typed.replace(":secret", "")
    assert str(raised.value) == (f"{shown} is not a place for a store: give a SQLite file's "
                                 "path or postgresql://USER@HOST/DATABASE")
    assert parse_location("C://data/store.sqlite3") == Path("C:/data/store.sqlite3")


def test_what_is_not_a_postgresql_url_says_so() -> None:
    with pytest.raises(ValueError) as raised:
        postgres_url("mysql://someone:secret@db.example.org/training")
    assert str(raised.value) == ("mysql://someone@db.example.org/training is not a "
                                 f"PostgreSQL URL {EXAMPLE}")


def test_a_good_url_keeps_its_port_and_parameters_and_holds_its_password_apart() -> None:
    found = parse_location("postgresql://someone:secret@[::1]:5433/training?sslmode=require")
    assert isinstance(found, PostgresUrl) and found.password == "secret"
    assert str(found) == "postgresql://someone@[::1]:5433/training?sslmode=require"


@pytest.mark.parametrize("typed", ["postgresql:///training",
                                   "postgresql:///training?host=/run/postgresql&port=5433",
                                   "postgresql://someone@/training"])
def test_a_url_naming_no_host_stays_a_url(typed: str) -> None:
    # libpq's local socket: without its "//", libpq would read a key=value string.
    found = parse_location(typed)
    assert isinstance(found, PostgresUrl) and str(found) == typed


@pytest.mark.parametrize("typed", [
    "postgresql://someone@db.example.org/training?sslmode=require&password=s%20ecret",
    "postgresql://someone:other@db.example.org/training?sslmode=require&password=s%20ecret",
    "postgresql://someone:s%20ecret@db.example.org/training?sslmode=require"])
def test_a_password_given_as_a_parameter_is_held_apart_too(typed: str) -> None:
    found = parse_location(typed)
    assert isinstance(found, PostgresUrl) and found.password == "s ecret"
    assert str(found) == "postgresql://someone@db.example.org/training?sslmode=require"


def test_every_message_is_a_template_the_window_translates() -> None:
    marked = marked_templates()
    for template in (location.NOT_A_URL, location.NO_DATABASE, location.BAD_HOST,
                     location.BAD_PORT):
        assert marked.get(template) == "errors"


@pytest.mark.parametrize(("typed", "message"), BAD[2:4] + BAD[5:8])
def test_the_command_line_says_it_as_a_usage_error(typed: str, message: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:  # as argparse says of any bad argument
        main(["history", "--store", typed])
    err = capsys.readouterr().err
    assert done.value.code == 2 and "secret" not in err
    assert err.splitlines()[-1] == f"importer-gui history: error: argument --store: {message}"


def test_a_password_given_as_a_parameter_opens_the_store(
        postgres_cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    user, password = PASSWORD_ROLE
    database = postgres_cluster.new_database(user)
    try:
        typed = (f"postgresql://{user}@127.0.0.1:{postgres_cluster.port}/{database}"
                 f"?connect_timeout=10&password={quote(password)}")
        with Store.open(typed) as store:
            assert store.count(Table.TRAINING) == 0
            assert password not in str(store.path) and "password" not in str(store.path)
    finally:
        postgres_cluster.drop_database(database)


def test_a_url_naming_no_host_opens_the_store_through_the_local_socket(
        postgres_cluster: Cluster) -> None:
    database = postgres_cluster.new_database()
    try:
        typed = (f"postgresql:///{database}?host={quote(str(postgres_cluster.folder))}"
                 f"&port={postgres_cluster.port}&user={SUPERUSER}")
        with Store.open(typed) as store:
            assert store.count(Table.TRAINING) == 0
        code = main(["history", "--store", typed])
        assert code == 0
    finally:
        postgres_cluster.drop_database(database)
