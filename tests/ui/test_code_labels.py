"""The mapping page names the meanings of a coded field, and a search option's default field,
as people call them, the technical name second."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel

from importer_gui.ui.language import FRENCH
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping_page import MappingPage
from tests.ui.test_mapping_custom_and_codes import look, mapping

NBSP = "\u00a0"


def code_labels(page: MappingPage, field: str) -> list[str]:
    """The labels of a coded field's rows, in the page's order."""
    box = page.findChild(QGroupBox, f"codes_{field}")
    assert box is not None
    form = box.layout()
    assert isinstance(form, QFormLayout)
    labels = [form.labelForField(edit) for edit in page.code_edits[field].values()]
    return [label.text() for label in labels if isinstance(label, QLabel)]


def test_session_action_codes_and_the_search_default_are_named_in_the_users_language(
        speaking: str, window: MainWindow, tmp_path: Path, screenshots: Path) -> None:
    data = tmp_path / "sessions.csv"
    data.write_text("sessionAction;trainingPathCode;sessionTitle;teacherLogin\n"
                    "M;T1;Atelier;jdupont\n", encoding="utf-8")
    page = mapping(window, data, "createOrUpdateSessionAction")
    labels = [w.text() for w in page.findChildren(QLabel)]
    if speaking == FRENCH:
        assert code_labels(page, "sessionAction") == [
            f"Créer ou mettre à jour — createUpdate (par défaut M){NBSP}:",
            f"Supprimer — cancel (par défaut A){NBSP}:"]
        assert (f"Retrouver les sess&ions par\n(par défaut Titre de la session — sessionTitle)"
                f"{NBSP}:") in labels
    else:
        assert code_labels(page, "sessionAction") == [
            "Create or update — createUpdate (default M):", "Delete — cancel (default A):"]
        assert "Find &sessions by\n(default Session title — sessionTitle):" in labels
    look(window, screenshots, f"mapping-session-action-codes-{speaking}")


def test_every_coded_field_names_its_meanings_and_a_default_is_not_said_twice(
        speaking: str, window: MainWindow, tmp_path: Path) -> None:
    data = tmp_path / "learners.csv"
    data.write_text("candidateLogin;candidateValidity\ncbernard;Y\n", encoding="utf-8")
    page = mapping(window, data, "createOrUpdateLearnerAction")
    french = speaking == FRENCH
    assert code_labels(page, "candidateValidity") == ([
        f"Actif — enabledValue (par défaut Y){NBSP}:",
        f"Inactif — disabledValue (par défaut N){NBSP}:",
        f"Actif jusqu'à une date — enabledUntilValue (par défaut U){NBSP}:"] if french else [
        "Enabled — enabledValue (default Y):", "Disabled — disabledValue (default N):",
        "Enabled until a date — enabledUntilValue (default U):"])

    window.wizard.back()
    window.wizard.back()
    data.write_text("candidateLogin;sessionGuid;lovCode;trackingStatus\n"
                    "cbernard;S-1;LO-1;completed\n", encoding="utf-8")
    page = mapping(window, data, "createOrUpdateConsolidatedTrackingAction")
    assert code_labels(page, "trackingStatus") == ([
        f"Non commencé — notAttempted{NBSP}:", f"Incomplet — incomplete{NBSP}:",
        f"Terminé — completed{NBSP}:", f"Réussi — passed{NBSP}:", f"Échoué — failed{NBSP}:",
        f"Parcouru — browsed{NBSP}:"] if french else [
        "Not attempted — notAttempted:", "Incomplete — incomplete:", "Completed — completed:",
        "Passed — passed:", "Failed — failed:", "Browsed — browsed:"])
