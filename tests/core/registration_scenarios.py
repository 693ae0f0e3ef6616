"""Registration files, their configurations and the stores they are checked against, made
from a seed: the scenarios on which the column planner must plan as the row planner does.

A scenario is plain when it holds only what the column planner is meant to take on
(registerLearnerAction from a CSV file: learners found by one search field, sessions by
title in a course found by code, the usual mistakes); the others hold one thing or more it
should leave to the rows. Either way both must give the same plan.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from importer_gui.core import config_xml, pipeline
from importer_gui.core.store import Store
from tests.builders import ImportSpec, by_hand, config_text, trainings_import, write_csv

ACTION = "registerLearnerAction"
LEARNER_ACTION = "createOrUpdateLearnerAction"
DATE_FORMAT = "<dateFormat>DD/MM/YYYY</dateFormat>"
BY_TITLE = "<sessionSearchField><sessionTitle/></sessionSearchField>"
LEARNER_COLUMNS = ("candidateLogin", "candidateRefNumber", "candidateEmail", "candidateName",
                   "candidateFirstname", "candidateValidity")
FIRST_NAMES = ("Marie", "Jean", "Hélène", "Inès", "François", "Zoë", "Paul", "Chloé", "Léo",
               "Anaïs", "Noël", "Björn")
NAMES = ("Dupont", "Martin", "Lefèvre", "Müller", "Garçon", "Leroy", "Ødegaard", "Petit")
CITIES = ("Lyon", "Paris", "Nantes", "Orléans", "Besançon", "Saint-Étienne", "Nîmes", "Brest")
COURSES = (("SEC-101", "Sécurité incendie"), ("MGT-200", "Management"),
           ("XLS-300", "Excel été"), ("GES-410", "Gestion de crise"),
           ("ÉCO-500", "Éco-conduite"))
GUID_LIMIT = 40  # registrationGuid's length limit
GARBLED = "HÃ©lÃ¨ne"  # Hélène, written in UTF-8 and read as Windows-1252


@dataclass
class Learner:
    """A learner of the seed store."""

    login: str
    ref: str
    email: str
    name: str
    firstname: str
    enabled: bool = True


@dataclass
class Session:
    """A session rows name: its course, title and dates (as the file writes them)."""

    course: str
    title: str
    start: str = ""
    end: str = ""


@dataclass
class Layout:
    """How the file is written."""

    encoding: str = "utf-8"
    declared: str = "UTF-8"
    delimiter: str = ";"
    delimiter_name: str = "semicolon"
    line_end: str = "\n"
    bom: bool = False
    trailing_newline: bool = True


@dataclass
class Scenario:
    """A seed store, a configuration and its files; ``plain``: the column planner's to
    take on."""

    name: str
    plain: bool
    learners: list[Learner]
    courses: list[tuple[str, str]]
    imports: list[ImportSpec]
    files: dict[str, bytes]
    # Run against the seed store after its courses and learners are committed.
    store_sql: list[str] = field(default_factory=list)
    # Files committed (as their configuration) before the one planned: registrations seeded.
    committed_first: list[tuple[list[ImportSpec], dict[str, bytes]]] = field(
        default_factory=list)

    def __str__(self) -> str:
        return self.name

    def seed_store(self, folder: Path) -> Path:
        """The seed store in ``folder`` (made there, with its configurations' files)."""
        folder.mkdir(parents=True, exist_ok=True)
        store_path = folder / "seed.sqlite3"
        courses = trainings_import(folder, [[code, title, ""] for code, title in self.courses],
                                   file_name="seed-courses.csv")
        write_csv(folder / "seed-learners.csv", [LEARNER_COLUMNS, *(
            [lr.login, lr.ref, lr.email, lr.name, lr.firstname, "Y" if lr.enabled else "N"]
            for lr in self.learners)])
        learners = ImportSpec("seed-learners.csv", LEARNER_COLUMNS, LEARNER_ACTION)
        _commit(folder, store_path, [courses, learners], "seed.xml")
        for sql in self.store_sql:
            by_hand(store_path, sql)
        for number, (imports, files) in enumerate(self.committed_first, start=1):
            for name, data in files.items():
                (folder / name).write_bytes(data)
            _commit(folder, store_path, imports, f"seed-{number}.xml")
        return store_path

    def write(self, folder: Path) -> Path:
        """The configuration and its files, in ``folder``; the configuration's path."""
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in self.files.items():
            (folder / name).write_bytes(data)
        path = folder / "config.xml"
        path.write_text(config_text(*self.imports), encoding="utf-8")
        return path


def _commit(folder: Path, store_path: Path, imports: list[ImportSpec], name: str) -> None:
    """Check and commit a configuration of ``imports`` into the store."""
    path = folder / name
    path.write_text(config_text(*imports), encoding="utf-8")
    with Store.open(store_path) as store:
        plan = pipeline.check(config_xml.load(path), store)
        if plan.writes_anything():
            pipeline.commit(plan, store)


# --- the file ---------------------------------------------------------------------------------

def csv_bytes(header: list[str], rows: list[list[str]], layout: Layout,
              raw_lines: dict[int, str] | None = None) -> bytes:
    """A CSV file as an administrator's program writes it; ``raw_lines``: lines put as
    they are before the row of that index (a blank line, the header again)."""
    lines = [_line(header, layout.delimiter)]
    for index, row in enumerate(rows):
        if raw_lines and index in raw_lines:
            lines.append(raw_lines[index])
        lines.append(_line(row, layout.delimiter))
    text = layout.line_end.join(lines) + (layout.line_end if layout.trailing_newline else "")
    data = text.encode(layout.encoding)
    return (b"\xef\xbb\xbf" + data) if layout.bom else data


def _line(cells: list[str], delimiter: str) -> str:
    return delimiter.join(_quoted(cell, delimiter) for cell in cells)


def _quoted(cell: str, delimiter: str) -> str:
    """A cell quoted where it must be (it holds the delimiter, a quote or a line end)."""
    if delimiter in cell or '"' in cell or "\n" in cell or "\r" in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


# --- generation -------------------------------------------------------------------------------

@dataclass
class Knobs:
    """What a scenario's file and configuration hold; the defaults make a plain one."""

    rows: int = 250
    search: str = "candidateLogin"  # the single traineeSearchField
    has_results: bool = False
    registration_guid: bool = True
    registration_date: bool = True
    flag_column: bool = True
    mistakes: float = 0.0  # the share of rows with one of the usual mistakes
    twice: float = 0.0  # the share of rows registering a learner already registered there
    no_dates: float = 0.2  # the share of sessions without dates
    layout: Layout = field(default_factory=Layout)
    stored_sessions: int = 0  # sessions the seed store holds (an import made them)
    committed_first: bool = False  # the same file committed into the seed store first
    # Not plain:
    unregister: float = 0.0
    keep_session: bool | None = None
    dates_differ: float = 0.0
    other_dates: bool = False  # sessions in the store (not an import's) with other dates
    options: str = ""
    guid_repeated: bool = False
    guid_stored: bool = False
    shared_login: bool = False
    disabled: bool = False
    no_title: bool = False  # sessions found by sessionId, which it needs
    session_id: bool = False
    learner_action: bool = False
    courses_import: bool = False
    learners_import: bool = False  # a learners import before the registrations: new learners
    quoted: bool = False
    blank_line: bool = False
    odd_widths: bool = False
    header_again: bool = False
    garbled: bool = False
    near_miss: bool = False
    odd_line: str | None = None  # a line put as it is in the middle of the file
    twins: bool = False  # two stored sessions share the title some rows give
    # Put around some rows' login and title: spaces str.strip() takes off (plain) or not.
    odd_space: str = ""


class Generator:
    """A scenario from a seed: the same seed, the same scenario."""

    def __init__(self, seed: int, knobs: Knobs) -> None:
        self.rng = random.Random(seed)
        self.knobs = knobs
        self.guids = 0
        rng = self.rng
        self.courses = list(COURSES[:rng.randint(3, len(COURSES))])
        self.learners = [self._learner(i) for i in range(rng.randint(40, 80))]
        self.sessions = [self._session(i) for i in range(rng.randint(6, 20))]

    def _learner(self, i: int) -> Learner:
        rng = self.rng
        firstname, name = rng.choice(FIRST_NAMES), rng.choice(NAMES)
        login = f"{without_marks(firstname).lower()}.{without_marks(name).lower()}{i}"
        return Learner(login, f"R-{1000 + i}", f"{login}@example.org", name, firstname)

    def _session(self, i: int) -> Session:
        rng = self.rng
        course = rng.choice(self.courses)[0]
        # A number of its own: no title is a slip of another's (near_titles).
        title = f"{rng.choice(CITIES)} groupe {i + 1}"
        if rng.random() < self.knobs.no_dates:
            return Session(course, title)
        day = rng.randint(1, 27)
        month = rng.randint(1, 12)
        return Session(course, title, f"{day:02d}/{month:02d}/2027",
                       f"{day + 1:02d}/{month:02d}/2027")

    # --- columns and rows

    def header(self) -> list[str]:
        knobs = self.knobs
        columns = [knobs.search, "trainingPathCode"]
        if not knobs.no_title:
            columns.append("sessionTitle")
        if knobs.session_id:
            columns.append("sessionId")
        columns += ["sessionStartDate", "sessionEndDate"]
        if knobs.flag_column:
            columns.append("registerFlag")
        if knobs.registration_guid:
            columns.append("registrationGuid")
        if knobs.registration_date:
            columns.append("registrationDate")
        return columns

    def rows(self) -> list[dict[str, str]]:
        rows: list[dict[str, str]] = []
        registered: list[tuple[int, int]] = []
        for _ in range(self.knobs.rows):
            rows.append(self._row(registered))
        return rows

    def _row(self, registered: list[tuple[int, int]]) -> dict[str, str]:
        knobs, rng = self.knobs, self.rng
        if registered and rng.random() < knobs.twice:
            learner_index, session_index = rng.choice(registered)
        else:
            learner_index = rng.randrange(len(self.learners))
            session_index = rng.randrange(len(self.sessions))
            registered.append((learner_index, session_index))
        learner, session = self.learners[learner_index], self.sessions[session_index]
        row = {knobs.search: self._search_value(learner), "trainingPathCode": session.course,
               "sessionTitle": session.title, "sessionStartDate": session.start,
               "sessionEndDate": session.end, "registerFlag": rng.choice(("Y", "Y", "")),
               "registrationGuid": self._guid() if rng.random() < 0.7 else "",
               "registrationDate": self._registered_on() if rng.random() < 0.6 else ""}
        if rng.random() < knobs.unregister:
            row["registerFlag"] = "N"
        if session.start and rng.random() < knobs.dates_differ:
            row["sessionEndDate"] = f"{rng.randint(1, 28):02d}/12/2027"
        if rng.random() < knobs.mistakes:
            self._mistake(row)
        return row

    def _registered_on(self) -> str:
        rng = self.rng
        return f"2027-01-{rng.randint(1, 28):02d}T09:{rng.randint(0, 59):02d}:00"

    def _search_value(self, learner: Learner) -> str:
        return {"candidateLogin": learner.login, "candidateRefNumber": learner.ref,
                "candidateEmail": learner.email}[self.knobs.search]

    def _guid(self) -> str:
        self.guids += 1
        return f"REG-{self.rng.randrange(16 ** 6):06x}-{self.guids}"

    def _mistake(self, row: dict[str, str]) -> None:
        """One of the usual mistakes."""
        rng, search = self.rng, self.knobs.search
        kind = rng.choice(("learner", "course", "date", "flag", "empty", "long"))
        if kind == "learner":
            row[search] = f"nobody{rng.randrange(1000)}"
        elif kind == "course":
            row["trainingPathCode"] = "XX-999"
        elif kind == "date":
            row["sessionStartDate"] = "31/02/2027"
        elif kind == "flag" and self.knobs.flag_column:
            row["registerFlag"] = "X"
        elif kind == "empty":
            row[search] = ""  # mandatory (the column says so): "Field ... is empty."
        elif kind == "long" and self.knobs.registration_guid:
            row["registrationGuid"] = "G" * (GUID_LIMIT + rng.randint(1, 9))

    # --- the scenario

    def scenario(self, name: str, plain: bool) -> Scenario:
        knobs, rng = self.knobs, self.rng
        header = self.header()
        dict_rows = self.rows()
        store_sql: list[str] = []
        if knobs.garbled:
            target = rng.choice(self.sessions)
            target.title = f"{GARBLED} groupe 99"
            for row in rng.sample(dict_rows, 5):
                row["sessionTitle"] = target.title
                row["trainingPathCode"] = target.course
        if knobs.quoted:
            for row in rng.sample(dict_rows, 6):
                row["sessionTitle"] = "Lyon; Villeurbanne groupe 77"
                row["trainingPathCode"] = self.courses[0][0]
        if knobs.near_miss:
            # A session the store holds; a few rows type its title one letter off.
            store_sql.append(_stored_session(self.courses[0][0], "Marseille groupe 55", "", ""))
            for row in rng.sample(dict_rows, 3):
                row["sessionTitle"] = "Marseile groupe 55"
                row["trainingPathCode"] = self.courses[0][0]
        if knobs.twins:
            # Two sessions of one course with one title: a row naming it finds neither.
            for _ in range(2):
                store_sql.append(_stored_session(self.courses[1][0], "Jumelles groupe 88", "",
                                                 ""))
            for row in rng.sample(dict_rows, 5):
                row["sessionTitle"] = "Jumelles groupe 88"
                row["trainingPathCode"] = self.courses[1][0]
        if knobs.other_dates:
            for session in rng.sample(self.sessions, 3):
                session_dates = ("01/01/2026", "02/01/2026")
                store_sql.append(_stored_session(session.course, session.title,
                                                 *map(_iso, session_dates)))
        if knobs.guid_repeated:
            guids = [r["registrationGuid"] for r in dict_rows if r["registrationGuid"]]
            for row in rng.sample(dict_rows, 4):
                row["registrationGuid"] = rng.choice(guids)
        if knobs.session_id:
            # The seed's registrations made the first sessions, in order: ids 1, 2, ...
            for row in dict_rows:
                row["sessionId"] = rng.choice(("999", ""))
                if rng.random() < 0.8 and knobs.stored_sessions:
                    number = rng.randrange(knobs.stored_sessions)
                    session = self.sessions[number]
                    row.update(sessionId=str(number + 1), sessionTitle=session.title,
                               trainingPathCode=session.course,
                               sessionStartDate=session.start, sessionEndDate=session.end)
        if knobs.disabled:
            for learner in rng.sample(self.learners, 6):
                learner.enabled = False
        learners = list(self.learners)
        if knobs.shared_login:
            # A store written before logins were read in NFC: one login written two ways,
            # the older decomposed (the rows' NFC finds it, the oldest, only through the
            # store's keys read in NFC). The newer shares an e-mail and a reference number
            # with an older learner.
            twin = learners[0]
            decomposed = unicodedata.normalize("NFD", "hélène.twin")
            store_sql.append(
                "INSERT INTO learner (id, login, ref_number, email, name, firstname, validity) "
                f"VALUES (9000, '{decomposed}', 'R-9000', 'old@example.org', 'Twin', 'Old', "
                "'enabled')")
            store_sql.append(
                "INSERT INTO learner (id, login, ref_number, email, name, firstname, validity) "
                f"VALUES (9001, 'hélène.twin', '{twin.ref}', '{twin.email}', 'Twin', "
                "'Hélène', 'enabled')")
            for row in rng.sample(dict_rows, 8):
                row[knobs.search] = {"candidateLogin": "hélène.twin",
                                     "candidateRefNumber": twin.ref,
                                     "candidateEmail": twin.email}[knobs.search]
        committed_first: list[tuple[list[ImportSpec], dict[str, bytes]]] = []
        if knobs.guid_stored:
            stored = [r["registrationGuid"] for r in dict_rows if r["registrationGuid"]][:5]
            # Registrations another program wrote, to a session of their own.
            store_sql.append(_stored_session(self.courses[0][0], "Réserve groupe 90", "", ""))
            store_sql += [
                "INSERT INTO registration (learner_id, session_id, guid) VALUES "
                f"((SELECT id FROM learner WHERE login = '{self.learners[i].login}'), "
                "(SELECT max(id) FROM session), "
                f"'{guid}')" for i, guid in enumerate(stored)]
        return self._assemble(name, plain, header, dict_rows, learners, store_sql,
                              committed_first)

    def _assemble(self, name: str, plain: bool, header: list[str],
                  dict_rows: list[dict[str, str]], learners: list[Learner],
                  store_sql: list[str],
                  committed_first: list[tuple[list[ImportSpec], dict[str, bytes]]]
                  ) -> Scenario:
        knobs, rng = self.knobs, self.rng
        layout = knobs.layout
        rows = [[row.get(column, "") for column in header] for row in dict_rows]
        raw: dict[int, str] = {}
        if knobs.blank_line:
            raw[len(rows) // 2] = ""
        if knobs.header_again:
            raw[len(rows) // 3] = _line(header, layout.delimiter)
        if knobs.odd_line is not None:
            raw[len(rows) // 2] = knobs.odd_line
        if knobs.odd_space:
            for column in ("candidateLogin", "sessionTitle"):
                if column in header:
                    place = header.index(column)
                    for row in rows[::7]:
                        row[place] = f"{knobs.odd_space}{row[place]}{knobs.odd_space}"
        if knobs.odd_widths:
            rows[len(rows) // 4] = rows[len(rows) // 4][:3]  # short
            rows[len(rows) // 5] = [*rows[len(rows) // 5], "stray", "cells"]  # long
        data = csv_bytes(header, rows, layout, raw)
        imports = [self._import("registrations.csv", header)]
        files = {"registrations.csv": data}
        if knobs.courses_import:
            code = "NEW-900"
            write_rows = [["trainingPathCode", "trainingTitle", "trainingGuid"],
                          [code, "Nouvelle formation", ""]]
            files["courses.csv"] = "\n".join(";".join(r) for r in write_rows).encode() + b"\n"
            imports.insert(0, ImportSpec("courses.csv", tuple(write_rows[0]),
                                         "createOrUpdateTrainingCourseAction"))
            for row in rng.sample(rows, 10):
                row[header.index("trainingPathCode")] = code
        if knobs.learners_import and knobs.search in header:
            new_rows = [[f"nouveau{i}", f"N{i:04d}", f"nouveau{i}@example.org", "Neuf", "Jean",
                         "Y"] for i in range(12)]
            files["learners.csv"] = "\n".join(";".join(r) for r in [
                list(LEARNER_COLUMNS), *new_rows]).encode() + b"\n"
            imports.insert(0, ImportSpec("learners.csv", LEARNER_COLUMNS, LEARNER_ACTION))
            place = header.index(knobs.search)
            kind = LEARNER_COLUMNS.index(knobs.search)
            for number, row in enumerate(rng.sample(rows, 12)):
                row[place] = new_rows[number][kind]
            files["registrations.csv"] = csv_bytes(header, rows, layout, raw)
        if knobs.committed_first:
            committed_first.append(([imports[-1]], {"registrations.csv": data}))
        if knobs.stored_sessions:
            stored = self.sessions[:knobs.stored_sessions]
            seeded = [[self._search_value(self.learners[i % len(self.learners)]), s.course,
                       s.title, s.start, s.end] for i, s in enumerate(stored)]
            columns = [knobs.search, "trainingPathCode", "sessionTitle", "sessionStartDate",
                       "sessionEndDate"]
            seed_import = ImportSpec(
                "seed-registrations.csv", tuple(columns), ACTION, provider_extra=DATE_FORMAT,
                options=f"<traineeSearchField><{knobs.search}/></traineeSearchField>{BY_TITLE}")
            committed_first.insert(0, ([seed_import],
                                       {"seed-registrations.csv": csv_bytes(
                                           columns, seeded, Layout())}))
        return Scenario(name, plain, learners, self.courses, imports, files, store_sql,
                        committed_first)

    def _import(self, file_name: str, header: list[str]) -> ImportSpec:
        knobs = self.knobs
        layout = knobs.layout
        training = ('<trainingSearchField hasResults="yes"><trainingPathCode/>'
                    '</trainingSearchField>' if knobs.has_results else
                    "<trainingSearchField><trainingPathCode/></trainingSearchField>")
        if knobs.no_title:
            sessions = "<sessionSearchField><sessionId/></sessionSearchField>"
        elif knobs.session_id:
            sessions = "<sessionSearchField><sessionTitle/><sessionId/></sessionSearchField>"
        else:
            sessions = BY_TITLE
        options = (f"<traineeSearchField><{knobs.search}/></traineeSearchField>"
                   + training + sessions + knobs.options)
        fields = "".join(f"<{c}/>" for c in header if c != "registerFlag")
        if "registerFlag" in header:
            keep = ("" if knobs.keep_session is None else
                    f"<keepSession>{'Y' if knobs.keep_session else 'N'}</keepSession>")
            fields += f"<registerFlag>{keep}</registerFlag>"
        extra = DATE_FORMAT
        if layout.declared != "UTF-8":
            extra += f"<fileEncoding>{layout.declared}</fileEncoding>"
        if layout.delimiter_name != "semicolon":
            extra += f"<delimiter>{layout.delimiter_name}</delimiter>"
        # "Field ... is empty." for a row without its learner.
        mandatory = {knobs.search: "<mandatory>yes</mandatory>"}
        if knobs.learner_action:
            # A learner action first, which hands its learner to the registration.
            then = (f"<{ACTION}><options>{options}</options><fields>{fields}</fields>"
                    f"</{ACTION}>")
            return ImportSpec(file_name, tuple(header), LEARNER_ACTION,
                              options=f"<traineeSearchField><{knobs.search}/>"
                                      "</traineeSearchField>",
                              fields=f"<{knobs.search}/>", provider_extra=extra, then=then,
                              column_children=mandatory)
        return ImportSpec(file_name, tuple(header), ACTION, options=options, fields=fields,
                          provider_extra=extra, column_children=mandatory)


def _stored_session(course: str, title: str, start: str, end: str) -> str:
    """SQL that puts a session in the store as another program would (no import made it)."""
    dates = ", ".join(f"'{d}'" if d else "NULL" for d in (start, end))
    title = title.replace("'", "''")
    return ("INSERT INTO session (training_id, title, start_date, end_date) VALUES "
            f"((SELECT id FROM training WHERE path_code = '{course}'), '{title}', {dates})")


def _iso(day_first: str) -> str:
    day, month, year = day_first.split("/")
    return f"{year}-{month}-{day}"


def without_marks(text: str) -> str:
    """``text`` without its accents (a login's letters)."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))

