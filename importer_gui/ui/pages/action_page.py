"""Page 2: which action the file feeds."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from importer_gui.core.catalogue import ACTIONS, TEACHER_ACTION, ActionSpec
from importer_gui.core.config import Action
from importer_gui.core.errors import ImporterError
from importer_gui.core.suggest import likely_action
from importer_gui.ui.labels import catalogue_text
from importer_gui.ui.pages.base import BasePage, first_action, read_head
from importer_gui.ui.state import WizardState
from importer_gui.ui.styles import Look, Text, colour, on_scheme_change, set_look


class ActionPage(BasePage):
    """A radio list of the actions, each with one line on what it does."""

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setTitle(self.tr("What does the file feed?"))
        self.setSubTitle(self.tr("Choose the action the platform runs on every row."))
        self.add_import_line()
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        # The list scrolls on a short screen (a laptop at 125 %) rather than squeezing its
        # summaries, and the teachers' note, into fewer lines than their words take.
        self.list_area = QScrollArea(self)
        self.list_area.setObjectName("actionList")
        self.list_area.setFrameShape(QFrame.Shape.NoFrame)
        self.list_area.setWidgetResizable(True)
        self.list_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its actions are the Tab stops
        self.list_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        listed = QWidget(self.list_area)
        self.listed = QVBoxLayout(listed)
        self.listed.setContentsMargins(0, 0, 0, 0)
        # Said where the teachers' action is chosen (issue 15): they are no learners.
        self.teacher_note = QLabel(self.tr(
            "Teachers are back-office users, for whom the platform has no import: this action "
            "is Import Assistant's own. It tells the store who the teachers are (sessions and "
            "interventions name them by login) and stays out of the package sent to the "
            "platform. Learners are kept apart: import them with the learners' action."), listed)
        self.teacher_note.setObjectName("teacherNote")
        self.teacher_note.setWordWrap(True)
        set_look(self.teacher_note, Look.NOTICE)
        self.teacher_note.hide()
        self._summaries: list[tuple[QLabel, ActionSpec]] = []
        for number, spec in enumerate(ACTIONS.values(), start=1):
            self._add_action(number, spec, listed)
        on_scheme_change(self._write_summaries)
        self.listed.addStretch(1)
        self.list_area.setWidget(listed)
        self.body.addWidget(self.list_area)
        self._proposed: str | None = None  # the action the page chose on arriving
        self.group.buttonClicked.connect(self._chosen)
        self.group.buttonToggled.connect(lambda *_: self.completeChanged.emit())
        self.group.buttonToggled.connect(self._show_choice)

    def _add_action(self, number: int, spec: ActionSpec, listed: QWidget) -> None:
        """One radio button (with a mnemonic digit) and its summary below it."""
        button = QRadioButton(f"&{number} {catalogue_text(spec.label)}", listed)
        button.setObjectName(spec.name)
        button.setToolTip(spec.name)
        summary = QLabel(_summary_text(spec), listed)
        summary.setWordWrap(True)
        summary.setContentsMargins(26, 0, 0, 10)  # under the button's text, not its circle
        self._summaries.append((summary, spec))
        self.group.addButton(button)
        self.buttons[spec.name] = button
        self.listed.addWidget(button)
        self.listed.addWidget(summary)
        if spec.name == TEACHER_ACTION.name:
            self.listed.addWidget(self.teacher_note)

    def _write_summaries(self) -> None:
        """The summaries again, their action names muted in the scheme now in use."""
        for summary, spec in self._summaries:
            summary.setText(_summary_text(spec))

    def _show_choice(self) -> None:
        """The teachers' note with their action; the chosen action, and its note, in sight
        once the list is laid out again."""
        self.teacher_note.setVisible(self.selected() == TEACHER_ACTION.name)
        button = self.group.checkedButton()
        if button is not None:
            shown = self.teacher_note if self.teacher_note.isVisibleTo(self) else button
            QTimer.singleShot(0, self, lambda: self._bring_into_sight(button, shown))

    def _bring_into_sight(self, button: QRadioButton, last: QWidget) -> None:
        """Scroll so that ``last`` shows, then ``button`` (above it) if it scrolled away."""
        self.list_area.ensureWidgetVisible(last, 0, 0)
        self.list_area.ensureWidgetVisible(button, 0, 0)

    def selected(self) -> str | None:
        """The chosen action's name."""
        button = self.group.checkedButton()
        return button.objectName() if button is not None else None

    def select(self, name: str) -> None:
        """Choose an action (as a click would)."""
        self.buttons[name].setChecked(True)

    def pass_by(self) -> None:
        """Passed by, the page is shown and left within one step of the wizard: its list is
        hidden meanwhile, or the scroll area would lay out every summary's rich text, at
        several widths, for a page no one sees; ``initializePage`` shows it again."""
        super().pass_by()
        self.list_area.hide()

    def initializePage(self) -> None:
        """The configuration's action, else the one the headers suggest."""
        self.show_import_line()
        action = first_action(self.current_import())
        name = action.name if action is not None and action.name in ACTIONS else None
        if name is None:
            data_file = self.data_file()
            name = likely_action(self._headers(), data_file.name if data_file else None,
                                 self.current_import().provider.sheet)
        if name is not None:
            self.select(name)
        self._proposed = self.selected()
        self.list_area.show()  # laid out once, with the action chosen

    def _chosen(self) -> None:
        """An action the user chose other than the one the page proposed (configured or
        guessed) is a change to the configuration to save."""
        if self.selected() != self._proposed:
            self.session.config_edited_by_hand()

    def _headers(self) -> list[str] | None:
        """The file's headers, when readable."""
        data_file = self.data_file()
        if data_file is None:
            return None
        try:
            return read_head(self.current_import().provider, data_file, 1)[0]
        except ImporterError:
            return None

    def isComplete(self) -> bool:
        """An action must be chosen."""
        return self.selected() is not None

    def going_back(self) -> None:
        """Back: an action the user chose is the import's, as Next would make it; the page's
        own guess is made afresh, from the file as then read."""
        if self.selected() != self._proposed:
            self.save()

    def save(self) -> None:
        """Set the import's (first) action; a different action starts its mapping afresh."""
        name = self.selected()
        if name is None:
            return
        imp = self.current_import()
        action = first_action(imp)
        if action is not None and action.name == name:
            return
        if action is None:
            imp.actions.append(Action(name))
        else:
            imp.actions[0] = Action(name)
            imp.provider.columns = []  # fields of another action: suggest again
        self.session.set_config(self.session.choices.config)


def _summary_text(spec: ActionSpec) -> str:
    """Rich text: what an action does, then its name (muted), as the platform knows it."""
    return (f"{catalogue_text(spec.summary)} <span style='color:{colour(Text.MUTED)}'>"
            f"({spec.name})</span>")
