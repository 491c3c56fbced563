"""Checking the records of a group of change files before any of their changes is decided.

Every entry record arrives as text; the store sets them all aside and checks in one query
which have the usual shape (``store/arrivals.py``). Those land from their text. The
others, and every commitment, are read and checked as an import checks them
(``portability.reading``), so a record the import would refuse is refused here too, with
the same words. A file with any record that does not fit is left out of the group whole
(one line says why) and tried again at the next sync.
"""

from __future__ import annotations

import json
from dataclasses import replace

from ..portability import reading
from ..portability.fields import MAX_NUMBER, MAX_SHORT_CHARS, MAX_TEXT_CHARS, RecordError
from ..store import EntryRecord, JournalStore
from .items import Arrived, Checked
from .merge import Change

#: What an import accepts at most, for the store's check of the usual shape.
LIMITS = {
    "max_text": MAX_TEXT_CHARS,
    "max_short": MAX_SHORT_CHARS,
    "max_tags": reading.MAX_TAGS,
    "max_answers": reading.MAX_ANSWERS,
    "max_number": MAX_NUMBER,
}

Group = list[tuple[str, list[Change]]]  # (file name, its changes), in the order read


def check(store: JournalStore, group: Group) -> tuple[Checked, Group, list[str]]:
    """The group's records checked, the group without the files that do not fit (their
    changes now carry their records as ``Arrived`` or as checked objects), and a line for
    each file left out."""
    checked = Checked()
    rows: list[tuple[int, str, str]] = []
    owner: list[int] = []  # the file of each seq (less one)
    bad: dict[int, str] = {}
    marked: Group = []
    for number, (name, changes) in enumerate(group):
        out = []
        for change in changes:
            record = change.record
            if record is not None and change.kind == "entry":
                rows.append((len(rows) + 1, change.key, record))
                owner.append(number)
                change = replace(change, record=Arrived(len(rows), record))
            elif record is not None:
                try:
                    change = replace(change, record=_commitment(checked, change))
                except (ValueError, RecordError) as error:
                    bad.setdefault(number, _why(error))
            out.append(change)
        marked.append((name, out))
    store.stage_arrivals(rows)
    for seq in store.unusual_arrivals(LIMITS):
        _, key, text = rows[seq - 1]
        try:
            checked.entries[seq] = _entry(key, text)
        except (ValueError, RecordError) as error:
            bad.setdefault(owner[seq - 1], _why(error))
    kept = [item for number, item in enumerate(marked) if number not in bad]
    lines = [f"{group[number][0]}: {why}" for number, why in sorted(bad.items())]
    return checked, kept, lines


def _why(error: Exception) -> str:
    if isinstance(error, RecordError):
        return f"{error.where}: {error.reason}"
    return f"a record that is not JSON ({str(error)[:60]})"


def _entry(key: str, text: str) -> EntryRecord:
    data = json.loads(text)
    if isinstance(data, dict) and "commitments" in data:
        raise RecordError("commitments", "an entry carries no commitments here")
    record = reading.read_record(data, 1)
    if record.entry.id != key:
        raise RecordError("id", "not the id of the item it changes")
    return record


def _commitment(checked: Checked, change: Change) -> dict[str, object]:
    data = json.loads(change.record)
    row = reading.read_commitment(data)
    if row["id"] != change.key:
        raise RecordError("id", "not the id of the item it changes")
    checked.commitments[id(data)] = (data, row)
    return data  # type: ignore[no-any-return]
