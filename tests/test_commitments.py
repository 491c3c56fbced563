"""Next steps after a reframe: asked about in ``journal today`` when due, listed and closed
with ``journal commitments``, and the reframe's second look with ``--revisit``."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import fill_plan
from reframe_support import (
    FRIDAY,
    REFRAME_ANSWERS,
    WEDNESDAY,
    Journal,
    journal_fixture,  # noqa: F401  (the journal fixture)
)
from selfcompassion.store import JournalStore

SATURDAY = date(2026, 11, 21)
MONDAY = date(2026, 11, 23)


def commitment_row(db: Path) -> tuple[Any, ...]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT id, status, due_date, note, closed_date FROM commitments"
        ).fetchone()


def today_plan(journal: Journal, day: date) -> dict[str, Any]:
    result = journal("today", "--plan", day=day)
    assert result.code == 0, result.err
    return json.loads(result.out)


def review_ids(plan: dict[str, Any]) -> list[str]:
    return [step["id"] for step in plan["steps"] if step["id"].startswith("commitment-")]


def test_today_asks_about_a_commitment_only_once_it_is_due(journal: Journal) -> None:
    assert journal.reframe(REFRAME_ANSWERS).code == 0  # next step due friday
    commitment_id = commitment_row(journal.db)[0]
    key = f"commitment-{commitment_id[:8]}"

    assert review_ids(today_plan(journal, WEDNESDAY)) == []
    plan = today_plan(journal, FRIDAY)
    assert review_ids(plan) == [key, f"{key}-when", f"{key}-note"]
    question = next(step for step in plan["steps"] if step["id"] == key)
    assert "Add a slide check to my preparation list" in question["prompt"]
    assert "today" in question["prompt"]
    assert question["choices"] == ["done", "partly", "not yet", "let it go"]
    assert question["required"] is False

    answers = {**fill_plan(plan), key: "done"}
    answers.pop(f"{key}-note")  # fill_plan answers every text step; this one follows 'partly'
    result = journal("today", "--answers", journal.answers_file(answers), day=FRIDAY)
    assert result.code == 0, result.err
    assert commitment_row(journal.db)[1:] == ("done", "2026-11-20", None, "2026-11-20")
    with JournalStore.open(journal.db) as store:
        (entry,) = store.entries_on(FRIDAY)
        assert entry.answer(key) is not None and entry.answer(key).value == "done"
    assert review_ids(today_plan(journal, SATURDAY)) == []


def _review(journal: Journal, review: dict[str, Any], day: date = FRIDAY) -> Any:
    plan = today_plan(journal, day)
    (key,) = review_ids(plan)[:1]
    base = {k: v for k, v in fill_plan(plan).items() if not k.startswith("commitment-")}
    answers = {**base, **{key + suffix: value for suffix, value in review.items()}}
    return journal("today", "--answers", journal.answers_file(answers), day=day)


def test_not_yet_moves_the_day_and_keeps_it_open(journal: Journal) -> None:
    journal.reframe(REFRAME_ANSWERS)
    result = _review(journal, {"": "not yet", "-when": "monday"})
    assert result.code == 0, result.err
    assert commitment_row(journal.db)[1:] == ("open", MONDAY.isoformat(), None, None)
    assert review_ids(today_plan(journal, SATURDAY)) == []
    assert len(review_ids(today_plan(journal, MONDAY))) == 3


@pytest.mark.parametrize(
    ("review", "step", "words"),
    [
        ({"": "not yet"}, "-when", "needs an answer"),
        ({"": "not yet", "-when": "last monday"}, "-when", "already passed"),
        ({"": "maybe"}, "", "is not one of"),
        ({"": "done", "-when": "monday"}, "-when", "no such step"),
    ],
)
def test_a_review_that_does_not_fit_names_its_step_and_saves_nothing(
    journal: Journal, review: dict[str, Any], step: str, words: str
) -> None:
    journal.reframe(REFRAME_ANSWERS)
    before = commitment_row(journal.db)
    result = _review(journal, review)
    assert result.code == 2
    assert result.err.startswith(f"journal: step 'commitment-{before[0][:8]}{step}'")
    assert words in result.err
    assert commitment_row(journal.db) == before
    with JournalStore.open(journal.db) as store:
        assert store.entries_on(FRIDAY) == []


def test_partly_and_let_go_close_it_with_a_word(journal: Journal) -> None:
    journal.reframe(REFRAME_ANSWERS)
    assert _review(journal, {"": "let it go", "-note": "the deck is retired"}).code == 0
    assert commitment_row(journal.db)[1:] == (
        "let-go",
        "2026-11-20",
        "the deck is retired",
        "2026-11-20",
    )

    journal.reframe(REFRAME_ANSWERS, day=FRIDAY)  # another one, due the friday after
    later = date(2026, 11, 27)
    assert _review(journal, {"": "partly"}, day=later).code == 0
    with JournalStore.open(journal.db) as store:
        statuses = sorted(c.status for c in store.all_commitments())
    assert statuses == ["let-go", "partly"]


def test_skipping_the_review_leaves_it_open(journal: Journal) -> None:
    journal.reframe(REFRAME_ANSWERS)
    assert _review(journal, {}).code == 0
    assert commitment_row(journal.db)[1] == "open"
    assert len(review_ids(today_plan(journal, SATURDAY))) == 3


def test_commitments_says_where_next_steps_come_from(journal: Journal) -> None:
    """A dated next step comes from a reframe or from a day's intention given a day; the
    help and the empty list both say so, since both land here."""
    helped = " ".join(journal("commitments", "--help").out.split())
    assert "reframe" in helped and "intention" in helped
    empty = " ".join(journal("commitments").out.split())
    assert "reframe" in empty and "intention" in empty
    plan = today_plan(journal, SATURDAY)
    answers = {**fill_plan(plan), "intention": "Call Sam", "intention_date": "monday"}
    assert journal("today", "--answers", journal.answers_file(answers), day=SATURDAY).code == 0
    assert "Call Sam" in journal("commitments", day=SATURDAY).out


def test_commitments_lists_and_closes(journal: Journal) -> None:
    empty = journal("commitments")
    assert empty.code == 0 and "No next steps yet" in empty.out

    journal.reframe(REFRAME_ANSWERS)
    journal.reframe({**REFRAME_ANSWERS, "next_step": "Ask Sam to review the deck"}, day=FRIDAY)
    listed = journal("commitments", day=FRIDAY)
    assert "Add a slide check" in listed.out and "Ask Sam" in listed.out
    assert listed.out.index("Add a slide check") < listed.out.index("Ask Sam")
    assert "due" in listed.out

    data = json.loads(journal("commitments", "--format", "json").out)
    assert [c["status"] for c in data] == ["open", "open"]
    first = data[0]["id"]

    done = journal("commitments", "done", first[:6], "--note", "went well", day=FRIDAY)
    assert done.code == 0, done.err
    assert "Marked done" in done.out
    data = json.loads(journal("commitments", "--format", "json").out)
    assert data[0]["text"] == "Ask Sam to review the deck"  # open ones come first
    assert data[1] == {
        **data[1],
        "status": "done",
        "note": "went well",
        "closed_date": "2026-11-20",
    }

    again = journal("commitments", "done", first[:6])
    assert again.code == 2 and "already closed (done on 2026-11-20)" in again.err
    for bad, words in (("zz", "too short"), ("ffffffff", "no commitment")):
        result = journal("commitments", "done", bad)
        assert result.code == 2 and words in result.err and "Traceback" not in result.err
    assert journal("commitments", "--format", "xml").code == 2


def test_revisit_brings_a_reframe_back_after_a_few_days(journal: Journal) -> None:
    journal.reframe(REFRAME_ANSWERS)  # wednesday
    with sqlite3.connect(journal.db) as conn:
        (entry_id,) = conn.execute("SELECT id FROM entries").fetchone()

    # Too soon for a second look: not mentioned, nothing waiting.
    soon = journal("reframe", "--revisit", day=FRIDAY)
    assert soon.code == 0 and "No reframe is waiting" in soon.out
    base = fill_plan(today_plan(journal, WEDNESDAY))
    quiet = journal("today", "--answers", journal.answers_file(base), day=WEDNESDAY)
    assert "second look" not in quiet.out

    # Three days on, today mentions it once, gently, and --revisit picks it up.
    plan = today_plan(journal, SATURDAY)
    skip = {k: v for k, v in fill_plan(plan).items() if not k.startswith("commitment-")}
    mention = journal("today", "--answers", journal.answers_file(skip), day=SATURDAY)
    assert mention.code == 0, mention.err
    said = " ".join(mention.out.split())
    assert "reframe from Wednesday 18 November is ready for a second look" in said
    assert "journal reframe --revisit" in said

    revisit_plan = json.loads(journal("reframe", "--revisit", "--plan", day=SATURDAY).out)
    assert revisit_plan["entry"] == entry_id
    steps = {step["id"]: step for step in revisit_plan["steps"]}
    assert list(steps) == ["revisit_feelings", "revisit_happened", "revisit_lesson"]
    assert steps["revisit_feelings"]["choices"] == ["embarrassed", "anxious", "exposed"]

    answers = {
        "revisit_feelings": {"embarrassed": 20, "anxious": 10},
        "revisit_happened": "Nobody mentioned it again; the figures were fixed the same day.",
        "revisit_lesson": "A wrong slide is a five-minute fix, not a verdict.",
    }
    done = journal("reframe", "--revisit", "--answers", journal.answers_file(answers), day=SATURDAY)
    assert done.code == 0, done.err
    assert "Looking back" in done.out and "I'm such an idiot" in done.out
    assert "Labelling, Overgeneralising, Mind-reading" in done.out
    assert "70 → 40 → 15" in done.out
    assert "A wrong slide is a five-minute fix" in done.out

    with JournalStore.open(journal.db) as store:
        scores = store.reframe_scores(entry_id)
        entry = store.get_entry(entry_id)
    assert scores is not None and scores.revisit_intensity == 15.0
    assert scores.revisited_at is not None and scores.revisited_at.startswith("2026-11-21")
    assert entry is not None
    assert [a.step_id for a in entry.answers][-3:] == list(answers)
    assert entry.updated_at.startswith("2026-11-21")

    assert "No reframe is waiting" in journal("reframe", "--revisit", day=MONDAY).out
    again = journal("reframe", "--revisit", "--entry", entry_id[:8], day=MONDAY)
    assert again.code == 2 and "already had its second look" in again.err
    assert journal("reframe", "--entry", entry_id[:8]).code == 2


def test_an_old_reframe_is_not_mentioned_day_after_day(journal: Journal) -> None:
    journal.reframe(REFRAME_ANSWERS)  # wednesday 18 November
    later = date(2026, 12, 3)  # fifteen days on
    plan = today_plan(journal, later)
    answers = {k: v for k, v in fill_plan(plan).items() if not k.startswith("commitment-")}
    result = journal("today", "--answers", journal.answers_file(answers), day=later)
    assert result.code == 0, result.err
    assert "second look" not in result.out
    waiting = json.loads(journal("reframe", "--revisit", "--plan", day=later).out)
    assert waiting["date"] == WEDNESDAY.isoformat()  # --revisit still finds it
