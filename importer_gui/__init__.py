"""Import Assistant: check and commit training-catalogue spreadsheets on the desktop."""

from importlib import metadata

try:
    __version__ = metadata.version("importer-gui")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
