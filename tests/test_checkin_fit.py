"""The check-in fits the week: a statement about a moment that did not happen can say so
(and is left out of the scores), each statement asks one thing, and the floor score says
something useful."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest

from conftest import fixed_clock
from keys import ENTER
from keys import keyboard as keys
from selfcompassion.entries.scoring import score_checkin
from selfcompassion.errors import AnswerError
from selfcompassion.flows.asking import QuestionaryAsker, ScriptedAsker
from selfcompassion.flows.checkin import plan_checkin, run_checkin
from selfcompassion.packs.loader import load_pack
from selfcompassion.packs.steps import NOT_APPLICABLE, SCALE, check_answer
from selfcompassion.render.checkin import AT_THE_FLOOR, reflection_line
from selfcompassion.store import JournalStore

DAY = date(2026, 11, 22)
#: Opening words of a statement about something that may not have happened that week.
CONDITIONAL = re.compile(r"^(when|after|on a hard day|if)\b", re.IGNORECASE)


@pytest.fixture
def pack() -> Any:
    return load_pack("checkin")


def statements(pack: Any) -> list[Any]:
    return [step for step in pack.steps if step.kind == SCALE]


def test_every_conditional_statement_offers_did_not_come_up(pack: Any) -> None:
    for step in statements(pack):
        conditional = bool(CONDITIONAL.match(step.prompt))
        assert step.not_applicable == conditional, step.prompt
    plan = plan_checkin(pack, DAY).as_json()
    offered = [s["id"] for s in plan["steps"] if s.get("not_applicable") == NOT_APPLICABLE]
    assert len(offered) == 10


def test_no_statement_asks_two_things(pack: Any) -> None:
    for step in statements(pack):
        text = step.prompt.lower()
        assert not re.search(r"\b(and|or)\b", text.split(",", 1)[-1]), step.prompt


def test_did_not_come_up_is_kept_and_left_out_of_the_scores(store: JournalStore, pack: Any) -> None:
    answers = {
        "colleague-voice": NOT_APPLICABLE,
        "replay-and-scold": NOT_APPLICABLE,
        "allowed-a-break": 5,
        "unfair-standard": 1,  # reversed: counts 5
    }
    outcome = run_checkin(
        store, ScriptedAsker(answers, today=DAY), plan_checkin(pack, DAY), clock=fixed_clock(DAY)
    )
    assert outcome.entry is not None and outcome.score is not None
    assert outcome.score.rated == 2 and outcome.score.components["self-kindness"] == 5.0
    assert outcome.entry.answer("colleague-voice").value == NOT_APPLICABLE
    assert outcome.entry.answer("colleague-voice").text == NOT_APPLICABLE
    from selfcompassion.render import make_console
    from selfcompassion.render.checkin import checkin_summary

    console = make_console(width=100)
    with console.capture() as captured:
        console.print(checkin_summary(outcome.entry, outcome.score, None, DAY))
    assert "did not come up  2 of 12" in captured.get()
    exported = store.get_entry(outcome.entry.id)
    assert exported is not None and exported.answer("replay-and-scold").value == NOT_APPLICABLE


def test_did_not_come_up_is_refused_where_it_does_not_fit(pack: Any) -> None:
    unconditional = next(step for step in statements(pack) if not step.not_applicable)
    with pytest.raises(AnswerError):
        check_answer(unconditional, NOT_APPLICABLE, today=DAY)
    conditional = next(step for step in statements(pack) if step.not_applicable)
    assert check_answer(conditional, NOT_APPLICABLE, today=DAY) == NOT_APPLICABLE
    assert check_answer(conditional, 3, today=DAY) == 3


def test_did_not_come_up_at_the_keyboard(store: JournalStore, pack: Any) -> None:
    """In the terminal it is the choice just above "skip" (where the cursor starts, so Enter
    still skips)."""
    plan = plan_checkin(pack, DAY)
    first = plan.steps[0]
    assert first.not_applicable
    with keys("\x1b[A" + ENTER, *[ENTER] * (len(plan.steps) - 1)):
        outcome = run_checkin(store, QuestionaryAsker(today=DAY), plan, clock=fixed_clock(DAY))
    assert outcome.entry is not None
    assert outcome.entry.answer(first.id).value == NOT_APPLICABLE
    assert outcome.score is not None and outcome.score.total is None


def test_the_floor_score_says_something_useful(pack: Any) -> None:
    lowest = {step.id: (step.max if step.reverse else step.min) for step in statements(pack)}
    score = score_checkin(pack.steps, lowest)
    assert score.total == 1.0
    line = reflection_line(score)
    assert line == AT_THE_FLOOR
    assert "journal reframe" in line and "not of you" in line


def test_an_import_keeps_did_not_come_up(tmp_path: Any) -> None:
    from cli_run import run_cli

    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"same-boat": NOT_APPLICABLE, "real-size": 4}))
    db, other = tmp_path / "one" / "journal.db", tmp_path / "two" / "journal.db"
    assert run_cli("--db", str(db), "checkin", "--answers", str(answers)).code == 0
    exported = tmp_path / "all.json"
    assert run_cli("--db", str(db), "export", "-o", str(exported)).code == 0
    result = run_cli("--db", str(other), "import", str(exported))
    assert result.code == 0, result.err
    with JournalStore.open(other) as store:
        (entry,) = store.entries_on(_day(exported))
        assert entry.answer("same-boat").value == NOT_APPLICABLE


def _day(exported: Any) -> date:
    data = json.loads(exported.read_text())
    return date.fromisoformat(data["entries"][0]["journal_date"])
