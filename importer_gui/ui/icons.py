"""The application icon, loaded from resources/icons at every rendered size."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from importer_gui.resources import resource_path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_file(size: int) -> str:
    """The path of the application icon's PNG at ``size`` pixels."""
    return str(resource_path("icons", f"import-assistant-{size}.png"))


def app_icon() -> QIcon:
    """The application icon; PNGs at every size so no SVG plugin is needed (frozen app too)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(icon_file(size), QSize(size, size))
    return icon
