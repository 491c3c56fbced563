"""``journal backup`` and ``journal doctor``: keeping the journal safe and sound."""

from __future__ import annotations

from typing import Optional

import typer

from .context import OPTIONS, now, open_store


def backup(
    target: Optional[str] = typer.Argument(  # noqa: UP045
        None,
        help="Where to write the copy (a file or a folder); next to the journal when omitted.",
        metavar="PATH",
    ),
    force: bool = typer.Option(
        False, "--force", help="Replace an existing file at PATH (never a journal or backup)."
    ),
) -> None:
    """Make a consistent copy of the journal, safe to take while it is in use."""
    from ..render import make_console
    from ..render.maintenance import backup_view
    from ..upkeep.backup import backup_target, make_backup

    with open_store() as store:
        result = make_backup(store, backup_target(store.path, target, now()), force=force)
    make_console().print(backup_view(result), soft_wrap=True)


def doctor(
    fix: bool = typer.Option(
        False,
        "--fix",
        help="Make the journal private (0600, folder 0700), apply upgrades and remove what "
        "an interrupted command left behind.",
    ),
    format: str = typer.Option("text", "--format", help="text or json.", metavar="FORMAT"),
) -> None:
    """Check the journal: where it is, its version, permissions, integrity, size, drafts."""
    from ..errors import InputError
    from ..files.paths import data_dir, journal_path, journal_source
    from ..render import make_console, print_json
    from ..render.maintenance import checkup_view
    from ..upkeep.maintenance import checkup

    if format not in ("text", "json"):
        raise InputError(f"unknown format '{format}'; use text or json")
    report = checkup(
        journal_path(OPTIONS.db),
        source=journal_source(OPTIONS.db),
        today=now().date(),
        fix=fix,
        default_folder=data_dir(),
    )
    if format == "json":
        print_json(report.as_json())
    else:
        make_console().print(checkup_view(report))
    if not report.healthy:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(backup)
    app.command()(doctor)
