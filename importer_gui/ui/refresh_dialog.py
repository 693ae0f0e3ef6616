"""Tools ▸ Refresh from the platform's exports…: choose an export configuration (and its
files), preview what changes row by row as an import's preview shows it, then refresh."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from importer_gui.core.errors import ImporterError, StoreReplacedError
from importer_gui.core.issues import OUTCOME_ORDER, Outcome
from importer_gui.core.paths import readable
from importer_gui.core.platform_io import export_config, refresh
from importer_gui.core.platform_io.export_config import Export
from importer_gui.core.platform_io.refresh import RefreshPlan, RefreshResult
from importer_gui.core.progress import Monitor
from importer_gui.core.session import Session, opened_store
from importer_gui.core.store import Store, StoreLocation
from importer_gui.ui.i18n import arg
from importer_gui.ui.labels import records_name
from importer_gui.ui.locale_text import LocaleText
from importer_gui.ui.messages_text import message_text
from importer_gui.ui.models.preview_model import PreviewModel, outcome_label
from importer_gui.ui.models.store_model import files_tip
from importer_gui.ui.pages.base import hand_plans_to_background, kept_off_the_collector
from importer_gui.ui.preview_apply_dialog import PREVIEW_SIZE, PreviewApplyDialog, preview_table
from importer_gui.ui.settings import Settings
from importer_gui.ui.state import WizardState
from importer_gui.ui.styles import Look
from importer_gui.ui.tasks import LET_GO, free_later
from importer_gui.ui.widgets.ask import ask
from importer_gui.ui.widgets.path_edit import PathEdit
from importer_gui.ui.widgets.rows import (
    add_edit_with_button,
    message_line,
    picker_row,
    show_counts,
)
from importer_gui.ui.widgets.signals import signals_blocked
from importer_gui.ui.widgets.table_sizing import fit_to_contents

SIZE_SETTINGS = "refreshDialog"  # where its size and place are remembered

# --- the work, Qt-free, run in the worker thread (its own connection to the store) ----------

@dataclass
class Previewed:
    """A refresh planned, and whether it writes anything: found with the plan, in the
    background (a plan whose rows are all unchanged is read whole to say so)."""

    planned: RefreshPlan
    writes: bool


def plan_at(store_path: StoreLocation, config_path: Path, data: list[Path], prune: bool,
            create: bool, monitor: Monitor, identity: str | None = None) -> Previewed:
    """Plan the refresh of the store at ``store_path`` from one export configuration; the
    store made when ``create`` (never there before), else the one of ``identity`` when
    known (another in its place is refused)."""
    config = export_config.load(config_path)
    with opened_store(store_path, create, identity, monitor) as store:
        planned = refresh.plan_refresh(config, store, data=data, prune=prune, monitor=monitor)
        planned.plan.store_identity = store.identity
        return Previewed(planned, planned.plan.writes_anything())


def commit_at(store_path: StoreLocation, planned: RefreshPlan,
              monitor: Monitor) -> RefreshResult:
    """Write the planned refresh as a run of the history."""
    # The plan found it there: written into that store only, never into another put in its place.
    with Store.reopen(store_path, identity=planned.plan.store_identity,
                      monitor=monitor) as store:
        return refresh.commit_refresh(planned, store, monitor=monitor)


def _first_deleting(planned: RefreshPlan) -> int:
    """The export the dialog opens on: the first that deletes records, else the first."""
    return next((n for n, imp in enumerate(planned.plan.imports)
                 if imp.row_counts()[Outcome.DELETE]), 0)


# --- the dialog ------------------------------------------------------------------------------

class _EnterPreviews(QObject):
    """Enter in the configuration's path box previews the path typed, and goes no further:
    the dialog's default button (a Refresh of the preview shown before) never gets it."""

    def __init__(self, edit: QLineEdit, preview: Callable[[], None]) -> None:
        super().__init__(edit)
        self._preview = preview
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter or Return previews; any other event goes on."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._preview()
            return True
        return False


class RefreshDialog(PreviewApplyDialog):
    """The export configuration and its files, the preview of what changes, then Refresh."""

    def __init__(self, store_path: StoreLocation, parent: QWidget | None = None, *,
                 config_path: Path | None = None, synchronous: bool = False,
                 session: Session | None = None, settings: Settings | None = None) -> None:
        """On the store at ``store_path``; ``session``: the window's, whose store it is (it
        says whether a preview may make the store), else the preview's own; ``config_path``:
        previewed at once, else the one refreshed from last month is in the box."""
        super().__init__(store_path, parent, synchronous=synchronous)
        self.settings = settings or Settings()
        self.planned: RefreshPlan | None = None
        self.result: RefreshResult | None = None
        self.data_files: list[Path] = []
        self._previewed = ""  # the path the last preview read
        self._writes = False  # the preview shown writes something
        self._said = ""  # what the status line says of the preview shown
        self._closed = False  # a preview ending after Close is let go of at once
        self._writing = False  # Refresh pressed, its work not ended yet
        self.setWindowTitle(self.tr("Refresh from the platform's exports"))
        # The preview's own session: the table reads its plan as the wizard's preview does.
        self.preview_state = WizardState(Path(str(store_path)), self)
        self._store_session = session or self.preview_state.session
        # A plan of a million rows freed on the window's thread keeps it waiting (0.2-0.6 s):
        # every plan this dialog drops is freed in the background, as the wizard's are.
        hand_plans_to_background(self.preview_state.session)
        self.model = PreviewModel(self.preview_state, 0, self, editable=False)
        self._build()
        self.remember_size(SIZE_SETTINGS, PREVIEW_SIZE, self.settings)
        if config_path is not None:
            self.config_edit.set_path(config_path)
            self.preview()
        elif (last := self.settings.refresh_config()) is not None:
            # Not previewed yet: its files may not be this month's until the user says so.
            self.config_edit.set_path(last)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr(
            "Choose the export configuration scheduled on the platform and the files it "
            "produced: what they hold is created or updated in the store. Nothing is written "
            "until you press Refresh, and the refresh can be reverted from the history."), self)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addLayout(self._choice_rows())
        layout.addLayout(self._export_row())
        self.notice = message_line(self, "refreshNotice", Look.NOTICE)
        layout.addWidget(self.notice)
        self.view = preview_table(self, "refreshPreview", self.model)
        self.view.setAccessibleName(self.tr("What the refresh changes"))
        layout.addWidget(self.view, 1)
        self.refresh_button = self._add_progress_and_buttons(
            layout, "refresh", self.tr("C&ancel"), self.tr("&Refresh"))
        self._show_sorting(self.model)

    def _choice_rows(self) -> QFormLayout:
        form = QFormLayout()
        others = set(self.findChildren(QPushButton))
        self.config_edit = PathEdit(self)
        self.config_edit.setObjectName("refreshConfig")
        self.config_edit.setPlaceholderText(
            self.tr("The export configuration scheduled on the platform (.xml)"))
        _EnterPreviews(self.config_edit, self.preview)
        self.config_edit.textChanged.connect(self._path_changed)
        add_edit_with_button(form, self.tr("Export &configuration:"), self.config_edit,
                             self.tr("&Browse…"), self.choose_config)
        # In a widget of its own: a form row laid out by a bare layout gives its wrapped label
        # the height of one width, and a narrow dialog cut its lines.
        files_row = QWidget(self)
        self.files_label = QLabel(self._beside_text(), files_row)
        self.files_label.setObjectName("refreshFiles")
        self.files_label.setWordWrap(True)
        files = QPushButton(self.tr("Choose the &files…"), files_row)
        files.clicked.connect(self.choose_files)
        row = QHBoxLayout(files_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.files_label, 1)
        row.addWidget(files)
        form.addRow(self.tr("Exported files:"), files_row)
        self.prune_check = QCheckBox(self.tr(
            "Also &delete what the store holds and the exports lack"), self)
        self.prune_check.toggled.connect(self.preview)
        preview = QPushButton(self.tr("&Preview"), self)
        preview.setObjectName("refreshPreviewButton")
        preview.clicked.connect(self.preview)
        row = QHBoxLayout()
        row.addWidget(self.prune_check, 1)
        row.addWidget(preview)
        form.addRow("", row)
        # Focused, an auto-default button would take the next Enter as a click: Enter in the
        # path box would open Browse's file chooser.
        for button in set(self.findChildren(QPushButton)) - others:
            button.setAutoDefault(False)
        return form

    def _export_row(self) -> QHBoxLayout:
        self.exports = QComboBox(self)
        self.exports.setObjectName("refreshExports")
        self.exports.currentIndexChanged.connect(self._show_export)
        self.counts = QLabel(self)
        self.counts.setObjectName("refreshCounts")
        row = picker_row(self.tr("E&xport:"), self.exports, self.counts)
        # The list is filled once the exports are read: its minimum, taken while it was
        # empty, let a narrow dialog or long counts cut each name to "platform_". Its size
        # hint follows its items: it is never narrower than that (the dialog is, at most).
        self.exports.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        return row

    # --- choosing ----------------------------------------------------------------------------

    def choose_config(self) -> None:
        """Pick the export configuration, then preview it."""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Export configuration"), self.config_edit.path_text(),
            self.tr("Export configurations (*.xml)"))
        if path:
            self.config_edit.set_path(path)
            self.data_files = []
            self.files_label.setText(self._beside_text())
            self.files_label.setToolTip("")
            self.preview()

    def _beside_text(self) -> str:
        """The files line before any is chosen: where the refresh reads them."""
        return self.tr("those the export configuration names, in its folder")

    def choose_files(self) -> None:
        """Pick the exported files, in any order: the refresh reads each for the export whose
        columns its first line names (the Export list below shows which)."""
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Exported files"), str(Path(self.config_edit.path_text()).parent),
            self.tr("Exported files (*.csv *.tsv *.txt)"))
        if paths:
            self.data_files = [Path(p) for p in paths]
            # A count, not the names: seven names wrapped in a form row are cut; the Export
            # list names each export's file once previewed.
            self.files_label.setText(self._files_text())
            self.files_label.setToolTip(files_tip([readable(p) for p in self.data_files]))
            self.preview()

    def _files_text(self, beside: list[str] | None = None) -> str:
        """The files line once files are chosen: how many, then the files ``beside`` the
        configuration read for the exports none of them holds, named."""
        text = self.tr("%Ln file(s), each read for the export whose columns its first line "
                       "names", "", len(self.data_files))
        if beside:
            text += "\n" + arg(self.tr(
                "Read from beside the configuration (%Ln export(s) no file chosen holds): %1",
                "", len(beside)), ", ".join(beside))
        return text

    def _add_export(self, export: Export, file_name: str) -> None:
        """One export in the list: its file and what it refreshes, in words people use; the
        platform's name of the export (the one its configuration gives) in the tooltip."""
        stores = export.provider.spec.stores
        kind = records_name(stores) if stores is not None else export.provider.name
        self.exports.addItem(arg(self.tr("%1 (%2)"), file_name, kind))
        self.exports.setItemData(self.exports.count() - 1, arg(self.tr(
            "The platform's export %1"), export.provider.name), Qt.ItemDataRole.ToolTipRole)

    def _show_files(self, planned: RefreshPlan) -> None:
        """Name the files the preview read from beside the configuration, when only some
        were chosen: the count alone let them pass for chosen ones."""
        if not self.data_files:
            return
        chosen = set(self.data_files)
        self.files_label.setText(self._files_text(
            [imp.file.name for imp in planned.plan.imports if imp.file not in chosen]))

    # --- previewing --------------------------------------------------------------------------

    def preview(self) -> None:
        """Plan the refresh in the background; the table shows it."""
        text = self.config_edit.path_text()
        if not text:
            return
        self._let_go()
        self.result = None
        self._previewed = text
        store, config, data = self.store_path, Path(text), list(self.data_files)
        prune = self.prune_check.isChecked()
        create = self._store_session.store_create()
        identity = self._store_session.store_identity
        # The plan is frozen out of the collector's reach: a collection over it, on the
        # window's thread, held the window as long as the plan was large.
        self._work(self.tr("Reading the exports…"),
                   lambda m: kept_off_the_collector(
                       lambda: plan_at(store, config, data, prune, create, m, identity),
                       shown_plan_dropped=False),
                   self._on_planned)

    def _on_planned(self, previewed: Previewed) -> None:
        planned, changes = previewed.planned, previewed.writes
        del previewed
        if self._closed:  # nobody will look at it
            free_later(planned)
            del planned
            return
        self.planned = planned
        self.preview_state.session.set_plan(planned.plan)
        self._store_session.store_found()
        self._store_session.store_seen(planned.plan.store_identity)
        with signals_blocked(self.exports):
            self.exports.clear()
            for export, imp in zip(planned.config.exports, planned.plan.imports, strict=True):
                self._add_export(export, imp.file.name)
        self._show_files(planned)
        first = _first_deleting(planned)
        self.exports.setCurrentIndex(first)
        self._show_export(first)
        notes = [*planned.notes, *([planned.older] if planned.older else [])]
        self.notice.setText("\n".join(map(message_text, notes)))
        self.notice.setVisible(bool(notes))
        self._writes = changes
        self._said = self._summary(planned) if changes else self.tr(
            "The store already holds what the exports hold.")
        self._path_changed()

    def _summary(self, planned: RefreshPlan) -> str:
        """What the refresh changes over every export, since the list shows one at a time:
        a deletion is never found late."""
        counts = planned.counts()
        number = LocaleText().number  # 12 345 in French, as the preview counts
        return arg(self.tr("Over every export: %1 to create, %2 to update, %3 to delete."),
                   number(counts[Outcome.CREATE.value]), number(counts[Outcome.UPDATE.value]),
                   number(counts[Outcome.DELETE.value]))

    def _path_changed(self) -> None:
        """A path typed since the preview: Refresh waits until it is previewed (typing
        previews nothing, a keystroke at a time; Enter or Preview does)."""
        if self.planned is None or self.result is not None or self.runner.busy:
            return
        fresh = self._is_fresh()
        self.refresh_button.setEnabled(fresh and self._writes)
        self.status.setText(self._said if fresh else self.tr(
            "The export configuration was changed since the preview: press Enter or "
            "Preview to see what it refreshes."))

    def _is_fresh(self) -> bool:
        """True when the preview shown is of the path the box shows."""
        return self.config_edit.path_text() == self._previewed

    def _let_go(self) -> None:
        """Drop the refresh plan shown (a new preview, Close): the table and the session let
        it go, and it is freed in the background (``hand_plans_to_background``)."""
        planned, self.planned = self.planned, None
        if planned is None:
            return
        self.model.clear()
        with signals_blocked(self.exports):
            self.exports.clear()
        show_counts(self.counts, [])  # its spoken sentence too
        LET_GO.add(planned)
        del planned
        self.preview_state.session.set_plan(None)  # its hook hands the plan over too

    def showEvent(self, event: QShowEvent) -> None:
        """Shown (again): previews are looked at."""
        self._closed = False
        super().showEvent(event)

    def done(self, result: int) -> None:
        """Close (any way): the preview's plan is freed in the background, not with the
        dialog on the window's thread."""
        super().done(result)
        self._closed = True
        self._let_go()

    def _show_export(self, index: int) -> None:
        if self.planned is None or not 0 <= index < len(self.planned.plan.imports):
            return
        self.model.show_import(index)
        counts = self.model.counts()
        number = LocaleText().number
        show_counts(self.counts, [arg(self.tr("%1: %2"), outcome_label(o), number(counts[o]))
                                  for o in OUTCOME_ORDER if counts[o]])
        fit_to_contents(self.view)

    # --- refreshing --------------------------------------------------------------------------

    def commit(self) -> None:
        """Write the previewed refresh in the background."""
        planned = self.planned
        if planned is None or self.runner.busy or not self._can_apply():
            return
        if planned.older is not None and not self._older_accepted(planned.older):
            self.status.setText(self.tr("Nothing was written: the store keeps what its last "
                                        "refresh and the imports since wrote."))
            return
        store = self.store_path
        self._writing = True
        self._work(self.tr("Writing to the store…"), lambda m: commit_at(store, planned, m),
                   self._on_committed)

    def writes_store(self) -> bool:
        """True while the refresh is written (``state.Writer``); its preview writes nothing,
        and is stopped without a question."""
        return self._writing and self.runner.busy

    def stop_question(self) -> tuple[str, str, list[str]]:
        """What the user is asked before the refresh being written is stopped."""
        return (self.tr("A refresh is running"),
                self.tr("The refresh is being written to the store. Stop it? Nothing will be "
                        "written."),
                [self.tr("&Stop the refresh"), self.tr("&Go on refreshing")])

    def _older_accepted(self, older: str) -> bool:
        """Ask before refreshing from an export older than the store's last refresh."""
        return ask(self, self.tr("Refresh from an older export?"), arg(self.tr(
            "%1\n\nRefresh from it all the same?"), message_text(older)),
            [self.tr("&Keep the store as it is"), self.tr("Refresh a&ll the same")],
            escape=0) == 1

    def _on_committed(self, result: RefreshResult) -> None:
        self._writing = False
        self.result = result
        self.status.setText(arg(self.tr(
            "Refreshed as run %1: %2, %3, %4; it can be reverted from the history."),
            result.run_id, *self._counts_texts(result.counts)))
        self.settings.remember_refresh_config(Path(self._previewed))
        self.store_changed.emit(result.run_id)

    def _counts_texts(self, counts: dict[str, int]) -> tuple[str, str, str]:
        """"12 345 created", "1 updated", "0 deleted": each count its own text, so that each
        word agrees with it in French ("1 créé", "2 créés")."""
        number = LocaleText().number
        created, updated, deleted = (counts.get(kind, 0) for kind in ("create", "update", "delete"))
        return (arg(self.tr("%1 created", "", created), number(created)),
                arg(self.tr("%1 updated", "", updated), number(updated)),
                arg(self.tr("%1 deleted", "", deleted), number(deleted)))

    def _on_failed(self, error: ImporterError) -> None:
        """Another store where the window's was: the preview of the other goes (never
        written into this one), and every view of the window reads the one there now."""
        self._writing = False
        if isinstance(error, StoreReplacedError):
            self._let_go()
            self._store_session.store_replaced(error.found)
        super()._on_failed(error)

    def _cancelled_text(self) -> str:
        return self.tr("Cancelled: nothing was written.")

    def _ended_text(self) -> str | None:
        if self.result is None:
            return None
        return arg(self.tr("The refresh had ended before it could be stopped: run %1 is in "
                           "the store."), self.result.run_id)

    def _can_apply(self) -> bool:
        return (self.planned is not None and self.result is None and self._writes
                and self._is_fresh())
