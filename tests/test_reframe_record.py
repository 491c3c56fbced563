"""The reframe as a complete thought record: its order, the balanced thought and how much it
is believed (saved, shown, exported, reported), feelings named without a strength, drafts
and entries of the earlier shape, and example dates that never go stale."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from cli_run import fixed_clock
from reframe_support import (
    REFRAME_ANSWERS,
    WEDNESDAY,
    Journal,
    journal_fixture,  # noqa: F401  (the journal fixture)
)
from selfcompassion.dates import parse_date, parse_due_date, parse_past_date
from selfcompassion.errors import AnswerError, InputError
from selfcompassion.flows.asking import ScriptedAsker
from selfcompassion.flows.reframe import plan_reframe, run_reframe
from selfcompassion.packs.loader import load_pack
from selfcompassion.packs.steps import check_answer
from selfcompassion.store import Draft, JournalStore
from selfcompassion.traps.detector import TRAPS

#: The order the issue asks for, written out here rather than read from the code.
ORDER = [
    "happened",
    "emotions",
    "naming",
    "critic",
    "belief",
    "traps",
    "evidence_for",
    "evidence_against",
    "balanced",
    "balanced_belief",
    "shared",
    "kind_words",
    "control",
    "next_step",
    "next_due",
    "emotions_after",
    "belief_after",
]
BALANCED = REFRAME_ANSWERS["balanced"]


def only_id(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        (row,) = conn.execute("SELECT id FROM entries").fetchall()
    return str(row[0])


def test_the_plan_lists_the_thought_record_in_order(journal: Journal) -> None:
    plan = json.loads(journal("reframe", "--plan").out)
    assert [step["id"] for step in plan["steps"]] == ORDER
    by_id = {step["id"]: step for step in plan["steps"]}
    # Mindfulness before analysis: the difficulty is named before the critic is heard.
    assert ORDER.index("naming") < ORDER.index("critic") < ORDER.index("traps")
    assert by_id["balanced"]["required"] is True
    assert (by_id["balanced_belief"]["min"], by_id["balanced_belief"]["max"]) == (0, 100)
    assert "hopeless" in by_id["emotions"]["choices"]
    assert "rest" in by_id["next_step"]["help"].lower()
    assert "help" in by_id["next_step"]["help"].lower()


def test_every_trap_has_its_explanation_in_the_picker(journal: Journal) -> None:
    plan = json.loads(journal("reframe", "--plan").out)
    traps = next(step for step in plan["steps"] if step["id"] == "traps")
    notes = traps["choice_notes"]
    assert list(notes) == list(TRAPS) == traps["choices"]
    for trap_id, note in notes.items():
        assert note == {"name": TRAPS[trap_id].name, "explanation": TRAPS[trap_id].explanation}


def test_no_reframe_wording_assumes_the_setback_was_at_work() -> None:
    pack = load_pack("reframe")
    for step in pack.steps:
        for wording in (step.prompt, *step.variants, step.help or ""):
            lowered = wording.lower()
            assert "colleague" not in lowered, wording
            assert "real work" not in lowered, wording


def test_the_balanced_thought_is_saved_shown_and_exported(journal: Journal) -> None:
    saved = journal.reframe(REFRAME_ANSWERS)
    assert saved.code == 0, saved.err
    assert "balanced thought" in saved.out and BALANCED in " ".join(saved.out.split())
    assert "in the critic 85 → 40 · in the balanced thought 60" in saved.out
    entry_id = only_id(journal.db)

    shown = journal("show", entry_id)
    assert shown.code == 0, shown.err
    flat = " ".join(shown.out.split())
    assert BALANCED in flat
    assert "Belief in the critic 85 → 40 · in the balanced thought 60" in flat

    exported = json.loads(journal("export").out)
    (record,) = exported["entries"]
    assert record["reframe_scores"]["balanced_belief"] == 60
    assert record["reframe_scores"]["belief_before"] == 85
    assert record["reframe_scores"]["belief_after"] == 40
    answers = {answer["step_id"]: answer["value"] for answer in record["answers"]}
    assert answers["balanced"] == BALANCED and answers["balanced_belief"] == 60

    markdown = journal("export", "--format", "markdown").out
    assert BALANCED in markdown and "How much do you believe that balanced thought" in markdown

    rows = list(csv.DictReader(io.StringIO(journal("export", "--format", "csv").out)))
    by_step = {row["step_id"]: row for row in rows}
    assert by_step["balanced"]["answer"] == BALANCED
    assert by_step["balanced_belief"]["answer"] == "60"
    assert by_step["belief"]["answer"] == "85" and by_step["belief_after"]["answer"] == "40"

    notes = journal.folder / "notes"
    assert journal("export", "--daily-notes", str(notes)).code == 0
    assert BALANCED in (notes / f"{WEDNESDAY.isoformat()}.md").read_text(encoding="utf-8")


def test_the_weekly_report_carries_both_beliefs(journal: Journal) -> None:
    assert journal.reframe(REFRAME_ANSWERS).code == 0
    other = {**REFRAME_ANSWERS, "belief": 75, "belief_after": 30, "balanced_belief": 80}
    assert journal.reframe(other).code == 0
    unrated = {
        k: v for k, v in REFRAME_ANSWERS.items() if k not in ("belief_after", "balanced_belief")
    }
    assert journal.reframe(unrated).code == 0

    week = WEDNESDAY.isoformat()
    report = json.loads(journal("report", "--week", week, "--format", "json").out)
    reframes = report["current"]["reframes"]
    assert reframes["count"] == 3
    # Before and after over the two reframes that rated both; the third is left out.
    assert reframes["belief_in_critic"] == {
        "average_before": 80.0,
        "average_after": 35.0,
        "rated": 2,
    }
    assert reframes["belief_in_balanced_thought"] == {"average": 70.0, "rated": 2}

    text = " ".join(journal("report", "--week", week).out.split())
    # Drawn as bars, each with its figure: 80 of 100 is 16 blocks, 35 is 7.
    assert f"belief in critic, before {'█' * 16} 80.0" in text
    assert f"belief in critic, after {'█' * 7} 35.0" in text
    assert f"belief in balanced thought {'█' * 14} 70.0" in text


def test_a_feeling_named_without_a_strength_is_kept(journal: Journal) -> None:
    answers = {
        **REFRAME_ANSWERS,
        "emotions": {"embarrassed": None, "anxious": 60},
        "emotions_after": {"embarrassed": None, "anxious": 30},
    }
    saved = journal.reframe(answers)
    assert saved.code == 0, saved.err
    assert "embarrassed not rated" in saved.out and "anxious 60 → 30" in saved.out
    with JournalStore.open(journal.db) as store:
        entry = store.get_entry(only_id(journal.db))
        assert entry is not None
        assert entry.answer("emotions").value == {"embarrassed": None, "anxious": 60}
        assert entry.answer("emotions").text == "embarrassed not rated, anxious 60"
        scores = store.reframe_scores(entry.id)
        assert scores is not None and scores.intensity_before == 60.0  # the rated one only
    assert "embarrassed not rated" in journal("show", entry.id).out


def import_into_a_new_journal(journal: Journal, exported: Path) -> None:
    """Point the journal fixture at a new, empty journal and import ``exported`` into it."""
    journal.db = journal.folder / "other" / "journal.db"
    journal.monkeypatch.setenv("SELFCOMPASSION_DB", str(journal.db))
    result = journal("import", str(exported))
    assert result.code == 0, result.err


def test_a_feeling_without_a_strength_round_trips_through_an_export(journal: Journal) -> None:
    answers = {**REFRAME_ANSWERS, "emotions": {"tired": None}, "emotions_after": {"tired": 20}}
    assert journal.reframe(answers).code == 0
    exported = journal.folder / "all.json"
    assert journal("export", "-o", str(exported)).code == 0
    import_into_a_new_journal(journal, exported)
    with JournalStore.open(journal.db) as store:
        entry = store.get_entry(only_id(journal.db))
        assert entry is not None and entry.answer("emotions").value == {"tired": None}


def test_an_export_from_before_the_balanced_belief_still_imports(journal: Journal) -> None:
    assert journal.reframe(REFRAME_ANSWERS).code == 0
    data = json.loads(journal("export").out)
    for record in data["entries"]:
        del record["reframe_scores"]["balanced_belief"]
    older = journal.folder / "older.json"
    older.write_text(json.dumps(data), encoding="utf-8")
    import_into_a_new_journal(journal, older)
    with JournalStore.open(journal.db) as store:
        scores = store.reframe_scores(only_id(journal.db))
        assert scores is not None
        assert (scores.belief_before, scores.balanced_belief) == (85, None)


def test_a_draft_of_the_earlier_shape_keeps_its_lesson(store: JournalStore) -> None:
    """A draft left in the middle of a reframe of the earlier shape (with a lesson and no
    balanced thought) is finished in the new order without losing the lesson."""
    earlier = {
        "happened": "The bake sale ran out of change.",
        "emotions": {"flustered": 50},
        "critic": "I never plan anything properly.",
        "belief": 70,
        "kind_words": "You set it all up on your own.",
        "lesson": "Bring a float of coins next time.",
    }
    store.save_draft(Draft("reframe", WEDNESDAY, "reframe", earlier, ""), fixed_clock(WEDNESDAY)())
    plan = plan_reframe(load_pack("reframe"), WEDNESDAY, 0)
    rest = {
        "balanced": "One thing ran short at an event I ran well.",
        "next_step": "Ask the treasurer for coins",
        "next_due": "friday",
    }
    asker = ScriptedAsker(rest, today=WEDNESDAY)
    draft = store.load_draft("reframe")
    assert draft is not None
    outcome = run_reframe(store, asker, plan, clock=fixed_clock(WEDNESDAY), resume=draft.answers)
    assert outcome.entry is not None
    ids = [answer.step_id for answer in outcome.entry.answers]
    assert ids.index("kind_words") + 1 == ids.index("lesson")
    assert outcome.entry.answer("lesson").value == "Bring a float of coins next time."
    assert outcome.entry.answer("balanced").value == rest["balanced"]


def test_an_entry_of_the_earlier_shape_reads_and_edits_as_before(journal: Journal) -> None:
    """Reframes saved before the thought record steps existed: no balanced thought, a
    lesson. They show, export and report as they were, and --step still finds the lesson."""
    old = {k: v for k, v in REFRAME_ANSWERS.items() if k in ORDER}
    for step_id in ("evidence_for", "evidence_against", "balanced", "balanced_belief", "control"):
        old.pop(step_id)
    assert journal.reframe({**old, "balanced": "placeholder"}).code == 0
    entry_id = only_id(journal.db)
    with sqlite3.connect(journal.db) as conn:  # as the earlier version wrote it
        conn.execute(
            "UPDATE answers SET step_id = 'lesson', prompt = 'What does this teach you?', "
            "value = '\"Check the slides the evening before.\"', "
            "text = 'Check the slides the evening before.' "
            "WHERE entry_id = ? AND step_id = 'balanced'",
            [entry_id],
        )
    shown = " ".join(journal("show", entry_id).out.split())
    assert "What does this teach you?" in shown
    assert "Check the slides the evening before." in shown
    assert "Belief in the critic 85 → 40" in shown and "balanced thought" not in shown
    week = WEDNESDAY.isoformat()
    report = json.loads(journal("report", "--week", week, "--format", "json").out)
    assert report["current"]["reframes"]["belief_in_balanced_thought"] == {
        "average": None,
        "rated": 0,
    }
    markdown = journal("export", "--format", "markdown").out
    assert "Check the slides the evening before." in markdown

    from cli_run import run_cli_with_keys
    from keys import ENTER

    edited = run_cli_with_keys(
        "--db", str(journal.db), "edit", entry_id, "--step", "lesson",
        keys="\x7f" * 60 + "Print the slides the day before." + ENTER,
    )  # fmt: skip
    assert edited.code == 0, edited.err
    with JournalStore.open(journal.db) as store:
        entry = store.get_entry(entry_id)
        assert entry is not None
        assert entry.answer("lesson").value == "Print the slides the day before."


# -- example dates ---------------------------------------------------------------------------

DAYS = [date(2025, 1, 1), date(2026, 2, 28), date(2026, 12, 31), date(2031, 7, 15)]


def _dates_in(text: str) -> list[date]:
    import re

    return [date.fromisoformat(found) for found in re.findall(r"\d{4}-\d{2}-\d{2}", text)]


@pytest.mark.parametrize("today", DAYS)
def test_example_due_dates_lie_ahead_whatever_the_day(journal: Journal, today: date) -> None:
    plan = json.loads(journal("reframe", "--plan", day=today).out)
    due = next(step for step in plan["steps"] if step["id"] == "next_due")
    examples = _dates_in(due["prompt"] + " " + due.get("help", ""))
    pack = load_pack("reframe")
    every_wording = pack.step("next_due").with_dates(today)
    examples += _dates_in(" ".join((every_wording.prompt, *every_wording.variants)))
    review = pack.step("review_when").with_dates(today)
    examples += _dates_in(review.help or "")
    assert examples, "the prompts give an example date"
    for example in examples:
        assert example > today
        assert parse_due_date(example.isoformat(), today) == example


@pytest.mark.parametrize("today", DAYS)
def test_date_hints_point_the_way_the_question_asks(today: date) -> None:
    with pytest.raises(InputError) as ahead:
        parse_date("someday", today, prefer="future")
    assert "tomorrow" in ahead.value.message and "ago" not in ahead.value.message
    assert all(example > today for example in _dates_in(ahead.value.message))

    with pytest.raises(InputError) as behind:
        parse_date("someday", today, prefer="past")
    assert "yesterday" in behind.value.message and "tomorrow" not in behind.value.message
    assert all(example < today for example in _dates_in(behind.value.message))

    with pytest.raises(InputError) as passed:
        parse_due_date((today - timedelta(days=3)).isoformat(), today)
    (suggested,) = _dates_in(passed.value.message.split("pick")[1])
    assert suggested > today

    with pytest.raises(InputError) as future:
        parse_past_date((today + timedelta(days=3)).isoformat(), today)
    (suggested,) = _dates_in(future.value.message.split("earlier")[1])
    assert suggested < today

    step = load_pack("reframe").step("next_due")
    with pytest.raises(AnswerError) as empty:
        check_answer(step, None, today=today)
    assert all(example > today for example in _dates_in(str(empty.value)))


def test_no_pack_or_help_carries_a_fixed_example_date() -> None:
    """Example dates are written as marks the flow fills in from today, never as dates."""
    root = Path(__file__).resolve().parents[1]
    for path in sorted((root / "prompts").glob("*.toml")):
        assert _dates_in(path.read_text(encoding="utf-8")) == [], path.name
    for path in sorted((root / "src" / "selfcompassion" / "commands").glob("*.py")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "help=" in line:
                assert _dates_in(line) == [], f"{path.name}: {line.strip()}"
