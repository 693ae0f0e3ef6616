"""Planning an import by column: a file's rows read into columns by a native engine, each
field's distinct values converted once, records looked up in bulk.

Where a file and its action hold nothing the column planner cannot prove it plans as the
row planner would (``planner.plan_row``), the row planner is left to do it: the two give the
same plan, row for row, and the column planner is the faster on a large file.
"""

from __future__ import annotations

# False: every import is planned row by row (the tests compare both ways).
ENABLED = True
