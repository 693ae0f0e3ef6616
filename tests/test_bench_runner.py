"""The bench measures each step as its own process: its peak memory is the step's, not the
bench's (a child started by a large process counts that process's peak, on Linux)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bench.run import python, run

ROOT = Path(__file__).resolve().parents[1]
GROWN = 200 * 1024 * 1024  # bytes the bench's own process holds, as after generating files


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's accounting")
def test_a_small_step_started_by_a_large_process_shows_its_own_peak() -> None:
    held = bytearray(GROWN)
    held[::4096] = b"\1" * len(held[::4096])  # touched: resident
    measured = run(python("-c", "import sys; sys.stdout.write('ok'); sys.exit(3)"),
                   keep_output=True)
    del held
    assert measured.peak_mb < 60
    assert measured.code == 3
    assert measured.stdout == "ok"
    assert measured.seconds > 0


def test_a_bench_told_to_stop_stops_the_cluster_it_started() -> None:
    from tests.postgres import Cluster, postgres_bin

    if postgres_bin() is None:
        pytest.skip("PostgreSQL is not installed")
    script = ("import signal, time\n"
              "from bench.run import stop_as_interrupted\n"
              "from tests.postgres import running_cluster\n"
              "signal.signal(signal.SIGTERM, stop_as_interrupted)\n"
              "with running_cluster() as cluster:\n"
              "    print(cluster.folder, flush=True)\n"
              "    time.sleep(120)\n")
    bench = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    folder = Path(bench.stdout.readline().strip())  # type: ignore[union-attr]
    try:
        assert (folder / "data" / "postmaster.pid").is_file()  # the server runs
        bench.send_signal(signal.SIGTERM)
        bench.wait(timeout=60)
        assert not folder.exists()  # stopped, its folder removed
    finally:
        bench.kill()
        if folder.exists():  # left running: stopped here, not left to the machine
            owner = folder.stat()
            Cluster(folder, postgres_bin(), 0, (owner.st_uid, owner.st_gid)).stop()
