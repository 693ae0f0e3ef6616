"""``python -m importer_gui``: the command line, or the wizard when given no command."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line (which opens the wizard when there is no command)."""
    from importer_gui.cli import main_process

    return main_process(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
