"""What ``journal today`` brings back from earlier days: the last intention, whether it was
already looked at, when the check-in was last done, and how intentions went in a period.

How an intention went is an ordinary answer of the day that looked back at it (step id
``intention-<8 chars of the entry id>``), so it is edited, exported and synced like any
other answer and needs no table of its own.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date

from .checkin import CHECKIN_KIND
from .core import StoreCore
from .failures import storage_errors

#: The look-back question's answers, saved as written: they are the stored values.
WENT_WELL = "It went well"
PARTLY = "Partly"
NOT_YET = "Not yet"
LET_GO = "I let it go"
LOOK_BACK_CHOICES = (WENT_WELL, PARTLY, NOT_YET, LET_GO)
#: The report's name for each answer.
OUTCOME_NAMES = {WENT_WELL: "went well", PARTLY: "partly", NOT_YET: "not yet", LET_GO: "let go"}

DAILY_KIND = "daily"
INTENTION_STEP = "intention"
LOOK_BACK_PREFIX = "intention-"


@dataclass(frozen=True)
class PastIntention:
    entry_id: str
    journal_date: date
    text: str

    @property
    def step_id(self) -> str:
        return f"{LOOK_BACK_PREFIX}{self.entry_id[:8]}"


class ContinuityQueries(StoreCore):
    def last_intention(self, before: date) -> PastIntention | None:
        """The intention of the last daily entry written for a day before ``before``, when
        it has one and no later entry has looked back at it yet."""
        with storage_errors(self.path):
            row = self.conn.execute(
                "SELECT e.id, e.journal_date, a.text FROM entries e "
                "LEFT JOIN answers a ON a.entry_id = e.id AND a.step_id = ? "
                "WHERE e.kind = ? AND e.journal_date < ? "
                "ORDER BY e.journal_date DESC, e.created_at DESC, e.rowid DESC LIMIT 1",
                [INTENTION_STEP, DAILY_KIND, before.isoformat()],
            ).fetchone()
            if row is None or not (row[2] or "").strip():
                return None
            found = PastIntention(str(row[0]), date.fromisoformat(str(row[1])), str(row[2]))
            looked = self.conn.execute(
                "SELECT 1 FROM answers WHERE step_id = ? LIMIT 1", [found.step_id]
            ).fetchone()
            return None if looked else found

    def last_checkin_day(self) -> date | None:
        with storage_errors(self.path):
            row = self.conn.execute(
                "SELECT max(journal_date) FROM entries WHERE kind = ?", [CHECKIN_KIND]
            ).fetchone()
            return date.fromisoformat(row[0]) if row and row[0] else None

    def first_entry_day(self) -> date | None:
        with storage_errors(self.path):
            row = self.conn.execute("SELECT min(journal_date) FROM entries").fetchone()
            return date.fromisoformat(row[0]) if row and row[0] else None

    def intention_outcomes(self, start: date, end: date) -> dict[str, int]:
        """How the intentions looked back at on days ``start``..``end`` went, by the
        report's name for each answer (every name present, zero when not chosen)."""
        with storage_errors(self.path):
            rows = self.conn.execute(
                "SELECT a.value FROM answers a JOIN entries e ON e.id = a.entry_id "
                "WHERE a.step_id >= ? AND a.step_id < ? AND a.step_id NOT LIKE '%-note' "
                "AND a.kind = 'choice' AND e.journal_date BETWEEN ? AND ?",
                [LOOK_BACK_PREFIX, LOOK_BACK_PREFIX[:-1] + ".", start.isoformat(), end.isoformat()],
            ).fetchall()
        chosen = Counter(str(json.loads(row[0])) for row in rows)
        return {name: chosen.get(choice, 0) for choice, name in OUTCOME_NAMES.items()}
