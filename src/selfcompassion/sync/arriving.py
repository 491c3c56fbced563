"""Checking the records of a group of change files before any of their changes is decided.

Every record is read once (``json.loads``) and checked as an import checks it
(``portability.reading``), so a record the import would refuse is refused here too, with
the same words. An entry of the usual shape takes the import's short way
(``reading.plain_record``) straight to the rows it is staged as, which happens as the
records are checked, a few hundred at a time, so that memory never holds a group's
records whole. A file with any
record that does not fit is left out of the group whole (one line says why) and tried
again at the next sync.
"""

from __future__ import annotations

import json

from ..portability import reading
from ..portability.fields import RecordError
from ..store import EntryRecord
from ..store.records import PlainRecord
from ..store.staging import ImportStage
from .items import Arrived, Checked
from .merge import Change

Group = list[tuple[str, list[Change]]]  # (file name, its changes), in the order read


#: Entries checked between two writes to the stage: memory holds their rows only.
STAGE_EVERY = 500


def check(stage: ImportStage, group: Group) -> tuple[Checked, Group, list[str]]:
    """The group's records checked, the group without the files that do not fit (their
    changes now carry their records as ``Arrived`` or as checked objects), and a line for
    each file left out. Every entry that fits is set aside in ``stage`` as it is checked,
    numbered as its ``Arrived`` says; the caller keeps only those it decides to write."""
    checked = Checked()
    bad: dict[int, str] = {}
    marked: Group = []
    waiting: list[EntryRecord | PlainRecord] = []
    for number, (name, changes) in enumerate(group):
        out = []
        for change in changes:
            record = change.record
            if record is not None and change.kind == "entry":
                seq = 0  # never staged
                try:
                    waiting.append(_entry(change.key, record))
                    seq = stage.count + len(waiting)
                except (ValueError, RecordError) as error:
                    bad.setdefault(number, _why(error))
                change = _with_record(change, Arrived(seq, record))
                if len(waiting) >= STAGE_EVERY:
                    stage.add(waiting)
                    waiting = []
            elif record is not None:
                try:
                    change = _with_record(change, _commitment(checked, change))
                except (ValueError, RecordError) as error:
                    bad.setdefault(number, _why(error))
            out.append(change)
        marked.append((name, out))
    stage.add(waiting)
    kept = [item for number, item in enumerate(marked) if number not in bad]
    lines = [f"{group[number][0]}: {why}" for number, why in sorted(bad.items())]
    return checked, kept, lines


def _with_record(change: Change, record: object) -> Change:
    """``change`` carrying ``record``; as ``dataclasses.replace`` makes it, without
    looking up the fields of ``Change`` for each of a first sync's changes."""
    return Change(change.kind, change.key, change.stamp, change.vector, record, change.kept)


def _why(error: Exception) -> str:
    if isinstance(error, RecordError):
        return f"{error.where}: {error.reason}"
    return f"a record that is not JSON ({str(error)[:60]})"


def _entry(key: str, text: str) -> EntryRecord | PlainRecord:
    data = json.loads(text)
    plain = reading.plain_record(data)
    if plain is not None:
        record: EntryRecord | PlainRecord = plain
        entry_id = plain.id
    else:
        if isinstance(data, dict) and "commitments" in data:
            raise RecordError("commitments", "an entry carries no commitments here")
        record = reading.read_record(data, 1)
        entry_id = record.entry.id
    if entry_id != key:
        raise RecordError("id", "not the id of the item it changes")
    return record


def _commitment(checked: Checked, change: Change) -> dict[str, object]:
    data = json.loads(change.record)
    row = reading.read_commitment(data)
    if row["id"] != change.key:
        raise RecordError("id", "not the id of the item it changes")
    checked.commitments[id(data)] = (data, row)
    return data  # type: ignore[no-any-return]
