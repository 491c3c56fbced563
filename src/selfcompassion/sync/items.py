"""The journal as the ``merge.Items`` a sync brings changes into: what the device knows
is read in batches before the changes are decided, and what they decide is gathered
here and written by the store in the sync's one transaction."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..portability import reading
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


@dataclass(frozen=True)
class Arrived:
    """An entry's record as it arrived: its text, and its place in the sync's group of
    changes (``seq``), by which the sync's stage holds it checked."""

    seq: int
    text: str


class Checked:
    """The commitments of a group of changes, once checked: their rows, by the identity
    of the record they came from (kept with it: an id is unique only while its object
    lives). Entries are set aside in the sync's stage as they are checked."""

    def __init__(self) -> None:
        self.commitments: dict[int, tuple[dict[str, Any], dict[str, Any]]] = {}

    def commitment(self, record: dict[str, Any]) -> dict[str, Any]:
        found = self.commitments.get(id(record))
        return found[1] if found and found[0] is record else reading.read_commitment(record)


def known_from_json(text: str) -> Known:
    return tuple(
        Version(item["stamp"], item["vector"], tuple(item["carried"])) for item in json.loads(text)
    )


def known_to_json(known: Known) -> str:
    if len(known) == 1 and not known[0].carried and len(known[0].vector) == 1:
        version = known[0]  # the usual case, as text: one version, one device, nothing kept
        ((device, seen),) = version.vector.items()
        return (
            f'[{{"stamp": "{version.stamp}", "vector": {{"{device}": "{seen}"}}, "carried": []}}]'
        )
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
        self.records: dict[tuple[str, str], Any] = {}
        self.changed: dict[tuple[str, str], None] = {}  # items whose record is replaced
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

    def record(self, kind: str, key: str) -> Any:
        if (kind, key) in self.records:
            return self.records[(kind, key)]
        if kind == "entry":
            found = self.store.entry_records([key]).get(key)
            return entry_json(found) if found else None
        return self.store.commitment_rows([key]).get(key)

    def keep(self, kind: str, key: str, kept: Kept) -> None:
        record = kept.record
        if isinstance(record, Arrived):
            text: str | None = record.text
        else:
            text = None if record is None else json.dumps(record, ensure_ascii=False)
        self.kept_rows.append((kind, key, kept.stamp, text))

    def put(self, kind: str, key: str, record: Any) -> None:
        self.records[(kind, key)] = record
        self.changed[(kind, key)] = None

    def settle(self, kind: str, key: str, known: Known, kept: set[str]) -> None:
        self.knowns[(kind, key)] = known
        self.settled[(kind, key)] = kept

    # -- what to write -------------------------------------------------------------------

    def known_rows(self) -> list[tuple[str, str, str, str]]:
        """In key order, the order sync_items is kept in (each page written once)."""
        rows = []
        for kind, key in sorted(self.settled):
            known = self.knowns[(kind, key)]
            rows.append((kind, key, current(known).stamp, known_to_json(known)))
        return rows

    def settled_rows(self) -> list[tuple[str, str, set[str]]]:
        return [(kind, key, kept) for (kind, key), kept in self.settled.items()]

    def entries(self) -> tuple[list[Arrived], list[str]]:
        """The entries to write (as they arrived) and the ids of those to delete."""
        put: list[Arrived] = []
        gone: list[str] = []
        for kind, key in self.changed:
            if kind == "entry":
                record = self.records[(kind, key)]
                if record is None:
                    gone.append(key)
                else:
                    put.append(record)
        return put, gone

    def commitments(self) -> tuple[list[dict[str, Any]], list[str]]:
        put, gone = [], []
        for kind, key in self.changed:
            if kind == "commitment":
                record = self.records[(kind, key)]
                if record is None:
                    gone.append(key)
                else:
                    put.append(self.checked.commitment(record))
        return put, gone
