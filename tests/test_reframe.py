"""``journal reframe``: scripted runs, the plan, bad answers, drafts and the summary."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import fixed_clock
from reframe_support import (
    CTRL_C,
    ENTER,
    FRIDAY,
    REFRAME_ANSWERS,
    SPACE,
    WEDNESDAY,
    Journal,
    journal_fixture,  # noqa: F401  (the journal fixture)
)
from selfcompassion.flows.reframe import STEP_IDS, plan_reframe, reframe_session
from selfcompassion.packs.loader import load_pack
from selfcompassion.store import JournalStore
from selfcompassion.traps.detector import TRAPS


def rows(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def test_scripted_reframe_saves_entry_traps_scores_and_commitment(journal: Journal) -> None:
    result = journal.reframe(REFRAME_ANSWERS, "--tag", "Work")
    assert result.code == 0, result.err
    assert result.err == ""

    with JournalStore.open(journal.db) as store:
        (entry_id,) = [r[0] for r in rows(journal.db, "SELECT id FROM entries")]
        entry = store.get_entry(entry_id)
        assert entry is not None
        assert entry.kind == "reframe"
        assert entry.journal_date == WEDNESDAY
        assert [a.step_id for a in entry.answers] == list(STEP_IDS)
        assert set(entry.tags) == {"work", "presenting"}
        traps = store.entry_traps(entry_id)
        scores = store.reframe_scores(entry_id)
        commitment = store.commitment_for_entry(entry_id)

    # The traps step was left out, so the ones found in the critic's words were kept,
    # each with the words that showed it.
    assert dict(traps) == {
        "labelling": "I'm such an idiot",
        "overgeneralising": "always mess",
        "mind-reading": "everyone thinks I'm useless",
    }
    assert scores is not None
    # Over the feelings rated both times ('exposed' was not rated again): (80 + 60) / 2
    assert scores.intensity_before == 70.0
    assert scores.intensity_after == 40.0  # (50 + 30) / 2
    assert (scores.belief_before, scores.belief_after) == (85, 40)
    assert scores.balanced_belief == 60
    assert commitment is not None
    assert commitment.text == "Add a slide check to my preparation list"
    assert commitment.due_date == FRIDAY  # "friday", said on a wednesday
    assert commitment.status == "open"

    assert "One wrong slide does not undo months of careful work." in result.out
    assert "Friday 20 November" in result.out
    assert "70 → 40" in result.out and "85 → 40" in result.out
    assert "I made one slip in a careful piece of work" in result.out
    assert "in the balanced thought 60" in result.out
    assert "embarrassed 80 → 50" in result.out and "exposed 40" in result.out
    assert "Labelling, Overgeneralising, Mind-reading" in result.out


def test_confirmed_traps_replace_the_detected_ones(journal: Journal) -> None:
    answers = {**REFRAME_ANSWERS, "traps": ["labelling", "catastrophising"]}
    assert journal.reframe(answers).code == 0
    assert rows(journal.db, "SELECT trap_id, phrase FROM entry_traps ORDER BY trap_id") == [
        ("catastrophising", None),  # added by the person: no phrase showed it
        ("labelling", "I'm such an idiot"),
    ]
    assert journal.reframe({**REFRAME_ANSWERS, "traps": []}).code == 0
    assert rows(journal.db, "SELECT count(*) FROM entry_traps") == [(2,)]


def test_ratings_are_optional(journal: Journal) -> None:
    answers = {
        key: value
        for key, value in REFRAME_ANSWERS.items()
        if key not in ("emotions", "emotions_after", "belief", "belief_after")
    }
    result = journal.reframe(answers)
    assert result.code == 0, result.err
    assert rows(journal.db, "SELECT intensity_before, belief_after FROM reframe_scores") == [
        (None, None)
    ]
    assert "Reframe saved" in result.out


@pytest.mark.parametrize(
    ("change", "step", "words"),
    [
        ({"emotions": {"sad": 150}}, "emotions", "outside 0 to 100"),
        ({"emotions": ["sad"]}, "emotions", "mapping"),
        ({"traps": ["made-up-trap"]}, "traps", "is not one of"),
        ({"next_due": "yesterday"}, "next_due", "already passed"),
        ({"next_due": "someday"}, "next_due", ""),
        ({"emotions_after": {"joyful": 10}}, "emotions_after", "is not one of"),
        ({"belief": "lots"}, "belief", "whole number"),
        ({"kind_words": "   "}, "kind_words", "needs an answer"),
        ({"mood": 3}, "mood", "no such step"),
    ],
)
def test_invalid_values_name_the_step_and_save_nothing(
    journal: Journal, change: dict[str, Any], step: str, words: str
) -> None:
    result = journal.reframe({**REFRAME_ANSWERS, **change})
    assert result.code == 2
    assert result.err.startswith(f"journal: step '{step}'")
    assert words in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert result.out == ""
    for table in ("entries", "answers", "reframe_scores", "entry_traps", "commitments"):
        assert rows(journal.db, f"SELECT count(*) FROM {table}") == [(0,)], table  # noqa: S608


def test_plan_lists_every_step_and_varies_its_wording(journal: Journal) -> None:
    first = json.loads(journal("reframe", "--plan").out)
    assert first["flow"] == "reframe"
    assert [step["id"] for step in first["steps"]] == list(STEP_IDS)
    by_id = {step["id"]: step for step in first["steps"]}
    assert by_id["traps"]["choices"] == list(TRAPS)
    assert by_id["emotions"]["other_allowed"] is True
    assert by_id["emotions_after"]["other_allowed"] is False
    assert by_id["next_due"]["kind"] == "date"

    assert journal.reframe(REFRAME_ANSWERS).code == 0
    second = json.loads(journal("reframe", "--plan").out)
    assert [s["id"] for s in second["steps"]] == [s["id"] for s in first["steps"]]
    changed = [
        a["id"]
        for a, b in zip(first["steps"], second["steps"], strict=True)
        if a["prompt"] != b["prompt"]
    ]
    assert len(changed) == len(STEP_IDS)


def test_every_wording_in_the_pack_is_kind() -> None:
    pack = load_pack("reframe")
    assert pack.flow == "reframe"
    assert list(pack.step("traps").choices) == list(TRAPS)
    unkind = ("you failed", "why didn't you", "should have", "lazy", "weak", "stupid")
    for step in pack.steps:
        assert len(step.variants) >= 2, step.id
        for wording in (step.prompt, *step.variants, step.help or ""):
            assert not any(word in wording.lower() for word in unkind), wording


def test_earlier_reframes_on_the_same_tag_are_recalled(journal: Journal) -> None:
    assert journal.reframe(REFRAME_ANSWERS, day=date(2026, 11, 2)).code == 0
    unrelated = {**REFRAME_ANSWERS, "happened": "A quiet planning meeting went long."}
    assert journal.reframe(unrelated, day=date(2026, 11, 3)).code == 0
    later = journal.reframe(REFRAME_ANSWERS, day=WEDNESDAY)
    assert "Earlier reframes on the same theme" in later.out
    assert "Monday 2 November" in later.out
    assert "Tuesday 3 November" not in later.out
    assert "70 → 40" in later.out


def test_ctrl_c_keeps_a_draft_and_the_next_run_picks_it_up(store: JournalStore) -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from selfcompassion.errors import FlowInterrupted
    from selfcompassion.flows.asking import QuestionaryAsker

    plan = plan_reframe(load_pack("reframe"), WEDNESDAY, 0)
    clock = fixed_clock(WEDNESDAY)

    def run(keys: list[str]) -> Any:
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
            for key in keys:
                pipe.send_text(key)
            return reframe_session(store, QuestionaryAsker(today=WEDNESDAY), plan, clock=clock)

    with pytest.raises(FlowInterrupted):
        run(["The release slipped a week.", ENTER, CTRL_C])
    draft = store.load_draft("reframe")
    assert draft is not None
    assert draft.answers == {"happened": "The release slipped a week."}
    assert store.count_entries() == 0

    outcome = run(
        [
            ENTER,  # pick up where I left off
            SPACE, ENTER, ENTER, "70", ENTER,  # anxious, no own words, 70
            ENTER,  # naming: skipped
            "I always mess up big launches.", ENTER,
            "90", ENTER,  # belief
            ENTER,  # keep the traps that were found
            ENTER, ENTER,  # evidence for and against: skipped
            "One launch slipped; most landed.", ENTER,
            ENTER,  # belief in the balanced thought: skipped
            ENTER,  # shared: skipped
            "Plans slip; I told people early.", ENTER,
            ENTER,  # control: skipped
            "Share a new date with the team", ENTER,
            "friday", ENTER,
            ENTER, "40", ENTER,  # the same feeling, now 40
            "50", ENTER,
        ]
    )  # fmt: skip
    assert outcome.entry is not None
    assert store.load_draft("reframe") is None
    assert outcome.entry.answer("happened").value == "The release slipped a week."
    assert outcome.entry.answer("emotions").value == {"anxious": 70}
    assert outcome.entry.answer("emotions_after").value == {"anxious": 40}
    assert outcome.entry.answer("traps").value == ["overgeneralising"]
    assert outcome.commitment is not None and outcome.commitment.due_date == FRIDAY


def test_a_reframe_is_saved_whole_or_not_at_all(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from selfcompassion.store import commitments

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(commitments.CommitmentQueries, "new_commitment", broken)
    result = journal.reframe(REFRAME_ANSWERS)
    assert result.code == 1
    assert "could not be used" in result.err and "Traceback" not in result.err
    for table in ("entries", "answers", "tags", "reframe_scores", "entry_traps", "commitments"):
        assert rows(journal.db, f"SELECT count(*) FROM {table}") == [(0,)], table  # noqa: S608
