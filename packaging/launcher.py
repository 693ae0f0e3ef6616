"""The frozen application's entry script: the same ``main`` as ``python -m importer_gui``."""

import sys

from importer_gui.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
