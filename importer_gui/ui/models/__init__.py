"""Table models over the core's plans and store: index arrays, no per-row Qt objects."""

from importer_gui.ui.models.preview_model import PreviewModel, RowFilter

__all__ = ["PreviewModel", "RowFilter"]
