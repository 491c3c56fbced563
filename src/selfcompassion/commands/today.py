"""``journal today``."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Optional

import typer

from ..cli_support import now, open_store

if TYPE_CHECKING:
    from ..packs import Pack


def journal_day(text: str | None, today: date) -> date:
    """The journal day a ``--date`` option names (today when absent); never in the future."""
    if not text:
        return today
    from ..dates import parse_past_date

    return parse_past_date(text, today)


def today_pack(option: str | None) -> Pack:
    """The pack for ``journal today``: ``--pack``, else the default-pack setting."""
    from ..errors import PackError
    from ..packs import load_flow_pack

    if option:
        return load_flow_pack(option, "today")
    from ..paths import settings_file
    from ..settings import get_value

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
        None, "--date", "-d", help="Write for another day: yesterday, 'last friday', 2026-11-19."
    ),
    answers: Optional[str] = typer.Option(  # noqa: UP045
        None,
        "--answers",
        help="Answer from a JSON file keyed by step id ('-' for stdin).",
        metavar="FILE",
    ),
    plan: bool = typer.Option(False, "--plan", help="Print the day's steps as JSON and exit."),
    pack: Optional[str] = typer.Option(  # noqa: UP045
        None, "--pack", help="Prompt pack to use (default: the default-pack setting, else daily)."
    ),
    tag: list[str] = typer.Option([], "--tag", "-t", help="Add a tag (repeatable)."),
) -> None:
    """The daily reflection: a check-in, a few rotating prompts and a closing intention."""
    from ..asking import asker_for
    from ..flows.today import plan_today, today_session
    from ..packs import load_pack
    from ..render import entry_view, make_console, print_json, today_summary

    clock_now = now()
    day = journal_day(date_text, clock_now.date())
    chosen = today_pack(pack)
    day_plan = plan_today(chosen, day)
    if plan:
        print_json(day_plan.as_json())
        return
    asker = asker_for(answers, command="journal today", today=clock_now.date())
    with open_store() as store:
        outcome = today_session(store, asker, day_plan, clock=now, load_pack=load_pack, tags=tag)
        console = make_console()
        if outcome.entry is not None:
            streak = store.streak(clock_now.date())
            console.print(today_summary(outcome.entry, chosen, streak, clock_now.date()))
        for entry in outcome.show:
            console.print(entry_view(entry, clock_now.date()))
        if outcome.left:
            console.print("Nothing changed. See you when you're ready.")


def register(app: typer.Typer) -> None:
    app.command()(today)
