"""One module per action: how a row of that action becomes changes to the store.

Each module registers its handler with ``register`` under its catalogue entry's name; the
planner looks actions up by name. Adding an action means its ``ActionSpec`` (and messages) in
``core/catalogue/`` and a module here, imported below.
"""

from importer_gui.core.actions import (  # noqa: F401
    entity,
    intervention,
    learner,
    registration,
    session,
    teacher,
    tracking,
    training,
)
from importer_gui.core.actions.base import HANDLERS, RowContext, register, tables_of

__all__ = ["HANDLERS", "RowContext", "register", "tables_of"]
