"""Calls counted through the real thing: a function replaced by one that notes each call,
then does what it did."""

from __future__ import annotations

from collections.abc import Callable

import pytest


def counted(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[object]:
    """The first argument of each call to ``module.name`` from now on (None when called
    without one)."""
    calls: list[object] = []
    real: Callable[..., object] = getattr(module, name)

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args[0] if args else None)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls
