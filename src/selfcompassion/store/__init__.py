"""JournalStore: the one place that reads and writes the journal's SQLite file.

Every write is one ``BEGIN IMMEDIATE`` transaction, so an entry is either all there or
not there at all, and concurrent writers queue up instead of failing (WAL mode, a busy
timeout and a few retries). The file is created 0600 inside a 0700 folder, and a file
that is not a journal is refused without being touched.

The SQL lives in this package only. ``core`` opens the file (checked by ``journalfile``,
failures told by ``failures``) and runs transactions; ``records`` holds the entry and the
rows it is written as; ``entries``, ``drafts`` and ``streaks`` keep those; each feature
adds a mixin module of its own queries, all composed here. ``migrations`` is the schema.
"""

from __future__ import annotations

from .browse import BrowseQueries, EntryFilter, SearchHit, SearchQueryError, SearchResults
from .bulk import BulkWrites
from .checkin import CheckinQueries, CheckinScores, keep_checkin_scores
from .commitments import Commitment, CommitmentQueries, Review
from .continuity import ContinuityQueries
from .core import StoreCore
from .drafts import Draft, DraftQueries
from .entries import EntryQueries
from .erasing import ErasingWrites
from .failures import storage_errors
from .importing import Conflict, ImportQueries
from .maintenance import MaintenanceQueries
from .portability import EntryRecord, EntryRows, PortabilityQueries
from .records import Answer, Entry, RowsBeside, timestamp
from .reframes import (
    PastReframe,
    ReframeQueries,
    ReframeRecord,
    ReframeScores,
    keep_reframe_scores,
)
from .reports import ReportQueries
from .streaks import StreakQueries
from .syncing import SyncQueries, SyncWrite

__all__ = [
    "Answer",
    "CheckinScores",
    "Conflict",
    "Commitment",
    "Draft",
    "Entry",
    "EntryFilter",
    "EntryRecord",
    "EntryRows",
    "JournalStore",
    "PastReframe",
    "ReframeRecord",
    "ReframeScores",
    "Review",
    "RowsBeside",
    "SearchHit",
    "SearchQueryError",
    "SearchResults",
    "StoreCore",
    "SyncWrite",
    "keep_checkin_scores",
    "keep_reframe_scores",
    "storage_errors",
    "timestamp",
]


class JournalStore(
    ReframeQueries,
    CommitmentQueries,
    CheckinQueries,
    ContinuityQueries,
    ReportQueries,
    BrowseQueries,
    SyncQueries,
    ImportQueries,
    PortabilityQueries,
    BulkWrites,
    MaintenanceQueries,
    DraftQueries,
    EntryQueries,
    StreakQueries,
    ErasingWrites,
    StoreCore,
):
    """An open journal. Use ``JournalStore.open(path)`` as a context manager."""
