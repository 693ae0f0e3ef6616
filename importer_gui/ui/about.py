"""The About dialog: the icon, the name, versions and where the user's data lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from importer_gui.about import APP_DISPLAY_NAME, version_text
from importer_gui.ui.i18n import arg, translate
from importer_gui.ui.icons import app_icon

ICON_PIXELS = 64


class AboutDialog(QDialog):
    """Shows version_text() (versions; the store, configurations and log) as selectable text,
    so users can paste it into a support request."""

    def __init__(self, store_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(arg(self.tr("About %1"), APP_DISPLAY_NAME))
        self.setWindowIcon(app_icon())
        self.icon_label = QLabel()
        self.icon_label.setPixmap(app_icon().pixmap(ICON_PIXELS, ICON_PIXELS))
        self.name_label = QLabel(APP_DISPLAY_NAME)
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.blurb_label = QLabel(
            self.tr("Checks training-catalogue spreadsheets against an import configuration "
                    "before anything is committed."))
        self.blurb_label.setWordWrap(True)
        details = version_text(store_path, lambda line: translate("About", line))
        self.details_label = QLabel(details)
        self.details_label.setObjectName("aboutDetails")
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        # A Tab stop (Qt gives selectable text click focus only): read and selected from the
        # keyboard too, by a screen reader's user as by anyone.
        self.details_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details_label.setAccessibleName(self.tr("Version details"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.copy_button = self.buttons.addButton(self.tr("&Copy details"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("copyDetails")
        self.copy_button.setToolTip(self.tr("Copy these details, to paste them into a "
                                            "support request"))
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        self._lay_out()
        # Enter closes it, from the details too (made so once in the dialog: the dialog keeps
        # it as the one to go back to).
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)

    def showEvent(self, event: QShowEvent) -> None:
        """The keyboard on Close (Qt would put it on the details, first in the chain): Enter
        and Space close the dialog at once."""
        super().showEvent(event)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()

    def _lay_out(self) -> None:
        """Icon on the left; name, blurb and details on the right; Copy details and Close at
        the bottom."""
        text = QVBoxLayout()
        text.addWidget(self.name_label)
        text.addWidget(self.blurb_label)
        text.addSpacing(8)
        text.addWidget(self.details_label)
        top = QHBoxLayout()
        top.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(12)
        top.addLayout(text, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self.buttons)
        # Tab as they are read: the details, then Copy details, then Close.
        QWidget.setTabOrder(self.details_label, self.copy_button)
        QWidget.setTabOrder(self.copy_button,
                            self.buttons.button(QDialogButtonBox.StandardButton.Close))
