"""How plans and counts are printed: readable text, or the documented JSON."""

from __future__ import annotations

import json
from typing import Any, TextIO

from importer_gui.core.issues import OUTCOME_ORDER
from importer_gui.core.plan import Plan


def plan_json(plan: Plan) -> dict[str, Any]:
    """The plan as the documented JSON shape."""
    imports = []
    for imp in plan.imports:
        rows = [{"line": row.line, "action": result.action, "outcome": result.outcome.value,
                 "issues": [{"level": i.level.value, "field": i.field, "message": i.message}
                            for i in result.issues]}
                for row in imp.rows for result in row.results]
        imports.append({"file": str(imp.file), "rows": rows})
    return {"imports": imports, "counts": plan.counts()}


def write_json(document: dict[str, Any], out: TextIO) -> None:
    """The plan's JSON, indented, one row per line.

    json's fast (C) encoder only runs without indentation: indenting 100,000 rows with the
    pure-Python one took longer than the check itself.
    """
    out.write("{\n")
    for n, (key, value) in enumerate(document.items()):
        comma = "," if n < len(document) - 1 else ""
        if key != "imports":
            out.write(f"  {json.dumps(key)}: {json.dumps(value)}{comma}\n")
            continue
        out.write('  "imports": [\n')
        for i, imp in enumerate(value):
            head = {k: v for k, v in imp.items() if k != "rows"}
            out.write(f"    {json.dumps(head)[:-1]}, \"rows\": [\n")
            rows = imp.get("rows", [])
            out.write(",\n".join(f"      {json.dumps(row)}" for row in rows))
            out.write(f"\n    ]}}{',' if i < len(value) - 1 else ''}\n")
        out.write(f"  ]{comma}\n")
    out.write("}\n")


def dump_json(document: dict[str, Any], out: TextIO) -> None:
    """A small document (history, revert), indented."""
    json.dump(document, out, indent=2)
    out.write("\n")


def counts_text(counts: dict[str, int]) -> str:
    """``create 3, update 1, ...``"""
    return ", ".join(f"{name} {count}" for name, count in counts.items())


def print_plan(plan: Plan, out: TextIO) -> None:
    """The readable summary: counts per import, then every issue with file and line."""
    for imp in plan.imports:
        counts = {o.value: n for o, n in imp.counts().items()}
        full = {o.value: counts.get(o.value, 0) for o in OUTCOME_ORDER}
        out.write(f"Import {imp.index + 1}: {imp.file} ({', '.join(imp.actions)})\n")
        out.write(f"  {counts_text(full)}\n")
        for row in imp.rows:
            for result in row.results:  # plain loops: most of 100,000 rows have no issue
                for issue in result.issues:
                    field = f" {issue.field}" if issue.field else ""
                    out.write(f"{imp.file.name}:{row.line}: {issue.level.value}{field}: "
                              f"{issue.message}\n")
    out.write(f"Total: {counts_text(plan.counts())}\n")
