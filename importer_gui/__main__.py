"""``python -m importer_gui``: the command line, or the wizard when given no command."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line (which opens the wizard when there is no command).

    Ctrl+C or SIGTERM while the command line's modules load (its first tenth of a second,
    before the command's own handler) ends it as they do during the command: "interrupted."
    and exit 2, not a traceback.
    """
    try:
        from importer_gui.core import interrupts

        interrupts.raise_from_now_on()
        from importer_gui.cli import main_process

        interrupts.raise_if_dropped()  # one that came while a module loaded, dropped there
    except KeyboardInterrupt:
        from importer_gui.core import interrupts

        interrupts.ignore()  # a Ctrl+C held down: the modules load again, to say it
        from importer_gui.cli import interrupted

        return interrupted()
    return main_process(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
