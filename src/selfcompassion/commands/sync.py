"""``journal sync``: one journal on several devices, through a folder kept in sync."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from .context import open_store

if TYPE_CHECKING:
    from ..store import JournalStore


def sync(
    folder: Optional[Path] = typer.Argument(  # noqa: UP045
        None,
        help="A folder your devices keep in sync (Syncthing, Dropbox, a git clone...); "
        "remembered after the first time.",
        metavar="FOLDER",
    ),
    status: bool = typer.Option(False, "--status", help="Say where things stand; change nothing."),
) -> None:
    """Sync this journal with your other devices through a shared folder."""
    from ..errors import InputError
    from ..render import print_note
    from ..sync.run import check_folder, pending_files, sync_journal

    with open_store() as store:
        remembered = store.sync_value("folder")
        chosen = folder or (Path(remembered) if remembered else None)
        if status:
            _print_status(store, chosen)
            return
        if chosen is None:
            raise InputError(
                "no sync folder yet: run journal sync FOLDER once with a folder your devices "
                "keep in sync (see docs/sync.md)"
            )
        chosen = check_folder(chosen).resolve()
        if str(chosen) != remembered:
            store.set_sync_value("folder", str(chosen))
        result = sync_journal(store, chosen)
        waiting = len(pending_files(store, chosen))
    for line in result.skipped:
        print_note(f"journal sync: skipped {line}", stderr=True)
    kept = (
        f"; {result.kept} version{'s' if result.kept != 1 else ''} kept aside where two devices "
        "changed the same entry (journal show ID shows them)"
        if result.kept
        else ""
    )
    print_note(
        f"Synced with {chosen}: sent {result.sent:,} change{'s' if result.sent != 1 else ''}, "
        f"brought in {result.received:,}{kept}."
        + (
            f" {waiting} file{'s' if waiting != 1 else ''} could not be read yet."
            if waiting
            else ""
        )
    )


def _print_status(store: JournalStore, folder: Path | None) -> None:
    from ..render import print_note
    from ..sync.run import pending_files

    if folder is None:
        print_note("Sync is not set up; run journal sync FOLDER to start (see docs/sync.md).")
        return
    device = store.sync_value("device") or "(made at the first sync)"
    last = store.sync_value("last_sync") or "never"
    waiting_here = len(store.sync_outbox()) if store.sync_value("device") else 0
    unread = len(pending_files(store, folder)) if folder.is_dir() else 0
    lines = [
        f"Sync folder: {folder}" + ("" if folder.is_dir() else " (not found here)"),
        f"This device: {device}",
        f"Last sync: {last}",
        f"Changed here since then: {waiting_here:,}",
        f"Files from other devices not read yet: {unread:,}",
        f"Versions kept aside: {store.kept_count():,}",
    ]
    print_note("\n".join(lines))


def register(app: typer.Typer) -> None:
    app.command()(sync)
