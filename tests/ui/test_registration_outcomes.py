"""A registrations file in the window: a session made by a slip of a title is said, in French
too; an unregistration is called so, not a deletion (the learner stays), in the issues
workbook and the store browser's history too."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.cli import main
from importer_gui.core import config_xml, pipeline
from importer_gui.core.issues import Outcome
from importer_gui.core.plan import Plan
from importer_gui.core.reports import write_issues_workbook
from importer_gui.core.store import Store
from importer_gui.ui.messages_text import workbook_words
from importer_gui.ui.models.preview_model import OUTCOME_COLUMN, PreviewModel, outcome_label
from importer_gui.ui.models.store_model import HistoryModel
from importer_gui.ui.pages.commit_page import CommitPage
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.state import WizardState
from tests.builders import trainings_import, write_config
from tests.core.harness import Env
from tests.core.test_registrations import LYON, registrations, seed
from tests.core.test_unregister_words import KEPT
from tests.core.test_unregister_words import unregistering as unregistering_config

NBSP = "\u00a0"
HISTORY_COUNTS = 3  # the history's Outcomes column


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


def unregistering(tmp_path: Path) -> WizardState:
    """A wizard state on a store where mdupont is registered to Lyon janvier, and a file
    unregistering them."""
    env, _plan = checked(tmp_path, [], committed_first=True)
    spec = registrations(env, [["mdupont", *LYON, "N"]])
    state = WizardState(env.store_path)
    config = config_xml.load(write_config(env.folder, spec))
    state.session.set_config(config, pipeline.resolve_data_files(config))
    return state


def preview_and_commit(state: WizardState, qtbot: QtBot) -> tuple[PreviewPage, CommitPage]:
    """The preview checked, then committed."""
    page, commit = PreviewPage(state), CommitPage(state)
    qtbot.addWidget(page)
    qtbot.addWidget(commit)
    page.runner.synchronous = commit.runner.synchronous = True
    page.start_check()
    return page, commit


def test_an_unregistration_is_called_so_in_the_preview_and_the_commit(
        tmp_path: Path, qtbot: QtBot) -> None:
    page, commit = preview_and_commit(unregistering(tmp_path), qtbot)
    assert page.model.data(page.model.index(0, OUTCOME_COLUMN)) == "unregister"
    assert "1 to unregister" in page.counts_label.text()
    commit.start()
    deleted = commit._form.labelForField(commit.count_labels[Outcome.DELETE])
    assert (deleted.text(), commit.count_labels[Outcome.DELETE].text()) == ("Unregistered:", "1")
    assert "1 unregistered" in commit.summary.accessibleName()


def test_an_unregistration_is_called_so_in_french(
        french: None, tmp_path: Path, qtbot: QtBot) -> None:
    page, commit = preview_and_commit(unregistering(tmp_path), qtbot)
    assert page.model.data(page.model.index(0, OUTCOME_COLUMN)) == "désinscription"
    assert "1 à désinscrire" in page.counts_label.text()
    commit.start()
    deleted = commit._form.labelForField(commit.count_labels[Outcome.DELETE])
    assert deleted.text() == f"Désinscrites{NBSP}:"


def test_other_deletions_keep_their_word() -> None:
    assert outcome_label(Outcome.DELETE, ["createOrUpdateSessionAction"]) == "delete"
    assert outcome_label(Outcome.DELETE, ["createOrUpdateLearnerAction",
                                          "registerLearnerAction"]) == "delete"
    assert outcome_label(Outcome.DELETE, ["registerLearnerAction"]) == "unregister"


def test_the_issues_workbook_says_unregister_in_french(
        french: None, tmp_path: Path, qtbot: QtBot) -> None:
    env, _config = unregistering_config(tmp_path)
    plan = env.check(registrations(env, [["mdupont", *LYON, "N"], ["jmartin", *LYON, "N"]],
                                   options=KEPT))
    path = write_issues_workbook(plan, tmp_path / "issues.xlsx", workbook_words())
    sheet = openpyxl.load_workbook(path).active
    assert [row[:2] for row in sheet.iter_rows(values_only=True)] == [
        ("Ligne", "Résultat"), (3, "désinscription")]


@pytest.mark.parametrize(("speaking", "said"), [
    ("english", ["1 unchanged, 2 unregistered", "2 created", "1 created"]),
    ("french", ["1 inchangé, 2 désinscrits", "2 créés", "1 créé"]),
])
def test_the_history_tab_says_a_run_unregistered(
        speaking: str, said: list[str], request: pytest.FixtureRequest,
        tmp_path: Path) -> None:
    request.getfixturevalue(speaking)
    env, config = unregistering_config(tmp_path)
    assert main(["commit", str(config), "--store", str(env.store_path)]) == 0
    with Store.open(env.store_path) as store:
        model = HistoryModel(store.history())
    assert [model.data(model.index(row, HISTORY_COUNTS)) for row in range(3)] == said
