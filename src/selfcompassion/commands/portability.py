"""``journal export`` and ``journal import``: the journal in open formats, and back."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .context import KIND, OPTIONS, SINCE, TAG, UNTIL, now, open_store, warn_plain_text


def export(
    format: Optional[str] = typer.Option(  # noqa: UP045
        None,
        "--format",
        "-f",
        help="json (everything, default), markdown or csv.",
        metavar="FORMAT",
    ),
    output: Optional[Path] = typer.Option(  # noqa: UP045
        None,
        "--output",
        "-o",
        help="Write to this file (created 0600) instead of the screen.",
        metavar="FILE",
    ),
    daily_notes: Optional[Path] = typer.Option(  # noqa: UP045
        None,
        "--daily-notes",
        help="Write one YYYY-MM-DD.md per day into this folder.",
        metavar="FOLDER",
    ),
    force: bool = typer.Option(False, "--force", help="Replace files that already exist."),
    since: Optional[str] = SINCE,  # noqa: UP045
    until: Optional[str] = UNTIL,  # noqa: UP045
    kind: list[str] = KIND,
    tag: list[str] = TAG,
) -> None:
    """Export entries as JSON (every detail), Markdown or CSV."""
    from ..entries.finding import check_kinds, make_filter
    from ..errors import InputError
    from ..portability.transfer import choose_format, export_journal
    from ..render import make_console, print_note
    from ..render.paging import paged_stream
    from ..render.progress import progress_bar

    if output and daily_notes:
        raise InputError("choose either --output or --daily-notes")
    fmt = choose_format(format, daily_notes)
    clock = now()
    chosen = make_filter(since=since, until=until, kinds=kind, tags=tag, today=clock.date())
    with (
        open_store() as store,
        paged_stream(
            allowed=output is None and daily_notes is None and not OPTIONS.no_pager
        ) as stream,
        progress_bar(make_console(stderr=True)) as progress,
    ):
        check_kinds(store, chosen)
        what = "the daily notes" if daily_notes else "the export"
        warn_plain_text(store, what, to_file=bool(output or daily_notes))
        result = export_journal(
            store,
            fmt=fmt,
            chosen=chosen,
            now=clock,
            output=output,
            daily_notes=daily_notes,
            force=force,
            stdout=stream,
            progress=progress,
        )
    entries = f"{result.entries:,} {'entry' if result.entries == 1 else 'entries'}"
    if daily_notes:
        print_note(f"Wrote {entries} into {result.files:,} daily notes in {result.target}.")
    elif output:
        print_note(f"Wrote {entries} to {result.target}.")
    else:
        print_note(f"Wrote {entries}.", stderr=True)


def import_(
    file: str = typer.Argument(..., help="The file to import ('-' for standard input)."),
    origin: str = typer.Option(
        "selfcompassion",
        "--from",
        help="selfcompassion (default) or jrnl (jrnl --export json).",
        metavar="FORMAT",
    ),
) -> None:
    """Import a journal export; entries already in the journal are left as they are."""
    from ..portability.transfer import import_journal
    from ..render import make_console, print_note
    from ..render.progress import progress_bar

    with open_store() as store, progress_bar(make_console(stderr=True)) as progress:
        result = import_journal(store, file, origin=origin.lower(), progress=progress)
    print_note(
        f"Imported from {result.source}: {result.added:,} added, "
        f"{result.skipped:,} skipped as already there."
    )


def register(app: typer.Typer) -> None:
    app.command()(export)
    app.command("import")(import_)
