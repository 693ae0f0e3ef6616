"""GUIDs given to created training courses: random version-4 UUIDs, never twice."""

from __future__ import annotations

import uuid

from importer_gui.core import guids


def test_guids_are_version_4_uuids_in_lower_case() -> None:
    made = [guids.new_guid() for _ in range(guids.BLOCK * 2 + 7)]  # across three draws
    for guid in made:
        parsed = uuid.UUID(guid)
        assert (parsed.version, parsed.variant, str(parsed)) == (4, uuid.RFC_4122, guid)
    assert len(set(made)) == len(made)


def test_every_variant_digit_appears() -> None:
    variants = {guids.new_guid()[19] for _ in range(400)}
    assert variants == set("89ab")
