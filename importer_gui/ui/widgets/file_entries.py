"""A list of files, each shown as its name then its folder: where the list is narrow the
folder is elided and the name stays whole; the whole path is in the tooltip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QStandardItem
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from importer_gui.core.paths import readable

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
FOLDER_ROLE = Qt.ItemDataRole.UserRole + 2
BETWEEN = " — "


def file_entry(path: Path, folder: str) -> QStandardItem:
    """An entry for ``path``, its folder written as ``folder``; read-only."""
    name = readable(path.name)
    item = QStandardItem(f"{name}{BETWEEN}{folder}")
    item.setEditable(False)
    item.setData(name, NAME_ROLE)
    item.setData(folder, FOLDER_ROLE)
    item.setToolTip(readable(path))
    return item


def fitted_entry(metrics: QFontMetrics, name: str, folder: str, width: int) -> str:
    """``name — folder`` in ``width``: the folder loses its start first (its last folders
    tell most), the name its middle only once not even "…" of the folder fits."""
    whole = f"{name}{BETWEEN}{folder}"
    if metrics.horizontalAdvance(whole) <= width:
        return whole
    left = width - metrics.horizontalAdvance(f"{name}{BETWEEN}")
    shown = metrics.elidedText(folder, Qt.TextElideMode.ElideLeft, left) if left > 0 else ""
    if shown:
        return f"{name}{BETWEEN}{shown}"
    return metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, width)


class FileEntries(QStyledItemDelegate):
    """Draws entries made by ``file_entry`` fitted to the list's width."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        name, folder = index.data(NAME_ROLE), index.data(FOLDER_ROLE)
        if not isinstance(name, str) or not isinstance(folder, str) or option.rect.width() <= 0:
            return
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget)
        # The style keeps a margin either side of the text it draws.
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        option.text = fitted_entry(option.fontMetrics, name, folder,
                                   text.width() - 2 * margin)
