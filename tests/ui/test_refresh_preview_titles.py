"""The refresh preview names the exports' own fields as the import preview names its fields:
the label first, the technical name second."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN
from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.conftest import SAMPLE


def titles(dialog: RefreshDialog) -> list[str]:
    """The preview's value columns as their headers show them."""
    model = dialog.model
    return [model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(FIRST_VALUE_COLUMN, model.columnCount())]


def test_the_exports_own_fields_are_titled_by_their_labels(qtbot: object, tmp_path: Path,
                                                            screenshots: Path) -> None:
    dialog = RefreshDialog(tmp_path / "store.sqlite3",
                           config_path=SAMPLE / "exports" / "export-config.xml",
                           synchronous=True)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.resize(1280, 800)
    dialog.show()
    dialog.exports.setCurrentIndex(2)  # the learners: their GUID is no import's field
    shown = titles(dialog)
    assert shown[:3] == ["Learner's login — candidateLogin", "Learner's GUID — candidateGuid",
                         "Learner's reference number — candidateRefNumber"]
    tip = dialog.model.headerData(FIRST_VALUE_COLUMN + 1, Qt.Orientation.Horizontal,
                                  Qt.ItemDataRole.ToolTipRole)
    assert tip == ("Field: Learner's GUID — candidateGuid\n"
                   "Column in the file: candidateGuid")
    dialog.grab().save(str(screenshots / "refresh-learners-titles.png"))

    dialog.exports.setCurrentIndex(3)  # the learning objects: the file's headers differ
    assert titles(dialog) == [
        "learningObjectVersionCode\n→ Learning object code — learningObjectCode",
        "learningObjectVersionGuid\n→ Learning object GUID — learningObjectGuid",
        "learningObjectVersionTitle\n→ Learning object title — learningObjectTitle",
        "learningObjectVersionPublisher\n→ Learning object publisher — "
        "learningObjectPublisher",
        "learningObjectVersionType\n→ Learning object type — learningObjectType",
    ]
    dialog.grab().save(str(screenshots / "refresh-learning-objects-titles.png"))
