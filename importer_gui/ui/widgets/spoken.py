"""Lines a screen reader announces as their text changes: a status or message appears
where the user is not looking, and without this she would hear it only by going to it."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, Qt, QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QWidget

from importer_gui.ui.styles import Look, look_of

Politeness = QAccessible.AnnouncementPoliteness


def announce(widget: QWidget, text: str, politeness: Politeness) -> None:
    """Have a screen reader say ``text`` for ``widget``: after what it is saying (polite), or
    at once, interrupting it (assertive)."""
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(politeness)
    QAccessible.updateAccessibility(event)


def announce_in_sight(widget: QWidget, text: str,
                      politeness: Politeness = Politeness.Polite) -> None:
    """Announce ``text`` for ``widget`` as a spoken line does: only while it is in sight,
    and only when there is something to say."""
    if text and widget.isVisible():
        announce(widget, text, politeness)


def plain_text(label: QLabel) -> str:
    """What ``label`` shows, without the markup of rich text."""
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text))
    return QTextDocumentFragment.fromHtml(text).toPlainText() if rich else text


class SpokenLine(QLabel):
    """A label whose new text is announced while it is in sight: a text set that differs
    from the one before, or a hidden line shown. An error is said at once, anything else
    when the screen reader is done: the same text set again (progress reports, a tick at a
    time) is said once."""

    def setText(self, text: str) -> None:
        """Show ``text``, announced when it is new and the line is in sight."""
        changed = text != self.text()
        super().setText(text)
        if changed and self.isVisible():
            self._announce()

    def show_unsaid(self, text: str) -> None:
        """Show ``text`` without announcing it: its owner says it when it matters (``say``)."""
        super().setText(text)

    def say(self, politeness: Politeness) -> None:
        """Announce the text shown, when in sight, with ``politeness``."""
        announce_in_sight(self, plain_text(self), politeness)

    def setVisible(self, visible: bool) -> None:  # show() and hide() call it
        """Show or hide the line; shown again, its text is announced."""
        appearing = visible and self.isHidden()
        super().setVisible(visible)
        if appearing and self.isVisible():
            self._announce()

    def _announce(self) -> None:
        text = plain_text(self)
        if text:
            announce(self, text, Politeness.Assertive if look_of(self) is Look.ERROR
                     else Politeness.Polite)
