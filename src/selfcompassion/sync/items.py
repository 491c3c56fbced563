"""The journal as the ``merge.Items`` a sync brings changes into: what the device knows
is read in batches before the changes are decided, and what they decide is gathered
here and written by the store in the sync's one transaction."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..portability import reading
from ..portability.fields import RecordError
from ..portability.schema import record_to_json
from ..store import EntryRecord, JournalStore
from .merge import Change, Kept, Known, Version, current


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
            raise RecordError("commitments", "an entry carries no commitments here")
        record = reading.read_record(change.record, 1)
        if record.entry.id != change.key:
            raise RecordError("id", "not the id of the item it changes")
    else:
        row = reading.read_commitment(change.record)
        if row["id"] != change.key:
            raise RecordError("id", "not the id of the item it changes")
    return change


def known_from_json(text: str) -> Known:
    return tuple(
        Version(item["stamp"], item["vector"], tuple(item["carried"])) for item in json.loads(text)
    )


def known_to_json(known: Known) -> str:
    return json.dumps(
        [
            {"stamp": v.stamp, "vector": dict(sorted(v.vector.items())), "carried": list(v.carried)}
            for v in known
        ]
    )


class StoreItems:
    """Changes decided against the journal, gathered to be written in one go."""

    def __init__(self, store: JournalStore) -> None:
        self.store = store
        self.knowns: dict[tuple[str, str], Known] = {}
        self.records: dict[tuple[str, str], dict[str, Any] | None] = {}
        self.changed: set[tuple[str, str]] = set()  # items whose record is replaced
        self.settled: dict[tuple[str, str], set[str]] = {}  # items whose versions changed
        self.kept_rows: list[tuple[str, str, str, str | None]] = []

    def prepare(self, changes: Sequence[Change]) -> None:
        """Read what the journal knows of every item these changes touch."""
        for kind in ("entry", "commitment"):
            wanted = {c.key for c in changes if c.kind == kind}
            keys = sorted(wanted - {key for k, key in self.knowns if k == kind})
            found = self.store.sync_known(kind, keys)
            for key in keys:
                text = found.get(key)
                self.knowns[(kind, key)] = known_from_json(text) if text else ()

    # -- merge.Items ---------------------------------------------------------------------

    def known(self, kind: str, key: str) -> Known:
        return self.knowns.get((kind, key), ())

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

    def put(self, kind: str, key: str, record: dict[str, Any] | None) -> None:
        self.records[(kind, key)] = record
        self.changed.add((kind, key))

    def settle(self, kind: str, key: str, known: Known, kept: set[str]) -> None:
        self.knowns[(kind, key)] = known
        self.settled[(kind, key)] = kept

    # -- what to write -------------------------------------------------------------------

    def known_rows(self) -> list[tuple[str, str, str, str]]:
        rows = []
        for (kind, key), _ in sorted(self.settled.items()):
            known = self.knowns[(kind, key)]
            rows.append((kind, key, current(known).stamp, known_to_json(known)))
        return rows

    def settled_rows(self) -> list[tuple[str, str, set[str]]]:
        return [(kind, key, kept) for (kind, key), kept in sorted(self.settled.items())]

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
