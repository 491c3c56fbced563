"""The thinking traps the journal can point out: a stable id, a name and a plain explanation."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class Trap(NamedTuple):
    """A thinking trap: a stable id, a short name and one warm line describing it."""

    id: str
    name: str
    explanation: str


class TrapHit(NamedTuple):
    """One place in the text where a trap shows up; ``text[start:end] == phrase``."""

    trap_id: str
    phrase: str
    start: int
    end: int


TRAPS: dict[str, Trap] = {
    trap.id: trap
    for trap in (
        Trap(
            "all-or-nothing",
            "All-or-nothing thinking",
            "Seeing only two boxes, perfect or worthless, when most things land somewhere between.",
        ),
        Trap(
            "overgeneralising",
            "Overgeneralising",
            "Turning one hard moment into 'always' or 'never', as if it were the whole story.",
        ),
        Trap(
            "labelling",
            "Labelling",
            "Summing up a whole person in one harsh word because of one thing that happened.",
        ),
        Trap(
            "should-statements",
            "Should-statements",
            "Holding yourself to rigid rules about how you must be, with little room to be human.",
        ),
        Trap(
            "catastrophising",
            "Catastrophising",
            "Jumping to the worst ending, when the likely one is usually smaller and survivable.",
        ),
        Trap(
            "personalising",
            "Personalising",
            "Carrying all the blame for something that many people and circumstances shaped.",
        ),
        Trap(
            "mind-reading",
            "Mind-reading",
            "Feeling sure you know what others think of you, without having asked them.",
        ),
        Trap(
            "fortune-telling",
            "Fortune-telling",
            "Predicting things will go badly as if it were already decided before it happens.",
        ),
        Trap(
            "discounting-positive",
            "Discounting the positive",
            "Brushing off what went well as luck or nothing much, so it never gets to count.",
        ),
        Trap(
            "emotional-reasoning",
            "Emotional reasoning",
            "Treating a feeling as proof: feeling like a failure is not the same as being one.",
        ),
    )
}


def trap_name(trap_id: str) -> str:
    """A trap's name as people read it ("Mind-reading"); an id this catalogue does not
    know (from an import, say) reads as its words."""
    return TRAPS[trap_id].name if trap_id in TRAPS else trap_id.replace("-", " ")


def trap_names(trap_ids: Iterable[str]) -> str:
    """Trap names in a line, separated by commas."""
    return ", ".join(trap_name(trap_id) for trap_id in trap_ids)
