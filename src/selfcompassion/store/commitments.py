"""Commitments: the one dated next step a reframe ends with, and what became of it.

A next step is kept as a row of its own so that ``journal today`` can ask about it on the
day it falls due and ``journal commitments`` can list and close it. A review answered in
``journal today`` is written in the same transaction as that day's entry.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from ..errors import InputError
from . import driver
from .core import StoreCore
from .failures import storage_errors
from .records import timestamp

OPEN = "open"
DONE = "done"
PARTLY = "partly"
LET_GO = "let-go"
STATUSES = (OPEN, DONE, PARTLY, LET_GO)
#: How ``journal commitments done ID`` and the today review accept an id: a prefix of at
#: least this many characters, with or without the ``commitment-`` of a step id.
MIN_ID_PREFIX = 4
ID_PREFIX = "commitment-"

_COLUMNS = "id, entry_id, text, due_date, status, note, created_at, updated_at, closed_date"


@dataclass(frozen=True)
class Commitment:
    id: str
    entry_id: str
    text: str
    due_date: date
    status: str = OPEN
    note: str | None = None
    created_at: str = ""
    updated_at: str = ""
    closed_date: date | None = None

    @property
    def short_id(self) -> str:
        return self.id[:8]

    @property
    def is_open(self) -> bool:
        return self.status == OPEN


@dataclass(frozen=True)
class Review:
    """What became of a commitment: a closing status, or a new due date while it stays open."""

    commitment_id: str
    status: str
    due_date: date | None = None
    note: str | None = None


def _from_row(row: Sequence[object]) -> Commitment:
    return Commitment(
        id=str(row[0]),
        entry_id=str(row[1]),
        text=str(row[2]),
        due_date=date.fromisoformat(str(row[3])),
        status=str(row[4]),
        note=None if row[5] is None else str(row[5]),
        created_at=str(row[6]),
        updated_at=str(row[7]),
        closed_date=None if row[8] is None else date.fromisoformat(str(row[8])),
    )


class CommitmentQueries(StoreCore):
    """Reading, closing and rescheduling commitments."""

    def new_commitment(
        self, conn: driver.Connection, entry_id: str, text: str, due: date, now: datetime
    ) -> Commitment:
        """Insert an open commitment inside a transaction the caller holds."""
        stamp = timestamp(now)
        commitment = Commitment(str(uuid.uuid4()), entry_id, text, due, OPEN, None, stamp, stamp)
        conn.execute(
            f"INSERT INTO commitments ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
            [
                commitment.id,
                entry_id,
                text,
                due.isoformat(),
                OPEN,
                None,
                stamp,
                stamp,
                None,
            ],
        )
        return commitment

    def _select(self, where: str, params: Sequence[object]) -> list[Commitment]:
        with storage_errors(self.path):
            rows = self.conn.execute(
                f"SELECT {_COLUMNS} FROM commitments WHERE {where}",  # noqa: S608
                list(params),
            ).fetchall()
        return [_from_row(row) for row in rows]

    def due_commitments(self, today: date) -> list[Commitment]:
        """Open commitments due today or earlier, the longest-waiting first."""
        return self._select(
            "status = ? AND due_date <= ? ORDER BY due_date, created_at",
            [OPEN, today.isoformat()],
        )

    def all_commitments(self) -> list[Commitment]:
        """Open commitments by due date, then closed ones, the most recently closed first."""
        return self._select(
            "1 ORDER BY status != ?, CASE WHEN status = ? THEN due_date || created_at END, "
            "closed_date DESC, updated_at DESC",
            [OPEN, OPEN],
        )

    def commitment_for_entry(self, entry_id: str) -> Commitment | None:
        found = self._select("entry_id = ? ORDER BY created_at LIMIT 1", [entry_id])
        return found[0] if found else None

    def find_commitment(self, ident: str) -> Commitment:
        """The commitment with this id or unique id prefix; a clear InputError otherwise."""
        key = ident.strip().lower().removeprefix(ID_PREFIX)
        if len(key) < MIN_ID_PREFIX:
            raise InputError(
                f"'{ident[:40]}' is too short to pick a commitment; give at least "
                f"{MIN_ID_PREFIX} characters of its id (journal commitments lists them)"
            )
        found = self._select("id >= ? AND id < ? ORDER BY id LIMIT 2", [key, key + "\uffff"])
        if not found:
            raise InputError(
                f"no commitment has an id starting with '{key[:40]}' "
                "(journal commitments lists them)"
            )
        if len(found) > 1:
            raise InputError(f"more than one commitment starts with '{key[:40]}'; add characters")
        return found[0]

    def close_commitment(
        self, ident: str, status: str, *, day: date, now: datetime, note: str | None = None
    ) -> Commitment:
        """Close one open commitment as done, partly or let go, in one transaction."""
        commitment = self.find_commitment(ident)
        if not commitment.is_open:
            when = f" on {commitment.closed_date.isoformat()}" if commitment.closed_date else ""
            raise InputError(
                f"commitment {commitment.short_id} is already closed ({commitment.status}{when})"
            )
        review = Review(commitment.id, status, note=note)
        with self.writing() as conn:
            self.write_reviews(conn, [review], day=day, now=now)
        return self.find_commitment(commitment.id)

    def write_reviews(
        self, conn: driver.Connection, reviews: Sequence[Review], *, day: date, now: datetime
    ) -> None:
        """Apply reviews inside a transaction the caller holds: a status other than open
        closes the commitment on ``day``; open with a due date moves it to that day."""
        stamp = timestamp(now)
        for review in reviews:
            if review.status not in STATUSES:
                raise ValueError(f"unknown commitment status {review.status!r}")
            if review.status == OPEN:
                if review.due_date is None:
                    continue
                conn.execute(
                    "UPDATE commitments SET due_date = ?, note = coalesce(?, note), "
                    "updated_at = ? WHERE id = ? AND status = ?",
                    [review.due_date.isoformat(), review.note, stamp, review.commitment_id, OPEN],
                )
            else:
                conn.execute(
                    "UPDATE commitments SET status = ?, note = coalesce(?, note), "
                    "closed_date = ?, updated_at = ? WHERE id = ? AND status = ?",
                    [
                        review.status,
                        review.note,
                        day.isoformat(),
                        stamp,
                        review.commitment_id,
                        OPEN,
                    ],
                )
