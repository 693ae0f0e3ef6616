"""A deterministic platform export for the refresh benchmark: trainings and their sessions.

``write(n)`` writes ``export-config.xml`` (what ``importer-gui export-config`` writes) and the
files it names into ``bench/out/<n>/export/``: one training course for every hundred rows,
the other rows sessions, ``n`` rows in all (the learners' and learning objects' files hold
their header line only).
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

from importer_gui.core.catalogue.exports import SCHEDULED
from importer_gui.core.platform_io.export_config import scheduled_document

OUT = Path(__file__).resolve().parent / "out"
MODALITIES = ("campus", "blended", "distanciel", "learning_channel")
TRAINING_SHARE = 100  # one training course per this many rows
_HEADER_ONLY = [(name, columns) for _provider, columns, name in SCHEDULED
                if name not in ("platform_trainings.csv", "platform_sessions.csv")]


def write(n: int) -> Path:
    """The export configuration of ``n`` rows (generated once); its path."""
    folder = OUT / str(n) / "export"
    config = folder / "export-config.xml"
    if config.exists() and all((folder / name).exists() for name, _ in _HEADER_ONLY):
        return config
    folder.mkdir(parents=True, exist_ok=True)
    trainings = max(n // TRAINING_SHARE, 1)
    with (folder / "platform_trainings.csv").open("w", encoding="utf-8", newline="") as out:
        rows = csv.writer(out, delimiter=";")
        rows.writerow(["trainingPathCode", "trainingGuid", "title", "modality", "description"])
        for t in range(trainings):
            rows.writerow([f"TRN-{t:05d}", _guid(1, t), f"Formation {t}",
                           MODALITIES[t % len(MODALITIES)], f"Description de la formation {t}"])
    start = date(2027, 1, 4)
    with (folder / "platform_sessions.csv").open("w", encoding="utf-8", newline="") as out:
        rows = csv.writer(out, delimiter=";")
        rows.writerow(["trainingPathCode", "trainingGuid", "trainingTitle", "sessionGuid",
                       "title", "startDate", "endDate"])
        for s in range(n - trainings):
            t = s % trainings
            day = start + timedelta(days=s % 700)
            rows.writerow([f"TRN-{t:05d}", _guid(1, t), f"Formation {t}", _guid(2, s),
                           f"Session {s}", day.isoformat(),
                           (day + timedelta(days=1 + s % 3)).isoformat()])
    # The learners' and learning objects' exports: their header lines only (the benchmark
    # measures trainings and sessions).
    for name, columns in _HEADER_ONLY:
        (folder / name).write_text(";".join(columns) + "\n", encoding="utf-8")
    config.write_text(scheduled_document(), encoding="utf-8")
    return config


def _guid(kind: int, n: int) -> str:
    """A GUID-shaped text, the same on every run."""
    return f"{kind:08X}-0000-4000-8000-{n:012X}"
