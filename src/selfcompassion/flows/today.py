"""``journal today``: a check-in, the day's rotating prompts and a closing intention."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from ..packs.loader import Pack, draw_prompts
from ..packs.steps import CHOICE, DRAW, Step
from ..store import Entry, JournalStore, RowsBeside
from ..store.driver import Connection
from .asking import Asker
from .common import Shaper, gather, offer_draft, plan_json
from .continuity import Continuity
from .review import DueReviews

FLOW = "today"
ENTRY_KIND = "daily"


@dataclass(frozen=True)
class TodayPlan:
    day: date
    pack: Pack
    steps: tuple[Step, ...]
    reviews: DueReviews | None = None  # due next steps, asked after the day's own steps
    continuity: Continuity | None = None  # the last intention first, a day for today's after
    today: date | None = None  # the day of writing, when it is not ``day``

    def as_json(self) -> dict[str, Any]:
        return plan_json(FLOW, self.day, self.pack.name, self.steps)


def plan_today(
    pack: Pack,
    day: date,
    reviews: DueReviews | None = None,
    continuity: Continuity | None = None,
    *,
    earlier: int = 0,
    today: date | None = None,
) -> TodayPlan:
    """The steps asked on ``day``: the same on every run for that day, with different
    rotating prompts for each entry after the first (``earlier`` entries written so far).
    Written on another day (``today``), the day's own questions speak of the day they
    are about."""
    steps: list[Step] = []
    for step in pack.steps:
        if step.kind == DRAW:
            steps.extend(draw_prompts(pack, day, step.count, earlier))
        else:
            steps.append(step.with_wording(day.toordinal()))
    if today is not None and today != day:
        steps = [replace(step, prompt=about_day(step.prompt, day)) for step in steps]
    else:
        today = None
    if continuity is not None:
        steps = continuity.place(steps)
    if reviews is not None:
        steps.extend(reviews.steps)
    return TodayPlan(day, pack, tuple(steps), reviews, continuity, today)


def _shape(plan: TodayPlan) -> Shaper | None:
    """Each part's own shaping, in turn: a step left out by one part stays out."""
    shapers = [part.shape for part in (plan.reviews, plan.continuity) if part is not None]
    if not shapers:
        return None

    def shape(step: Step, answers: dict[str, Any]) -> Step | None:
        shaped: Step | None = step
        for shaper in shapers:
            if shaped is None:
                return None
            shaped = shaper(shaped, answers)
        return shaped

    return shape


def _writer(
    plan: TodayPlan, store: JournalStore, values: dict[str, Any], now: datetime
) -> RowsBeside | None:
    """The rows each part writes beside the day's entry, all in its transaction."""
    writers: list[RowsBeside | None] = []
    if plan.reviews is not None:
        writers.append(plan.reviews.writer(store, values, now))
    if plan.continuity is not None:
        writers.append(plan.continuity.writer(store, values, now))
    chosen = [writer for writer in writers if writer is not None]
    if not chosen:
        return None

    def write(conn: Connection, entry: Entry) -> None:
        for writer in chosen:
            writer(conn, entry)

    return write


# (pattern, replacement) in order; {on} stands for "on Tuesday 1 December".
_ANOTHER_DAY = (
    (r"\bToday's\b", "That day's"),
    (r"\btoday's\b", "that day's"),
    (r"\b(over|from|into|for|of|about|in|through|until|since) today\b", r"\1 that day"),
    (r"\btoday(?=[?.,!])", "{on}"),
    (r"\bToday\b", "That day"),
    (r"\btoday\b", "that day"),
    (r"\btonight\b", "that night"),
    (r"\bthis evening\b", "that evening"),
    (r"\bTomorrow\b", "The day after"),
    (r"\btomorrow\b", "the day after"),
)


def about_day(prompt: str, day: date) -> str:
    """A question written for today, reworded for ``day``: "How kind have you been to
    yourself today?" asks "... on Tuesday 1 December?", "Where does today sit" asks
    "Where does that day sit"."""
    from ..dates import full_date

    on = "on " + full_date(day).rsplit(" ", 1)[0]
    for pattern, replacement in _ANOTHER_DAY:
        prompt = re.sub(pattern, replacement.replace("{on}", on), prompt)
    return prompt


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
    got = gather(
        store, asker, plan, FLOW, clock=clock, tags=tags, resume=resume, shape=_shape(plan)
    )
    return store.add_entry(
        kind=ENTRY_KIND,
        journal_date=plan.day,
        answers=got.answers,
        now=clock(),
        pack=plan.pack.name,
        tags=got.tags,
        clear_draft=got.clear_draft,
        also=_writer(plan, store, got.values, clock()),
    )


def plan_for_answers(
    pack: Pack,
    day: date,
    reviews: DueReviews | None,
    written: int,
    answered: set[str],
    continuity: Continuity | None = None,
    *,
    today: date | None = None,
) -> TodayPlan:
    """The plan a scripted run answers: a further entry's own prompts, unless the answers
    name the prompts of an earlier draw that day (a script that reuses one answers file
    for several entries a day keeps working)."""
    pool = {prompt.id for prompt in pack.prompts}
    wanted = answered & pool
    plans = [
        plan_today(pack, day, reviews, continuity, earlier=n, today=today)
        for n in (written, *range(written))
    ]
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
        resumed = plan_today(
            pack,
            draft.journal_date,
            plan.reviews,
            plan.continuity,
            earlier=written,
            today=plan.today,
        )
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
