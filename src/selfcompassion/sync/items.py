"""The journal as the ``merge.Items`` a sync brings changes into: what the device knows
is read in batches before the changes are decided, and what they decide is gathered
here and written by the store in the sync's one transaction."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..portability import reading
from ..portability.schema import record_to_json
from ..store import EntryRecord, JournalStore
from .merge import Change, Kept, Known


def entry_json(record: EntryRecord) -> dict[str, Any]:
    """An entry as sync carries it: the export's record without its commitments, which
    travel as items of their own (an outcome marked on one device is not an edit of the
    entry)."""
    data = record_to_json(record)
    data.pop("commitments", None)
    return data


def checked(change: Change) -> Change:
    """The change with its record checked as an import checks one (RecordError if not)."""
    if change.record is None:
        return change
    if change.kind == "entry":
        if "commitments" in change.record:
            raise reading.RecordError("commitments", "an entry carries no commitments here")
        record = reading.read_record(change.record, 1)
        if record.entry.id != change.key:
            raise reading.RecordError("id", "not the id of the item it changes")
    else:
        row = reading.read_commitment(change.record)
        if row["id"] != change.key:
            raise reading.RecordError("id", "not the id of the item it changes")
    return change


class StoreItems:
    """Changes decided against the journal, gathered to be written in one go."""

    def __init__(self, store: JournalStore) -> None:
        self.store = store
        self.knowns: dict[tuple[str, str], Known | None] = {}
        self.records: dict[tuple[str, str], dict[str, Any] | None] = {}
        self.changed: set[tuple[str, str]] = set()  # items whose record is replaced
        self.learnt: set[tuple[str, str]] = set()  # items whose stamp or vector changed
        self.kept_rows: list[tuple[str, str, str, str | None]] = []

    def prepare(self, changes: Sequence[Change]) -> None:
        """Read what the journal knows of every item these changes touch."""
        for kind in ("entry", "commitment"):
            keys = sorted({c.key for c in changes if c.kind == kind} - {k for _, k in self.knowns})
            found = self.store.sync_known(kind, keys)
            for key in keys:
                row = found.get(key)
                self.knowns[(kind, key)] = (
                    Known(row[0], json.loads(row[1])) if row is not None else None
                )

    # -- merge.Items ---------------------------------------------------------------------

    def known(self, kind: str, key: str) -> Known | None:
        return self.knowns.get((kind, key))

    def record(self, kind: str, key: str) -> dict[str, Any] | None:
        if (kind, key) in self.records:
            return self.records[(kind, key)]
        if kind == "entry":
            found = self.store.entry_records([key]).get(key)
            return entry_json(found) if found else None
        return self.store.commitment_rows([key]).get(key)

    def keep(self, kind: str, key: str, kept: Kept) -> None:
        record = None if kept.record is None else json.dumps(kept.record, ensure_ascii=False)
        self.kept_rows.append((kind, key, kept.stamp, record))

    def put(self, kind: str, key: str, known: Known, record: dict[str, Any] | None) -> None:
        self.learn(kind, key, known)
        self.records[(kind, key)] = record
        self.changed.add((kind, key))

    def learn(self, kind: str, key: str, known: Known) -> None:
        self.knowns[(kind, key)] = known
        self.learnt.add((kind, key))

    # -- what to write -------------------------------------------------------------------

    def known_rows(self) -> list[tuple[str, str, str, str]]:
        rows = []
        for kind, key in sorted(self.learnt):
            known = self.knowns[(kind, key)]
            if known is not None:
                vector = json.dumps(dict(sorted(known.vector.items())))
                rows.append((kind, key, known.stamp, vector))
        return rows

    def entries(self) -> tuple[list[EntryRecord], list[str]]:
        """The entries to write (as records) and the ids of those to delete."""
        put, gone = [], []
        for kind, key in sorted(self.changed):
            if kind == "entry":
                record = self.records[(kind, key)]
                if record is None:
                    gone.append(key)
                else:
                    put.append(reading.read_record(record, 1))
        return put, gone

    def commitments(self) -> tuple[list[dict[str, Any]], list[str]]:
        put, gone = [], []
        for kind, key in sorted(self.changed):
            if kind == "commitment":
                record = self.records[(kind, key)]
                if record is None:
                    gone.append(key)
                else:
                    put.append(reading.read_commitment(record))
        return put, gone
