"""A box holding a file's path: a name whose bytes are no UTF-8 (a Latin-1 disk's) is shown
with escapes (``paths.readable``), since Qt drops lone surrogates, and given back whole."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QWidget

from importer_gui.core.paths import readable


class PathEdit(QLineEdit):
    """A line edit whose path, put in by ``set_path``, is read back by ``path_text``: its
    shown text (d\\xe9) names no file, the path kept aside does."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path = ""

    def set_path(self, path: Path | str) -> None:
        """Show ``path``, kept whole until the user types another."""
        self._path = str(path)
        self.setText(readable(self._path))

    def path_text(self) -> str:
        """The path the box names, stripped: the one put in while its text is still shown,
        else what was typed."""
        text = self.text().strip()
        return self._path.strip() if text and text == readable(self._path).strip() else text
