"""Shapes the rules read since blind76 to blind79 (second-person self-talk, entries about life
outside work, people who lead, students' slang), each as a twin in our own words: the rules
alone find the trap, and neither they nor the detector as a whole tick the look-alike. The
twins of later rounds (``test_traps_rules_round82.TWINS``) are checked here too."""

from __future__ import annotations

import pytest

from test_traps_rules_round82 import TWINS as LATER_TWINS
from traps_support import assert_twin

TWINS = [
    # a harsh name worn as who one is
    (
        "You'll trip over your words like the clown you are.",
        "Beaming like the proud dad I am.",
        "labelling",
    ),
    (
        "And me, the fool who volunteered, now stuck with the rota.",
        "Me, the new starter, ran the whole meeting and it went fine.",
        "labelling",
    ),
    (
        "Forgot my mum's birthday again. Total flake, that's me.",
        "Early riser, that's me.",
        "labelling",
    ),
    (
        "What kind of hypocrite preaches rest and never takes a day off?",
        "What kind of mess have I walked into with this spreadsheet?",
        "labelling",
    ),
    # less than all counted as none
    (
        "A silver medal is the same as losing.",
        "Resting is not the same as quitting.",
        "all-or-nothing",
    ),
    # a success explained away by who said it, or counted for nothing
    (
        "The head praised my assembly, but she says that to everybody.",
        "My gran says that to everybody she meets: drink more water.",
        "discounting-positive",
    ),
    (
        "Cleared the whole inbox, though it barely counts.",
        "She barely counted the change before running off.",
        "discounting-positive",
    ),
    (
        "The launch went well despite me.",
        "We finished the hike despite me being slow.",
        "discounting-positive",
    ),
    # one loss leading link by link to ruin
    (
        "The car failed its test, which means no car, which means I lose the job.",
        "It's Friday, which means payday, which means pizza.",
        "catastrophising",
    ),
    # the inner critic's rule in the second person, with its rigidity
    (
        "You must answer every email the same day, no excuses.",
        "You need to book the boiler service before winter.",
        "should-statements",
    ),
    # someone's mood blamed on the writer before anything is known
    (
        "The baby is crying again. What did I do this time?",
        "What did you do this time last year?",
        "personalising",
    ),
]


@pytest.mark.parametrize(("trap", "look_alike", "trap_id"), TWINS + LATER_TWINS)
def test_the_rules_read_the_shape_and_leave_its_look_alike(
    trap: str, look_alike: str, trap_id: str
) -> None:
    assert_twin(trap, look_alike, trap_id)
