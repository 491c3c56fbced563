"""``journal today``: a check-in, the day's rotating prompts and a closing intention."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..packs.loader import Pack, draw_prompts
from ..packs.steps import CHOICE, DRAW, Step
from ..store import Entry, JournalStore
from .asking import Asker
from .common import gather, offer_draft, plan_json
from .review import DueReviews

FLOW = "today"
ENTRY_KIND = "daily"


@dataclass(frozen=True)
class TodayPlan:
    day: date
    pack: Pack
    steps: tuple[Step, ...]
    reviews: DueReviews | None = None  # due next steps, asked after the day's own steps

    def as_json(self) -> dict[str, Any]:
        return plan_json(FLOW, self.day, self.pack.name, self.steps)


def plan_today(
    pack: Pack, day: date, reviews: DueReviews | None = None, *, earlier: int = 0
) -> TodayPlan:
    """The steps asked on ``day``: the same on every run for that day, with different
    rotating prompts for each entry after the first (``earlier`` entries written so far)."""
    steps: list[Step] = []
    for step in pack.steps:
        if step.kind == DRAW:
            steps.extend(draw_prompts(pack, day, step.count, earlier))
        else:
            steps.append(step.with_wording(day.toordinal()))
    if reviews is not None:
        steps.extend(reviews.steps)
    return TodayPlan(day, pack, tuple(steps), reviews)


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
    reviews = plan.reviews
    got = gather(
        store,
        asker,
        plan,
        FLOW,
        clock=clock,
        tags=tags,
        resume=resume,
        shape=reviews.shape if reviews else None,
    )
    return store.add_entry(
        kind=ENTRY_KIND,
        journal_date=plan.day,
        answers=got.answers,
        now=clock(),
        pack=plan.pack.name,
        tags=got.tags,
        clear_draft=got.clear_draft,
        also=reviews.writer(store, got.values, clock()) if reviews else None,
    )


def plan_for_answers(
    pack: Pack, day: date, reviews: DueReviews | None, written: int, answered: set[str]
) -> TodayPlan:
    """The plan a scripted run answers: a further entry's own prompts, unless the answers
    name the prompts of an earlier draw that day (a script that reuses one answers file
    for several entries a day keeps working)."""
    pool = {prompt.id for prompt in pack.prompts}
    wanted = answered & pool
    plans = [plan_today(pack, day, reviews, earlier=n) for n in (written, *range(written))]
    for plan in plans:
        if wanted <= {step.id for step in plan.steps}:
            return plan
    return plans[0]


def daily_entries(store: JournalStore, day: date) -> list[Entry]:
    """The day's reflections so far (a reframe written that day is not one)."""
    return [entry for entry in store.entries_on(day) if entry.kind == ENTRY_KIND]


# Asked before the flow starts, through the same seam as every step.
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
    offer = offer_draft(store, asker, FLOW, "reflection")
    if offer.leave:
        return TodayOutcome(left=True)
    if offer.draft is not None:
        draft = offer.draft
        pack = load_pack(draft.pack) if draft.pack else plan.pack
        written = len(daily_entries(store, draft.journal_date))
        resumed = plan_today(pack, draft.journal_date, plan.reviews, earlier=written)
        entry = run_today(store, asker, resumed, clock=clock, tags=tags, resume=draft.answers)
        return TodayOutcome(entry=entry)
    earlier = daily_entries(store, plan.day)
    if earlier:
        choice = asker.ask(AGAIN)
        if choice == AGAIN.choices[1]:
            return TodayOutcome(show=tuple(earlier))
        if choice == AGAIN.choices[2]:
            return TodayOutcome(left=True)
    return TodayOutcome(entry=run_today(store, asker, plan, clock=clock, tags=tags))
