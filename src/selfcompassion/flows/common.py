"""What every flow shares: asking a list of steps, keeping a draft, building answers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..asking import Asker
from ..errors import FlowInterrupted
from ..steps import Step, answer_text
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


#: Reshapes a step just before it is asked, from the answers so far: a step whose choices
#: or default come from an earlier answer, or None to leave the step out this time.
Shaper = Callable[[Step, dict[str, Any]], Step | None]


def ask_steps(
    asker: Asker,
    steps: Iterable[Step],
    *,
    given: dict[str, Any] | None = None,
    keeper: DraftKeeper | None = None,
    shape: Shaper | None = None,
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
            shaped = shape(step, answers) if shape else step
            if shaped is None:
                continue
            answers[step.id] = asker.ask(shaped)
            if keeper:
                keeper.keep(answers)
    except (KeyboardInterrupt, EOFError):
        raise FlowInterrupted() from None
    return answers


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
