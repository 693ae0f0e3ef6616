"""Run one measured step and write its wall time, peak memory and exit code as JSON.

Linux counts in a process's peak memory the peak of the process it was started from, up to
its exec: a step started by the bench's own process, which grows as it generates files and
builds stores, would show that process's peak. ``bench.run`` starts each step through this
small process instead, which measures it as the step's parent.

Usage: ``python -m bench.spawn REPORT COMMAND...`` (the step inherits stdout and stderr).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    """Run the command; write the report; exit 0 unless the command could not start."""
    report, command = Path(argv[0]), argv[1:]
    start = time.perf_counter()
    child = subprocess.Popen(command)
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    report.write_text(json.dumps({"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024,
                                  "code": os.waitstatus_to_exitcode(status)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
