"""Finding learners: by traineeSearchField (learners, registrations, tracking) and by the
login or reference number that names a manager."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from operator import attrgetter
from typing import Any

from importer_gui.core.actions.base import RowContext
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.overlay import SEVERAL
from importer_gui.core.records import LearnerRec, Table

LOGIN, REF_NUMBER, EMAIL = "candidateLogin", "candidateRefNumber", "candidateEmail"
# A custom field is bound (and searched by) as "custom:<GUID>".
CUSTOM_PREFIX = "custom:"
# traineeSearchField's plain fields and the learner columns they hold.
SEARCH_COLUMNS: dict[str, str] = {LOGIN: "login", REF_NUMBER: "ref_number", EMAIL: "email"}


def learner_name(learner: Any) -> str:
    """A learner as a message names one: the login, else what the platform finds it by."""
    return str(learner.login or learner.ref_number or learner.email or learner.guid
               or f"#{learner.id}")


def searchable(field_name: str) -> bool:
    """True for a field a learner can be found by."""
    return field_name in SEARCH_COLUMNS or field_name.startswith(CUSTOM_PREFIX)


def find_learner(ctx: RowContext, search_fields: Sequence[str]
                 ) -> tuple[bool, LearnerRec | None]:
    """The learner whose columns equal every filled field of ``search_fields``
    (traineeSearchField), searched jointly: (ok, learner).

    Empty fields are left out, so a filled value is never matched against an empty one; a
    row that fills none of them gets an error and (False, None). (True, None) when no
    learner matches: each caller words (or acts on) a miss itself. When several match, the
    oldest is the one (the platform's note): the lowest stored id, then the earliest created
    by this plan. A row whose file holds none of the fields gets an error saying so.
    """
    values = ctx.values
    filled = tuple(f for f in search_fields if values.get(f) is not None and searchable(f))
    if not filled:
        shown = search_fields[0] if search_fields else LOGIN
        listed = ", ".join(search_fields) or LOGIN
        if any(ctx.action.has(f) for f in search_fields):
            ctx.error(shown, msg.LEARNER_SEARCH_EMPTY.format(field=shown, fields=listed))
        else:  # no column holds them: the option (or its default) does not fit the file
            ctx.error(shown, msg.LEARNER_SEARCH_NOT_IN_FILE.format(fields=listed))
        return False, None
    name, key = _index(filled)
    value = values[filled[0]] if len(filled) == 1 else tuple(values[f] for f in filled)
    return True, _oldest(ctx, name, key, value)


def learner_by(ctx: RowContext, column: str, value: Hashable) -> LearnerRec | None:
    """The oldest learner whose ``column`` (login, ref_number, email) is ``value``."""
    return _oldest(ctx, column, attrgetter(column), value)


def _oldest(ctx: RowContext, name: str, key: Callable[[Any], Hashable],
            value: Hashable) -> LearnerRec | None:
    found = ctx.overlay.find_single(Table.LEARNER, name, key, value)
    if found is SEVERAL:
        return min(ctx.overlay.find(Table.LEARNER, name, key, value), key=age)
    return found


def age(record: Any) -> tuple[bool, int]:
    """Oldest first: stored records by id, then this plan's (placeholders -1, -2, ...)."""
    return record.id < 0, abs(record.id)


_INDEXES: dict[tuple[str, ...], tuple[str, Callable[[Any], Hashable]]] = {}


def _index(fields: tuple[str, ...]) -> tuple[str, Callable[[Any], Hashable]]:
    """The overlay index name and key of some search fields, made once per field list."""
    found = _INDEXES.get(fields)
    if found is None:
        getters = [_getter(f) for f in fields]
        if all(f in SEARCH_COLUMNS for f in fields):
            # attrgetter of one name gives its value, of several their tuple: as the rows do.
            key: Callable[[Any], Hashable] = attrgetter(*(SEARCH_COLUMNS[f] for f in fields))
        elif len(getters) == 1:
            key = getters[0]
        else:
            def key(record: Any) -> Hashable:
                return tuple(getter(record) for getter in getters)
        found = _INDEXES[fields] = ("learner:" + ",".join(fields), key)
    return found


def _getter(field_name: str) -> Callable[[Any], Any]:
    """What a learner holds for one search field."""
    if field_name in SEARCH_COLUMNS:
        return attrgetter(SEARCH_COLUMNS[field_name])
    guid = field_name[len(CUSTOM_PREFIX):]

    def custom(record: Any) -> Any:
        return (record.custom or {}).get(guid)
    return custom
