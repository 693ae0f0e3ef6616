"""What the wizard's pages share: one object, plain data, no widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from importer_gui.core.config import ImportConfig
from importer_gui.core.plan import FileStamp, Plan


@dataclass
class Choices:
    """The user's choices so far; the configuration is the single source of truth."""

    config: ImportConfig = field(default_factory=ImportConfig)
    data_files: list[Path] = field(default_factory=list)  # one per <import>, in order
    config_path: Path | None = None  # where the configuration was loaded from / saved to
    config_stamp: FileStamp | None = None  # that file as we last read or wrote it
    import_index: int = 0  # the <import> the mapping pages edit
    plan: Plan | None = None  # the last check's plan, shown by the preview
    plan_edited: bool = False  # cells were edited since the last full check
    run_id: int | None = None  # the last commit's run


class WizardState(QObject):
    """Holds the choices and the store path; tells pages when the configuration changed."""

    config_changed = Signal()  # the configuration (or data files) changed: re-read, re-check
    plan_changed = Signal()  # a new plan, or a row of it re-checked

    def __init__(self, store_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store_path = store_path
        self.choices = Choices()

    def set_config(self, config: ImportConfig, data_files: list[Path] | None = None) -> None:
        """Replace the configuration (and data files); the plan is now out of date."""
        self.choices.config = config
        if data_files is not None:
            self.choices.data_files = data_files
        self.choices.plan = None
        self.config_changed.emit()

    def set_plan(self, plan: Plan | None) -> None:
        """Store a fresh plan from a full check."""
        self.choices.plan = plan
        self.choices.plan_edited = False
        self.plan_changed.emit()
