"""Where the application's read-only resources (icons, the sample) are, frozen or not."""

from __future__ import annotations

import sys
from pathlib import Path

# The repository's resources/ folder sits next to the package in a source tree or an editable
# install; the PyInstaller spec copies it to <bundle>/resources.
_SOURCE_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resources_dir() -> Path:
    """The resources/ folder: inside the frozen bundle when frozen, else the repository's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return _SOURCE_RESOURCES


def resource_path(*parts: str) -> Path:
    """A path inside resources/, e.g. ``resource_path("icons", "import-assistant-32.png")``."""
    return resources_dir().joinpath(*parts)


def sample_config_path() -> Path:
    """The sample configuration shipped in resources/sample/."""
    return resource_path("sample", "sample-config.xml")
