"""What the thinking-trap tests share."""

from __future__ import annotations

from selfcompassion.traps.detector import trap_ids


def assert_twin(trap: str, look_alike: str, trap_id: str) -> None:
    """The rules alone find ``trap_id`` in ``trap``; neither they nor the detector as a whole
    tick it in ``look_alike``, a sentence of the same shape without the trap."""
    assert trap_id in trap_ids(trap, second_opinion=False)
    assert trap_id not in trap_ids(look_alike, second_opinion=False)
    assert trap_id not in trap_ids(look_alike)
