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


class Checked:
    """Records checked as an import checks them, kept by the identity of the record they
    came from, so that writing them does not check them again."""

    def __init__(self) -> None:
        # Each checked value is kept with the record it came from: an id is only unique
        # while its object lives, and the records of a file that was skipped do not.
        self.entries: dict[int, tuple[dict[str, Any], EntryRecord]] = {}
        self.commitments: dict[int, tuple[dict[str, Any], dict[str, Any]]] = {}

    def change(self, change: Change) -> Change:
        """The change, once its record is checked (RecordError if it does not fit)."""
        record = change.record
        if record is None:
            return change
        if change.kind == "entry":
            if "commitments" in record:
                raise RecordError("commitments", "an entry carries no commitments here")
            entry = reading.read_record(record, 1)
            if entry.entry.id != change.key:
                raise RecordError("id", "not the id of the item it changes")
            self.entries[id(record)] = (record, entry)
        else:
            row = reading.read_commitment(record)
            if row["id"] != change.key:
                raise RecordError("id", "not the id of the item it changes")
            self.commitments[id(record)] = (record, row)
        return change

    def entry(self, record: dict[str, Any]) -> EntryRecord:
        found = self.entries.get(id(record))
        return found[1] if found and found[0] is record else reading.read_record(record, 1)

    def commitment(self, record: dict[str, Any]) -> dict[str, Any]:
        found = self.commitments.get(id(record))
        return found[1] if found and found[0] is record else reading.read_commitment(record)


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

    def __init__(self, store: JournalStore, checked: Checked) -> None:
        self.store = store
        self.checked = checked
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
                    put.append(self.checked.entry(record))
        return put, gone

    def commitments(self) -> tuple[list[dict[str, Any]], list[str]]:
        put, gone = [], []
        for kind, key in sorted(self.changed):
            if kind == "commitment":
                record = self.records[(kind, key)]
                if record is None:
                    gone.append(key)
                else:
                    put.append(self.checked.commitment(record))
        return put, gone
