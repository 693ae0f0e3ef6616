"""The million-row case (issue 18): a 3-column training-course CSV, one row in 97 wrong.

The floor is Python's ``csv`` module reading the same file, measured in the same run; every
step runs as its own process, as a user would run it, three times (medians, the largest peak
memory seen). ``make bench BENCH_ARGS="--case million"`` runs it alone;
``--million-rows N`` sets its size.
"""

from __future__ import annotations

import csv
import statistics
import sys
import tempfile
from pathlib import Path

from bench import generate

ROWS = 1_000_000
VERSION = "1"  # bump when the rows change, so cached files are written again
MISTAKE_EVERY = 97  # one row in 97 has a modality the platform does not know
MODALITIES = ("blended", "distancelearning", "learning_channel", "knowledgecommunity")
HEADERS = ["Code formation", "Titre de la formation", "Modalité"]
CONFIG = """<?xml version="1.0" encoding="UTF-8"?>
<!-- The million-row benchmark: training courses, three columns. -->
<import-config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <import>
    <providers>
      <fileSystemSourceProvider>
        <fileName>trainings.csv</fileName>
        <skipFirstLine>yes</skipFirstLine>
        <columnsMapping>
          <trainingPathCode/>
          <trainingTitle/>
          <trainingModality/>
        </columnsMapping>
        <fileEncoding>UTF-8</fileEncoding>
        <delimiter>semicolon</delimiter>
      </fileSystemSourceProvider>
    </providers>
    <actions>
      <createOrUpdateTrainingCourseAction>
        <options>
          <fullAccess>yes</fullAccess>
        </options>
        <fields>
          <trainingPathCode/>
          <trainingTitle/>
          <trainingModality/>
        </fields>
      </createOrUpdateTrainingCourseAction>
    </actions>
  </import>
</import-config>
"""


def row(i: int) -> list[str]:
    """Row ``i`` (0-based): the same every time; every 97th has a wrong modality."""
    modality = "presentiel" if i % MISTAKE_EVERY == MISTAKE_EVERY - 1 else (
        MODALITIES[i % len(MODALITIES)])
    return [f"TR-{i:07d}", f"{generate.TOPICS[i % len(generate.TOPICS)]} {i}", modality]


def write(n: int = ROWS) -> Path:
    """Write the ``n``-row CSV and its configuration into bench/out/million-<n>/ (kept when
    current)."""
    target = generate.OUT / f"million-{n}"
    stamp = target / "VERSION"
    if stamp.exists() and stamp.read_text() == VERSION:
        return target
    target.mkdir(parents=True, exist_ok=True)
    with (target / "trainings.csv").open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(HEADERS)
        out.writerows(row(i) for i in range(n))
    (target / "config.xml").write_text(CONFIG, encoding="utf-8")
    stamp.write_text(VERSION)
    return target


def csv_rows(path: str) -> int:
    """The floor: every row of the file through the csv module."""
    with open(path, encoding="utf-8", newline="") as handle:
        return sum(1 for _row in csv.reader(handle, delimiter=";"))


def unbudgeted(argv: list[str]) -> int:
    """The command line with the check's memory budget lifted: what a step refused for its
    estimated memory would take (the bench says when it measured this way)."""
    from importer_gui.cli import main_process
    from importer_gui.core.readers import budget

    budget.MemoryBudget.__init__.__defaults__ = (1 << 40,)
    return main_process(argv)


def bench(n: int, repeat: int) -> list:
    """The case's lines: floor, check, commit into a new store, check again after it."""
    from bench.run import Line, Measure, python, run

    folder = write(n)
    config = folder / "config.xml"
    rounds: list[dict[str, Measure]] = []
    refused: set[str] = set()
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as temp:
            store = Path(temp) / "store.db"
            cli = ["-m", "importer_gui", "--store", store]
            steps = {
                "floor": run(python("-m", "bench.million", folder / "trainings.csv")),
                "check": run(python(*cli[:3], Path(temp) / "empty.db", "check", config)),
                "commit": run(python(*cli, "commit", config)),
                "again": run(python(*cli, "check", config)),
            }
            if any(x.code == 2 for x in steps.values()):  # refused: measured unbudgeted
                lifted = ["-m", "bench.million", "unbudgeted", "--store", store]
                steps.update({
                    "check": run(python(*lifted[:4], Path(temp) / "empty2.db", "check",
                                        config)),
                    "commit": run(python(*lifted, "commit", config)),
                    "again": run(python(*lifted, "check", config))})
                refused.update(("check", "commit", "again"))
        for what, x in steps.items():
            if x.code not in (0, 1):
                raise SystemExit(f"million {what} failed with exit code {x.code}")
        rounds.append(steps)
    m = {name: Measure(statistics.median(r[name].seconds for r in rounds),
                       max(r[name].peak_mb for r in rounds),
                       max(r[name].code for r in rounds)) for name in rounds[0]}
    floor = m["floor"].seconds

    def line(label: str, step: str, limit: float) -> Line:
        x = m[step]
        ratio = x.seconds / floor
        over = step in refused
        return Line(label, x.seconds, x.peak_mb, ratio, "floor",
                    f"<= {limit:g}x floor, <= 600 MB",
                    not over and ratio <= limit and x.peak_mb <= 600,
                    note="REFUSED as a user runs it (over the check's memory budget); "
                         "measured with the budget lifted" if over else "")

    return [Line("csv module reading the file (floor)", floor, m["floor"].peak_mb, 1.0),
            line("check (whole process)", "check", 4),
            line("commit into a new store", "commit", 8),
            line("check again after the commit", "again", 6)]


if __name__ == "__main__":
    if sys.argv[1] == "unbudgeted":
        sys.exit(unbudgeted(sys.argv[2:]))
    print(csv_rows(sys.argv[1]))
