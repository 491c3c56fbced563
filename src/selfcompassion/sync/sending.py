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
    """What a sync wrote: the files, each item's new versions (kind, key, the count of
    writes it was sent at, its stamp, its versions as JSON, the number of the file that
    carries it), and the items written again as they stand (number, kind, key)."""

    written: list[changefiles.Written] = field(default_factory=list)
    items: list[tuple[str, str, int, str, str, int]] = field(default_factory=list)
    carried: list[tuple[int, str, str]] = field(default_factory=list)
    number: int = 0

    @property
    def files(self) -> list[str]:
        return [written.name for written in self.written]

    @property
    def again(self) -> int:
        """How many items were written again as they stand (``resend``)."""
        return len(self.carried)

    def add(self, other: Sent) -> None:
        self.written += other.written
        self.items += other.items
        self.carried += other.carried
        self.number = other.number


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
            stamps = clock.ticks(at, len(part))
            for (kind, name, edits, versions, record), stamp in zip(part, stamps, strict=True):
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
                sent.items.append((kind, name, edits, stamp, known, sent.number + 1))
            sent.number += 1
            sent.written.append(
                changefiles.write_lines(folder, device, sent.number, lines, stamp, key)
            )
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
    store: JournalStore,
    folder: Path,
    device: str,
    number: int,
    key: FolderKey | None,
    items: Sequence[tuple[str, str]] | None = None,
    healed: list[str] | None = None,
) -> Sent:
    """Write every item this journal knows (or only ``items``) again, as the changes that
    made it: each version it knows, with its stamp, vector and record, the versions it
    carries as kept beside it. A device that knows an item already finds nothing new in
    it; one that knows part of it gets the rest, as if it had read the files that first
    carried them. Items changed here since the last sync are left to ``send``.
    ``healed`` names this device's damaged files the new ones stand in for: written in
    their heads (a file with no change at all when nothing is left to carry)."""
    sent = Sent(number=number)
    waiting = {(kind, name) for kind, name, _ in store.sync_outbox()}
    chosen = store.sync_item_keys() if items is None else sorted(set(items))
    again = [item for item in chosen if item not in waiting]
    for start in range(0, max(len(again), 1 if healed else 0), FILE_CHANGES):
        changes = []
        sent.number += 1
        for kind, name, known, record, kept in _items_here(
            store, again[start : start + FILE_CHANGES]
        ):
            changes += _changes_of(kind, name, known, record, kept)
            sent.carried.append((sent.number, kind, name))
        sent.written.append(changefiles.write(folder, device, sent.number, changes, key, healed))
    return sent


def _changes_of(
    kind: str, name: str, known: Known, record: dict[str, Any] | None, kept: tuple[Kept, ...]
) -> list[Change]:
    """The changes that make an item as this device knows it: its current version with
    its record and every kept one, and each other version it knows (one made at the same
    time as the current one) with its record as kept."""
    top = current(known)
    changes = [Change(kind, name, top.stamp, top.vector, record, kept)]
    records = {item.stamp: item.record for item in kept}
    for version in known:
        if version is not top and version.stamp in records:
            carried = tuple(item for item in kept if item.stamp in version.carried)
            changes.append(
                Change(kind, name, version.stamp, version.vector, records[version.stamp], carried)
            )
    return changes


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
