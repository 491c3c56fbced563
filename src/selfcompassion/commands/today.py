"""``journal today``."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Optional

import typer

from .context import (
    answers_option,
    journal_day,
    journal_exists,
    now,
    open_store,
    plan_option,
    tag_option,
)

if TYPE_CHECKING:
    from rich.console import Console

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
        help="Prompt pack to use (default: the default-pack setting, else daily).",
        metavar="PACK",
    ),
    tag: list[str] = tag_option(),
) -> None:
    """The daily reflection: a check-in, a few rotating prompts and a closing intention."""
    from ..flows.asking import ScriptedAsker, choose_asker
    from ..flows.review import due_reviews
    from ..flows.today import daily_entries, plan_for_answers, plan_today, today_session
    from ..packs.loader import load_pack
    from ..render import entry_view, flow_intro, make_console, print_json, today_summary

    clock_now = now()
    day = journal_day(date_text, clock_now.date())
    chosen = today_pack(pack)
    if plan and not journal_exists():
        # Nothing can be due in a journal that does not exist yet; a plan creates no file.
        print_json(plan_today(chosen, day).as_json())
        return
    asker = None if plan else choose_asker(answers, "journal today", today=clock_now.date())
    with open_store() as store:
        # Next steps from reframes whose day has come are asked about after the reflection.
        # A further entry on the same day draws prompts of its own.
        written = len(daily_entries(store, day))
        reviews = due_reviews(store, clock_now.date(), load_pack)
        day_plan = plan_today(chosen, day, reviews, earlier=written)
        if isinstance(asker, ScriptedAsker):
            day_plan = plan_for_answers(chosen, day, reviews, written, set(asker.answers))
        if asker is None:
            print_json(day_plan.as_json())
            return
        console = make_console()
        if asker.interactive:
            console.print(flow_intro(chosen.title, day, clock_now.date()))
        outcome = today_session(store, asker, day_plan, clock=now, load_pack=load_pack, tags=tag)
        if outcome.entry is not None:
            streak = store.streak(clock_now.date())
            console.print(today_summary(outcome.entry, chosen, streak, clock_now.date()))
            _after_saving(console, store, outcome.entry, clock_now.date())
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

    after_saving(answer.text for answer in entry.answers)
    waiting = worth_mentioning(store, today)
    if waiting:
        console.print(revisit_mention(waiting, today))


def register(app: typer.Typer) -> None:
    app.command()(today)
