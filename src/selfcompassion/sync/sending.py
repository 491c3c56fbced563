"""The sending half of a sync: this device's changes out to files of its own.

Built for a first sync of a large journal as much as for a day's few changes: the items
changed here are read in parts of ``FILE_CHANGES``, each already as JSON text written by
SQLite (an entry's record is the export's text, without its commitments), and each change
line is put together as text around it, so no entry passes through Python objects. What
was sent is then recorded in one transaction. An item nobody changed elsewhere (the usual
case, and every item of a first sync) gets its vector and its versions as text too; only
items with versions from other devices or kept versions go through ``merge``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..store import JournalStore
from . import changefiles
from .clock import Clock
from .items import entry_json, known_from_json, known_to_json
from .merge import Change, Kept, Known, Version, current, local_change
from .sealing import FolderKey

#: The most changes one change file holds: a first sync of a large journal writes several.
FILE_CHANGES = 5_000


@dataclass
class Sent:
    """What a sync wrote: the files, and each item's new versions (kind, key, the count
    of writes it was sent at, its stamp, its versions as JSON)."""

    files: list[str] = field(default_factory=list)
    items: list[tuple[str, str, int, str, str]] = field(default_factory=list)
    number: int = 0
    again: int = 0  # items written again as they stand (``resend``)


def send(
    store: JournalStore, folder: Path, clock: Clock, number: int, at: int, key: FolderKey | None
) -> Sent:
    """Write every item changed here since the last sync, stamped now, to new files
    numbered after ``number``; nothing is recorded in the journal yet."""
    sent = Sent(number=number)
    device = clock.device
    with store.snapshot():  # the records and their counts of writes, as of one moment
        for part in store.outbox_parts(FILE_CHANGES):
            kept = _kept_of(store, [(kind, name) for kind, name, *_ in part])
            lines: list[str] = []
            for kind, name, edits, versions, record in part:
                stamp = clock.tick(at).text()
                if versions is None and (kind, name) not in kept:
                    vector = f'{{"{device}": "{stamp}"}}'
                    known = f'[{{"stamp": "{stamp}", "vector": {vector}, "carried": []}}]'
                    lines.append(changefiles.change_text(kind, name, stamp, vector, record, "[]"))
                else:
                    before = known_from_json(versions) if versions else ()
                    carried = kept.get((kind, name), ())
                    change = local_change(kind, name, before, stamp, device, None, carried)
                    lines.append(changefiles.change_line(change, record))
                    version = Version(stamp, change.vector, tuple(k.stamp for k in carried))
                    known = known_to_json((version,))
                sent.items.append((kind, name, edits, stamp, known))
            sent.number += 1
            written = changefiles.write_lines(folder, device, sent.number, lines, stamp, key)
            sent.files.append(written.name)
    return sent


def _kept_of(
    store: JournalStore, items: list[tuple[str, str]]
) -> dict[tuple[str, str], tuple[Kept, ...]]:
    """The versions kept aside for these items (most have none)."""
    found: dict[tuple[str, str], tuple[Kept, ...]] = {}
    for kind in ("entry", "commitment"):
        keys = [name for k, name in items if k == kind]
        for name, rows in store.sync_kept(kind, keys).items():
            found[(kind, name)] = tuple(
                Kept(stamp, None if text is None else json.loads(text)) for stamp, text in rows
            )
    return found


def resend(
    store: JournalStore, folder: Path, device: str, number: int, key: FolderKey | None
) -> Sent:
    """Write every item this journal knows again, as the change that made it (its current
    version's stamp and vector, its record and the versions kept beside it), to new
    files: a device that knows an item already finds nothing new in it. Items changed
    here since the last sync are left to ``send``."""
    sent = Sent(number=number)
    waiting = {(kind, name) for kind, name, _ in store.sync_outbox()}
    again = [item for item in store.sync_item_keys() if item not in waiting]
    for start in range(0, len(again), FILE_CHANGES):
        changes = []
        for kind, name, known, record, kept in _items_here(
            store, again[start : start + FILE_CHANGES]
        ):
            top = current(known)
            changes.append(Change(kind, name, top.stamp, top.vector, record, kept))
        sent.number += 1
        sent.files.append(changefiles.write(folder, device, sent.number, changes, key).name)
        sent.again += len(changes)
    return sent


def _items_here(
    store: JournalStore, items: Sequence[tuple[str, str]]
) -> Iterator[tuple[str, str, Known, dict[str, Any] | None, tuple[Kept, ...]]]:
    """(kind, key, the versions known, the current record, the versions kept) of items."""
    kept = _kept_of(store, list(items))
    for kind in ("entry", "commitment"):
        keys = [name for k, name in items if k == kind]
        if not keys:
            continue
        known = store.sync_known(kind, keys)
        if kind == "entry":
            found = store.entry_records(keys)
            records = {name: entry_json(record) for name, record in found.items()}
        else:
            records = {**store.waiting_commitments(keys), **store.commitment_rows(keys)}
        for name in keys:
            before = known_from_json(known[name]) if name in known else ()
            yield kind, name, before, records.get(name), kept.get((kind, name), ())
