"""Shapes read since blind82 and blind83 (many voices, twelve topics in mixed registers), each
as a twin in our own words (``TWINS``, checked with the earlier rounds' twins in
``test_traps_rules_round76.py``); and three of the writer's answers that were read too widely."""

from __future__ import annotations

import pytest

from selfcompassion.traps.detector import trap_ids

TWINS = [
    # a forecast sealed as certain
    (
        "The landlord will never give the deposit back, guaranteed.",
        "We will split the bill, for sure, she insisted.",
        "fortune-telling",
    ),
    (
        "Something is going to go wrong with the new boiler, I just know it.",
        "I just know it will take a while to settle into the new flat, and that's fine.",
        "fortune-telling",
    ),
    # a yes or a comment put down to a bot
    (
        "Someone praised my drawing online. Probably a bot.",
        "Lost two followers overnight, probably bots being cleared out.",
        "discounting-positive",
    ),
]

#: Traps whose words hold an answer's look-alike: a dare, how something came out, a should.
NOT_ANSWERS = [
    ("the job interview is tomorrow, gonna bomb it, calling it now", "fortune-telling"),
    ("Nothing I sew ever turns out.", "overgeneralising"),
    (
        "The roof leaked on the guests and I should have checked it myself, it's all on me.",
        "personalising",
    ),
]


@pytest.mark.parametrize(("text", "trap_id"), NOT_ANSWERS)
def test_a_look_alike_of_an_answer_does_not_hide_the_trap(text: str, trap_id: str) -> None:
    assert trap_id in trap_ids(text, second_opinion=False)


@pytest.mark.parametrize(
    "answered",
    [
        "I keep thinking she hates me, so I'm calling them now to ask.",
        "Convinced it was something serious, so I got it checked: a pulled muscle.",
        "Sure they'd laugh at my idea. Turns out they picked it.",
    ],
)
def test_a_real_answer_still_answers(answered: str) -> None:
    assert trap_ids(answered) == []
