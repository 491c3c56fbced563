"""How questions are drawn and what an interrupted answer leaves behind: whole questions at
narrow widths, the "(needed)" mark and the intro that explains it, half-typed words kept in
the draft, and the critic's words shown again when a reframe is picked up at the traps."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import fixed_clock
from keys import CTRL_C, ENTER, keyboard
from selfcompassion.errors import FlowInterrupted
from selfcompassion.flows.asking import QuestionaryAsker
from selfcompassion.flows.common import TYPED
from selfcompassion.flows.display import (
    DESCRIPTION_LEAD,
    question_block,
    wrap_choice,
    wrap_description,
)
from selfcompassion.flows.reframe import plan_reframe, reframe_session
from selfcompassion.flows.today import plan_today, today_session
from selfcompassion.packs.loader import load_pack
from selfcompassion.render import flow_intro, make_console
from selfcompassion.store import JournalStore

DAY = date(2026, 11, 20)


def _drawn(renderable: Any, width: int) -> list[str]:
    console = make_console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(renderable)
    return console.export_text().splitlines()


@pytest.mark.parametrize("width", [40, 60, 80])
def test_every_pack_question_is_drawn_whole_within_the_width(width: int) -> None:
    for name in ("daily", "leader", "reframe", "checkin"):
        for step in load_pack(name).steps:
            if not step.prompt:
                continue
            lines = _drawn(question_block(step, hint="Enter to skip."), width)
            assert all(len(line) <= width for line in lines)
            text = " ".join(" ".join(lines).split())
            assert " ".join(step.prompt.split()) in text
            if step.help:
                assert " ".join(step.help.split()) in text
            assert ("(needed)" in text) == step.required


def test_a_long_choice_folds_at_words_under_its_first_line() -> None:
    title = "a choice much longer than the narrowest terminal this journal promises to fit"
    folded = wrap_choice(title, width=40)
    lines = folded.split("\n")
    assert len(lines) > 1 and all(len(line) <= 39 for line in lines)
    assert " ".join(folded.split()) == title
    assert wrap_choice("short", width=40) == "short"


@pytest.mark.parametrize("width", [60, 80])
def test_every_trap_explanation_folds_at_words_below_the_list(width: int) -> None:
    from selfcompassion.traps.detector import TRAPS

    for trap in TRAPS.values():
        drawn = (DESCRIPTION_LEAD + wrap_description(trap.explanation, width=width)).split("\n")
        assert all(len(line) < width for line in drawn), drawn
        assert all(line.startswith("  ") for line in drawn)
        assert " ".join(" ".join(drawn).split()) == "Description: " + trap.explanation


def test_the_intro_says_which_questions_need_an_answer() -> None:
    needed = " ".join(_drawn(flow_intro("Daily reflection", DAY, DAY, needed=True), 80))
    assert "(needed)" in needed and "Skip anything you like" not in needed
    free = " ".join(_drawn(flow_intro("Weekly check-in", DAY, DAY), 80))
    assert "Skip anything you like" in free and "(needed)" not in free


def _today(store: JournalStore, *keys: str) -> Any:
    plan = plan_today(load_pack("daily"), DAY)
    with keyboard(*keys):
        return today_session(
            store, QuestionaryAsker(today=DAY), plan, clock=fixed_clock(DAY), load_pack=load_pack
        )


def test_ctrl_c_mid_answer_keeps_the_words_typed_and_resuming_puts_them_back(
    store: JournalStore,
) -> None:
    with pytest.raises(FlowInterrupted):
        _today(store, "3", ENTER, ENTER, "half a tho", CTRL_C)
    draft = store.load_draft("today")
    assert draft is not None
    assert draft.answers[TYPED] == {"step": "present", "text": "half a tho"}
    assert "present" not in draft.answers
    plan = plan_today(load_pack("daily"), DAY)
    rest = [key for step in plan.steps[3:] for key in (f"more {step.id}", ENTER)]
    entry = _today(store, ENTER, "ught", ENTER, *rest).entry  # pick up, finish the word
    assert entry is not None
    assert entry.answer("present").value == "half a thought"
    assert store.load_draft("today") is None


def test_a_reframe_picked_up_at_the_traps_shows_the_critic_words(
    store: JournalStore, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = plan_reframe(load_pack("reframe"), DAY, 0)
    critic = "I always ruin the big launches."

    def run(*keys: str) -> Any:
        with keyboard(*keys):
            asker = QuestionaryAsker(today=DAY)
            return reframe_session(store, asker, plan, clock=fixed_clock(DAY))

    with pytest.raises(FlowInterrupted):
        # what happened; no feelings picked, none in own words; naming skipped; the critic;
        # belief skipped; then Ctrl-C at the trap checklist
        run("The launch slipped.", ENTER, ENTER, ENTER, ENTER, critic, ENTER, ENTER, CTRL_C)
    draft = store.load_draft("reframe")
    assert draft is not None and draft.answers["critic"] == critic
    capsys.readouterr()
    with pytest.raises(FlowInterrupted):
        run(ENTER, CTRL_C)  # pick up where I left off: the trap checklist
    shown = " ".join(capsys.readouterr().out.split())
    assert "Familiar thinking traps" in shown
    assert f'The critic\'s words: "{critic}"' in shown
