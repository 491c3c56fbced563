"""Ctrl-C at any step of ``journal today`` in a real terminal: no entry, a draft, and the
next run picks up where the person left off.

Each case runs the installed ``journal`` in a pseudo-terminal twice: once interrupted at
one step, once resumed to the end. ``PROMPT_TOOLKIT_NO_CPR`` spares each question the
wait for a cursor-position reply that a pseudo-terminal never sends.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date, timedelta
from typing import Any

import pytest

from cli_run import run_cli
from conftest import JOURNAL
from selfcompassion.files.paths import journal_path
from selfcompassion.store import JournalStore

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.pty

RESUME_QUESTION = "unfinished reflection"


def todays_plan() -> tuple[date, list[dict[str, Any]]]:
    result = run_cli("today", "--plan")
    assert result.code == 0, result.err
    plan = json.loads(result.out)
    return date.fromisoformat(plan["date"]), plan["steps"]


def answer_for(step: dict[str, Any]) -> Any:
    if step["kind"] == "scale":
        return 2 if step["id"] == "mood" else step["max"]
    if step["kind"] == "date":  # the intention's day, two days ahead
        return (date.today() + timedelta(days=2)).isoformat()
    return f"words for {step['id']}"


def spawn(*args: str) -> Any:
    """``journal ARGS`` (``journal today`` by default) in a pseudo-terminal."""
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn(
        str(JOURNAL),
        list(args or ["today"]),
        env=env,
        dimensions=(40, 220),
        encoding="utf-8",
        timeout=15,
    )
    child.delaybeforesend = None  # each expect already waits for the question to be drawn
    return child


def prompt_of(step: dict[str, Any]) -> str:
    return re.escape(step["prompt"][:30])


def type_answer(child: Any, step: dict[str, Any]) -> None:
    # For a rating the digit picks the choice and Enter confirms it; text is typed as is.
    child.send(f"{answer_for(step)}\r")


def give(child: Any, step: dict[str, Any]) -> None:
    child.expect(prompt_of(step))
    type_answer(child, step)


def interrupt(child: Any, *, kept: bool = True) -> None:
    """Ctrl-C; the line said promises a draft only when one is ``kept``."""
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130, child.before[-2000:]  # what it printed, if it failed
    said = "Paused. Your answers so far are kept as a draft" if kept else "Stopped. Anything"
    assert said in child.before


def journal_state() -> tuple[int, dict[str, Any] | None]:
    with JournalStore.open(journal_path()) as store:
        draft = store.load_draft("today")
        return store.count_entries(), (draft.answers if draft else None)


def finish(child: Any, steps: list[dict[str, Any]]) -> None:
    for step in steps:
        give(child, step)
    child.expect("Saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


# The daily pack: two ratings, a word or two, three prompts, an intention and its day.
STEP_COUNT = 8


@pytest.mark.parametrize("stop", range(STEP_COUNT))
def test_ctrl_c_at_a_step_keeps_a_draft_that_the_next_run_resumes(stop: int) -> None:
    day, steps = todays_plan()
    assert len(steps) == STEP_COUNT
    expected = {step["id"]: answer_for(step) for step in steps}

    child = spawn()
    for step in steps[:stop]:
        give(child, step)
    child.expect(prompt_of(steps[stop]))
    interrupt(child, kept=stop > 0)

    entries, draft = journal_state()
    assert entries == 0
    if stop == 0:
        assert draft is None  # nothing was answered, so there is nothing to keep
    else:
        assert draft == {step["id"]: expected[step["id"]] for step in steps[:stop]}

    child = spawn()
    if stop:
        child.expect(RESUME_QUESTION)
        child.send("\r")  # "Pick up where I left off" is the first choice
    # The first question asked is the one that was interrupted, not the first of the day.
    assert child.expect([prompt_of(steps[stop]), prompt_of(steps[0])]) == 0
    type_answer(child, steps[stop])
    finish(child, steps[stop + 1 :])

    with JournalStore.open(journal_path()) as store:
        assert store.load_draft("today") is None
        (entry,) = store.entries_on(day)
        assert {answer.step_id: answer.value for answer in entry.answers} == expected


def test_ctrl_c_at_the_resume_question_keeps_the_draft_as_it_was() -> None:
    _, steps = todays_plan()
    child = spawn()
    give(child, steps[0])
    give(child, steps[1])
    child.expect(prompt_of(steps[2]))
    interrupt(child)
    kept = journal_state()

    child = spawn()
    child.expect(RESUME_QUESTION)
    interrupt(child)
    assert journal_state() == kept
    assert kept[0] == 0 and kept[1] is not None and len(kept[1]) == 2
