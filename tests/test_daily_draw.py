"""A second entry on the same day draws prompts of its own."""

from __future__ import annotations

import json
from datetime import date, timedelta

from reframe_support import WEDNESDAY, Journal, journal_fixture  # noqa: F401
from selfcompassion.packs.loader import days_without_repeat, draw_prompts, load_pack

POOL = {prompt.id for prompt in load_pack("daily").prompts}


def drawn(journal: Journal) -> list[str]:
    """The rotating prompts in today's plan (not the fixed steps around them)."""
    plan = json.loads(journal("today", "--plan").out)
    return [step["id"] for step in plan["steps"] if step["id"] in POOL]


def test_a_second_entry_the_same_day_draws_different_prompts(journal: Journal) -> None:
    first = drawn(journal)
    assert len(first) == 3
    answers = {prompt: "a few words" for prompt in first} | {"intention": "rest"}
    assert journal("today", "--answers", journal.answers_file(answers)).code == 0
    second = drawn(journal)
    assert len(second) == 3 and not set(first) & set(second)
    again = {prompt: "more words" for prompt in second} | {"intention": "rest again"}
    assert journal("today", "--answers", journal.answers_file(again, "again.json")).code == 0
    third = drawn(journal)
    assert not set(third) & (set(first) | set(second))


def test_further_entries_never_repeat_a_nearby_day() -> None:
    pack = load_pack("daily")
    for offset in range(40):
        day = WEDNESDAY + timedelta(days=offset)
        seen = {step.id for step in draw_prompts(pack, day, 3, 0)}
        later = {step.id for step in draw_prompts(pack, day, 3, 1)}
        assert not seen & later, day
    assert days_without_repeat(pack, 3) >= 7
    assert draw_prompts(pack, date(2026, 1, 1), 3) == draw_prompts(pack, date(2026, 1, 1), 3, 0)


def test_a_script_may_reuse_one_answers_file_the_same_day(journal: Journal) -> None:
    first = drawn(journal)
    answers = {prompt: "the same words" for prompt in first} | {"intention": "rest"}
    path = journal.answers_file(answers)
    for _ in range(3):
        result = journal("today", "--answers", path)
        assert result.code == 0, result.err
