"""Helpers shared by the reframe, commitment and trap tests: the ``journal`` fixture on a
fixed day, a complete set of reframe answers, and keys for driving questionary."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from cli_run import Journal
from keys import CTRL_C, DOWN, ENTER, SPACE

__all__ = [
    "CTRL_C",
    "DOWN",
    "ENTER",
    "FRIDAY",
    "REFRAME_ANSWERS",
    "SPACE",
    "WEDNESDAY",
    "Journal",
    "journal_fixture",
]

#: A reframe that a person might write after a rough presentation. The critic's words hold
#: three traps the detector finds: labelling, overgeneralising and mind-reading.
REFRAME_ANSWERS: dict[str, Any] = {
    "happened": "I presented the quarterly figures and one slide had last month's numbers. "
    "My manager pointed it out in front of the team. #presenting",
    "emotions": {"embarrassed": 80, "anxious": 60, "exposed": 40},
    "critic": "I'm such an idiot. I always mess up the important things and "
    "everyone thinks I'm useless.",
    "belief": 85,
    "naming": "This is an uncomfortable moment and I feel exposed.",
    "evidence_for": "One slide had the wrong month's numbers and it was noticed in public.",
    "evidence_against": "The other eleven slides were right and two people thanked me after.",
    "balanced": "I made one slip in a careful piece of work, and I can catch it next time.",
    "balanced_belief": 60,
    "shared": "Anyone who presents figures has had a wrong slide at some point.",
    "kind_words": "One wrong slide does not undo months of careful work.",
    "control": "The late data was not mine to fix; checking the slides was.",
    "next_step": "Add a slide check to my preparation list",
    "next_due": "friday",
    "emotions_after": {"embarrassed": 50, "anxious": 30},
    "belief_after": 40,
}

#: Friday of the week the tests write in, and the Wednesday before it.
WEDNESDAY = date(2026, 11, 18)
FRIDAY = date(2026, 11, 20)


@pytest.fixture(name="journal")
def journal_fixture(journal: Journal) -> Journal:
    """The ``journal`` fixture of conftest, on WEDNESDAY unless a call names another day.
    Import this into a test module to use it there."""
    journal.today = WEDNESDAY
    return journal
