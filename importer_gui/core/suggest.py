"""Suggest a field for each spreadsheet header (and an action for a file), and say how sure;
and, for a code or login nothing in the store has, the ones the user may have meant.

Tiers, best first: the exact field name, the same name ignoring case, accents and
punctuation, a known synonym (English or French), then a close match. Each field goes to at
most one column: a column whose best field is already taken by a better (or earlier) match
is left as ``ignoredColumn`` for the user to decide.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from importer_gui.core.catalogue import ACTIONS, IGNORED_COLUMN, STORE_COLUMNS, TEACHER_ACTION
from importer_gui.core.cells import without_accents
from importer_gui.core.plan import Plan
from importer_gui.core.planner import PlannerState
from importer_gui.core.remap import header_key
from importer_gui.core.schema import Table

EXACT = "exact"
NORMALISED = "normalised"
SYNONYM = "synonym"
CLOSE = "close"
TIERS = (EXACT, NORMALISED, SYNONYM, CLOSE)
BY_CONTENT = "content"  # no header: what the column's values are (e-mail addresses)

# difflib ratio a header needs to be offered as a close match; lower guesses too wildly.
CLOSE_CUTOFF = 0.8
# Past this many columns, headers are matched exactly, normalised or by synonym only.
CLOSE_COLUMNS = 300

# Words people put in headers -> fields, most likely first. The first one the action has wins,
# so "Titre" is a session's title for sessions and a course's title for training courses.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    # sessions
    "action": ("sessionAction",),
    "session action": ("sessionAction",),
    "operation": ("sessionAction",),
    "titre de la session": ("sessionTitle",),
    "titre session": ("sessionTitle",),
    "nom de la session": ("sessionTitle",),
    "session": ("sessionTitle",),
    "session name": ("sessionTitle",),
    "session title": ("sessionTitle",),
    "titre": ("sessionTitle", "trainingTitle"),
    "title": ("sessionTitle", "trainingTitle"),
    "intitule": ("sessionTitle", "trainingTitle"),
    "libelle": ("sessionTitle", "trainingTitle"),
    "id session": ("sessionId",),
    "identifiant session": ("sessionId",),
    "numero de session": ("sessionId",),
    "guid session": ("sessionGuid",),
    "date de debut": ("sessionStartDate", "interventionDate"),
    "debut": ("sessionStartDate", "interventionDate"),
    "start date": ("sessionStartDate", "interventionDate"),
    "start": ("sessionStartDate", "interventionDate"),
    "date de fin": ("sessionEndDate",),
    "fin": ("sessionEndDate",),
    "end date": ("sessionEndDate",),
    "end": ("sessionEndDate",),
    "statut": ("interventionStatus", "sessionStatus"),
    "status": ("interventionStatus", "sessionStatus"),
    "etat": ("interventionStatus", "sessionStatus"),
    "statut de la session": ("sessionStatus",),
    # training courses
    "code formation": ("trainingPathCode",),
    "code de la formation": ("trainingPathCode",),
    "code du parcours": ("trainingPathCode",),
    "code": ("trainingPathCode",),
    "training code": ("trainingPathCode",),
    "course code": ("trainingPathCode",),
    "formation": ("trainingTitle",),
    "titre de la formation": ("trainingTitle",),
    "intitule de la formation": ("trainingTitle",),
    "training": ("trainingTitle",),
    "course": ("trainingTitle",),
    "course title": ("trainingTitle",),
    "training title": ("trainingTitle",),
    "id formation": ("trainingId",),
    "identifiant formation": ("trainingId",),
    "course id": ("trainingId",),
    "guid formation": ("trainingGuid",),
    "course guid": ("trainingGuid",),
    "langue": ("trainingLocale",),
    "language": ("trainingLocale",),
    "locale": ("trainingLocale",),
    "modalite": ("trainingModality",),
    "modality": ("trainingModality",),
    "description": ("trainingDescription",),
    "duree": ("interventionDuration", "trainingDuration"),
    "duration": ("interventionDuration", "trainingDuration"),
    "nombre d heures": ("interventionDuration", "trainingDuration"),
    "hours": ("interventionDuration", "trainingDuration"),
    "duree h": ("interventionDuration", "trainingDuration"),
    "heures": ("interventionDuration", "trainingDuration"),
    # teachers: words that say "teacher" are theirs alone; a name or an e-mail on its own
    # is anyone's, a learner's too (below)
    "formateur": ("teacherLogin",),
    "login formateur": ("teacherLogin",),
    "intervenant": ("teacherLogin",),
    "enseignant": ("teacherLogin",),
    "teacher": ("teacherLogin",),
    "trainer": ("teacherLogin",),
    "instructor": ("teacherLogin",),
    "login": ("teacherLogin",),
    # An "Identifiant" column is the row's own key: the intervention's, the session's, or
    # (in a teachers file) the login.
    "identifiant": ("interventionGuid", "sessionId", "teacherLogin"),
    "nom": ("teacherName",),
    "nom de famille": ("teacherName",),
    "last name": ("teacherName",),
    "surname": ("teacherName",),
    "name": ("teacherName",),
    "prenom": ("teacherFirstname",),
    "first name": ("teacherFirstname",),
    "given name": ("teacherFirstname",),
    "email": ("teacherEmail",),
    "e mail": ("teacherEmail",),
    "courriel": ("teacherEmail",),
    "adresse email": ("teacherEmail",),
    "mail": ("teacherEmail",),
    "login du formateur": ("teacherLogin",),
    "teacher login": ("teacherLogin",),
    "trainer login": ("teacherLogin",),
    "nom du formateur": ("teacherName",),
    "nom formateur": ("teacherName",),
    "nom de l intervenant": ("teacherName",),
    "nom intervenant": ("teacherName",),
    "teacher name": ("teacherName",),
    "teacher last name": ("teacherName",),
    "trainer name": ("teacherName",),
    "prenom du formateur": ("teacherFirstname",),
    "prenom formateur": ("teacherFirstname",),
    "prenom de l intervenant": ("teacherFirstname",),
    "prenom intervenant": ("teacherFirstname",),
    "teacher first name": ("teacherFirstname",),
    "trainer first name": ("teacherFirstname",),
    "email formateur": ("teacherEmail",),
    "email du formateur": ("teacherEmail",),
    "courriel formateur": ("teacherEmail",),
    "courriel du formateur": ("teacherEmail",),
    "teacher email": ("teacherEmail",),
    "trainer email": ("teacherEmail",),
    # interventions
    "guid intervention": ("interventionGuid",),
    "identifiant intervention": ("interventionGuid",),
    "intervention": ("interventionGuid",),
    "seance": ("interventionGuid",),
    "date": ("interventionDate", "sessionStartDate"),
    "date et heure": ("interventionDate",),
    "date de l intervention": ("interventionDate",),
    "salle": ("roomLabel",),
    "nom de la salle": ("roomLabel",),
    "libelle salle": ("roomLabel",),
    "room": ("roomLabel",),
    "room name": ("roomLabel",),
    "guid salle": ("roomGuid",),
    "salle id": ("roomGuid",),
    "id salle": ("roomGuid",),
    "identifiant salle": ("roomGuid",),
    "room id": ("roomGuid",),
    "code salle": ("roomGuid",),
    "room code": ("roomGuid",),
    "capacite": ("roomCapacity",),
    "capacite de la salle": ("roomCapacity",),
    "places": ("roomCapacity",),
    "nombre de places": ("roomCapacity",),
    "capacity": ("roomCapacity",),
    "seats": ("roomCapacity",),
}


# Registrations and consolidated tracking (issue 15): added after the fields above, so a word
# both know ("statut", "email") still goes to the sessions' or teachers' field first where the
# action has it.
for _words, _fields in (
    (("apprenant", "login apprenant", "identifiant apprenant", "learner", "learner login",
      "stagiaire", "participant", "login", "identifiant", "candidat"), ("candidateLogin",)),
    (("matricule", "numero apprenant", "reference apprenant", "ref apprenant",
      "numero de reference", "employee id", "employee number", "learner reference",
      "reference number"), ("candidateRefNumber",)),
    (("email", "e mail", "courriel", "mail", "adresse email", "email apprenant",
      "courriel apprenant", "learner email"), ("candidateEmail",)),
    (("inscription", "inscrire", "inscrit", "desinscrire", "register", "register flag",
      "registered", "enrol", "enroll"), ("registerFlag",)),
    (("guid inscription", "identifiant inscription", "registration guid", "registration id"),
     ("registrationGuid",)),
    (("date d inscription", "date inscription", "inscrit le", "registration date",
      "registered on", "enrolment date", "enrollment date"), ("registrationDate",)),
    (("module", "code module", "code du module", "ressource", "code ressource", "contenu",
      "code contenu", "objet pedagogique", "code objet pedagogique", "lo code",
      "learning object", "learning object code",
      # A French tracking sheet's learning object ("Objet", "Objet d'apprentissage").
      "objet", "code objet", "code de l objet", "objet d apprentissage",
      "code objet d apprentissage", "code de l objet pedagogique", "reference objet",
      "reference de l objet"), ("lovCode",)),
    (("guid module", "guid ressource", "guid contenu", "lo guid", "learning object guid",
      "guid objet", "guid de l objet", "guid objet pedagogique", "guid de l objet pedagogique"),
     ("lovGuid",)),
    (("premier acces", "date de premier acces", "first access", "first access date",
      "first accessed"), ("firstAccessDate",)),
    (("dernier acces", "date de dernier acces", "last access", "last access date",
      "last accessed"), ("lastAccessDate",)),
    (("date de completion", "date d achevement", "termine le", "achevement",
      "completion date", "completed on", "first completion", "first completion date"),
     ("firstCompletionDate",)),
    (("progression", "progres", "avancement", "pourcentage", "progress", "completion rate"),
     ("progression",)),
    (("statut", "status", "etat", "statut du suivi", "statut de completion",
      "completion status", "tracking status"), ("trackingStatus",)),
    (("temps passe", "temps", "duree passee", "duree", "time spent", "time"), ("timeSpent",)),
    (("score", "note", "resultat", "result"), ("score",)),
    (("score max", "score maximum", "note max", "note maximale", "bareme", "max score",
      "maximum score"), ("scoreMax",)),
):
    for _word in _words:
        _SYNONYMS[_word] = tuple(dict.fromkeys((*_SYNONYMS.get(_word, ()), *_fields)))
# In a registrations file "Identifiant" is the learner's login rather than the session's id
# (only the registration and tracking actions have both fields).
_SYNONYMS["identifiant"] = tuple(dict.fromkeys(
    ("interventionGuid", "candidateLogin", *_SYNONYMS["identifiant"])))

# Entities and learners (issue 15): added after the fields above, so a word both know
# ("langue") still goes to the courses' field first where the action has it.
for _words, _fields in (
    # "Nom" and "Prénom" alone too: a learner's in a learners file, a teacher's in a teachers
    # file (likely_action says which file a sheet of names alone is).
    (("nom apprenant", "nom de l apprenant", "nom du stagiaire", "nom stagiaire",
      "nom du collaborateur", "nom collaborateur", "nom du salarie", "learner name",
      "learner last name", "employee name", "employee last name", "nom", "nom de famille",
      "last name", "surname", "name"), ("candidateName",)),
    (("prenom apprenant", "prenom de l apprenant", "prenom du stagiaire", "prenom stagiaire",
      "prenom du collaborateur", "prenom collaborateur", "prenom du salarie",
      "learner first name", "employee first name", "prenom", "first name", "given name"),
     ("candidateFirstname",)),
    (("mot de passe", "mdp", "password"), ("candidatePassword",)),
    (("actif", "compte actif", "validite", "validite du compte", "statut du compte", "active",
      "enabled", "account status", "validity"), ("candidateValidity",)),
    (("actif du", "actif a partir du", "valide du", "valide a partir du", "debut de validite",
      "date d activation", "enabled from", "active from", "valid from"), ("enabledFrom",)),
    (("actif jusqu au", "valide jusqu au", "fin de validite", "date d expiration",
      "expiration", "enabled until", "active until", "valid until", "expiry date"),
     ("enabledUntil",)),
    (("langues", "langue", "langue de l apprenant", "languages", "language", "locale"),
     ("candidateLanguages",)),
    (("fuseau horaire", "fuseau", "time zone", "timezone"), ("candidateTimeZone",)),
    (("entite", "nom de l entite", "service", "departement", "direction", "entity",
      "entity name", "department"), ("entityName", "hierarchyEntityName")),
    (("niveau", "niveau 1", "niveau 2", "niveau 3", "entite parente", "sous entite",
      "level", "level 1", "level 2", "level 3"), ("hierarchyEntityName",)),
    (("guid entite", "guid de l entite", "entity guid"), ("entityGuid",)),
    (("id entite", "identifiant entite", "numero d entite", "entity id"), ("entityId",)),
    (("manager", "responsable", "n+1", "login manager", "login du manager",
      "identifiant manager", "manager login"), ("managerLogin",)),
    (("matricule manager", "matricule du manager", "matricule responsable",
      "manager reference", "manager ref number", "manager employee id"),
     ("managerRefNumber",)),
    (("presentation", "biographie", "bio", "about"), ("presentation",)),
):
    for _word in _words:
        _SYNONYMS[_word] = tuple(dict.fromkeys((*_SYNONYMS.get(_word, ()), *_fields)))


class Suggestion(NamedTuple):
    """The field suggested for one column, and how it was found (None: not guessed)."""

    field: str
    how: str | None

    @property
    def guessed(self) -> bool:
        """True when the user should look at it: anything but the exact field name."""
        return self.how not in (None, EXACT)


def normalise(text: str) -> str:
    """Lower case, no accents, words split at camelCase and punctuation, single spaces."""
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", text)  # sessionTitle -> session Title
    words = re.findall(r"[a-z0-9]+", without_accents(text).casefold())
    return " ".join(words)


def _compact(text: str) -> str:
    """The normalised text without spaces: "Session title" and "sessionTitle" agree."""
    return normalise(text).replace(" ", "")


_NORMAL_SYNONYMS: dict[str, tuple[str, ...]] = {normalise(k): v for k, v in _SYNONYMS.items()}


def _synonym(header: str, fields: Sequence[str]) -> str | None:
    """The first field of the header's synonyms that the action has."""
    for name in _NORMAL_SYNONYMS.get(normalise(header), ()):
        if name in fields:
            return name
    return None


@lru_cache(maxsize=64)
def _by_compact(fields: tuple[str, ...]) -> dict[str, str]:
    """The fields by their compact names (made once per action's fields: asked per header)."""
    return {_compact(f): f for f in fields}


@lru_cache(maxsize=64)
def _close_candidates(fields: tuple[str, ...]) -> dict[str, str]:
    """The compact names and synonyms a header may be close to, each with its field."""
    candidates = dict(_by_compact(fields))
    for word, names in _NORMAL_SYNONYMS.items():
        target = next((n for n in names if n in fields), None)
        if target is not None:
            candidates.setdefault(word.replace(" ", ""), target)
    return candidates


def _close(compact: str, fields: tuple[str, ...]) -> str | None:
    """The field whose name (or a synonym of it) is closest to the header (``compact``: its
    compact form), if close enough."""
    candidates = _close_candidates(fields)
    found = difflib.get_close_matches(compact, list(candidates), n=1, cutoff=CLOSE_CUTOFF)
    return candidates[found[0]] if found else None


def best_match(header: str | None, fields: Sequence[str], *, close: bool = True
               ) -> Suggestion:
    """The best field for one header on its own, ignoring the other columns; ``close``
    false: no near spelling looked for."""
    if header is None or not header.strip():
        return Suggestion(IGNORED_COLUMN, None)
    header = header.strip()
    if header in fields:
        return Suggestion(header, EXACT)
    compact = _compact(header)
    named = tuple(fields)
    by_compact = _by_compact(named)
    if compact in by_compact:
        return Suggestion(by_compact[compact], NORMALISED)
    found = _synonym(header, fields)
    if found is not None:
        return Suggestion(found, SYNONYM)
    found = _close(compact, named) if close else None
    if found is not None:
        return Suggestion(found, CLOSE)
    return Suggestion(IGNORED_COLUMN, None)


def suggest_fields(headers: Iterable[str | None], fields: Sequence[str]) -> list[Suggestion]:
    """One suggestion per header, in order; each field goes to one column at most.

    Better tiers claim their field first (so an exact "sessionTitle" column keeps it even when
    an earlier "Titre" column would have taken it as a synonym); within a tier, the leftmost
    column wins. Losers become ``ignoredColumn`` with no ``how``.
    """
    # A tuple: best_match's own tuple() of it is then the same object, not a copy a header.
    fields = tuple(f for f in fields if f != IGNORED_COLUMN)
    headers = list(headers)
    # Near spellings are a typing mistake's: looked for among a sheet's columns, not among
    # the thousands a file of something else may have (difflib per column and action).
    close = len(headers) <= CLOSE_COLUMNS
    best = [best_match(h, fields, close=close) for h in headers]
    result = [Suggestion(IGNORED_COLUMN, None)] * len(best)
    taken: set[str] = set()
    for tier in TIERS:
        for index, suggestion in enumerate(best):
            if suggestion.how == tier and suggestion.field not in taken:
                taken.add(suggestion.field)
                result[index] = suggestion
    return result


def map_columns(headers: Sequence[str | None], known: Sequence[tuple[str | None, str]],
                fields: Sequence[str]) -> list[Suggestion]:
    """The mapping for a file given a configuration's columns (header, field), in file order.

    Columns the configuration names by header follow their header even when the file's
    columns moved; without headers on both sides the configuration applies by position. What
    is left is suggested as usual. Configured mappings carry no ``how``: nothing was guessed.
    """
    fields = [f for f in fields if f != IGNORED_COLUMN]
    # A header the file repeats takes the configuration's columns of that header in order.
    by_header: dict[str, list[str]] = {}
    for h, f in known:
        if h and h.strip():
            by_header.setdefault(header_key(h), []).append(f)
    use_headers = any(header_key(h) in by_header for h in headers if h and h.strip())
    result: list[Suggestion | None] = []
    for index, header in enumerate(headers):
        if use_headers:
            waiting = by_header.get(header_key(header)) if header and header.strip() else None
            name = waiting.pop(0) if waiting else None
        else:
            name = known[index][1] if index < len(known) else None
        valid = name is not None and (name == IGNORED_COLUMN or name in fields)
        result.append(Suggestion(name, None) if valid and name is not None else None)
    taken = {s.field for s in result if s is not None and s.field != IGNORED_COLUMN}
    open_headers = [h if s is None else None for h, s in zip(headers, result, strict=True)]
    guesses = suggest_fields(open_headers, [f for f in fields if f not in taken])
    return [s if s is not None else g for s, g in zip(result, guesses, strict=True)]


# Words of a file's name saying it lists teachers: what settles a tie with the learners.
TEACHER_FILE_WORDS = ("teacher", "trainer", "instructor", "formateur", "formatrice",
                      "intervenant", "enseignant")


def likely_action(headers: Sequence[str | None] | None,
                  file_name: str | None = None, sheet: str | None = None) -> str | None:
    """The action whose fields the headers match best (None without headers or matches).

    Ties go to the platform's actions before our teachers' one, then to the action listed
    first in the catalogue. A sheet of logins, names and e-mail addresses alone fits teachers
    and learners alike: it is taken for the learners', since the platform imports learners
    and has no teacher import (the package leaves ours out); a header saying "formateur" or
    "teacher", or a file or sheet named so (teachers.csv, a sheet "Formateurs"), makes it
    the teachers'.
    """
    scores = action_scores(headers)
    order = {name: place for place, name in enumerate(ACTIONS)}
    names = f"{Path(file_name).stem if file_name else ''} {sheet or ''}".casefold()
    teachers = any(word in names for word in TEACHER_FILE_WORDS)
    best = max(ACTIONS, key=lambda name: (scores.get(name, 0),
                                          (name == TEACHER_ACTION.name) == teachers,
                                          -order[name]))
    return best if scores.get(best) else None


def action_scores(headers: Sequence[str | None] | None) -> dict[str, int]:
    """Per action: how many of the headers name its fields ({} without headers)."""
    if not headers:
        return {}
    return dict(_scores(tuple(headers)))


@lru_cache(maxsize=8)
def _scores(headers: tuple[str | None, ...]) -> tuple[tuple[str, int], ...]:
    """action_scores, once per first line: guessing a file asks it several times."""
    return tuple((name, sum(1 for s in suggest_fields(headers, [f.name for f in spec.fields])
                            if s.how is not None))
                 for name, spec in ACTIONS.items())


# --- values: "did you mean XLS-300?" --------------------------------------------------------

# The store columns of codes and logins, which people type and records are found by.
NEAR_COLUMNS = frozenset({"login", "path_code", "guid"})
# difflib ratio a stored value needs to be offered for a typed one ("XLS-30" / "XLS-300": 0.92).
NEAR_CUTOFF = 0.75
NEAR_COUNT = 3


def near_field(name: str) -> tuple[Table, str] | None:
    """The table and column of the records a code or login field names, if it is one."""
    column = STORE_COLUMNS.get(name, "")
    if column not in NEAR_COLUMNS:
        return None
    for table in Table:  # a field's name starts with the record it is about
        if name.startswith(table.value) and name[len(table.value):][:1].isupper():
            return table, column
    return None


def near_values(plan: Plan, field: str, value: str) -> list[str]:
    """Codes or logins of the store, and of the plan's rows, close to ``value``: what the
    user may have meant, the closest first (nothing for a field that holds no code)."""
    found = near_field(field)
    planner = plan.planner
    if found is None or not isinstance(planner, PlannerState) or not value.strip():
        return []
    table, column = found
    known: dict[str, str] = {}  # casefolded -> as stored
    for record in planner.overlay.tables[table].values():
        stored = getattr(record, column, None)
        if isinstance(stored, str) and stored:
            known.setdefault(stored.casefold(), stored)
    typed = value.strip()
    key = typed.casefold()
    if key in known and known[key] != typed:
        return [known[key]]  # only the case differs
    known.pop(key, None)
    close = difflib.get_close_matches(key, list(known), NEAR_COUNT, NEAR_CUTOFF)
    return [known[match] for match in close]
