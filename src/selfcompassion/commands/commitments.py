"""``journal commitments``: the dated next steps (a reframe's, or an intention given a day),
open and past."""

from __future__ import annotations

from typing import Any, Optional

import typer

from .context import WholeHelpGroup, format_option, wants_json

commitments_app = typer.Typer(
    cls=WholeHelpGroup,
    help="Your dated next steps, from reframes and from intentions given a day: list them, "
    "close one.",
    invoke_without_command=True,
)


@commitments_app.callback()
def commitments_list(
    ctx: typer.Context,
    format: str = format_option(),
) -> None:
    """List open next steps by day, then past ones."""
    if ctx.invoked_subcommand is not None:
        return
    from ..render import make_console, print_json
    from ..render.reframe import commitments_table
    from .context import now, open_store

    as_json = wants_json(format)
    with open_store() as store:
        found = store.all_commitments()
    if as_json:
        print_json([commitment_json(c) for c in found])
    else:
        make_console().print(commitments_table(found, now().date()))


@commitments_app.command("done")
def commitments_done(
    ident: str = typer.Argument(..., metavar="ID", help="The commitment's id (4+ characters)."),
    note: Optional[str] = typer.Option(  # noqa: UP045
        None, "--note", help="A few words about it.", metavar="WORDS"
    ),
) -> None:
    """Mark a next step as done."""
    from ..render import make_console
    from ..render.reframe import commitment_closed
    from ..store.commitments import DONE
    from .context import now, open_store

    moment = now()
    with open_store() as store:
        closed = store.close_commitment(ident, DONE, day=moment.date(), now=moment, note=note)
    make_console().print(commitment_closed(closed))


def commitment_json(commitment: Any) -> dict[str, Any]:
    return {
        "id": commitment.id,
        "entry": commitment.entry_id,
        "text": commitment.text,
        "due_date": commitment.due_date.isoformat(),
        "status": commitment.status,
        "note": commitment.note,
        "closed_date": commitment.closed_date.isoformat() if commitment.closed_date else None,
    }


def register(app: typer.Typer) -> None:
    app.add_typer(commitments_app, name="commitments")
