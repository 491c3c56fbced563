"""What every flow shares: asking a list of steps, keeping a draft, building answers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..asking import Asker
from ..errors import FlowInterrupted
from ..steps import CHOICE, Step, answer_text
from ..store import Answer, Draft, JournalStore


@dataclass
class DraftKeeper:
    """Saves the answers given so far after every step of an interactive flow, so that
    Ctrl-C, a closed terminal or even a killed process loses at most the step in progress."""

    store: JournalStore
    flow: str
    journal_date: date
    pack: str | None
    clock: Callable[[], datetime]
    started_at: str = ""

    def keep(self, answers: dict[str, Any]) -> None:
        draft = Draft(self.flow, self.journal_date, self.pack, dict(answers), self.started_at)
        self.store.save_draft(draft, self.clock())


def ask_steps(
    asker: Asker,
    steps: Iterable[Step],
    *,
    given: dict[str, Any] | None = None,
    keeper: DraftKeeper | None = None,
) -> dict[str, Any]:
    """Ask each step not already answered in ``given``; return every answer by step id.

    On Ctrl-C or end of input the answers so far are kept as a draft (when there is a
    keeper) and FlowInterrupted is raised; nothing reaches the journal itself.
    """
    answers: dict[str, Any] = dict(given or {})
    try:
        for step in steps:
            if step.id in answers:
                continue
            answers[step.id] = asker.ask(step)
            if keeper:
                keeper.keep(answers)
    except (KeyboardInterrupt, EOFError):
        raise FlowInterrupted() from None
    return answers


@dataclass(frozen=True)
class Collected:
    """A flow's answers, asked and checked: by step id, as stored answers, and the draft
    to clear in the transaction that saves them (None for scripted runs, which keep none)."""

    values: dict[str, Any]
    answers: list[Answer]
    clear_draft: str | None


def collect(
    store: JournalStore,
    asker: Asker,
    steps: Sequence[Step],
    *,
    flow: str,
    day: date,
    pack: str | None,
    clock: Callable[[], datetime],
    resume: dict[str, Any] | None = None,
) -> Collected:
    """Ask ``steps`` (keeping a draft after each answer when interactive), then refuse
    scripted answers that matched no step."""
    keeper = DraftKeeper(store, flow, day, pack, clock) if asker.interactive else None
    values = ask_steps(asker, steps, given=resume, keeper=keeper)
    asker.finish()
    return Collected(values, build_answers(steps, values), flow if keeper else None)


def build_answers(steps: Iterable[Step], values: dict[str, Any]) -> list[Answer]:
    """Answers in step order, each with the exact wording that was shown; skipped steps
    are left out."""
    return [
        Answer(
            step_id=step.id,
            kind=step.kind,
            prompt=step.prompt,
            value=values[step.id],
            theme=step.theme,
            text=answer_text(values[step.id]),
        )
        for step in steps
        if values.get(step.id) is not None
    ]


PICK_UP = "Pick up where I left off"
START_FRESH = "Start fresh (let the draft go)"
LEAVE = "Leave for now"


@dataclass(frozen=True)
class DraftOffer:
    """What the person chose about a kept draft: pick it up, or leave for now. Neither
    set means there was no draft, or it was let go, and the flow starts fresh."""

    draft: Draft | None = None
    leave: bool = False


def offer_draft(store: JournalStore, asker: Asker, flow: str, unfinished: str) -> DraftOffer:
    """When ``flow`` has a kept draft, ask what to do with it; starting fresh discards it."""
    draft = store.load_draft(flow)
    if draft is None:
        return DraftOffer()
    question = Step(
        id="resume",
        kind=CHOICE,
        prompt=f"You have an unfinished {unfinished}. What would you like to do?",
        choices=(PICK_UP, START_FRESH, LEAVE),
        required=True,
    )
    choice = asker.ask(question)
    if choice == LEAVE:
        return DraftOffer(leave=True)
    if choice == PICK_UP:
        return DraftOffer(draft=draft)
    store.discard_draft(flow)
    return DraftOffer()
