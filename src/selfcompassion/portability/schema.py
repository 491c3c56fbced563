"""The tool's own JSON export format, version 1 (described in docs/export-format.md).

One document holds every entry with everything known about it: UUIDs, kind, day,
timestamps, pack, every answer with the exact prompt shown, tags, and, when the entry
has them, reframe or check-in scores, thinking traps and commitments.

``record_to_json`` is the format written as Python. The export itself is written by
SQLite (``JournalStore.iter_entry_json``), which must give exactly the text that
``json.dumps`` gives for it; tests hold the two together, and the benchmark writes its
import files with it. Reading a document back is ``reading``'s job.
"""

from __future__ import annotations

from typing import Any

from ..store import Entry, EntryRecord

FORMAT = "selfcompassion-journal"
VERSION = 1


def header(exported_at: str, entry_count: int) -> dict[str, Any]:
    """Everything in a document before its entries."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": exported_at,
        "entry_count": entry_count,
    }


def entry_fields(entry: Entry) -> dict[str, Any]:
    """What the export says of an entry before its answers (also the head of the brief
    form that ``list`` and ``search`` print as JSON)."""
    return {
        "id": entry.id,
        "kind": entry.kind,
        "journal_date": entry.journal_date.isoformat(),
        "created_at": entry.created_at,
        "updated_at": entry.updated_at,
        "pack": entry.pack,
        "tags": sorted(entry.tags),
    }


def record_to_json(record: EntryRecord) -> dict[str, Any]:
    entry = record.entry
    data: dict[str, Any] = {
        **entry_fields(entry),
        "answers": [
            {
                "step_id": answer.step_id,
                "kind": answer.kind,
                "prompt": answer.prompt,
                "theme": answer.theme,
                "value": answer.value,
                "text": answer.text,
            }
            for answer in entry.answers
        ],
    }
    if record.reframe_scores is not None:
        data["reframe_scores"] = dict(record.reframe_scores)
    if record.checkin_scores is not None:
        data["checkin_scores"] = dict(record.checkin_scores)
    if record.traps:
        data["traps"] = [dict(trap) for trap in record.traps]
    if record.commitments:
        data["commitments"] = [dict(item) for item in record.commitments]
    return data
