"""A code that means two things is a configuration error naming both, never a silent choice."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core.config import (
    Action,
    ActionField,
    Column,
    FieldOptions,
    Import,
    ImportConfig,
    Provider,
)
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.state import WizardState
from tests.builders import ImportSpec, write_config, write_csv
from tests.faults import cli, one_line_failure
from tests.stores import existing_store

ACTION = "createOrUpdateSessionAction"
COLUMNS = ("sessionAction", "trainingPathCode", "sessionTitle")
NBSP = "\xa0"
BY_TITLE = "<sessionSearchField><sessionTitle/></sessionSearchField>"


def sessions_config(folder: Path, column_codes: str, field_codes: str = "") -> Path:
    """A session import whose sessionAction column (line 3) has ``column_codes`` as children,
    one per line from line 4; its <fields> entry has ``field_codes``, on the lines after."""
    write_csv(folder / "sessions.csv", [COLUMNS, ["M", "SEC-101", "Lyon"]])
    column = "".join(f"\n{code}" for code in column_codes.split()) + "\n" if column_codes else ""
    fields = "".join(f"\n{code}" for code in field_codes.split()) + "\n" if field_codes else ""
    return write_config(folder, ImportSpec(
        "sessions.csv", COLUMNS, ACTION, options=BY_TITLE,
        column_children={"sessionAction": column} if column else {},
        fields=f"<sessionAction>{fields}</sessionAction><trainingPathCode/><sessionTitle/>"))


def refused(config: Path) -> str:
    """The one line ``check`` prints for the configuration."""
    return one_line_failure(cli("check", str(config), "--store",
                                existing_store(config.parent / "store.sqlite3")))


@pytest.mark.parametrize(("column", "fields", "both"), [
    # The example: every M row silently deleted.
    ("<createUpdate>M</createUpdate> <cancel>M</cancel>", "",
     "<createUpdate> (line 4) and <cancel> (line 5)"),
    # cancel takes the code createUpdate keeps by default.
    ("<cancel>M</cancel>", "", "<createUpdate> (its default code) and <cancel> (line 4)"),
    # Split between the column and the action's <fields>, which is read after it.
    ("<cancel>X</cancel>", "<createUpdate>X</createUpdate>",
     "<createUpdate> (line 6) and <cancel> (line 4)"),
    # The column's codes clash on their own, though <fields> moves createUpdate off M.
    ("<cancel>M</cancel>", "<createUpdate>X</createUpdate>",
     "<createUpdate> (its default code) and <cancel> (line 4)"),
])
def test_one_code_for_two_meanings_is_refused_naming_both(tmp_path: Path, column: str,
                                                          fields: str, both: str) -> None:
    config = sessions_config(tmp_path, column, fields)
    code = "M" if "M<" in column else "X"
    assert refused(config) == (f'importer-gui: {config}: The code "{code}" of sessionAction '
                               f"means both {both}; a code must mean one thing.")


def test_codes_swapped_or_renamed_are_read(tmp_path: Path) -> None:
    config = sessions_config(tmp_path, "<createUpdate>A</createUpdate> <cancel>M</cancel>")
    done = cli("check", str(config), "--store", existing_store(tmp_path / "store.sqlite3"))
    assert done.code == 1 and "Training with" in done.out, done.err  # planned, not refused


def preview_refusal(tmp_path: Path, qtbot: QtBot, column_codes: dict[str, str],
                    field_codes: dict[str, str] | None = None) -> tuple[str, WizardState]:
    """What the preview says when checking a session import built in code (as the mapping
    page builds it), its sessionAction column with ``column_codes`` and, when given, an
    action <fields> entry with ``field_codes``."""
    data = write_csv(tmp_path / "sessions.csv", [COLUMNS, ["M", "SEC-101", "Lyon"]])
    columns = [Column("sessionAction", FieldOptions(codes=column_codes)),
               Column("trainingPathCode"), Column("sessionTitle")]
    provider = Provider(file_name=data.name, path=str(tmp_path), columns=columns)
    fields = None if field_codes is None else [
        ActionField("sessionAction", FieldOptions(codes=field_codes)),
        ActionField("trainingPathCode"), ActionField("sessionTitle")]
    action = Action(ACTION, fields, search_fields=["sessionTitle"])
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_config(ImportConfig([Import(provider, [action])]), [data])
    wizard = QWizard()
    qtbot.addWidget(wizard)
    preview = PreviewPage(state)
    wizard.addPage(preview)
    wizard.show()
    qtbot.waitUntil(lambda: not preview.is_checking() and preview.error_label.text() != "",
                    timeout=20_000)
    return preview.error_label.text(), state


def test_the_wizard_refuses_codes_mapped_to_one_code_before_any_row(
        tmp_path: Path, qtbot: QtBot) -> None:
    """Codes typed on the mapping page never went through a configuration file."""
    said, state = preview_refusal(tmp_path, qtbot, {"createUpdate": "M", "cancel": "M"})
    assert said == ('The code "M" of sessionAction means both <createUpdate> and <cancel>; a '
                    "code must mean one thing.")
    assert state.choices.plan is None


DEFAULT_TAKEN = ('The code "M" of sessionAction means both <createUpdate> (its default code) '
                 "and <cancel>; a code must mean one thing.")
# <fields> moves createUpdate off M, but the column's codes clash on their own: a file's
# reader refuses them (above), and so does the preview.
OVERRIDDEN = {"createUpdate": "X"}


@pytest.mark.parametrize("field_codes", [None, OVERRIDDEN], ids=["column", "overridden"])
def test_the_preview_says_a_default_code_taken_as_the_reader_does(
        tmp_path: Path, qtbot: QtBot, field_codes: dict[str, str] | None) -> None:
    said, state = preview_refusal(tmp_path, qtbot, {"cancel": "M"}, field_codes)
    assert said == DEFAULT_TAKEN
    assert state.choices.plan is None


@pytest.mark.usefixtures("french")
def test_the_preview_says_a_default_code_taken_in_french(tmp_path: Path, qtbot: QtBot) -> None:
    said, _ = preview_refusal(tmp_path, qtbot, {"cancel": "M"}, OVERRIDDEN)
    assert said == (f"Le code «{NBSP}M{NBSP}» de sessionAction signifie à la fois <createUpdate> "
                    f"(son code par défaut) et <cancel>{NBSP}; un code ne doit avoir qu'un sens.")
