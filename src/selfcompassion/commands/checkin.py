"""``journal checkin``."""

from __future__ import annotations

from typing import Optional

import typer

from .context import checkin_and_summary, journal_day, now, open_store


def checkin(
    date_text: Optional[str] = typer.Option(  # noqa: UP045
        None,
        "--date",
        "-d",
        help="Check in for another day: yesterday, 'last sunday' or a date (YYYY-MM-DD).",
        metavar="DATE",
    ),
    answers: Optional[str] = typer.Option(  # noqa: UP045
        None,
        "--answers",
        help="Answer from a JSON file keyed by step id ('-' for stdin).",
        metavar="FILE",
    ),
    plan: bool = typer.Option(False, "--plan", help="Print the statements as JSON and exit."),
) -> None:
    """The weekly check-in: twelve statements about your week, each rated 1 to 5 or skipped."""
    from ..flows.asking import choose_asker
    from ..flows.checkin import FLOW, PACK, plan_checkin
    from ..packs.loader import load_flow_pack
    from ..render import entry_view, flow_intro, make_console, print_json

    clock_now = now()
    day = journal_day(date_text, clock_now.date())
    checkin_plan = plan_checkin(load_flow_pack(PACK, FLOW), day)
    if plan:
        print_json(checkin_plan.as_json())
        return
    asker = choose_asker(answers, "journal checkin", today=clock_now.date())
    with open_store() as store:
        if asker.interactive:
            make_console().print(flow_intro(checkin_plan.pack.title, day, clock_now.date()))
        console = make_console()
        outcome = checkin_and_summary(store, asker, checkin_plan, console, clock_now.date())
        if outcome.entry is not None and outcome.score is not None:
            from ..care.moment import after_saving

            after_saving(outcome.entry.answers)
        for entry in outcome.show:
            console.print(entry_view(entry, clock_now.date()))
        if outcome.left:
            console.print("Nothing changed. The check-in will be here when you want it.")


def register(app: typer.Typer) -> None:
    app.command()(checkin)
