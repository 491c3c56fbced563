"""Edges no fixture sat on (issue 12, items 19 and 20): "Leave for now" at today's draft
question, a resumed reframe draft whose due day has passed, the report's "last 7 days",
the welcome-back line at exactly its threshold, and a mean intensity to one decimal."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from conftest import fixed_clock
from keys import CTRL_C, DOWN, ENTER, keyboard
from reframe_support import REFRAME_ANSWERS
from selfcompassion.entries.scoring import score_reframe
from selfcompassion.errors import FlowInterrupted
from selfcompassion.flows.asking import QuestionaryAsker, ScriptedAsker
from selfcompassion.flows.reframe import plan_reframe, run_reframe
from selfcompassion.flows.today import plan_today, today_session
from selfcompassion.packs.loader import load_pack
from selfcompassion.report.periods import Period, week_of
from selfcompassion.report.stats import WELCOME_BACK_AFTER_DAYS, practice_as_of
from selfcompassion.store import Answer, JournalStore

DAY = date(2026, 11, 20)
MOMENT = datetime(2026, 11, 20, 21, 0, tzinfo=timezone(timedelta(hours=1)))


# -- item 19 ------------------------------------------------------------------------------------


def _today(store: JournalStore, *keys: str) -> Any:
    asker = QuestionaryAsker(today=DAY)
    plan = plan_today(load_pack("daily"), DAY)
    with keyboard(*keys):
        return today_session(store, asker, plan, clock=fixed_clock(DAY), load_pack=load_pack)


def test_leave_for_now_at_todays_draft_question_keeps_the_draft_and_saves_nothing(
    store: JournalStore,
) -> None:
    with pytest.raises(FlowInterrupted):
        _today(store, "2", ENTER, ENTER, "a calm morning", ENTER, CTRL_C)
    before = store.load_draft("today")
    assert before is not None
    outcome = _today(store, DOWN, DOWN, ENTER)  # the third choice: leave for now
    assert outcome.entry is None and outcome.left
    assert store.count_entries() == 0
    assert store.load_draft("today") == before


class _Recording(ScriptedAsker):
    """Answers from a mapping, as at a terminal (so drafts are kept), noting what it asked."""

    interactive = True


def test_a_resumed_reframe_draft_whose_due_day_has_passed_asks_it_again(
    store: JournalStore,
) -> None:
    plan = plan_reframe(load_pack("reframe"), DAY, wording=0)
    answers = {key: value for key, value in REFRAME_ANSWERS.items() if key != "next_due"}
    kept = {**answers, "next_due": (DAY - timedelta(days=3)).isoformat()}
    asker = _Recording({"next_due": "2026-11-27"}, today=DAY)
    outcome = run_reframe(store, asker, plan, clock=fixed_clock(DAY), resume=kept)
    assert "next_due" in asker.asked
    assert outcome.commitment is not None
    assert outcome.commitment.due_date == date(2026, 11, 27)


def test_a_resumed_reframe_draft_due_today_or_later_keeps_its_day(store: JournalStore) -> None:
    plan = plan_reframe(load_pack("reframe"), DAY, wording=0)
    kept = {**REFRAME_ANSWERS, "next_due": DAY.isoformat()}
    asker = _Recording({}, today=DAY)
    outcome = run_reframe(store, asker, plan, clock=fixed_clock(DAY), resume=kept)
    assert "next_due" not in asker.asked
    assert outcome.commitment is not None and outcome.commitment.due_date == DAY


# -- item 20 ------------------------------------------------------------------------------------


def write_on(store: JournalStore, days: list[date]) -> None:
    for day in days:
        store.add_entry(
            kind="daily",
            journal_date=day,
            answers=[Answer("present", "text", "Here?", "words", None, "words")],
            now=MOMENT,
        )


def test_the_last_7_and_30_days_count_exactly_7_and_30_days(store: JournalStore) -> None:
    write_on(store, [DAY - timedelta(days=n) for n in range(35)])
    practice = practice_as_of(store, DAY, week_of(DAY))
    assert practice.last_7 == 7
    assert practice.last_30 == 30


@pytest.mark.parametrize(
    ("away", "welcomed"),
    [(WELCOME_BACK_AFTER_DAYS - 1, False), (WELCOME_BACK_AFTER_DAYS, True)],
)
def test_the_welcome_back_line_at_exactly_its_threshold(
    store: JournalStore, away: int, welcomed: bool
) -> None:
    back = DAY - timedelta(days=1)
    before = back - timedelta(days=away + 1)
    write_on(store, [before - timedelta(days=1), before, back, DAY])
    practice = practice_as_of(store, DAY, Period(back - timedelta(days=2), DAY))
    if welcomed:
        assert practice.welcome_back is not None
        assert (practice.welcome_back.returned_on, practice.welcome_back.days_away) == (back, away)
    else:
        assert practice.welcome_back is None


def test_a_mean_intensity_is_rounded_to_one_decimal() -> None:
    scores = score_reframe(
        {"emotions": {"a": 10, "b": 15, "c": 16}, "emotions_after": {"a": 1, "b": 2, "c": 4}}
    )
    assert scores.intensity_before == 13.7
    assert scores.intensity_after == 2.3


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # anxious rated only before, meh only after: no feeling eased, so no change is shown
        ({"anxious": 70, "meh": None}, {"anxious": None, "meh": 30}, (70.0, None)),
        # the change is read over the feelings rated both times
        ({"a": 10, "b": 15, "c": 16}, {"a": 1}, (10.0, 1.0)),
        ({"a": 80, "b": 40}, {"a": 50, "b": 40, "c": 90}, (60.0, 45.0)),
        ({"a": None}, {"a": 20}, (None, 20.0)),
        ({}, {}, (None, None)),
    ],
)
def test_feelings_before_and_after_are_compared_like_with_like(
    before: dict[str, int | None], after: dict[str, int | None], expected: tuple[Any, Any]
) -> None:
    scores = score_reframe({"emotions": before, "emotions_after": after})
    assert (scores.intensity_before, scores.intensity_after) == expected
