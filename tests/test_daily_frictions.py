"""The small frictions a daily user meets: a day written about later (issue 16, point 4),
ratings that keep their words (point 5), and the smaller points of 11."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from conftest import TZ, fill_plan
from reframe_support import (
    FRIDAY,
    REFRAME_ANSWERS,
    WEDNESDAY,
    Journal,
    journal_fixture,  # noqa: F401  (the journal fixture)
)
from selfcompassion.flows.today import about_day, plan_today
from selfcompassion.flows.typed_steps import typing_hint
from selfcompassion.packs.loader import load_pack
from selfcompassion.store import Answer, JournalStore

TUESDAY = date(2026, 12, 1)
WEDNESDAY_AFTER = date(2026, 12, 2)


# -- point 4: the day written about ---------------------------------------------------------


def test_questions_written_for_another_day_speak_of_that_day() -> None:
    assert about_day("How gently have you treated yourself today?", TUESDAY) == (
        "How gently have you treated yourself on Tuesday 1 December?"
    )
    assert about_day("Where does today sit for you?", TUESDAY) == "Where does that day sit for you?"
    assert about_day("If you look back over today, how kind?", TUESDAY).startswith(
        "If you look back over that day,"
    )
    assert about_day("What did today's misstep teach you?", TUESDAY) == (
        "What did that day's misstep teach you?"
    )
    for name in ("daily", "leader"):
        plan = plan_today(load_pack(name), TUESDAY, today=WEDNESDAY_AFTER)
        for step in plan.steps:
            assert "today" not in step.prompt.lower().replace("that day", ""), step.prompt
        same_day = plan_today(load_pack(name), TUESDAY, today=TUESDAY)
        assert same_day.steps == plan_today(load_pack(name), TUESDAY).steps


def test_a_day_written_later_is_named_and_dated_and_kept_apart_from_the_writing(
    journal: Journal,
) -> None:
    plan = json.loads(journal("today", "--plan", "--date", "yesterday", day=TUESDAY).out)
    assert "today" not in " ".join(step["prompt"] for step in plan["steps"]).lower()
    answers = fill_plan(plan) | {"mood": 2}
    saved = journal("today", "--date", "yesterday", "--answers", journal.answers_file(answers),
                    day=TUESDAY)  # fmt: skip
    assert saved.code == 0, saved.err
    assert "yesterday, Monday 30 November 2026" in saved.out
    shown = journal("--no-pager", "show", "2026-11-30", day=WEDNESDAY_AFTER).out
    assert "Monday 30 November" in shown
    assert "Written yesterday at 21:00" in shown  # the day of writing, apart


# -- point 5: ratings keep their words ------------------------------------------------------


def test_a_rating_is_saved_shown_and_exported_with_its_label(journal: Journal) -> None:
    plan = json.loads(journal("today", "--plan", day=TUESDAY).out)
    answers = fill_plan(plan) | {"mood": 2, "kindness": 4}
    assert journal("today", "--answers", journal.answers_file(answers), day=TUESDAY).code == 0
    shown = journal("--no-pager", "show", "2026-12-01", day=TUESDAY).out
    assert "2 (a bit heavy)" in shown and "4 (fairly kind)" in shown
    markdown = journal("export", "--format", "markdown", day=TUESDAY).out
    assert "2 (a bit heavy)" in markdown
    csv = journal("export", "--format", "csv", day=TUESDAY).out
    assert "2 (a bit heavy)" in csv
    exported = json.loads(journal("export", day=TUESDAY).out)["entries"][0]["answers"]
    mood = next(a for a in exported if a["step_id"] == "mood")
    assert (mood["value"], mood["text"]) == (2, "2 (a bit heavy)")  # the number stays a number


def test_check_in_answers_chosen_as_words_are_exported_with_their_words(
    journal: Journal,
) -> None:
    plan = json.loads(journal("checkin", "--plan", day=TUESDAY).out)
    rated = [step["id"] for step in plan["steps"] if step["kind"] == "scale"]
    answers = {step_id: 4 for step_id in rated}
    assert journal("checkin", "--answers", journal.answers_file(answers), day=TUESDAY).code == 0
    markdown = journal("export", "--format", "markdown", day=TUESDAY).out
    assert markdown.count("4 (often)") == len(rated) >= 12


# -- point 11: the smaller ones -------------------------------------------------------------


def test_show_lists_the_traps_once_and_no_pack_footer(journal: Journal) -> None:
    assert journal.reframe(REFRAME_ANSWERS).code == 0
    shown = journal("--no-pager", "show", WEDNESDAY.isoformat()).out
    assert "pack reframe" not in shown
    assert "Thinking patterns noticed" not in shown  # the traps answer already names them
    traps_prompt = load_pack("reframe").step("traps").prompt
    assert " ".join(shown.split()).count(traps_prompt[:30]) == 1


def test_a_note_question_that_says_enter_to_skip_says_it_once() -> None:
    note = load_pack("reframe").step("review_note")
    assert "Enter to skip" in (note.help or "")
    assert typing_hint(note) is None
    assert typing_hint(load_pack("reframe").step("naming")) == "Enter to skip."


def test_a_re_rating_shows_the_earlier_answer(store: JournalStore) -> None:
    from selfcompassion.flows.editing import step_for

    entry = store.add_entry(
        kind="daily",
        journal_date=TUESDAY,
        answers=[Answer("mood", "scale", "How heavy?", 2, "check-in", "2 (a bit heavy)")],
        now=datetime(2026, 12, 1, 21, tzinfo=TZ),
        pack="daily",
    )
    asked = step_for(entry, entry.answers[0], load_pack)
    assert asked.help is not None and asked.help.startswith("Your earlier answer: 2 (a bit heavy)")


def test_the_saved_panel_confirms_what_became_of_a_next_step(journal: Journal) -> None:
    assert journal.reframe(REFRAME_ANSWERS).code == 0
    plan = json.loads(journal("today", "--plan", day=FRIDAY).out)
    [key] = [s["id"] for s in plan["steps"] if s["id"].startswith("commitment-") and
             s["kind"] == "choice"]  # fmt: skip
    answers: dict[str, Any] = {
        k: v for k, v in fill_plan(plan).items() if not k.startswith("commitment-")
    }
    answers[key] = "partly"
    saved = journal("today", "--answers", journal.answers_file(answers), day=FRIDAY)
    assert saved.code == 0, saved.err
    assert "marked partly done" in saved.out


def test_a_follow_up_about_a_next_step_names_it(journal: Journal) -> None:
    from selfcompassion.flows.review import due_reviews, step_id

    assert journal.reframe(REFRAME_ANSWERS).code == 0
    with JournalStore.open(journal.db) as store:
        reviews = due_reviews(store, FRIDAY, load_pack)
    assert reviews is not None
    [commitment] = reviews.commitments
    key = step_id(commitment)
    note = next(step for step in reviews.steps if step.id == f"{key}-note")
    shaped = reviews.shape(note, {key: "partly"})
    assert shaped is not None and shaped.help is not None
    assert shaped.help.startswith(f"About: {REFRAME_ANSWERS['next_step'].rstrip('.')} (partly)")
    assert reviews.shape(note, {key: "done"}) is None
