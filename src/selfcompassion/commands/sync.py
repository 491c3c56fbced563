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
    encrypt: bool = typer.Option(
        False,
        "--encrypt",
        help="Encrypt the change files (age; needs selfcompassion[sync]). Other devices then "
        "need to be let in with --allow.",
    ),
    allow: Optional[str] = typer.Option(  # noqa: UP045
        None,
        "--allow",
        metavar="CODE",
        help="Let in the new device that shows this code, so it can read the encrypted folder.",
    ),
) -> None:
    """Sync this journal with your other devices through a shared folder."""
    from ..errors import InputError
    from ..render import print_note
    from ..sync import trust
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
        if allow is not None:
            device = trust.allow(store, chosen, allow)
            print_note(
                f"Let in device {device[:8]}: it can read this journal's changes from its next "
                "sync on."
            )
            return
        key, resend = trust.folder_key(store, chosen, encrypt)
        result = sync_journal(store, chosen, key=key, resend=resend)
        waiting = len(pending_files(store, chosen, key is not None))
        plain_journal = key is None and store.encrypted
    for line in result.skipped:
        print_note(f"journal sync: skipped {line}", stderr=True)
    if result.healed:
        print_note(_healed_line(result.healed, result.healed_items))
    if result.new_folder:
        print_note(
            f"{chosen} holds none of this journal's changes yet, so the whole journal "
            f"({result.sent_again:,} item{'s' if result.sent_again != 1 else ''}) was written "
            "there for your other devices."
        )
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
    if plain_journal:
        print_note(
            "This journal is encrypted on this device, but its change files in the folder are "
            "not: journal sync --encrypt encrypts them (see docs/sync.md).",
            stderr=True,
        )


def _print_status(store: JournalStore, folder: Path | None) -> None:
    from ..render import print_note
    from ..sync import trust
    from ..sync.run import pending_files

    if folder is None:
        print_note("Sync is not set up; run journal sync FOLDER to start (see docs/sync.md).")
        return
    device = store.sync_value("device") or "(made at the first sync)"
    last = store.sync_value("last_sync") or "never"
    waiting_here = len(store.sync_outbox()) if store.sync_value("device") else 0
    sealed = trust.encrypted_here(store)
    unread = len(pending_files(store, folder, sealed)) if folder.is_dir() else 0
    lines = [
        f"Sync folder: {folder}" + ("" if folder.is_dir() else " (not found here)"),
        f"This device: {device}",
        f"Last sync: {last}",
        f"Changed here since then: {waiting_here:,}",
        f"Files from other devices not read yet: {unread:,}",
        f"Versions kept aside: {store.kept_count():,}",
        *_own_files_lines(store, folder),
        *_encryption_lines(store, folder, sealed),
    ]
    print_note("\n".join(lines))


def _healed_line(files: int, items: int) -> str:
    return (
        f"{files:,} of this device's change files in the folder "
        f"{'were' if files != 1 else 'was'} found damaged (cut short, changed or gone); what "
        f"{'they' if files != 1 else 'it'} carried ({items:,} item{'s' if items != 1 else ''}) "
        "was written again in new files, so your other devices get it."
    )


def _own_files_lines(store: JournalStore, folder: Path) -> list[str]:
    """Whether this device's own files in the folder are as it wrote them."""
    from ..sync import ownfiles

    device = store.sync_value("device")
    if device is None or not folder.is_dir():
        return []
    looked = ownfiles.check(store, folder, device, None)
    written = len(store.own_files())
    if looked.damaged:
        return [
            f"This device's files in the folder: {len(looked.damaged):,} of {written:,} "
            "damaged (cut short, changed or gone); the next journal sync writes what they "
            "carried again"
        ]
    line = f"This device's files in the folder: {written:,}, as it wrote them"
    if looked.healed_before:
        line += f" ({looked.healed_before:,} found damaged before and written again)"
    return [line]


def _encryption_lines(store: JournalStore, folder: Path, sealed: bool) -> list[str]:
    from ..sync import changefiles, trust

    if not sealed:
        there = folder.is_dir() and trust.folder_recipient(folder) is not None
        return (
            ["Change files: encrypted, and this device is not let in yet"]
            if there
            else ["Change files: not encrypted (journal sync --encrypt encrypts them)"]
        )
    lines = ["Change files: encrypted (age); this device holds the folder's key"]
    waiting = trust.waiting_devices(folder) if folder.is_dir() else []
    for device, code in waiting:
        lines.append(f"Waiting to be let in: device {device[:8]}, code {code}")
    plain = changefiles.plain_left(folder) if folder.is_dir() else 0
    if plain:
        lines.append(
            f"Unencrypted change files still in the folder: {plain:,} (delete them once "
            "every device syncs encrypted)"
        )
    return lines


def register(app: typer.Typer) -> None:
    app.command()(sync)
