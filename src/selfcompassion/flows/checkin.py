"""``journal checkin``: once a week, twelve statements about the past seven days and a note.

The statements come from the ``checkin`` pack, each rated 1 to 5 and each skippable. The
answers are saved as an entry of kind 'checkin' and their means (see ``scoring``) in the
same transaction, for the summary now and the weekly report later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..dates import describe, week_bounds
from ..entries.scoring import CheckinScore, is_statement, score_checkin
from ..packs.loader import Pack
from ..packs.steps import CHOICE, Step
from ..store import Entry, JournalStore
from ..text.tags import find_tags
from .asking import Asker
from .common import gather, offer_draft

FLOW = "checkin"
PACK = "checkin"


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class CheckinPlan:
    day: date
    pack: Pack
    steps: tuple[Step, ...]

    def as_json(self) -> dict[str, Any]:
        def shown(step: Step) -> dict[str, Any]:
            plan = step.as_plan()
            if is_statement(step):
                plan["component"], plan["reverse"] = step.component, step.reverse
            return plan

        return {
            "flow": FLOW,
            "date": self.day.isoformat(),
            "week": iso_week(self.day),
            "pack": self.pack.name,
            "steps": [shown(step) for step in self.steps],
        }


def plan_checkin(pack: Pack, day: date) -> CheckinPlan:
    """The statements asked for ``day``: every step of the pack, the same on every run."""
    return CheckinPlan(day, pack, tuple(step.with_wording(day.toordinal()) for step in pack.steps))


@dataclass(frozen=True)
class CheckinOutcome:
    """How a session ended: a saved check-in and its score, this week's earlier check-ins
    to show, or a quiet leave."""

    entry: Entry | None = None
    score: CheckinScore | None = None
    show: tuple[Entry, ...] = ()
    left: bool = False


def run_checkin(
    store: JournalStore,
    asker: Asker,
    plan: CheckinPlan,
    *,
    clock: Callable[[], datetime],
    resume: dict[str, Any] | None = None,
) -> CheckinOutcome:
    """Ask every statement, score the answers and save both in one transaction.

    Interactive runs keep a draft after every answer; the draft goes when the entry is saved.
    """
    got = gather(store, asker, plan, FLOW, clock=clock, resume=resume)
    score = score_checkin(plan.steps, got.values)
    entry = store.add_checkin(
        journal_date=plan.day,
        answers=got.answers,
        now=clock(),
        pack=plan.pack.name,
        total=score.total,
        components=score.components,
        tags=find_tags(answer.text for answer in got.answers),
        clear_draft=got.clear_draft,
    )
    return CheckinOutcome(entry=entry, score=score)


AGAIN_CHOICES = ("Check in again", "Show this week's check-in", "Leave for now")


def again_step(earlier: Entry, today: date) -> Step:
    when = describe(earlier.journal_date, today)
    return Step(
        id="again",
        kind=CHOICE,
        prompt=f"You already checked in this week ({when}). What would you like to do?",
        choices=AGAIN_CHOICES,
        required=True,
    )


def checkin_session(
    store: JournalStore,
    asker: Asker,
    plan: CheckinPlan,
    *,
    clock: Callable[[], datetime],
    load_pack: Callable[[str], Pack],
) -> CheckinOutcome:
    """The whole ``journal checkin``: offer a kept draft, notice a second check-in in the
    same week, then ask. Scripted runs skip both offers and simply save a check-in."""
    if not asker.interactive:
        return run_checkin(store, asker, plan, clock=clock)
    offer = offer_draft(store, asker, FLOW, "check-in")
    if offer.leave:
        return CheckinOutcome(left=True)
    if offer.draft is not None:
        draft = offer.draft
        pack = load_pack(draft.pack) if draft.pack else plan.pack
        resumed = plan_checkin(pack, draft.journal_date)
        return run_checkin(store, asker, resumed, clock=clock, resume=draft.answers)
    earlier = store.checkins_between(*week_bounds(plan.day))
    if earlier:
        choice = asker.ask(again_step(earlier[-1], clock().date()))
        if choice == AGAIN_CHOICES[1]:
            return CheckinOutcome(show=tuple(earlier))
        if choice == AGAIN_CHOICES[2]:
            return CheckinOutcome(left=True)
    return run_checkin(store, asker, plan, clock=clock)
