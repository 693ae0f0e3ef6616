"""Freeing a large structure a piece at a time, so the window's thread is never kept waiting.

Reference counting frees a plan of a million rows all at once when its last reference goes
(0.2-0.6 s holding the GIL, on whichever thread drops it): the window's thread hands such a
plan to a worker, which frees it here in pieces, each a short hold of the GIL.
"""

from __future__ import annotations

import gc
import sys

PIECE = 2_000  # items freed at a time: about a millisecond of a row's objects each
DEPTH = 12  # how deep containers are opened: a plan's rows and a planner's indexes are near


def free_in_pieces(root: object) -> None:
    """Let go of ``root``, emptying the large lists, dicts and sets it alone holds a piece at
    a time, each piece a short hold of the GIL, instead of all at once.

    Only an object nothing else refers to is opened (its reference count says so): emptying
    it cannot change what someone else sees. Smaller containers are opened to find the large
    ones inside; past ``DEPTH`` levels, or in a tuple, what is left is freed as a whole.
    """
    stack, depths = [root], [0]
    del root
    while stack:
        item, depth = stack.pop(), depths.pop()
        if sys.getrefcount(item) > 2:  # ``item`` and the call's argument: held elsewhere too
            continue
        kind = type(item)
        if kind is list and len(item) > PIECE:
            while item:
                del item[-PIECE:]
        elif (kind is dict or kind is set) and len(item) > PIECE:
            pop = item.popitem if kind is dict else item.pop
            while item:
                for _ in range(min(PIECE, len(item))):
                    pop()
        elif depth < DEPTH and gc.is_tracked(item):
            children = gc.get_referents(item)
            stack.extend(children)
            depths.extend([depth + 1] * len(children))
            del children
        del item  # its children are now held by the stack alone, when by nothing else
