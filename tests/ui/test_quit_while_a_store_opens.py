"""Quitting while a store is still being opened on a server that never answers: the worker
that ends afterwards has nobody to tell, and says nothing (no traceback on the way out)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

QUIT_WHILE_OPENING = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from importer_gui.core.store.location import PostgresUrl
    from importer_gui.ui.store_browser import StoreBrowser

    app = QApplication([])
    browser = StoreBrowser(None, None, location=PostgresUrl(sys.argv[1]))
    browser.show()
    QTimer.singleShot(300, app.quit)
    app.exec()
""")


def test_quitting_while_a_store_opens_prints_no_traceback(tmp_path: Path) -> None:
    with socket.socket() as listening:  # a server that takes connections, never answers
        listening.bind(("127.0.0.1", 0))
        listening.listen(8)
        url = f"postgresql://nobody@127.0.0.1:{listening.getsockname()[1]}/team?connect_timeout=2"
        script = tmp_path / "quit.py"
        script.write_text(QUIT_WHILE_OPENING, encoding="utf-8")
        done = subprocess.run([sys.executable, str(script), url], capture_output=True,
                              text=True, timeout=60, cwd=Path(__file__).parents[2],
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "Error calling Python override" not in done.stderr
