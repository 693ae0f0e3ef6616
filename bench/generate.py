"""Deterministic benchmark data: teachers, training courses, sessions and interventions (the
sessions case), and training courses, learners and registrations (the registrations case).

``dataset(n)`` gives the same rows for the same ``n`` every time (a seeded generator, no
clock), with a few percent of rows carrying each kind of mistake users make; ``write(n)``
writes them as workbooks and as CSV files, each set with its configuration, into
``bench/out/<n>/``. Every row that should fail is listed with the message it must get.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

OUT = Path(__file__).resolve().parent / "out"
VERSION = "1"  # bump when the rows change, so cached files are written again
REGISTRATIONS_VERSION = "3"  # the same, for the registrations case
ERROR_RATE = 0.01  # per kind of error, per file
CITIES = ("Lyon", "Paris", "Nantes", "Lille", "Bordeaux", "Toulouse", "Rennes", "Nice")
TOPICS = ("Sécurité incendie", "Management d'équipe", "Excel avancé", "Prise de parole",
          "Gestion de projet", "Anglais des affaires", "Premiers secours", "Négociation")
FIRST_NAMES = ("Marie", "Jean", "Sophie", "An", "Luc", "Chloé", "Hugo", "Inès", "Paul")
LAST_NAMES = ("Dupont", "Martin", "Leroy", "Nguyen", "Moreau", "Garcia", "Bernard", "Petit")
MODALITIES = ("campus", "blended", "distanciel", "learning_channel")

Row = list[object]

HEADERS: dict[str, list[str]] = {
    "teachers": ["Identifiant", "Nom", "Prénom", "Courriel"],
    "trainings": ["Code formation", "Titre de la formation", "Langue", "Modalité", "Durée"],
    "sessions": ["Action", "Code formation", "Titre de la session", "Date de début",
                 "Date de fin", "Formateur"],
    "interventions": ["Identifiant", "Code formation", "Session", "Début", "Durée (h)",
                      "Salle (id)", "Salle", "Places", "Formateur", "Statut"],
}
FILES = tuple(HEADERS)


@dataclass(frozen=True)
class Planted:
    """A mistake put on purpose in a row: its file, line and the message the check gives."""

    file: str
    line: int
    field: str
    message: str


@dataclass
class Dataset:
    """Every file's rows (header first) and the mistakes planted in them."""

    n: int
    rows: dict[str, list[Row]] = field(default_factory=dict)
    planted: list[Planted] = field(default_factory=list)

    @property
    def data_rows(self) -> int:
        """Data rows over every file (headers not counted)."""
        return sum(len(rows) - 1 for rows in self.rows.values())


def sizes(n: int) -> dict[str, int]:
    """Rows per file for ``n`` rows in all: a session has about four meetings."""
    teachers, trainings = max(10, n // 200), max(10, n // 100)
    sessions = max(10, n // 5)
    return {"teachers": teachers, "trainings": trainings, "sessions": sessions,
            "interventions": max(10, n - teachers - trainings - sessions)}


class _Builder:
    """Builds the rows file by file; later files refer only to valid earlier rows."""

    def __init__(self, n: int) -> None:
        self.rng = random.Random(f"importer-bench-{VERSION}-{n}")
        self.data = Dataset(n)
        self.count = sizes(n)
        self.teachers: list[str] = []
        self.trainings: list[tuple[str, str]] = []
        self.sessions: list[tuple[str, str, date]] = []

    def _mistake(self, kinds: Sequence[str]) -> str | None:
        """Which mistake this row carries, if any: each kind at ERROR_RATE."""
        roll = self.rng.random()
        index = int(roll / ERROR_RATE)
        return kinds[index] if index < len(kinds) else None

    def _plant(self, file: str, line: int, name: str, message: str) -> None:
        self.data.planted.append(Planted(file, line, name, message))

    def build(self) -> Dataset:
        for name, build in (("teachers", self._teacher), ("trainings", self._training),
                            ("sessions", self._session), ("interventions", self._meeting)):
            rows: list[Row] = [list(HEADERS[name])]
            for i in range(self.count[name]):
                rows.append(build(i, i + 2))  # line 1 is the header
            self.data.rows[name] = rows
        return self.data

    def _teacher(self, i: int, line: int) -> Row:
        login = f"t{i:05d}"
        first, last = FIRST_NAMES[i % len(FIRST_NAMES)], LAST_NAMES[i % len(LAST_NAMES)]
        email = f"{first.lower()}.{last.lower()}{i}@example.org"
        if self._mistake(["email"]) and i:  # teacher 0 stays valid: others need one
            email = email.replace("@", "-at-")
            self._plant("teachers", line, "teacherEmail",
                        f"Field teacherEmail: {email} is not an e-mail address.")
        else:
            self.teachers.append(login)
        return [login, last, first, email]

    def _training(self, i: int, line: int) -> Row:
        code = f"TR-{i:05d}"
        title = f"{TOPICS[i % len(TOPICS)]} {i}"
        modality = MODALITIES[i % len(MODALITIES)]
        kind = self._mistake(["modality", "title"]) if i else None
        if kind == "modality":
            modality = "presentiel"
            self._plant("trainings", line, "trainingModality",
                        "The modality must be distancelearning, knowledgecommunity, "
                        f"learning_channel or blended, {modality} detected.")
        elif kind == "title":
            title = ""
            self._plant("trainings", line, "trainingTitle", "Field trainingTitle is empty.")
        else:
            self.trainings.append((code, title))
        return [code, title, "fr-FR", modality, 7 + i % 14]

    def _session(self, i: int, line: int) -> Row:
        code, _title = self.trainings[self.rng.randrange(len(self.trainings))]
        city = CITIES[i % len(CITIES)]
        title = f"{city} session {i}"
        start = date(2027, 1, 4) + timedelta(days=i % 300)
        end = start + timedelta(days=1 + i % 3)
        teacher = self.teachers[self.rng.randrange(len(self.teachers))]
        action: object = "M"
        start_cell: object = start if i % 3 == 0 else start.strftime("%d/%m/%Y")  # Excel date
        end_cell: object = end.strftime("%d/%m/%Y")
        kind = self._mistake(["code", "date", "action", "title", "teacher"]) if i else None
        if kind == "code":
            code = f"XX-{i:05d}"
            self._plant("sessions", line, "trainingPathCode",
                        f"Training with training path code {code} is not found.")
        elif kind == "date":
            end_cell = f"31/02/{end.year}"
            self._plant("sessions", line, "sessionEndDate",
                        f"Field sessionEndDate: {end_cell} is not a date in the format "
                        "DD/MM/YYYY.")
        elif kind == "action":
            action = "X"
            self._plant("sessions", line, "sessionAction", "Invalid sessionAction value: X")
        elif kind == "title":
            title = ""
            self._plant("sessions", line, "sessionTitle", "Field sessionTitle is empty.")
        elif kind == "teacher":
            teacher = f"nobody{i}"
            self._plant("sessions", line, "teacherLogin",
                        f"Field teacherLogin: no teacher has the login {teacher}.")
        else:
            self.sessions.append((code, title, start))
        return [action, code, title, start_cell, end_cell, teacher]

    def _meeting(self, i: int, line: int) -> Row:
        code, title, day = self.sessions[self.rng.randrange(len(self.sessions))]
        rooms = max(5, self.data.n // 50)
        room = self.rng.randrange(rooms)
        hour = 9 if i % 2 else 14
        moment = datetime(day.year, day.month, day.day, hour)
        when: object = moment if i % 4 else moment.isoformat()  # Excel datetime or ISO text
        teacher = self.teachers[self.rng.randrange(len(self.teachers))]
        row: Row = [f"INT-{i:07d}", code, title, when, 3 + i % 5, f"ROOM-{room:05d}",
                    f"{CITIES[room % len(CITIES)]} - salle {room}", 8 + room % 20, teacher,
                    "C" if i % 17 == 0 else "A"]
        kind = self._mistake(["session", "date", "status", "teacher", "duration", "room"])

        def planted(name: str, message: str) -> None:
            self._plant("interventions", line, name, message)

        if kind == "session":
            row[2] = f"{title} (old)"
            planted("sessionTitle", f"Session with title {row[2]} is not found for this "
                                    "training.")
        elif kind == "date":
            row[3] = f"le {day.day} mars"
            planted("interventionDate", f"Date {row[3]} not valid.")
        elif kind == "status":
            row[9] = "X"
            planted("interventionStatus", "Status has invalid value X, A or C expected.")
        elif kind == "teacher":
            row[8] = f"nobody{i}"
            planted("teacherLogin", f"Teacher with login {row[8]} is not found.")
        elif kind == "duration":
            row[4] = f"{row[4]}h"
            planted("interventionDuration",
                    f"Field interventionDuration: {row[4]} is not a whole number.")
        elif kind == "room":
            row[6] = ""
            planted("roomLabel", "Field roomLabel is empty.")
        return row


# --------------------------------------------------------------------------- registrations

REGISTRATION_HEADERS: dict[str, list[str]] = {
    "trainings": HEADERS["trainings"],
    "learners": ["Matricule", "Identifiant", "Nom", "Prénom", "Courriel"],
    # The fields of the page's example, but the store's ids (trainingId, sessionId).
    "registrations": ["Matricule", "Courriel", "Identifiant", "Code formation",
                      "Titre de la session", "Date de début", "Date de fin", "Inscription",
                      "GUID inscription", "Date d'inscription"],
}
REGISTRATION_FILES = tuple(REGISTRATION_HEADERS)
LEARNERS_PER_SESSION = 8


def registration_sizes(n: int) -> dict[str, int]:
    """Rows per file for ``n`` rows in all: a learner follows about nine sessions."""
    trainings, learners = max(10, n // 100), max(20, n // 10)
    return {"trainings": trainings, "learners": learners,
            "registrations": max(10, n - trainings - learners)}


class _RegistrationBuilder(_Builder):
    """Courses, learners, then registrations to sessions that the registrations create."""

    def __init__(self, n: int) -> None:
        super().__init__(n)
        self.rng = random.Random(f"importer-bench-registrations-{VERSION}-{n}")
        self.count = registration_sizes(n)
        self.learners: list[tuple[str, str, str]] = []  # (ref number, e-mail, login)
        self.pairs: set[tuple[int, int]] = set()
        self.sessions = max(10, self.count["registrations"] // LEARNERS_PER_SESSION)

    def build(self) -> Dataset:
        for name, build in (("trainings", self._training), ("learners", self._learner),
                            ("registrations", self._registration)):
            rows: list[Row] = [list(REGISTRATION_HEADERS[name])]
            for i in range(self.count[name]):
                rows.append(build(i, i + 2))
            self.data.rows[name] = rows
        return self.data

    def _learner(self, i: int, line: int) -> Row:
        login = f"l{i:06d}"
        first, last = FIRST_NAMES[i % len(FIRST_NAMES)], LAST_NAMES[i % len(LAST_NAMES)]
        email = f"{first.lower()}.{last.lower()}{i}@example.org"
        self.learners.append((f"E{i:06d}", email, login))
        return [f"E{i:06d}", login, last, first, email]

    def _registration(self, i: int, line: int) -> Row:
        session = i % self.sessions  # rows go round the sessions, as a month's file might
        code, _title = self.trainings[session % len(self.trainings)]
        start = date(2027, 1, 4) + timedelta(days=session % 300)
        learner = (i * 7919) % len(self.learners)
        while (session, learner) in self.pairs:  # one registration per learner and session
            learner = (learner + 1) % len(self.learners)
        self.pairs.add((session, learner))
        start_cell: object = start if i % 3 == 0 else start.strftime("%d/%m/%Y")
        # Registrations made over a few weeks, on the half hour: files repeat their times.
        registered = datetime(2026, 11, 2, 8) + timedelta(minutes=30 * (i % 2000))
        row: Row = [*self.learners[learner], code, f"{CITIES[session % len(CITIES)]} {session}",
                    start_cell, (start + timedelta(days=1)).strftime("%d/%m/%Y"), "Y",
                    f"REG-{i:07d}", registered if i % 2 else registered.isoformat()]
        kind = self._mistake(["learner", "empty", "code", "date", "flag"]) if i else None

        def planted(name: str, message: str) -> None:
            self._plant("registrations", line, name, message)

        if kind == "learner":
            row[2] = f"nobody{i}"
            planted("candidateLogin", "The candidate was not found.")
        elif kind == "empty":
            row[2] = ""
            planted("candidateLogin", "No search field was provided to find the candidate.")
        elif kind == "code":
            row[3] = f"XX-{i:05d}"
            planted("trainingPathCode", "The training could not be found and it is mandatory.")
        elif kind == "date":
            row[5] = f"31/02/{start.year}"
            planted("sessionStartDate", f"Start date {row[5]} not valid.")
        elif kind == "flag":
            row[7] = "X"
            planted("registerFlag", "Register flag has invalid value X, Y or N expected.")
        if kind is not None:
            self.pairs.discard((session, learner))
        return row


def registrations_dataset(n: int) -> Dataset:
    """The rows of the ``n``-row registrations benchmark, the same on every call."""
    return _RegistrationBuilder(n).build()

def dataset(n: int) -> Dataset:
    """The rows of the ``n``-row benchmark, the same on every call."""
    return _Builder(n).build()


# --------------------------------------------------------------------------- files


def _csv_cell(value: object) -> object:
    """A cell as CSV text: dates as the configuration reads them (DD/MM/YYYY, ISO 8601)."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return value


def write_csv(path: Path, rows: list[Row]) -> None:
    """Rows as a semicolon-separated UTF-8 file."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([_csv_cell(v) for v in row]
                                                   for row in rows)


def write_xlsx(path: Path, rows: list[Row], title: str) -> None:
    """Rows as a one-sheet workbook (streamed); dates stay date cells."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    for row in rows:
        sheet.append(row)
    book.save(path)


def config_text(suffix: str, template: str = "config-template.xml") -> str:
    """The benchmark's configuration, reading ``teachers<suffix>`` and so on."""
    return (Path(__file__).with_name(template).read_text(encoding="utf-8")
            .replace("{suffix}", suffix))


def folder(n: int, case: str = "sessions") -> Path:
    """Where the ``n``-row files of a case go."""
    return OUT / str(n) if case == "sessions" else OUT / f"{case}-{n}"


# Each case: its files in the order they are imported, its rows and its configuration.
CASES = {"sessions": (FILES, "config-template.xml"),
         "registrations": (REGISTRATION_FILES, "config-registrations-template.xml")}


def files(case: str) -> tuple[str, ...]:
    """A case's files, in import order."""
    return CASES[case][0]


def write(n: int, *, force: bool = False, target: Path | None = None,
          case: str = "sessions") -> Path:
    """Write the ``n``-row workbooks, CSV files and configurations (kept when current)."""
    target = target or folder(n, case)
    stamp = target / "VERSION"
    version = VERSION if case == "sessions" else REGISTRATIONS_VERSION
    if not force and stamp.exists() and stamp.read_text() == version:
        return target
    target.mkdir(parents=True, exist_ok=True)
    data = dataset(n) if case == "sessions" else registrations_dataset(n)
    for name, rows in data.rows.items():
        write_xlsx(target / f"{name}.xlsx", rows, name.capitalize())
        write_csv(target / f"{name}.csv", rows)
    for suffix in (".xlsx", ".csv"):
        (target / f"config{suffix}.xml").write_text(config_text(suffix, CASES[case][1]),
                                                   encoding="utf-8")
    stamp.write_text(version)
    return target


def main(argv: Sequence[str] | None = None) -> None:
    """Write the files for each size given (default 10,000 and 100,000 rows)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--force", action="store_true", help="write even when current")
    parser.add_argument("--case", choices=tuple(CASES), default="sessions")
    args = parser.parse_args(argv)
    for n in args.sizes:
        print(write(n, force=args.force, case=args.case))


if __name__ == "__main__":
    main()
