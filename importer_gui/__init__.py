"""Import Assistant: check and commit training-catalogue spreadsheets on the desktop."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``__version__``, looked up on first use: importlib.metadata slows every CLI start."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("importer-gui")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        version = "0.0.0+source"
    globals()["__version__"] = version
    return version
