"""One sync: this device's changes out to a file of its own, the others' changes in.

1. Look at this device's own files in the folder: after a restore from a backup the
   folder may hold changes the journal no longer remembers making, so the clock is set
   after them and the next file gets a number after theirs.
2. Stamp every item changed here since the last sync and write them to a new file.
3. Read every file not read before (the others', and this device's own from before a
   restore); a file that cannot be read yet is skipped with one line and tried next time.
4. Decide each change (``merge``) and write the result, a few thousand changes (whole
   files) per transaction, each with the record of which files it read (the first also
   with what was sent): a sync that stops part-way loses nothing and is simply done
   again; memory stays bounded however large the first sync.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..portability.fields import RecordError
from ..store import JournalStore
from . import changefiles
from .clock import Clock, Stamp
from .items import Checked, StoreItems, entry_json, known_from_json
from .merge import Change, Kept, Known, Outcome, Version, apply, current, local_change
from .sealing import FolderKey

#: The most changes one change file holds: a first sync of a large journal writes several.
FILE_CHANGES = 5_000
#: Changes brought in per transaction (whole files at a time), so memory stays bounded.
GROUP_CHANGES = 5_000


@dataclass
class SyncResult:
    folder: Path
    sent: int = 0
    received: int = 0
    kept: int = 0
    file_written: str | None = None
    skipped: list[str] = field(default_factory=list)  # one line per file left for later


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def check_folder(folder: Path) -> Path:
    folder = folder.expanduser()
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder; create it (and keep it in sync) first")
    return folder


def pending_files(store: JournalStore, folder: Path, sealed: bool = False) -> list[str]:
    """The change files in ``folder`` this journal has not read."""
    done = store.read_files()
    return [item.name for item in changefiles.listed(folder, sealed) if item.name not in done]


def sync_journal(
    store: JournalStore,
    folder: Path,
    clock_ms: Callable[[], int] = now_ms,
    key: FolderKey | None = None,
    resend: bool = False,
) -> SyncResult:
    """Sync with ``folder``; with ``key`` every file is sealed, and with ``resend`` (a key
    taken up just now) everything this journal knows is written again, sealed, and this
    device's plain files are taken out of the folder."""
    folder = check_folder(folder)
    result = SyncResult(folder)
    device = store.device_id()
    saved = store.sync_value("clock")
    clock = Clock(device, Stamp.parse(saved) if saved else None)
    files = changefiles.listed(folder, sealed=key is not None)
    done = store.read_files()
    for item in files:
        # Its own files this journal does not remember: it was restored from a backup.
        own = item.device == device and item.name not in done
        if own and (latest := changefiles.latest_stamp(item, key)):
            clock.see(latest)
    number = max([int(store.sync_value("number") or 0), *changefiles.own_numbers(files, device)])

    outbox = store.sync_outbox()
    at = clock_ms()
    sent: list[tuple[str, str, Version]] = []
    written: list[str] = []
    for start in range(0, len(outbox), FILE_CHANGES):
        part = outbox[start : start + FILE_CHANGES]
        outgoing = _local_changes(store, clock, device, part, at)
        number += 1
        written.append(changefiles.write(folder, device, number, outgoing, key).name)
        for change in outgoing:
            carried = tuple(kept.stamp for kept in change.kept)
            sent.append((change.kind, change.key, Version(change.stamp, change.vector, carried)))
    if resend:
        waiting = {(kind, name) for kind, name, _ in outbox}
        again = [item for item in store.sync_item_keys() if item not in waiting]
        for start in range(0, len(again), FILE_CHANGES):
            number += 1
            resent = _known_changes(store, again[start : start + FILE_CHANGES])
            written.append(changefiles.write(folder, device, number, resent, key).name)
        for item in changefiles.listed(folder, sealed=False):
            if item.device == device:
                item.path.unlink(missing_ok=True)
    result.sent = len(sent)
    result.file_written = written[-1] if written else None

    # This device's own new versions are already in the journal: the first transaction
    # records them (with the files written) and whatever the first files bring in.
    checked = Checked()
    items = StoreItems(store, checked)
    for kind, name, version in sent:
        items.settle(kind, name, (version,), set(version.carried))
    kept_before = store.kept_count()
    group: list[tuple[str, list[Change]]] = []
    already = done | set(written)
    for item in files:
        if item.name in already:
            continue
        try:
            changes = changefiles.read(item, key)
            group.append((item.name, [checked.change(c) for c in changes]))
        except changefiles.Unreadable as error:
            result.skipped.append(f"{item.name}: {error}; it will be tried again next time")
        except RecordError as error:
            result.skipped.append(
                f"{item.name}: {error.where}: {error.reason}; it will be tried again next time"
            )
        if sum(len(changes) for _, changes in group) >= GROUP_CHANGES:
            result.received += _bring_in(store, items, group, clock, number, outbox, written)
            checked = Checked()
            items, group, outbox, written = StoreItems(store, checked), [], [], []
    if group or outbox or written or not result.received:
        result.received += _bring_in(store, items, group, clock, number, outbox, written)
    result.kept = store.kept_count() - kept_before
    return result


def _bring_in(
    store: JournalStore,
    items: StoreItems,
    group: list[tuple[str, list[Change]]],
    clock: Clock,
    number: int,
    outbox: list[tuple[str, str, int]],
    written: list[str],
) -> int:
    """Decide the changes of a group of files and write them in one transaction, with
    the record that those files were read; returns how many changed something."""
    incoming = [change for _, changes in group for change in changes]
    for change in incoming:
        clock.see(Stamp.parse(change.stamp))
    items.prepare(incoming)
    received = sum(apply(items, change) is not Outcome.HAVE for change in incoming)
    _write(store, items, outbox, [*written, *(name for name, _ in group)], clock, number)
    return received


def _local_changes(
    store: JournalStore, clock: Clock, device: str, outbox: list[tuple[str, str, int]], at: int
) -> list[Change]:
    """A change for every item changed here since the last sync, stamped now: it builds on
    every version known here and carries the versions kept."""
    return [
        local_change(kind, key, known, clock.tick(at).text(), device, record, kept)
        for kind, key, known, record, kept in _items_here(store, [(k, n) for k, n, _ in outbox])
    ]


def _known_changes(store: JournalStore, items: list[tuple[str, str]]) -> list[Change]:
    """Each item as this journal knows it, as the change that made it: its current
    version's stamp and vector, its record and the versions kept beside it. A device
    that knows the item already finds nothing new in it."""
    changes = []
    for kind, key, known, record, kept in _items_here(store, items):
        top = current(known)
        changes.append(Change(kind, key, top.stamp, top.vector, record, kept))
    return changes


def _items_here(
    store: JournalStore, items: list[tuple[str, str]]
) -> Iterator[tuple[str, str, Known, dict[str, Any] | None, tuple[Kept, ...]]]:
    """(kind, key, the versions known, the current record, the versions kept) of items."""
    for kind in ("entry", "commitment"):
        keys = [key for k, key in items if k == kind]
        if not keys:
            continue
        known = store.sync_known(kind, keys)
        kept = store.sync_kept(kind, keys)
        records = _records(store, kind, keys)
        for key in keys:
            versions = tuple(
                Kept(stamp, None if text is None else json.loads(text))
                for stamp, text in kept.get(key, [])
            )
            before = known_from_json(known[key]) if key in known else ()
            yield kind, key, before, records.get(key), versions


def _records(store: JournalStore, kind: str, keys: list[str]) -> dict[str, dict[str, Any]]:
    """The current records of these items (deleted ones are missing)."""
    if kind == "entry":
        return {key: entry_json(record) for key, record in store.entry_records(keys).items()}
    return {**store.waiting_commitments(keys), **store.commitment_rows(keys)}


def _write(
    store: JournalStore,
    items: StoreItems,
    outbox: list[tuple[str, str, int]],
    files: list[str],
    clock: Clock,
    number: int,
) -> None:
    entries, gone_entries = items.entries()
    commitments, gone_commitments = items.commitments()
    with store.import_stage() as stage:
        stage.add(entries)
        with store.applying() as write:
            write.known(items.known_rows())
            write.kept(items.kept_rows, items.settled_rows())
            write.entries(stage, gone_entries)
            write.commitments(commitments, gone_commitments)
            write.place_waiting()
            write.sent(outbox)
            write.files_read(files)
            write.value("clock", clock.last.text())
            write.value("number", str(number))
            write.value("last_sync", time.strftime("%Y-%m-%dT%H:%M:%S%z"))
