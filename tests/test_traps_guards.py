"""The model guards (``traps/model_guards.py``) set a look-alike's reading aside and leave the
trap's: here the blame the inner critic puts on "you", an errand kept with rigidity, and a
thing named strongly, which is no label but may sit in two boxes."""

from __future__ import annotations

import pytest

from selfcompassion.traps.catalog import TRAPS
from selfcompassion.traps.model_guards import set_aside


def _read_as(trap_id: str, text: str) -> float:
    """What is left of a sure reading of ``trap_id`` over the whole of ``text``."""
    row = dict.fromkeys(TRAPS, 0.0) | {trap_id: 0.95}
    return set_aside(text, (0, len(text)), row)[trap_id]


@pytest.mark.parametrize(
    "text",
    [
        "Mum's in a bad mood, so you must have said something wrong at breakfast.",
        "The team lost, and that's on you for one misplaced pass.",
        "The office went quiet; they were obviously talking about you.",
        "Mum's in a bad mood, so I must have said something wrong.",
    ],
)
def test_blame_taken_in_the_first_or_second_person_keeps_its_reading(text: str) -> None:
    assert _read_as("personalising", text) == 0.95


def test_someone_elses_mood_with_no_blame_taken_is_set_aside() -> None:
    assert _read_as("personalising", "My sister is upset with her boss again.") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "You must finish the training plan exactly as written.",
        "I should be at the gym six days a week minimum.",
        "People ought to reply to messages within a day, it's basic respect.",
    ],
)
def test_an_errand_kept_with_rigidity_is_a_rule(text: str) -> None:
    assert _read_as("should-statements", text) == 0.95


def test_an_errand_is_no_rule() -> None:
    assert _read_as("should-statements", "I need to book the vet for Thursday.") == 0.0


def test_a_thing_named_strongly_is_no_label_but_may_sit_in_two_boxes() -> None:
    text = "Either the album is brilliant or I've wasted three years of my life."
    assert _read_as("labelling", "This printer is useless, honestly.") == 0.0
    assert _read_as("all-or-nothing", text) == 0.95


@pytest.mark.parametrize(
    "text",
    [
        "mum and dad are arguing again, its probably about me",
        "The neighbours didn't wave this morning, must have upset them somehow.",
    ],
)
def test_blame_taken_in_fewer_words_keeps_its_reading(text: str) -> None:
    assert _read_as("personalising", text) == 0.95
