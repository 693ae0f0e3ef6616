"""When each step of a command runs, and on which thread: the timelines the README cites.

``python -m bench.timeline [--wrap MODULE:FUNCTION]... ARGS...`` runs one
importer-gui command (``ARGS`` as the command line takes them: ``--store S check C.xml``)
in this process, its own output left out, with some functions timed,
by default the steps a workbook check's largest sheet goes through (``CHAIN``), then prints
each call (start and end in seconds from the command's start, its thread, the function),
and per thread and function its calls and their total.

A function is timed where it is called through its module (``module.function(...)``, or by
its name inside that module); a module that imported it by name calls it untimed.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import io
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

# The workbook check's chain: the largest sheet measured, loaded by calamine, its rows
# planned (a table at a time), its meetings decided a part at a time.
CHAIN = ("importer_gui.core.readers.sheet_xml:measure",
         "importer_gui.core.readers.workbooks:_load_sheet",
         "importer_gui.core.planner:_plan_table",
         "importer_gui.core.columns.interventions:_decide")


@dataclass(frozen=True)
class Call:
    """One timed call: seconds from the command's start, its thread, the function."""

    start: float
    end: float
    thread: str
    function: str


def timed(specs: Sequence[str], calls: list[Call], start: float) -> Callable[[], None]:
    """Each ``MODULE:FUNCTION`` of ``specs`` replaced by a wrapper that notes its calls in
    ``calls``; what puts the functions back."""
    undo: list[Callable[[], None]] = []

    def restore() -> None:
        for put_back in undo:
            put_back()

    for spec in specs:
        module_name, _, name = spec.partition(":")
        try:
            module = importlib.import_module(module_name)
            function = getattr(module, name)
        except (ImportError, AttributeError, ValueError) as exc:
            restore()
            raise SystemExit(f"bench.timeline: cannot time {spec!r} ({exc})") from None
        setattr(module, name, _noting(function, spec.rpartition(".")[2], calls, start))
        undo.append(functools.partial(setattr, module, name, function))
    return restore


def _noting(function: Callable[..., Any], label: str, calls: list[Call],
            start: float) -> Callable[..., Any]:
    """``function``, its calls noted in ``calls`` (list.append is atomic: any thread)."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            calls.append(Call(began - start, time.perf_counter() - start,
                              threading.current_thread().name, label))

    return wrapper


def timeline(argv: Sequence[str], specs: Sequence[str] = CHAIN) -> tuple[int, list[Call], float]:
    """Run the command ``argv`` with ``specs`` timed: its exit code, the calls in the order
    they began, and the command's own time."""
    from importer_gui import cli
    from importer_gui.core import allocator

    allocator.settle()  # as the command's own process does (cli.main_process)
    calls: list[Call] = []
    start = time.perf_counter()
    restore = timed(specs, calls, start)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            code = cli.main(list(argv))
    finally:
        restore()
    return code, sorted(calls, key=lambda call: call.start), time.perf_counter() - start


def report(calls: Sequence[Call], seconds: float, out: TextIO) -> None:
    """Each call a line, then each thread's functions: calls, total, first start, last end."""
    for call in calls:
        out.write(f"{call.start:7.3f} {call.end:7.3f} {call.end - call.start:6.3f}  "
                  f"{call.thread:<14} {call.function}\n")
    totals: dict[tuple[str, str], list[float]] = {}
    for call in calls:
        total = totals.setdefault((call.thread, call.function), [0, 0.0, call.start, 0.0])
        total[0] += 1
        total[1] += call.end - call.start
        total[3] = max(total[3], call.end)
    out.write("\n")
    for (thread, function), (count, spent, first, last) in totals.items():
        out.write(f"{thread:<14} {function:<30} {int(count):5} calls {spent:7.3f} s, "
                  f"{first:.3f} to {last:.3f}\n")
    out.write(f"the command: {seconds:.3f} s\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Time one command (what follows the ``--wrap`` options); its exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    specs: list[str] = []
    while args[:1] == ["--wrap"] and len(args) > 1:
        specs.append(args[1])
        del args[:2]
    if not args or args[0] in ("-h", "--help"):
        sys.stdout.write(__doc__)
        return 0 if args else 2
    code, calls, seconds = timeline(args, specs or CHAIN)
    report(calls, seconds, sys.stdout)
    return code


if __name__ == "__main__":
    sys.exit(main())
