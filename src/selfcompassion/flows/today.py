"""``journal today``: a check-in, the day's rotating prompts and a closing intention."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..asking import Asker
from ..packs import Pack, draw_prompts
from ..steps import CHOICE, DRAW, Step
from ..store import Entry, JournalStore
from ..tags import find_tags, normalise_tag
from .common import collect

FLOW = "today"
ENTRY_KIND = "daily"


@dataclass(frozen=True)
class TodayPlan:
    day: date
    pack: Pack
    steps: tuple[Step, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "flow": FLOW,
            "date": self.day.isoformat(),
            "pack": self.pack.name,
            "steps": [step.as_plan() for step in self.steps],
        }


def plan_today(pack: Pack, day: date) -> TodayPlan:
    """The steps asked on ``day``: the same on every run for that day."""
    steps: list[Step] = []
    for step in pack.steps:
        if step.kind == DRAW:
            steps.extend(draw_prompts(pack, day, step.count))
        else:
            steps.append(step.with_wording(day.toordinal()))
    return TodayPlan(day, pack, tuple(steps))


def run_today(
    store: JournalStore,
    asker: Asker,
    plan: TodayPlan,
    *,
    clock: Callable[[], datetime],
    tags: Sequence[str] = (),
    resume: dict[str, Any] | None = None,
) -> Entry:
    """Ask the plan's steps and save them as one entry.

    Interactive runs keep a draft after every answer; the draft is removed in the same
    transaction that saves the entry.
    """
    got = collect(
        store,
        asker,
        plan.steps,
        flow=FLOW,
        day=plan.day,
        pack=plan.pack.name,
        clock=clock,
        resume=resume,
    )
    all_tags = [t for t in (normalise_tag(tag) for tag in tags) if t]
    all_tags += find_tags(answer.text for answer in got.answers)
    return store.add_entry(
        kind=ENTRY_KIND,
        journal_date=plan.day,
        answers=got.answers,
        now=clock(),
        pack=plan.pack.name,
        tags=all_tags,
        clear_draft=got.clear_draft,
    )


# Choices offered before the flow starts, asked through the same seam as every step.
RESUME = Step(
    id="resume",
    kind=CHOICE,
    prompt="You have an unfinished reflection. What would you like to do?",
    choices=("Pick up where I left off", "Start fresh (let the draft go)", "Leave for now"),
    required=True,
)
AGAIN = Step(
    id="again",
    kind=CHOICE,
    prompt="You have already written today. What would you like to do?",
    choices=("Add another entry", "Show today's entry", "Leave for now"),
    required=True,
)


@dataclass(frozen=True)
class TodayOutcome:
    """What a ``journal today`` session ended with: a saved entry, a request to see the
    day's entries, or a quiet leave."""

    entry: Entry | None = None
    show: tuple[Entry, ...] = ()
    left: bool = False


def today_session(
    store: JournalStore,
    asker: Asker,
    plan: TodayPlan,
    *,
    clock: Callable[[], datetime],
    load_pack: Callable[[str], Pack],
    tags: Sequence[str] = (),
) -> TodayOutcome:
    """The whole ``journal today``: offer a kept draft, notice a second run on the same
    day, then reflect. Scripted runs skip both offers and simply add an entry."""
    if not asker.interactive:
        return TodayOutcome(entry=run_today(store, asker, plan, clock=clock, tags=tags))
    draft = store.load_draft(FLOW)
    if draft is not None:
        choice = asker.ask(RESUME)
        if choice == RESUME.choices[2]:
            return TodayOutcome(left=True)
        if choice == RESUME.choices[0]:
            pack = load_pack(draft.pack) if draft.pack else plan.pack
            resumed = plan_today(pack, draft.journal_date)
            entry = run_today(store, asker, resumed, clock=clock, tags=tags, resume=draft.answers)
            return TodayOutcome(entry=entry)
        store.discard_draft(FLOW)
    earlier = store.entries_on(plan.day)
    if earlier:
        choice = asker.ask(AGAIN)
        if choice == AGAIN.choices[1]:
            return TodayOutcome(show=tuple(earlier))
        if choice == AGAIN.choices[2]:
            return TodayOutcome(left=True)
    return TodayOutcome(entry=run_today(store, asker, plan, clock=clock, tags=tags))
