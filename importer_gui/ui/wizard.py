"""The wizard: Open, Action, Mapping, Configuration, Preview, Commit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget, QWizard

from importer_gui.core.catalogue import CONFIG_SUFFIXES, DATA_SUFFIXES
from importer_gui.core.corrections import corrected_name
from importer_gui.core.errors import Cancelled, ImporterError
from importer_gui.core.paths import library_dir
from importer_gui.core.progress import Monitor
from importer_gui.ui.i18n import arg
from importer_gui.ui.messages_text import message_text
from importer_gui.ui.pages.action_page import ActionPage
from importer_gui.ui.pages.base import BasePage
from importer_gui.ui.pages.commit_page import CommitPage
from importer_gui.ui.pages.config_page import ConfigPage
from importer_gui.ui.pages.mapping_page import MappingPage
from importer_gui.ui.pages.open_page import OpenPage
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.saving_copies import SavingCopies
from importer_gui.ui.settings import Settings, library_name_for
from importer_gui.ui.state import WizardState, Writer, stop_asked
from importer_gui.ui.tasks import TaskRunner, saving_pool
from importer_gui.ui.widgets.ask import ask

OPEN, ACTION, MAPPING, CONFIG, PREVIEW, COMMIT = range(6)


def droppable(path: Path) -> bool:
    """True for a file the wizard opens: a workbook, a CSV file or a configuration."""
    return path.is_file() and path.suffix.lower() in (*DATA_SUFFIXES, *CONFIG_SUFFIXES)


def dropped(corrections: int, changes: bool) -> int:
    """How many things an answer that discards drops, as its words count them: the
    corrections unsaved, or more than one once changes (always said "them") go too."""
    return max(corrections, 2) if changes else corrections


def connect_pages(preview: PreviewPage, commit: CommitPage) -> None:
    """What the commit page has to say on the preview (why it sent the user back)."""
    commit.sent_back.connect(preview.show_notice)


class Wizard(QWizard):
    """The import wizard over one shared state; files may be dropped onto it."""

    def __init__(self, state: WizardState, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.settings = settings or Settings()
        self.fast_forward = False  # pages skip their save while filled from a configuration
        # The configuration whose run to the preview waits for its file's first rows.
        self._forward_pending: Path | None = None
        # What the user asked for while the configuration is saved in the background (quit,
        # open a file, Back, Next): done once the save ends, the newest request only.
        self._after_saving: Callable[[], object] | None = None
        self._focus_kept: QWidget | None = None  # the keyboard's place while saving
        # The corrected copies asked for on the way out: written as a configuration is,
        # what waits for them waiting for them alone; their progress shown beside.
        self.copy_runner = TaskRunner(self, pool=saving_pool())
        self._copies_shown: SavingCopies | None = None
        # The user's request made once what they answered was done: not asked about again.
        self._answered = False
        self.setWindowTitle(self.tr("Import Assistant"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # Alt+F is the File menu's alone.
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("F&inish"))
        # Qt's own "Commit" has no mnemonic: ours, as the preview's Commit button has.
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Commit"))
        self.open_page = OpenPage(state, self.settings)
        self.action_page = ActionPage(state)
        self.mapping_page = MappingPage(state)
        self.config_page = ConfigPage(state, self.settings)
        self.preview_page = PreviewPage(state, settings=self.settings)
        self.commit_page = CommitPage(state)
        for page_id, page in ((OPEN, self.open_page), (ACTION, self.action_page),
                              (MAPPING, self.mapping_page), (CONFIG, self.config_page),
                              (PREVIEW, self.preview_page), (COMMIT, self.commit_page)):
            self.setPage(page_id, page)
        connect_pages(self.preview_page, self.commit_page)
        self.preview_page.mapping_asked.connect(self.edit_mapping)
        state.add_writer(self.commit_page)
        self.open_page.configuration_opened.connect(self.go_to_preview)
        self.open_page.may_open = self.may_open  # its own Open… and lists ask as the menu does
        self.open_page.may_edit_import = self.may_edit_import
        self.open_page.runner.finished.connect(self._resume_forward)
        self.config_page.save_runner.finished.connect(self._saving_ended)
        state.config_changed.connect(self._drop_stale_rows)
        self.setAcceptDrops(True)
        # Back asks first while a commit runs: the button comes here, not to back().
        back = self.button(QWizard.WizardButton.BackButton)
        back.clicked.disconnect()
        back.clicked.connect(self.go_back)
        self.currentIdChanged.connect(self._focus_page)

    # --- opening ------------------------------------------------------------------------

    def open_file(self, path: Path) -> bool:
        """Open a file from anywhere in the wizard (menu, drop): back to page 1 first."""
        if not self.may_open(path):
            return False
        if self.currentId() != OPEN:
            self.restart()
        return self.open_page.open_path(path)

    def choose_file(self) -> None:
        """The Open… command: ask for a file, then open it on page 1."""
        path = self.open_page.ask_file()
        if path is not None:
            self.open_file(path)

    def go_to_preview(self) -> None:
        """Run through the pages filled from a saved configuration and stop at the preview.

        Going page by page (rather than jumping) keeps the history, so Back reaches every
        page, each showing what the configuration says. While a large file's first rows are
        still read in the background, it waits for them: the later pages show those rows,
        and would otherwise read the file again on the GUI thread (a second, frozen).
        """
        if self.currentId() == OPEN and self.open_page.reading:
            self._forward_pending = self.state.session.choices.config_path
            return
        self._forward_pending = None
        self.fast_forward = True
        try:
            while 0 <= self.currentId() < PREVIEW:
                before = self.currentId()
                self.next()
                if self.currentId() == before:  # a page refused: stay there, its error shown
                    break
        finally:
            self.fast_forward = False
        self._initialise_passed(self.currentId())  # stopped short of the preview

    def _resume_forward(self) -> None:
        """The first rows were read: go on, if the same configuration is still open."""
        if self.open_page.reading:
            return  # the file was opened in the background: its first rows are read now
        pending, self._forward_pending = self._forward_pending, None
        if (pending is not None and pending == self.state.session.choices.config_path
                and self.currentId() == OPEN and self.open_page.isComplete()):
            self.go_to_preview()

    def _drop_stale_rows(self) -> None:
        """The configuration changed and the session dropped its plan: the preview's rows
        go too, before the session hands the plan to the background freeing. Kept, they
        would be the plan's last reference, freed on the window's thread when the preview
        next checks."""
        model = self.preview_page.model
        if model.plan is not None and model.plan is not self.state.choices.plan:
            model.clear()

    def new_import(self) -> bool:
        """Forget the choices and start again on page 1 (once the user agreed to lose a
        commit running, or corrections and changes to the configuration not saved)."""
        if not self.may_stop_commit() or not self.may_drop_unsaved(
                self.tr("Start a new import?"), self.tr(
                    "Your changes to the import of %1 cannot be kept in the configuration "
                    "yet, and starting anew drops them."),
                lambda count: self.tr("Discard them and start &anew", "", count),
                self.new_import, self.tr("Start &anew without saving")):
            return False
        self.state.session.new_import()
        self.restart()
        return True

    # --- what would be lost -------------------------------------------------------------

    def may_close(self, again: Callable[[], object]) -> bool:
        """Asked before the window closes: a commit or a revert writing the store,
        corrections or changes to the configuration not saved. True when the window may
        close (its work in the background is then to be stopped: ``stop_work``); False to
        stay, or until the configuration is saved in the background, ``again`` (closing)
        then asked once it is."""
        return self.may_stop_writing() and self.may_drop_unsaved(
            self.tr("Quit Import Assistant?"), self.tr(
                "Your changes to the import of %1 cannot be kept in the configuration yet, "
                "and quitting drops them."),
            lambda count: self.tr("Discard them and &quit", "", count), again,
            self.tr("&Quit without saving"))

    def may_open(self, path: Path) -> bool:
        """Asked before ``path`` is opened: a commit running stops; corrections not saved
        stay with their file (unless the user drops them), to come back when it is checked
        again; changes to the configuration the file would replace are saved or dropped,
        those it cannot take yet (a mapping not complete, XML not valid) dropped only.
        False too while the configuration is saved from a question: the file is opened
        once it is saved."""
        if self._after_the_save(lambda: self.open_file(path)):
            return False
        if not self.may_stop_commit():
            return False
        session = self.state.session
        unsaved = session.unsaved_corrections()
        kept = self.tr(
            "%Ln correction(s) of the preview are not saved yet (in a corrected copy or a "
            "commit). They stay with their file while this window is open, and come back "
            "when it is checked again.", "", unsaved)
        title = self.tr("Open another file?")
        refused = self._refused_edits()
        if refused:
            return self._may_drop_refused(title, self.tr(
                "Your changes to the import of %1 cannot be kept in the configuration yet, "
                "and opening another file drops them."), self.tr(
                "&Discard the changes and open"), refused, kept if unsaved else "")
        if session.opening_drops_config(path):
            target = self._config_target()
            if session.hand_changes_unsaved():
                text = self.tr("Your changes to the configuration (its reading, action, mapping "
                               "or XML) are not saved, and opening another file drops them. "
                               "Save the configuration %1 first?")
                discard = self.tr("&Discard the changes and open")
            else:
                text = self.tr("The configuration this import was committed with (how its file "
                               "is read, its action and mapping) is saved nowhere, and opening "
                               "another file drops it. Save it %1 first, to find it under "
                               "Saved configurations?")
                discard = self.tr("Open &without saving")
            text = arg(text, self._where(target))
            answer = ask(self, title, f"{kept} {text}" if unsaved else text,
                         [self.tr("&Save the configuration and open"), discard,
                          self.tr("Cancel")], escape=2)
            if answer == 0:
                self._save_config(target, title, lambda: self._open_saved(path))
            return answer == 1
        if not unsaved:
            return True
        answer = ask(self, title, kept, [self.tr("&Keep them and open", "", unsaved),
                                         self.tr("&Discard them and open", "", unsaved),
                                         self.tr("Cancel")])
        if answer == 1:
            session.discard_corrections()
        return answer != 2

    def may_edit_import(self) -> bool:
        """Asked before the open page's Import box shows another import: the pages' changes
        to the one edited go into the configuration, as going on would write them; those it
        cannot take yet (a mapping not complete, XML not valid) are dropped once the user
        agreed, else the edited import stays. True when another import may be shown."""
        refused = self._refused_edits()
        return not refused or self._may_drop_refused(
            self.tr("Show another import?"), self.tr(
                "Your changes to the import of %1 cannot be kept in the configuration yet, "
                "and showing another import drops them."),
            self.tr("&Discard the changes and switch"), refused)

    def _may_drop_refused(self, title: str, drops: str, discard: str, refused: list[str],
                          before: str = "", after: str = "",
                          save: tuple[str, Callable[[], object]] | None = None) -> bool:
        """Ask whether the pages' changes the configuration cannot take yet (``refused``,
        a line each with why) are dropped: ``drops`` says what drops them (%1: the edited
        import's file), between ``before`` and ``after`` if any; ``save``, a first answer
        that saves something else in the background, which drops them once saved (its label,
        and the saving's start). True once dropped, False to stay."""
        session = self.state.session
        data_file = session.data_file()
        name = data_file.name if data_file else session.current_import().provider.file_name
        text = " ".join(filter(None, [before, arg(drops, name), after]))
        answers = [discard, self.tr("Cancel")] if save is None else [
            save[0], discard, self.tr("Cancel")]
        answer = ask(self, title, "\n\n".join([text, *refused]), answers,
                     escape=len(answers) - 1)
        if answer == len(answers) - 1:
            return False
        if save is not None and answer == 0:
            save[1]()  # in the background, which drops them once saved
            return False
        self.mapping_page.drop_unwritten()
        self.config_page.drop_unwritten()
        return True

    def may_stop_commit(self) -> bool:
        """While a commit runs: stop it (nothing is written) or stay. True when none runs
        any more."""
        return self._may_stop([self.commit_page])

    def may_stop_writing(self) -> bool:
        """Before the window goes: each work writing the store (a commit, a revert from a
        store browser) stopped, once the user agreed. True when none runs any more."""
        return self._may_stop(self.state.writing())

    def _may_stop(self, writers: list[Writer]) -> bool:
        """Ask about each of ``writers`` still writing, in its own words: stop it (nothing
        of it is written) or stay. True when none of them writes any more."""
        return all(stop_asked(self, writer) for writer in writers if writer.writes_store())

    def may_drop_unsaved(self, title: str, drops: str, discard: Callable[[int], str],
                         again: Callable[[], object], leave: str) -> bool:
        """Corrections or changes to the configuration not saved (asked once for both): save
        a corrected copy of each file beside it and the configuration, discard them (the
        answer ``discard`` words for how many things it drops), or stay; when the pages'
        changes cannot be kept yet (``drops`` says so, as ``_may_drop_refused`` takes it),
        they are only dropped, the corrections saved first or not. A configuration rows were
        committed with, never saved and not changed by hand, is offered for saving alone,
        ``leave`` going on without. True when the user may go on; False to stay, or until
        what is saved in the background is, ``again`` (the user's request) then made once it
        is."""
        if self._after_the_save(again):
            return False
        if self._answered:
            return True
        session = self.state.session
        unsaved = session.unsaved_corrections()
        refused = self._refused_edits()
        if refused:
            lost, save = "", None
            if unsaved:
                lost = self.tr(
                    "%Ln correction(s) of the preview, neither committed nor saved in a "
                    "corrected copy of their file, would be lost too.", "", unsaved)
                copies = self._copy_targets()
                save = (self.tr("&Save the corrected copy(ies), drop the changes", "",
                                len(copies)),
                        lambda: self._save_copies(copies, title, again, self._drop_copied))
            if not self._may_drop_refused(title, drops, discard(dropped(unsaved, True)),
                                          refused, after=lost, save=save):
                return False
            session.discard_corrections()
            return True
        config = self._config_target() if session.unsaved_config() else None
        if not unsaved and config is None:
            return True
        copies = self._copy_targets()
        names = ", ".join(target.name for target in copies.values())
        discarding = discard(dropped(unsaved, config is not None))
        if config is None:
            text = arg(self.tr(
                "%Ln correction(s) of the preview are neither committed nor saved in a "
                "corrected copy of their file. Save them in %1, beside the file they "
                "correct?", "", unsaved), names)
            save = self.tr("&Save the corrected copy(ies)", "", len(copies))
        elif not unsaved and not session.hand_changes_unsaved():
            text = arg(self.tr("The configuration this import was committed with (how its file "
                               "is read, its action and mapping) is saved nowhere: next time, "
                               "the file's columns would have to be checked again. Save it %1, "
                               "to find it under Saved configurations?"), self._where(config))
            save, discarding = self.tr("&Save the configuration"), leave
        elif not unsaved:
            text = arg(self.tr("Your changes to the configuration (its reading, action, mapping "
                               "or XML) are not saved. Save the configuration %1, to use it "
                               "again?"),
                       self._where(config))
            save = self.tr("&Save the configuration")
        else:
            text = arg(self.tr(
                "%Ln correction(s) of the preview are neither committed nor saved in a "
                "corrected copy of their file, and your changes to the configuration (its "
                "reading, action, mapping or XML) are not saved either. Save the corrections "
                "in %1, beside the file they correct, and the configuration %2?", "", unsaved),
                names, self._where(config))
            save = self.tr("&Save the copy(ies) and the configuration", "", len(copies))
        answer = ask(self, title, text, [save, discarding, self.tr("Cancel")], escape=2)
        if answer == 2:
            return False
        if answer == 1:
            session.discard_corrections()
            return True
        if not unsaved:
            assert config is not None  # something is unsaved
            self._save_config(config, title, again)
        else:
            self._save_copies(copies, title, again, None if config is None else (
                lambda request: self._save_config(config, title, request)))
        return False

    def _save_copies(self, targets: dict[Path, Path], title: str, again: Callable[[], object],
                     then: Callable[[Callable[[], object]], object] | None = None) -> None:
        """Each corrected file's copy written at its target in the background, its progress
        and Cancel shown beside the wizard, which is out of the user's hands meanwhile (no
        correction changes what is written). Once all are written, ``then`` (more to do
        first, given the user's request: ``again``, or the newest asked for meanwhile),
        else that request. A copy that cannot be written is said, a cancelled one is not;
        the window then stays, the copy not written left as it was."""
        session = self.state.session
        try:
            writes = [(file, session.corrected_copy(file, target))
                      for file, target in targets.items()]
        except ImporterError as exc:
            ask(self, title, message_text(exc.message), [self.tr("OK")])
            return
        written: list[Path] = []

        def work(monitor: Monitor) -> None:
            for file, write in writes:
                write(monitor)
                written.append(file)

        def ended(error: ImporterError | None) -> None:
            session.choices.corrections.mark_saved(written)  # those written, whatever follows
            request, self._after_saving = self._after_saving, None
            self._copies_ended()
            if error is None and request is not None:
                request() if then is None else then(request)
            elif error is not None and not isinstance(error, Cancelled):
                ask(self, title, message_text(error.message), [self.tr("OK")])

        self._after_saving = again
        self._hold()
        self._copies_shown = SavingCopies(self.copy_runner, len(writes), self._beside())
        self._copies_shown.start()
        self.copy_runner.run(work, lambda _none: ended(None), ended)

    def _beside(self) -> QWidget | None:
        """The window a dialog shown while the wizard is greyed out belongs to: the main
        window (a child of the wizard would be greyed out with it)."""
        window = self.window()
        return window if window is not self else None

    def _copies_ended(self) -> None:
        """The copies' progress gone, the wizard back in the user's hands."""
        shown, self._copies_shown = self._copies_shown, None
        if shown is not None:
            shown.hide()  # not closed: closing says Cancel
            shown.deleteLater()
        self._give_back()

    def _drop_copied(self, request: Callable[[], object]) -> None:
        """The corrections saved in their copies: the pages' changes the configuration
        cannot take yet dropped, as the user answered, then ``request`` made."""
        self.mapping_page.drop_unwritten()
        self.config_page.drop_unwritten()
        self.state.session.discard_corrections()
        self._answered = True  # what else the configuration holds unsaved goes, as before
        try:
            request()
        finally:
            self._answered = False

    def _save_config(self, target: Path, title: str, then: Callable[[], object]) -> None:
        """The configuration, as the page shown has it, saved at ``target`` in the
        background, the wizard out of the user's hands meanwhile (nothing changes what is
        being written); ``then`` once saved. Why it cannot be is said, the window left as
        it was; nothing is done when the user kept a file changed on disk."""
        def ended(failed: str | None) -> None:
            if failed is not None:
                self._after_saving = None
                ask(self, title, message_text(failed), [self.tr("OK")])

        try:
            self._write_page_edits()
            started = self.config_page.write_config(target, ended)
        except ImporterError as exc:
            ask(self, title, message_text(exc.message), [self.tr("OK")])
            return
        if started:
            self._after_saving = then
            self._hold()

    def _hold(self) -> None:
        """The wizard out of the user's hands while something is saved, the keyboard's
        place kept for when it is back (``_give_back``)."""
        if self.isEnabled():
            self._focus_kept = QApplication.focusWidget()
            self.setEnabled(False)

    def _give_back(self) -> None:
        """The wizard back in the user's hands, the keyboard where it was."""
        if not self.isEnabled():
            self.setEnabled(True)
            kept, self._focus_kept = self._focus_kept, None
            if kept is not None and shiboken6.isValid(kept) and kept.isVisible():
                kept.setFocus(Qt.FocusReason.OtherFocusReason)  # where the user was

    def _later(self, then: Callable[[], object]) -> bool:
        """While the configuration is saved in the background: ``then`` (what the user
        asked for) done once it is saved, the newest request replacing an earlier one, and
        True; False when no save runs."""
        if not (self.config_page.saving or self.copy_runner.busy):
            return False
        self._after_saving = then
        return True

    def _after_the_save(self, then: Callable[[], object]) -> bool:
        """Before the configuration or corrections are asked about (quitting, opening,
        starting anew): while a save runs (Save as…, a question's, Back's, Next's, the
        corrected copies), ``then`` is done once it ends, its outcome deciding what is
        still unsaved, the wizard out of the user's hands meanwhile, and True; False when
        none runs."""
        if not self._later(then):
            return False
        self._hold()
        return True

    def _saving_ended(self) -> None:
        """The configuration saved (or not: said): the wizard back in the user's hands, and
        what they asked for meanwhile done."""
        self._give_back()
        then, self._after_saving = self._after_saving, None
        if then is not None:
            then()

    def _open_saved(self, path: Path) -> None:
        """``path`` opened once the configuration was saved, as the user answered; asked
        anew only about what changed meanwhile."""
        if self.state.session.opening_drops_config(path):
            self.open_file(path)
        elif self.may_stop_commit():
            if self.currentId() != OPEN:
                self.restart()
            self.open_page.open_path(path)

    def _write_page_edits(self) -> None:
        """What the pages hold of the configuration written into it (``_write_pages``);
        ImporterError, the first page's, when some of it cannot be."""
        refused = self._write_pages()
        if refused:
            raise refused[0][1]

    def _write_pages(self) -> list[tuple[str, ImporterError]]:
        """What the pages hold of the configuration written into it, as going on would: the
        action chosen, the columns mapped (on the page shown, or on the mapping page left by
        Back before they made a mapping Next takes), the XML typed (on the page shown, or
        left by Back not valid yet). Each page's that cannot be: a line saying why, and
        its error."""
        page = self.currentPage()
        if page is self.action_page:
            self.action_page.save()
        refused = []
        if page is self.mapping_page or self.mapping_page.unwritten():
            try:
                self.mapping_page.save()
            except ImporterError as exc:
                refused.append((arg(self.tr("The mapping: %1"), message_text(exc.message)), exc))
        if page is self.config_page or self.config_page.unwritten():
            try:
                self.config_page.settle()
            except ImporterError as exc:
                refused.append((arg(self.tr("The XML: %1"), self.config_page.refusal()), exc))
        return refused

    def _refused_edits(self) -> list[str]:
        """Before the wizard leaves the import edited, keeping the configuration: the pages'
        changes to it written into it; those it cannot take yet (a mapping not complete,
        XML not valid), which would be lost, a line each with why."""
        if not self.state.session.unsaved_config():
            return []
        return [line for line, _error in self._write_pages()]

    def _config_target(self) -> Path:
        """Where the configuration is saved on the way out: the file it was opened from (or
        saved to), else the library, under its data file's name (one no configuration there
        has yet)."""
        choices = self.state.choices
        if choices.config_path is not None:
            return choices.config_path
        stem = library_name_for(choices.data_files[0] if choices.data_files else None) \
            or "configuration"
        target, n = self.settings.library_path(stem), 1
        while target.exists():
            n += 1
            target = self.settings.library_path(f"{stem} {n}")
        return target

    def _where(self, target: Path) -> str:
        """Where ``target`` is, as the question says it: in the library by its name, else
        by the file's name."""
        if target.parent == library_dir():
            return arg(self.tr("in your library as “%1”"), target.stem)
        return arg(self.tr("in %1"), target.name)

    def _copy_targets(self) -> dict[Path, Path]:
        """Where each corrected file's copy goes when saved on the way out: beside it,
        under a name no file has yet."""
        targets: dict[Path, Path] = {}
        for file in self.state.session.corrected_files():
            target, n = file.parent / corrected_name(file), 1
            while target.exists():
                n += 1
                name = corrected_name(file)
                stem, suffix = name.rsplit(".", 1)
                target = file.parent / f"{stem}-{n}.{suffix}"
            targets[file] = target
        return targets

    def stop_work(self) -> None:
        """Stop whatever runs in the background and wait for it, so that nothing is left
        writing (or reporting to a window that is gone) once the window closes. A save
        running is not stopped: it ends, written whole."""
        self.config_page.finish_saving()
        runners = (self.open_page.runner, self.config_page.runner, self.preview_page.runner,
                   self.preview_page.export_runner, self.commit_page.runner, self.copy_runner)
        busy = [runner for runner in runners if runner.busy]
        for runner in busy:
            runner.cancel()
        for runner in busy:
            runner.wait()
        self.commit_page.close_browsers()
        QApplication.processEvents()  # their outcomes, while the pages still exist

    def go_back(self) -> None:
        """The Back button: during a commit, only once the user agreed to stop it; what the
        page holds of the configuration is kept (``BasePage.going_back``)."""
        if self.currentId() == COMMIT and not self.may_stop_commit():
            return
        page = self.currentPage()
        if isinstance(page, BasePage):
            page.going_back()
        self.back()

    def edit_mapping(self, index: int) -> None:
        """From the preview, the mapping page of the configuration's import ``index``: that
        import edited, as the open page's Import box makes it, its action page then its
        mapping shown as Next shows them; Next from there goes on as usual. The pages in
        between are left as Back leaves them, never shown on the way."""
        if self.currentId() != PREVIEW:
            return
        self.preview_page.going_back()
        while self.currentId() > ACTION:
            super().back()  # the pages passed by are made again when Next reaches them
        self.open_page.edit_import_later(index)
        self.initializePage(ACTION)
        self.next()

    def back(self) -> None:
        """Back to the page before, initialised first if the run to the preview only
        passed through it. While a configuration is saved, once it is: the earlier pages
        change in place the configuration it copies."""
        if self._later(self.back):
            return
        visited = self.visitedIds()
        if len(visited) >= 2:
            self._initialise_passed(visited[-2])
        super().back()

    def initializePage(self, page_id: int) -> None:
        """Each page as the wizard goes on to it; one the run to the preview passes through
        waits until the user comes Back to it (shown only to be left, its rows, XML and
        highlighting would be made for nothing, the window waiting)."""
        page = self.page(page_id)
        if self.fast_forward and page_id < PREVIEW and isinstance(page, BasePage):
            page.pass_by()
            return
        if isinstance(page, BasePage):
            page.passed_through = False
        super().initializePage(page_id)

    def _initialise_passed(self, page_id: int) -> None:
        """The page at ``page_id`` initialised, if the run to the preview passed it by."""
        page = self.page(page_id)
        if isinstance(page, BasePage) and page.passed_through:
            page.passed_through = False
            page.initializePage()

    # --- the keyboard -------------------------------------------------------------------

    def _focus_page(self) -> None:
        """The keyboard on the page shown, on the action chosen among radio buttons.

        Qt gives a new page its first control, even hidden (the mapping's "Go on without
        them"): the keyboard then stays on the page left, unseen, where a key still changes
        the action or types into the XML."""
        if self.currentPage() is None:  # restart() passes by no page
            return
        focus = QApplication.focusWidget()
        if focus is None or not focus.isVisible() or not self.isAncestorOf(focus):
            focus = self._first_control()
        group = focus.group() if isinstance(focus, QAbstractButton) else None
        if group is not None and group.exclusive() and group.checkedButton() is not None:
            focus = group.checkedButton()
        if focus is not None and focus is not QApplication.focusWidget():
            focus.setFocus(Qt.FocusReason.TabFocusReason)

    def _first_control(self) -> QWidget | None:
        """The page's first control Tab reaches, else the wizard's Next, Commit or Finish
        button shown.

        The page's own widgets are asked, in the order it made them, not the window's focus
        chain: walking the whole chain (on the open page after Finish, its controls not
        shown yet) made a Python object for every widget of the window, and the wizard's
        Next button was found deleted by Python afterwards
        (tests/ui/test_user_journey.py)."""
        page = self.currentPage()
        for widget in page.findChildren(QWidget):  # in the order the page made them
            if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible()
                    and widget.isEnabled()):
                return widget
        return next((button for button in self._forward_buttons() if button.isVisible()),
                    None)

    def _forward_buttons(self) -> list[QAbstractButton]:
        """The wizard's buttons that go on."""
        return [self.button(which) for which in (QWizard.WizardButton.NextButton,
                                                 QWizard.WizardButton.CommitButton,
                                                 QWizard.WizardButton.FinishButton)]

    # --- QWizard ------------------------------------------------------------------------

    def validateCurrentPage(self) -> bool:
        """Next (or Commit) goes on once a configuration being saved is written: the pages
        after it change in place the configuration it copies."""
        if self._later(self.next):
            return False
        return super().validateCurrentPage()

    def done(self, result: int) -> None:
        """Finishing starts a new import; the wizard never closes itself (it is the window)."""
        if result == QWizard.DialogCode.Accepted:
            self.new_import()

    def reject(self) -> None:
        """Escape (the wizard is the window: it never closes) stops the file being opened,
        the check or the commit running on the page, as its Cancel button does."""
        if self.currentId() == OPEN:
            self.open_page.cancel()
        elif self.currentId() == PREVIEW:
            self.preview_page.cancel()
        elif self.currentId() == COMMIT:
            self.commit_page.cancel()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept a single file the wizard can open."""
        paths = _dropped_paths(event)
        if len(paths) == 1 and droppable(paths[0]):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open the dropped file."""
        paths = _dropped_paths(event)
        if len(paths) == 1 and droppable(paths[0]):
            event.acceptProposedAction()
            self.open_file(paths[0])


def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """Local files carried by a drag."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
