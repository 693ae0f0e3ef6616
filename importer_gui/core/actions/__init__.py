"""One module per action: how a row of that action becomes changes to the store.

Each module registers its handler with ``register``; the planner looks actions up by name,
so adding an action means adding a module here and its fields to ``core/catalogue.py``.
"""

from importer_gui.core.actions import intervention, session, teacher, training  # noqa: F401
from importer_gui.core.actions.base import HANDLERS, RowContext, register, tables_of

__all__ = ["HANDLERS", "RowContext", "register", "tables_of"]
