"""Asking the user before something is lost or done: one question, a button per answer.

Every such question goes through ``ask``, so that the window asks them all alike, and the
tests can answer them (``answer_with``) without a dialog waiting on a screen nobody sees.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

# (parent, title, text, answers, the answer Escape gives) -> the answer chosen.
Asker = Callable[[QWidget | None, str, str, Sequence[str], int], int]


def _message_box(parent: QWidget | None, title: str, text: str, answers: Sequence[str],
                 escape: int) -> int:
    """A question in a message box; the first answer is the default one."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    buttons = [box.addButton(answer, QMessageBox.ButtonRole.ActionRole) for answer in answers]
    box.setDefaultButton(buttons[0])
    box.setEscapeButton(buttons[escape])
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return buttons.index(clicked) if clicked in buttons else escape


_asker: Asker = _message_box


def ask(parent: QWidget | None, title: str, text: str, answers: Sequence[str], *,
        escape: int = -1) -> int:
    """Ask ``text`` with one button per answer (the first is the default, Escape gives
    ``answers[escape]``, the last one unless said); the index of the answer chosen."""
    return _asker(parent, title, text, list(answers), escape % len(answers))


def answer_with(asker: Asker) -> Asker:
    """Let ``asker`` answer every question from now on (tests); what answered before."""
    global _asker
    before, _asker = _asker, asker
    return before
