"""Run the benchmark and print its table: every figure also as a ratio to the openpyxl floor.

Each step runs as its own process (the CLI exactly as a user types it), so its time includes
start-up and its peak memory is its own (``wait4``'s maximum resident set size, taken by
``bench.spawn``). The commit into PostgreSQL goes into a new database of a throwaway cluster
the bench starts itself (``tests/postgres.py``), and is judged against the SQLite commit of
the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import browser, exports, generate, million
from tests.postgres import Cluster, running_cluster

ROOT = Path(__file__).resolve().parent.parent
TARGET_ROWS = 100_000  # the size the targets are set for
NAIVE_MEASURED_UP_TO = 10_000  # above this the naive way is extrapolated unless --naive-full


@dataclass
class Measure:
    """One child process: its wall time, peak memory and exit code."""

    seconds: float
    peak_mb: float
    code: int
    stdout: str = ""


def run(args: Sequence[str], *, keep_output: bool = False) -> Measure:
    """Run a child and measure it (through ``bench.spawn``, so that its peak memory is its
    own); stdout is thrown away unless asked for."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        spawned = subprocess.run([sys.executable, "-m", "bench.spawn", str(report), *args],
                                 stdout=out if keep_output else subprocess.DEVNULL, cwd=ROOT,
                                 env=env, check=False)
        if spawned.returncode or not report.exists():
            raise SystemExit(f"could not run {' '.join(map(str, args))}")
        measured = json.loads(report.read_text())
        out.seek(0)
        text = out.read().decode() if keep_output else ""
    return Measure(measured["seconds"], measured["peak_mb"], measured["code"], text)


def python(*args: str | Path) -> list[str]:
    """A command line running this interpreter."""
    return [sys.executable, *map(str, args)]


def empty_store(path: Path) -> Path:
    """A new, empty store at ``path``, made untimed: the commands that only read refuse a
    --store naming none."""
    from importer_gui.core.store import Store

    with Store.open(path):
        pass
    return path


@dataclass
class Line:
    """One line of the table."""

    label: str
    seconds: float
    peak_mb: float | None
    ratio: float | None  # to the floor, or to what ``base`` names
    base: str = "floor"
    target: str = ""
    ok: bool | None = None
    note: str = ""


def bench_size(n: int, *, naive_full: bool, rows_small: Path, repeat: int,
               cluster: Cluster) -> list[Line]:
    """Every measure at ``n`` rows; the timed steps run ``repeat`` times, medians kept."""
    folder = generate.write(n)
    books = [str(folder / f"{name}.xlsx") for name in generate.FILES]
    rounds = [_timed_round(folder, books, cluster) for _ in range(repeat)]
    m = {name: _median([r[name] for r in rounds]) for name in rounds[0]}
    floor = m["floor"].seconds
    lines = [Line("(a) openpyxl read-only iteration (floor)", floor, m["floor"].peak_mb, 1.0)]

    def line(label: str, x: Measure, limit: float | None, *, base: float = floor,
             base_name: str = "floor", mem: bool = False, mem_mb: int = 300,
             note: str = "") -> Line:
        ratio = x.seconds / base
        ok = None if limit is None else ratio <= limit and (not mem or x.peak_mb < mem_mb)
        target = "" if limit is None else f"<= {limit:g}x {base_name}" + (
            f", < {mem_mb} MB" if mem else "")
        return Line(label, x.seconds, x.peak_mb, ratio, base_name, target, ok, note)

    lines += [
        line("(b) python-calamine raw read", m["calamine"], None),
        # Issue 18 raised these two targets from 0.35x and 1x, under 300 MB.
        line("(c) check (whole process)", m["check"], 0.18, mem=True, mem_mb=180),
        line("(d) commit into a new store", m["commit"], 0.30, mem=True, mem_mb=180),
        line("(d) commit into a new PostgreSQL store", m["commit_pg"], 1.5,
             base=m["commit"].seconds, base_name="SQLite commit", mem=True),
        line("(d) commit again (all unchanged)", m["again"], 1.2, base=m["check"].seconds,
             base_name="check", mem=True),
        line("    (same, as a ratio to the floor)", m["again"], None),
        line("CSV check (whole process)", m["csv"], 0.2, mem=True),
        line("(h) refresh of an export of as many rows, --dry-run", m["refresh_dry"], 1.0,
             base=m["csv"].seconds, base_name="CSV check", mem=True),
        line("(h) refresh again, all unchanged", m["refresh_again"], 1.0,
             base=m["csv"].seconds, base_name="CSV check", mem=True),
        line("(h) refresh into a new store", m["refresh"], 1.0, base=m["csv"].seconds,
             base_name="CSV check", mem=True, note="writes every record")]
    with tempfile.TemporaryDirectory() as temp:
        lines.append(_naive(n, books, Path(temp), floor, naive_full))
    lines.extend(_preview(folder, rows_small, floor))
    lines.append(_gui_wait(folder))
    lines.append(_open_wait(folder / "interventions.xlsx", repeat))
    lines.append(_config_wait(folder / "config.xlsx.xml", repeat))
    lines.append(_refresh_wait(folder, repeat))
    return lines


def bench_registrations(n: int, *, repeat: int) -> list[Line]:
    """The registrations case at ``n`` rows (training courses, learners, registrations that
    create their sessions): the steps the issue judges, as ratios to the same floor."""
    folder = generate.write(n, case="registrations")
    books = [str(folder / f"{name}.xlsx") for name in generate.files("registrations")]
    rounds = [_registrations_round(folder, books) for _ in range(repeat)]
    m = {name: _median([r[name] for r in rounds]) for name in rounds[0]}
    floor = m["floor"].seconds

    def line(label: str, x: Measure, limit: float, *, base: float = floor,
             base_name: str = "floor") -> Line:
        ratio = x.seconds / base
        return Line(label, x.seconds, x.peak_mb, ratio, base_name,
                    f"<= {limit:g}x {base_name}, < 300 MB", ratio <= limit and x.peak_mb < 300)

    return [
        Line("(a) openpyxl read-only iteration (floor)", floor, m["floor"].peak_mb, 1.0),
        Line("(b) python-calamine raw read", m["calamine"].seconds, m["calamine"].peak_mb,
             m["calamine"].seconds / floor),
        line("(c) check (whole process)", m["check"], 0.35),
        line("(d) commit into a new store", m["commit"], 1.0),
        line("(d) commit again (all unchanged)", m["again"], 1.2, base=m["check"].seconds,
             base_name="check"),
        line("CSV check (whole process)", m["csv"], 0.2),
    ]


def _registrations_round(folder: Path, books: list[str]) -> dict[str, Measure]:
    """One run of each step of the registrations case, stores made anew."""
    with tempfile.TemporaryDirectory() as temp:
        steps = _workbook_steps(folder, books, Path(temp))
    return _succeeded(steps, "registrations ")


def _workbook_steps(folder: Path, books: list[str], temp: Path) -> dict[str, Measure]:
    """The steps every case times: the raw reads, a check, two commits, a CSV check."""
    cli = ["-m", "importer_gui", "--store", temp / "store.db"]
    return {
        "floor": run(python("-m", "bench.probes", "openpyxl", *books)),
        "calamine": run(python("-m", "bench.probes", "calamine", *books)),
        "check": run(python(*cli[:3], empty_store(temp / "empty.db"), "check",
                            folder / "config.xlsx.xml")),
        "commit": run(python(*cli, "commit", folder / "config.xlsx.xml")),
        "again": run(python(*cli, "commit", folder / "config.xlsx.xml")),
        "csv": run(python(*cli[:3], empty_store(temp / "empty-csv.db"), "check",
                          folder / "config.csv.xml")),
    }


def _succeeded(steps: dict[str, Measure], case: str = "") -> dict[str, Measure]:
    """``steps``, once each is seen to have run to its end (exit code 0 or 1)."""
    for what, x in steps.items():
        if x.code not in (0, 1):
            raise SystemExit(f"{case}{what} failed with exit code {x.code}")
    return steps


def _gui_wait(folder: Path) -> Line:
    """The window's thread during a CSV check in a worker thread: its longest wait."""
    f = probe("bench.probes", "gui-wait", folder)
    return Line("(g) during a CSV check in a worker: the window thread's longest wait",
                f["worst"], None, None, note=f"99% of waits under {f['p99'] * 1000:.0f} ms")


def probe(module: str, name: str, *args: object) -> dict[str, float]:
    """One probe of ``module`` (bench.probes, bench.million) run in its own process: the
    figures it prints as JSON on its last line."""
    m = run(python("-m", module, name, *args), keep_output=True)
    if m.code:
        raise SystemExit(f"the {module} {name} probe failed")
    return json.loads(m.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def probe_medians(repeat: int, module: str, name: str, *args: object) -> dict[str, float]:
    """One probe (``probe``) run ``repeat`` times, each in its own process: the median of
    each of its figures (a window's longest wait varies from run to run)."""
    runs = [probe(module, name, *args) for _ in range(repeat)]
    return {figure: statistics.median(f[figure] for f in runs) for figure in runs[0]}


def _open_wait(book: Path, repeat: int) -> Line:
    """The window's thread as a workbook is opened in the wizard, then Next to the
    configuration page: its longest wait (the median of ``repeat`` runs)."""
    median = probe_medians(repeat, "bench.probes", "open-wait", book)
    pages = ", ".join(f"{name} {median[name] * 1000:.0f} ms"
                      for name in ("open", "action", "mapping", "configuration"))
    return Line(f"(g) opening {book.name} in the window, Next to the configuration: the window "
                "thread's longest wait", median["worst"], None, None,
                target="<= 0.1 s (issue 18)", ok=median["worst"] <= 0.1,
                note=f"99% of waits under {median['p99'] * 1000:.0f} ms; by page: {pages}")


def _config_wait(config: Path, repeat: int) -> Line:
    """The window's thread as a configuration of the workbooks is opened and its preview
    checks them: its longest wait (the median of ``repeat`` runs), and the longest of those
    after a sleep alone, which the workers' holding the GIL makes."""
    median = probe_medians(repeat, "bench.probes", "config-wait", config)
    return Line("(g) opening the workbooks' configuration, on to its checked preview: the "
                "window thread's longest wait", median["worst"], None, None,
                target="<= 0.1 s", ok=median["worst"] <= 0.1,
                note=f"99% of waits under {median['p99'] * 1000:.0f} ms; after a sleep alone "
                     f"(the workers holding the GIL) {median['slept worst'] * 1000:.0f} ms "
                     f"at worst, 99% under {median['slept p99'] * 1000:.0f} ms; showing the "
                     f"plan {median['plan shown'] * 1000:.0f} ms")


def _refresh_wait(folder: Path, repeat: int) -> Line:
    """The window's thread as Tools ▸ Refresh… previews the export of as many rows again,
    the store holding it already: its longest wait (the median of ``repeat`` runs)."""
    export = exports.write(_rows(folder))
    with tempfile.TemporaryDirectory() as temp:
        store = Path(temp) / "refreshed.db"
        if run(python("-m", "importer_gui", "--store", store, "refresh", export)).code:
            raise SystemExit("the refresh the window's preview starts from failed")
        median = probe_medians(repeat, "bench.probes", "refresh-wait", export, store)
    return Line("(h) Tools > Refresh... of that export again, all unchanged, previewed in the "
                "window: the window thread's longest wait", median["worst"], None, None,
                target="<= 0.1 s", ok=median["worst"] <= 0.1)


def _timed_round(folder: Path, books: list[str], cluster: Cluster) -> dict[str, Measure]:
    """One run of every timed step, each in its own process, stores made anew."""
    database = cluster.new_database("bench")
    export = exports.write(_rows(folder))
    with tempfile.TemporaryDirectory() as temp:
        cli = ["-m", "importer_gui", "--store"]
        steps = {
            **_workbook_steps(folder, books, Path(temp)),
            "commit_pg": run(python(*cli, cluster.url(database), "commit",
                                    folder / "config.xlsx.xml")),
            "refresh_dry": run(python(*cli, empty_store(Path(temp) / "empty-refresh.db"),
                                      "refresh", "--dry-run", export)),
            "refresh": run(python(*cli, Path(temp) / "refresh.db", "refresh", export)),
            "refresh_again": run(python(*cli, Path(temp) / "refresh.db", "refresh",
                                        export)),
        }
    cluster.drop_database(database)
    return _succeeded(steps)


def _rows(folder: Path) -> int:
    """The rows of the size a generated folder is for (its name)."""
    return int(folder.name)


def _median(measures: list[Measure]) -> Measure:
    """The median time of several runs of a step, with the largest peak memory seen."""
    return Measure(statistics.median(x.seconds for x in measures),
                   max(x.peak_mb for x in measures), measures[0].code)


def _naive(n: int, books: list[str], temp: Path, floor: float, full: bool) -> Line:
    """The naive way, measured; above 10,000 rows extrapolated from 10,000 unless full."""
    if n <= NAIVE_MEASURED_UP_TO or full:
        m = run(python("-m", "bench.probes", "naive", temp / "naive.db", *books))
        return Line("(e) naive: peewee create() per row", m.seconds, m.peak_mb,
                    m.seconds / floor, note="measured")
    small = generate.write(NAIVE_MEASURED_UP_TO)
    m = run(python("-m", "bench.probes", "naive", temp / "naive-small.db",
                   *[str(small / f"{name}.xlsx") for name in generate.FILES]))
    seconds = m.seconds * n / NAIVE_MEASURED_UP_TO
    return Line("(e) naive: peewee create() per row", seconds, None, seconds / floor,
                note=f"EXTRAPOLATED linearly from {NAIVE_MEASURED_UP_TO:,} rows "
                     f"({m.seconds:.1f} s)")


def _preview(folder: Path, small: Path, floor: float) -> list[Line]:
    """The preview's figures (one child process, offscreen)."""
    f = probe("bench.probes", "preview", folder, small)
    flat = f["recheck_big"] / f["recheck_small"]
    return [
        Line("(f) preview page: first paint after its check ends", f["page_first_paint"],
             None, f["page_first_paint"] / floor, target="<= 0.1 s",
             ok=f["page_first_paint"] <= 0.1),
        Line("(f) preview model of all rows: first paint", f["first_paint"], None,
             f["first_paint"] / floor, target="<= 0.1 s", ok=f["first_paint"] <= 0.1),
        Line("(f) preview: sort all rows by a text column", f["sort"], None, f["sort"] / floor,
             target="<= 0.2 s", ok=f["sort"] <= 0.2),
        Line("(f) preview: filter (errors only, then all)", f["filter"], None,
             f["filter"] / floor, target="<= 0.2 s", ok=f["filter"] <= 0.2),
        Line(f"(f) recheck one edited row, {f['rows_big']:,} rows", f["recheck_big"], None,
             flat, base=f"{f['rows_small']} rows", target="flat (<= 2x)", ok=flat <= 2,
             note=f"{f['recheck_small'] * 1000:.2f} ms at {f['rows_small']} rows"),
    ]


def machine() -> str:
    """nproc, CPU model, RAM and Python version, for the README."""
    cpu = "unknown CPU"
    ram = "unknown RAM"
    try:
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                cpu = text.split(":", 1)[1].strip()
                break
        for text in Path("/proc/meminfo").read_text().splitlines():
            if text.startswith("MemTotal"):
                ram = f"{int(text.split()[1]) / 1024 / 1024:.1f} GiB RAM"
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} CPUs ({cpu}), {ram}, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def table(n: int, lines: list[Line], case: str = "sessions") -> str:
    """The table for one size, as Markdown; targets are judged at TARGET_ROWS only."""
    judged = n == TARGET_ROWS or case in ("million", "browser")  # set for their own sizes
    out = [f"### {n:,} rows" + ("" if case == "sessions" else f", {case}"), ""]
    if not judged:
        out += [f"The targets are set for {TARGET_ROWS:,} rows; at {n:,} rows the start-up of "
                "each process weighs more, so none is judged here.", ""]
    out += ["| measure | time | ratio | peak memory | target | met |",
            "| --- | ---: | ---: | ---: | --- | --- |"]
    for x in lines:
        ratio = "" if x.ratio is None else f"{x.ratio:.2f}x {x.base}"
        peak = "" if x.peak_mb is None else f"{x.peak_mb:.0f} MB"
        seconds = f"{x.seconds * 1000:.2f} ms" if x.seconds < 0.01 else f"{x.seconds:.2f} s"
        met = "" if x.ok is None or not judged else ("yes" if x.ok else "NO")
        target = x.target if judged else ""
        label = f"{x.label} ({x.note})" if x.note else x.label
        out.append(f"| {label} | {seconds} | {ratio} | {peak} | {target} | {met} |")
    return "\n".join(out)


def stop_as_interrupted(_signal: int, _frame: object) -> None:
    """A bench told to stop (``kill``, a timeout) stops as an interrupt (Ctrl-C) does: on
    the way out, the PostgreSQL cluster it started is stopped and its folder removed
    (``running_cluster``), rather than left running for nobody."""
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> None:
    """Generate (when needed) and measure each size; print the tables."""
    signal.signal(signal.SIGTERM, stop_as_interrupted)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--naive-full", action="store_true",
                        help="run the naive way at every size (about 100 s at 100,000)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each timed step; the table shows their median "
                             "(a shared machine's noise moves one run by a fifth)")
    parser.add_argument("--case", choices=("all", *generate.CASES, "million", "browser"),
                        default="all",
                        help="the sessions case (teachers, courses, sessions, interventions), "
                             "the registrations case (courses, learners, registrations), or "
                             "both; million: the 1,000,000-row registrations CSV, then the "
                             "1,000,000-row training-course CSV, alone (also part of all); "
                             "browser: the store browser's sort by name and searches of "
                             "accented learners on SQLite and PostgreSQL (also part of all)")
    parser.add_argument("--million-rows", type=int, default=million.ROWS,
                        help="the size of the million case (issue 18)")
    parser.add_argument("--browser-learners", type=int, default=1_000_000,
                        help="the learners of the browser case's stores")
    args = parser.parse_args(argv)
    print(f"Machine: {machine()}; each time is the median of {args.repeat} runs\n",
          flush=True)
    if args.case in ("all", "sessions"):
        small = generate.write(100)
        with running_cluster() as cluster:
            for n in args.sizes:
                lines = bench_size(n, naive_full=args.naive_full, rows_small=small,
                                   repeat=args.repeat, cluster=cluster)
                print(table(n, lines) + "\n", flush=True)
    if args.case in ("all", "registrations"):
        for n in args.sizes:
            lines = bench_registrations(n, repeat=args.repeat)
            print(table(n, lines, "registrations") + "\n", flush=True)
    if args.case in ("all", "million"):
        lines = million.bench(args.million_rows, args.repeat)
        print(table(args.million_rows, lines, "million") + "\n", flush=True)
    if args.case in ("all", "browser"):
        lines = browser.bench(args.browser_learners, args.repeat)
        print(table(args.browser_learners, lines, "browser") + "\n", flush=True)


if __name__ == "__main__":
    main()
