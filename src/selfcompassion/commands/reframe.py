"""``journal reframe`` and its second look, ``journal reframe --revisit``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import typer

from .context import answers_option, plan_option, tag_option

if TYPE_CHECKING:
    from ..store import Entry


def reframe(
    answers: Optional[str] = answers_option(),  # noqa: UP045
    plan: bool = plan_option(),
    revisit: bool = typer.Option(
        False, "--revisit", help="Take a second look at a reframe from a few days ago."
    ),
    entry: Optional[str] = typer.Option(  # noqa: UP045
        None, "--entry", help="With --revisit: the reframe to revisit (its id).", metavar="ID"
    ),
    tag: list[str] = tag_option(),
) -> None:
    """After a setback: from the inner critic's words to a kinder view and one next step."""
    from ..errors import InputError
    from ..flows import reframe as flow
    from ..flows.asking import choose_asker
    from ..packs.loader import load_pack
    from ..render import flow_intro, make_console, print_json
    from ..render import reframe as views
    from .context import now, open_store

    if entry is not None and not revisit:
        raise InputError("--entry picks the reframe to revisit; use it together with --revisit")
    today = now().date()
    pack = load_pack(flow.PACK)
    console = make_console()
    with open_store() as store:
        wording = store.count_reframes()
        chosen = flow.pick_revisit(store, today, entry) if revisit else None
        if revisit and chosen is None:
            console.print(
                "No reframe is waiting for a second look. Reframes come back here a few "
                "days after you write them."
            )
            return
        steps = (
            flow.plan_revisit(pack, chosen, wording)
            if chosen is not None
            else flow.plan_reframe(pack, today, wording)
        )
        if plan:
            print_json(steps.as_json())
            return
        command = "journal reframe --revisit" if revisit else "journal reframe"
        asker = choose_asker(answers, command, today=today)
        saved: Entry | None
        if isinstance(steps, flow.RevisitPlan):
            console.print(views.look_back_view(flow.look_back(store, steps.entry), today))
            looked = flow.run_revisit(store, asker, steps, clock=now)
            console.print(views.revisit_summary(looked, today))
            saved = looked.entry
        else:
            if asker.interactive:
                console.print(flow_intro(pack.title, today, today, needed=True))
            outcome = flow.reframe_session(store, asker, steps, clock=now, tags=tag)
            if outcome.left:
                console.print("Nothing changed. Come back to it whenever you're ready.")
                return
            console.print(views.reframe_summary(outcome, today))
            saved = outcome.entry
        if saved is not None:
            from ..care.moment import after_saving

            after_saving(saved.answers)


def register(app: typer.Typer) -> None:
    app.command()(reframe)
