"""``journal today``."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Optional

import typer

from .context import (
    answers_option,
    checkin_and_summary,
    journal_day,
    journal_exists,
    now,
    open_store,
    plan_option,
    stopping_says,
    tag_option,
)

if TYPE_CHECKING:
    from rich.console import Console

    from ..flows.asking import Asker
    from ..packs.loader import Pack
    from ..store import Entry, JournalStore


def today_pack(option: str | None) -> Pack:
    """The pack for ``journal today``: ``--pack``, else the default-pack setting."""
    from ..errors import PackError
    from ..packs.loader import load_flow_pack

    if option:
        return load_flow_pack(option, "today")
    from ..files.paths import settings_file
    from ..settings.values import get_value

    name = get_value("default-pack")
    try:
        return load_flow_pack(name, "today")
    except PackError as error:
        raise PackError(
            f"{error.message} (default-pack in {settings_file()}; "
            "choose another with journal config set default-pack NAME)"
        ) from None


def today(
    date_text: Optional[str] = typer.Option(  # noqa: UP045
        None,
        "--date",
        "-d",
        help="Write for another day: yesterday, 'last friday' or a date (YYYY-MM-DD).",
        metavar="DATE",
    ),
    answers: Optional[str] = answers_option(),  # noqa: UP045
    plan: bool = plan_option(),
    pack: Optional[str] = typer.Option(  # noqa: UP045
        None,
        "--pack",
        help="Prompt pack to use: daily, or leader for people who lead others "
        "(default: the default-pack setting, else daily).",
        metavar="PACK",
    ),
    tag: list[str] = tag_option(),
) -> None:
    """The daily reflection: a check-in, a few rotating prompts and a closing intention.

    If you lead others, --pack leader asks about listening, feedback and looking after
    yourself while you look after a team (journal config set default-pack leader keeps
    it). journal prompts list shows every pack.
    """
    from ..flows.asking import ScriptedAsker, choose_asker
    from ..flows.continuity import plan_continuity
    from ..flows.review import due_reviews
    from ..flows.today import daily_entries, plan_for_answers, plan_today, today_session
    from ..packs.loader import load_pack
    from ..render import entry_view, flow_intro, make_console, print_json, today_summary

    clock_now = now()
    day = journal_day(date_text, clock_now.date())
    chosen = today_pack(pack)
    if plan and not journal_exists():
        # Nothing can be due in a journal that does not exist yet; a plan creates no file.
        print_json(
            plan_today(
                chosen, day, None, plan_continuity(None, day, day), today=clock_now.date()
            ).as_json()
        )
        return
    asker = None if plan else choose_asker(answers, "journal today", today=clock_now.date())
    with open_store() as store:
        # Next steps from reframes whose day has come are asked about after the reflection.
        # The last intention is looked back at first; today's can be given a day.
        continuity = plan_continuity(store, day, clock_now.date())
        # A further entry on the same day draws prompts of its own.
        written = len(daily_entries(store, day))
        reviews = due_reviews(store, clock_now.date(), load_pack)
        day_plan = plan_today(
            chosen, day, reviews, continuity, earlier=written, today=clock_now.date()
        )
        if isinstance(asker, ScriptedAsker):
            answered = set(asker.answers)
            day_plan = plan_for_answers(
                chosen, day, reviews, written, answered, continuity, today=clock_now.date()
            )
        if asker is None:
            print_json(day_plan.as_json())
            return
        console = make_console()
        if asker.interactive:
            needed = any(step.required for step in day_plan.steps)
            console.print(flow_intro(chosen.title, day, clock_now.date(), needed=needed))
        outcome = today_session(store, asker, day_plan, clock=now, load_pack=load_pack, tags=tag)
        if outcome.entry is not None:
            streak = store.streak(clock_now.date())
            values = {answer.step_id: answer.value for answer in outcome.entry.answers}
            looked = reviews.outcomes(values, clock_now.date()) if reviews else []
            summary = today_summary(outcome.entry, chosen, streak, clock_now.date(), looked)
            console.print(summary)
            _after_saving(console, store, outcome.entry, clock_now.date())
            if asker.interactive:
                _offer_checkin(console, store, asker, clock_now.date())
        for entry in outcome.show:
            console.print(entry_view(entry, clock_now.date()))
        if outcome.left:
            console.print("Nothing changed. See you when you're ready.")


def _after_saving(console: Console, store: JournalStore, entry: Entry, today: date) -> None:
    """The care panel when an answer sounds like crisis, and a quiet word about a reframe
    that is ready for its second look."""
    from ..care.moment import after_saving
    from ..flows.reframe import worth_mentioning
    from ..render.reframe import revisit_mention

    after_saving(entry.answers)
    waiting = worth_mentioning(store, today)
    if waiting:
        console.print(revisit_mention(waiting, today))


def _offer_checkin(console: Console, store: JournalStore, asker: Asker, today: date) -> None:
    """Once a week at most, when the check-in is more than a week old, offer it."""
    from ..flows.checkin import FLOW, PACK, plan_checkin
    from ..flows.continuity import CHECKIN_OFFER, NEVER, YES_NOW, checkin_offer_due
    from ..packs.loader import load_flow_pack
    from ..reminders.control import offered_checkin_on, record_checkin_offer
    from ..settings.values import get_value, set_value

    if get_value("checkin-offer") == "no":
        return
    if not checkin_offer_due(store, today, offered_checkin_on()):
        return
    record_checkin_offer(today)
    with stopping_says("Stopped. Your reflection is saved; journal checkin is there any time."):
        choice = asker.ask(CHECKIN_OFFER)
    if choice == NEVER:
        set_value("checkin-offer", "no")
        console.print(
            "Understood, it won't be offered again. journal checkin is there whenever you "
            "want it (journal config set checkin-offer yes brings the offer back)."
        )
        return
    if choice != YES_NOW:
        return
    checkin_and_summary(
        store, asker, plan_checkin(load_flow_pack(PACK, FLOW), today), console, today
    )


def register(app: typer.Typer) -> None:
    app.command()(today)
