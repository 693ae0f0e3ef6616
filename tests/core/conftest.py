"""Fixtures of the core's tests."""

from __future__ import annotations

import pytest

from importer_gui.core.store.alongside import AbandonedError, WriteAlongside


@pytest.fixture
def failures(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """What made a write alongside fail (the usual write was made instead)."""
    failed: list[BaseException] = []
    write = WriteAlongside._write

    def watched(self: WriteAlongside) -> None:
        write(self)
        if self.failure is not None and not isinstance(self.failure, AbandonedError):
            failed.append(self.failure)

    monkeypatch.setattr(WriteAlongside, "_write", watched)
    return failed
