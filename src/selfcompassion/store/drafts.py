"""Drafts: the answers of a flow not finished yet, kept so that nothing typed is lost.

A flow saves its draft after every answer; the draft goes in the same transaction that
saves the finished entry (``add_entry(clear_draft=...)``), or when the person discards it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .erasing import ErasingWrites
from .failures import storage_errors
from .records import timestamp


@dataclass
class Draft:
    flow: str
    journal_date: date
    pack: str | None
    answers: dict[str, Any] = field(default_factory=dict)
    started_at: str = ""
    updated_at: str = ""


def draft_from_row(row: Sequence[Any]) -> Draft:
    """A Draft from a ``drafts`` row selected in column order."""
    return Draft(row[0], date.fromisoformat(row[1]), row[2], json.loads(row[3]), row[4], row[5])


class DraftQueries(ErasingWrites):
    """Mixin for JournalStore: save, load and discard a flow's draft."""

    def save_draft(self, draft: Draft, now: datetime) -> None:
        stamp = timestamp(now)
        with self.writing() as conn:
            conn.execute(
                "INSERT INTO drafts (flow, journal_date, pack, answers, started_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (flow) DO UPDATE SET "
                "journal_date = excluded.journal_date, pack = excluded.pack, "
                "answers = excluded.answers, updated_at = excluded.updated_at",
                [
                    draft.flow,
                    draft.journal_date.isoformat(),
                    draft.pack,
                    json.dumps(draft.answers, ensure_ascii=False),
                    draft.started_at or stamp,
                    stamp,
                ],
            )

    def load_draft(self, flow: str) -> Draft | None:
        with storage_errors(self.path):
            row = self.conn.execute(
                "SELECT flow, journal_date, pack, answers, started_at, updated_at FROM drafts "
                "WHERE flow = ?",
                [flow],
            ).fetchone()
        return None if row is None else draft_from_row(row)

    def discard_draft(self, flow: str) -> None:
        with self.forgetting() as conn:
            conn.execute("DELETE FROM drafts WHERE flow = ?", [flow])
