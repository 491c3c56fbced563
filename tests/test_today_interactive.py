"""The terminal asker in this process: keys in, checked answers out, drafts on Ctrl-C."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import fixed_clock
from keys import CTRL_C, DOWN, ENTER, keyboard
from selfcompassion.errors import FlowInterrupted
from selfcompassion.flows.asking import QuestionaryAsker
from selfcompassion.flows.today import plan_today, today_session
from selfcompassion.packs.loader import load_pack
from selfcompassion.store import JournalStore

DAY = date(2026, 11, 20)


def _session(store: JournalStore, *keys: str):
    asker = QuestionaryAsker(today=DAY)
    plan = plan_today(load_pack("daily"), DAY)
    with keyboard(*keys):
        return today_session(store, asker, plan, clock=fixed_clock(DAY), load_pack=load_pack)


def _answers_for_plan(text: str = "words") -> list[str]:
    """Mood 4 (shortcut key), kindness skipped (default), then text for every text step."""
    plan = plan_today(load_pack("daily"), DAY)
    keys = ["4", ENTER]
    for step in plan.steps[1:]:
        keys += [ENTER] if step.kind == "scale" else [f"{text} {step.id}", ENTER]
    return keys


def test_a_full_reflection_by_keyboard(store: JournalStore) -> None:
    outcome = _session(store, *_answers_for_plan())
    entry = outcome.entry
    assert entry is not None
    assert entry.answer("mood").value == 4
    assert entry.answer("kindness") is None  # the default is to skip a rating
    assert entry.answer("intention").value == "words intention"
    assert store.load_draft("today") is None


def test_a_required_answer_is_asked_again_kindly(store: JournalStore) -> None:
    keys = _answers_for_plan()[:-2] + [ENTER, "rest early", ENTER]  # empty intention first
    entry = _session(store, *keys).entry
    assert entry is not None and entry.answer("intention").value == "rest early"


def test_ctrl_c_keeps_a_draft_and_no_entry_then_resume_finishes(store: JournalStore) -> None:
    with pytest.raises(FlowInterrupted):
        _session(store, "2", ENTER, ENTER, "a calm morning", ENTER, CTRL_C)
    assert store.count_entries() == 0
    draft = store.load_draft("today")
    assert draft is not None and draft.answers["present"] == "a calm morning"
    plan = plan_today(load_pack("daily"), DAY)
    rest = [k for step in plan.steps[3:] for k in (f"more {step.id}", ENTER)]
    outcome = _session(store, ENTER, *rest)  # first choice: pick up where I left off
    entry = outcome.entry
    assert entry is not None
    assert entry.answer("mood").value == 2 and entry.answer("present").value == "a calm morning"
    assert store.load_draft("today") is None and store.count_entries() == 1


def test_a_draft_can_be_let_go(store: JournalStore) -> None:
    with pytest.raises(FlowInterrupted):
        _session(store, "3", ENTER, CTRL_C)
    outcome = _session(store, DOWN, ENTER, *_answers_for_plan())
    assert outcome.entry is not None and outcome.entry.answer("mood").value == 4
    assert store.load_draft("today") is None


def test_second_run_same_day_offers_show_add_or_leave(store: JournalStore) -> None:
    first = _session(store, *_answers_for_plan()).entry
    shown = _session(store, DOWN, ENTER)
    assert [e.id for e in shown.show] == [first.id]
    left = _session(store, DOWN, DOWN, ENTER)
    assert left.left and store.count_entries() == 1
    added = _session(store, ENTER, *_answers_for_plan("again"))
    assert added.entry is not None and store.count_entries() == 2
