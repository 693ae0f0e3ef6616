"""A registrations file in the window: a session made by a slip of a title is said, in French
too; an unregistration is called so, not a deletion (the learner stays)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from importer_gui.core.plan import Plan
from importer_gui.ui.models.preview_model import OUTCOME_COLUMN, PreviewModel
from importer_gui.ui.state import WizardState
from tests.builders import trainings_import
from tests.core.harness import Env
from tests.core.test_registrations import LYON, registrations, seed

NBSP = "\u00a0"


def checked(tmp_path: Path, data: list[list[object]], *, committed_first: bool = False
            ) -> tuple[Env, Plan]:
    """The registrations' plan against the core tests' store."""
    env = Env(tmp_path)
    env.commit(trainings_import(tmp_path, [["SEC-101", "Sécurité incendie", ""]]))
    seed(env)
    if committed_first:
        env.commit(registrations(env, [["mdupont", *LYON, "Y"]]))
    return env, env.check(registrations(env, data))


def outcome(plan: Plan, tmp_path: Path, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    """The first row's outcome cell in the preview."""
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(plan)
    model = PreviewModel(state)
    return model.data(model.index(0, OUTCOME_COLUMN), role)


def test_a_session_made_by_a_slip_of_a_title_is_said_in_french(
        french: None, tmp_path: Path, qtbot: object) -> None:
    _env, plan = checked(tmp_path, [["mdupont", "SEC-101", "Lyon janvierr", "", "", "Y"]])
    assert outcome(plan, tmp_path) == "création"
    assert (f"Aucune session «{NBSP}Lyon janvierr{NBSP}» dans SEC-101{NBSP}; «{NBSP}Lyon "
            f"janvier{NBSP}» existe{NBSP}: cette ligne crée une nouvelle session."
            in str(outcome(plan, tmp_path, Qt.ItemDataRole.ToolTipRole)))
