"""What every flow shares: asking a list of steps, keeping a draft, building answers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Protocol

from ..errors import FlowInterrupted
from ..packs.loader import Pack
from ..packs.steps import CHOICE, DUE_DATE, LONG_TEXT, TEXT, Step, answer_text
from ..stopping import exit_code_of
from ..store import Answer, Draft, JournalStore
from ..text.tags import find_tags, normalise_tag
from .asking import Asker


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


#: The kinds of step answered by typing a line, whose half-typed words a draft keeps.
TYPED_KINDS = (TEXT, LONG_TEXT, DUE_DATE)

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
    typed = answers.pop(TYPED, None)
    try:
        for step in steps:
            if step.id in answers:
                continue
            shaped = shape(step, answers) if shape else step
            if shaped is None:
                continue
            answers[step.id] = asker.ask(with_typed(shaped, typed))
            if keeper:
                keeper.keep(answers)
            if asker.care:
                asker.care.heard(asker, shaped, answers[step.id])
    except FlowInterrupted as stopped:
        if keeper and stopped.typed:
            step_id, text = stopped.typed
            keeper.keep({**answers, TYPED: {"step": step_id, "text": text}})
        stopped.kept = stopped.kept or (keeper is not None and bool(answers or stopped.typed))
        raise
    except (KeyboardInterrupt, EOFError) as stop:
        interrupted = FlowInterrupted(exit_code=exit_code_of(stop))
        interrupted.kept = keeper is not None and bool(answers)
        raise interrupted from None
    return answers


#: The draft key under which the words typed at an unfinished step are kept.
TYPED = "_typed"


def with_typed(step: Step, typed: Any) -> Step:
    """The step with the words half-typed at it before an interruption put back in place."""
    if (
        isinstance(typed, dict)
        and typed.get("step") == step.id
        and isinstance(typed.get("text"), str)
        and step.kind in TYPED_KINDS
    ):
        return replace(step, default=typed["text"])
    return step


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
            text=answer_text(values[step.id], step),
        )
        for step in steps
        if values.get(step.id) is not None
    ]


@dataclass(frozen=True)
class Gathered:
    """Everything a flow asked, ready to save: the values by step id, the answers as shown,
    the tags, and the draft to clear when the entry is saved."""

    values: dict[str, Any]
    answers: list[Answer]
    tags: list[str]
    clear_draft: str | None


class FlowPlan(Protocol):
    """What ``gather`` needs of a flow's plan."""

    @property
    def day(self) -> date: ...
    @property
    def pack(self) -> Pack: ...
    @property
    def steps(self) -> tuple[Step, ...]: ...


def gather(
    store: JournalStore,
    asker: Asker,
    plan: FlowPlan,
    flow: str,
    *,
    clock: Callable[[], datetime],
    tags: Sequence[str] = (),
    resume: dict[str, Any] | None = None,
    shape: Shaper | None = None,
) -> Gathered:
    """Ask the plan's steps (keeping a draft after every answer when interactive), refuse
    answers that matched no step, and collect the answers and tags to save: ``--tag``
    values and every #tag written in an answer."""
    keeper = None
    if asker.interactive:
        keeper = DraftKeeper(store, flow, plan.day, plan.pack.name, clock)
    values = ask_steps(asker, plan.steps, given=resume, keeper=keeper, shape=shape)
    asker.finish()
    answers = build_answers(plan.steps, values)
    all_tags = [t for t in (normalise_tag(tag) for tag in tags) if t]
    all_tags += find_tags(answer.text for answer in answers)
    return Gathered(values, answers, all_tags, flow if keeper else None)


def plan_json(
    flow: str, day: date, pack: str, steps: Iterable[Step], **extra: Any
) -> dict[str, Any]:
    """A flow's ``--plan``: what it is, for which day, and every step a script can answer."""
    return {
        "flow": flow,
        **extra,
        "date": day.isoformat(),
        "pack": pack,
        "steps": [step.as_plan() for step in steps],
    }


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
    try:
        choice = asker.ask(question)
    except FlowInterrupted as stopped:
        stopped.kept = True  # the draft stays as it was
        raise
    if choice == LEAVE:
        from ..care.moment import leaving_draft

        leaving_draft(draft.answers)
        return DraftOffer(leave=True)
    if choice == PICK_UP:
        return DraftOffer(draft=draft)
    store.discard_draft(flow)
    return DraftOffer()
