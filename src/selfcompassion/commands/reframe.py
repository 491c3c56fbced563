"""``journal reframe`` and ``journal reframe --revisit``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import typer

if TYPE_CHECKING:
    from ..packs import Pack
    from ..store import JournalStore


def reframe(
    answers: Optional[str] = typer.Option(  # noqa: UP045
        None,
        "--answers",
        help="Answer from a JSON file keyed by step id ('-' for stdin).",
        metavar="FILE",
    ),
    plan: bool = typer.Option(False, "--plan", help="Print the steps as JSON and exit."),
    revisit: bool = typer.Option(
        False, "--revisit", help="Take a second look at a reframe from a few days ago."
    ),
    entry: Optional[str] = typer.Option(  # noqa: UP045
        None, "--entry", help="With --revisit: the reframe to revisit (its id).", metavar="ID"
    ),
    tag: list[str] = typer.Option([], "--tag", "-t", help="Add a tag (repeatable)."),
) -> None:
    """After a setback: from the inner critic's words to a kinder view and one next step."""
    from ..asking import choose_asker
    from ..cli_support import now, open_store
    from ..errors import InputError
    from ..flows.reframe import PACK, plan_reframe, reframe_session
    from ..packs import load_pack
    from ..render import make_console, print_json
    from ..render.reframe import crisis_panel, reframe_summary

    if entry is not None and not revisit:
        raise InputError("--entry picks the reframe to revisit; use it together with --revisit")
    clock_now = now()
    today = clock_now.date()
    pack = load_pack(PACK)
    with open_store() as store:
        if revisit:
            _revisit(store, pack, entry, answers=answers, plan=plan)
            return
        reframe_plan = plan_reframe(pack, today, store.count_reframes())
        if plan:
            print_json(reframe_plan.as_json())
            return
        asker = choose_asker(answers, "journal reframe", today=today)
        outcome = reframe_session(store, asker, reframe_plan, clock=now, tags=tag)
        console = make_console()
        if outcome.left:
            console.print("Nothing changed. Come back to it whenever you're ready.")
            return
        console.print(reframe_summary(outcome, today))
        if outcome.needs_care:
            console.print(crisis_panel())


def _revisit(
    store: JournalStore, pack: Pack, ident: str | None, *, answers: str | None, plan: bool
) -> None:
    """The second look: show the reframe as it was, re-rate, note what happened, keep the
    lesson."""
    from ..asking import choose_asker
    from ..cli_support import now
    from ..flows.reframe import look_back, pick_revisit, plan_revisit, run_revisit
    from ..render import make_console, print_json
    from ..render.reframe import crisis_panel, look_back_view, revisit_summary

    today = now().date()
    console = make_console()
    chosen = pick_revisit(store, today, ident)
    if chosen is None:
        console.print(
            "No reframe is waiting for a second look. Reframes come back here a few days "
            "after you write them."
        )
        return
    revisit_plan = plan_revisit(pack, chosen, store.count_reframes())
    if plan:
        print_json(revisit_plan.as_json())
        return
    asker = choose_asker(answers, "journal reframe --revisit", today=today)
    console.print(look_back_view(look_back(store, chosen), today))
    outcome = run_revisit(store, asker, revisit_plan, clock=now)
    console.print(revisit_summary(outcome, today))
    if outcome.needs_care:
        console.print(crisis_panel())


def register(app: typer.Typer) -> None:
    app.command()(reframe)
