"""Write the sample data files next to this script (run it after changing them).

The sample feeds the actions in order (teachers, training courses, sessions, interventions,
then learners and their registrations) with real-looking rows, a few of which carry the
mistakes users make, so a first-time user sees every kind of message on a small file. The
learners file (learners.csv) is written by hand.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent

TEACHERS = [
    ["Identifiant", "Nom", "Prénom", "Courriel"],
    ["mdupont", "Dupont", "Marie", "marie.dupont@example.org"],
    ["jmartin", "Martin", "Jean", "jean.martin@example.org"],
    ["sleroy", "Leroy", "Sophie", "sophie.leroy-at-example.org"],
    ["anguyen", " Nguyen\u00a0", "An", "an.nguyen@example.org"],
]

TRAININGS = [
    ["Code formation", "Titre de la formation", "Langue", "Modalité", "Durée"],
    ["SEC-101", "Sécurité incendie", "fr-FR", "campus", 7],
    ["MGT-200", "Management d'équipe", "fr-FR", "blended", 14],
    ["XLS-300", "Excel avancé", "en-GB", "distanciel", 6.0],
    ["COM-400", "Prise de parole", "fr-FR", "elearning", 4],
]

SESSIONS = [
    ["Action", "Code formation", "Titre de la session", "Date de début", "Date de fin",
     "Formateur"],
    ["M", "SEC-101", "Sécurité incendie - Lyon janvier", "12/01/2027", "13/01/2027",
     "mdupont"],
    ["M", "MGT-200", "Management - Paris printemps", date(2027, 3, 2), date(2027, 3, 3),
     "jmartin"],
    ["M", "XLS-999", "Excel - Nantes", "05/02/2027", "05/02/2027", "anguyen"],
    ["M", "SEC-101", "Sécurité incendie - Lille", "31/02/2027", "01/03/2027", "mdupont"],
    ["A", "SEC-101", "Ancienne session", "", "", ""],
    ["X", "XLS-300", "Excel - Bordeaux", "10/02/2027", "11/02/2027", "anguyen"],
    ["M", "XLS-300", "Excel - Toulouse", "17/02/2027", "18/02/2027", "sleroy"],
    ["M", "MGT-200", "Management - Paris printemps", date(2027, 3, 2), "NULL", "jmartin"],
]

INTERVENTIONS = [
    ["Identifiant", "Code formation", "Session", "Début", "Durée (h)", "Salle (id)",
     "Salle", "Places", "Formateur", "Statut"],
    ["INT-0001", "SEC-101", "Sécurité incendie - Lyon janvier", "2027-01-12T09:00:00", 7,
     "ROOM-LYON-1", "Lyon - Salle Rhône", 12, "mdupont", "A"],
    ["INT-0002", "SEC-101", "Sécurité incendie - Lyon janvier", datetime(2027, 1, 13, 9), 7,
     "ROOM-LYON-1", "Lyon - Salle Rhône", 12, "mdupont", "A"],
    ["INT-0003", "MGT-200", "Management - Paris printemps", "2027-03-02T14:00:00", 3,
     "ROOM-PAR-2", "Paris - Salle Seine", 20, "jmartin", "C"],
    ["INT-0004", "SEC-101", "Session inconnue", "2027-01-20T09:00:00", 7, "ROOM-LYON-1",
     "Lyon - Salle Rhône", 12, "mdupont", "A"],
    ["INT-0005", "MGT-200", "Management - Paris printemps", "le 3 mars", 3, "ROOM-PAR-2",
     "Paris - Salle Seine", 20, "jmartin", "A"],
    ["INT-0006", "MGT-200", "Management - Paris printemps", "2027-03-03T09:00:00", 3,
     "ROOM-PAR-2", "Paris - Salle Seine", 20, "inconnu", "A"],
    ["INT-0007", "MGT-200", "Management - Paris printemps", "2027-03-03T14:00:00", 3,
     "ROOM-PAR-3", "Paris - Salle Loire", 8, "jmartin", "X"],
]

# Registrations to the sessions above: learners from learners.csv (a failed one included),
# a session the sessions file could not create (the registration creates it), a course that
# does not exist, a flag that is neither Y nor N, a date that never was, and two rows that
# change nothing (already registered; not registered).
REGISTRATIONS = [
    ["Identifiant", "Code formation", "Titre de la session", "Date de début", "Date de fin",
     "Inscription", "Date d'inscription"],
    ["cbernard", "SEC-101", "Sécurité incendie - Lyon janvier", "", "", "Y",
     datetime(2026, 12, 1, 10, 30)],
    ["lpetit", "SEC-101", "Sécurité incendie - Lyon janvier", "", "", "Y", ""],
    ["emoreau", "XLS-300", "Excel - Toulouse", "17/02/2027", "18/02/2027", "Y", ""],
    ["tgarcia", "SEC-101", "Sécurité incendie - Lyon janvier", "", "", "Y", ""],
    ["nblanc", "COM-999", "Prise de parole - Rennes", "", "", "Y", ""],
    ["nblanc", "SEC-101", "Sécurité incendie - Lyon janvier", "", "", "X", ""],
    ["cbernard", "SEC-101", "Sécurité incendie - Lyon janvier", "", "", "Y", ""],
    ["nblanc", "MGT-200", "Management - Paris printemps", "", "", "N", ""],
    ["emoreau", "SEC-101", "Sécurité incendie - Lille", "31/02/2027", "01/03/2027", "Y", ""],
]


def write_workbook(path: Path, title: str, rows: list[list[object]]) -> None:
    """One sheet of rows; dates stay date cells."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 24
    book.save(path)


def main() -> None:
    """Write every sample file."""
    with (HERE / "teachers.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(TEACHERS)
    write_workbook(HERE / "trainings.xlsx", "Formations", TRAININGS)
    write_workbook(HERE / "sessions.xlsx", "Sessions", SESSIONS)
    write_workbook(HERE / "interventions.xlsx", "Interventions", INTERVENTIONS)
    write_workbook(HERE / "registrations.xlsx", "Inscriptions", REGISTRATIONS)


if __name__ == "__main__":
    main()
