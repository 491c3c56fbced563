"""Tests for the crisis-language check that decides when to show the support panel."""

from __future__ import annotations

import re

import pytest

from selfcompassion.care.detector import (
    CRISIS_MESSAGE,
    CRISIS_MESSAGE_TITLE,
    crisis_phrases,
    suggests_crisis,
)

POSITIVES = [
    "I want to die",
    "I don't want to be here anymore",
    "I've been thinking about ending it all",
    "I want to kill myself",
    "Sometimes I hurt myself when it gets bad",
    "There's no reason to live",
    "Everyone would be better off without me",
    "I feel suicidal tonight",
    "I keep having suicidal thoughts",
    "I wish I was dead",
    "I don\u2019t want to wake up tomorrow",
    "I've been self-harming again",
    "I'm planning to take my own life",
    "My family would be better off without me",
    "I can't go on anymore",
    "I WANT TO DIE",
]

NEGATIVES = [
    "this project is killing me",
    "I could kill for a coffee",
    "the deadline is killing me",
    "I died of embarrassment",
    "dead tired after the night shift",
    "I'm killing it at work this month",
    "I'd rather die than sing karaoke",
    "the build died again",
    "my feet are killing me after that walk",
    "I want to die of embarrassment every time I watch that video",
    "the phone battery died halfway through the call",
    "that joke killed me",
    "I had a hard day and I'm tired",
    "I made a mistake and I'll fix it",
    "the plant is dead because I forgot to water it",
    "I'm going to end the meeting early",
]


@pytest.mark.parametrize("text", POSITIVES)
def test_positive_phrases_suggest_crisis(text: str) -> None:
    phrases = crisis_phrases(text)
    assert phrases, text
    for phrase in phrases:
        assert phrase in text
    assert suggests_crisis([text])


@pytest.mark.parametrize("text", NEGATIVES)
def test_everyday_idioms_do_not_suggest_crisis(text: str) -> None:
    assert crisis_phrases(text) == []
    assert not suggests_crisis([text])


def test_negated_statements_still_show_the_panel() -> None:
    # Deliberate: people often play down how they feel, and the panel never blocks saving.
    assert suggests_crisis(["I'm not suicidal, just worn out"])
    assert suggests_crisis(["I would never hurt myself"])


def test_suggests_crisis_looks_at_every_answer() -> None:
    answers = ["The meeting went badly.", "My boss thinks I'm useless.", "I want to die."]
    assert suggests_crisis(answers)
    assert suggests_crisis(iter(answers))
    assert not suggests_crisis(answers[:2])
    assert not suggests_crisis([])


def test_phrases_come_back_in_order() -> None:
    text = "I hurt myself last week and I still want to die."
    assert crisis_phrases(text) == ["hurt myself", "want to die"]


def test_message_is_calm_and_general() -> None:
    assert CRISIS_MESSAGE_TITLE
    assert "local crisis line" in CRISIS_MESSAGE
    assert "emergency number" in CRISIS_MESSAGE
    assert "someone you trust" in CRISIS_MESSAGE
    assert "not a substitute for professional help" in CRISIS_MESSAGE
    assert "saved as usual" in CRISIS_MESSAGE
    # No country-specific phone numbers.
    assert not re.search(r"\d", CRISIS_MESSAGE + CRISIS_MESSAGE_TITLE)
    for harsh in ("you failed", "lazy", "weak", "should have"):
        assert harsh not in (CRISIS_MESSAGE + CRISIS_MESSAGE_TITLE).lower()
