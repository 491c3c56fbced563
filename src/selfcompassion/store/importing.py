"""Bringing many records in without making anyone wait: stage first, then land in short steps.

An import is read and checked whole before the journal's write lock is taken: its rows go
into temporary tables of this connection (``staging``), which no other process sees or
waits for. Then they land in the journal in transactions of ``LAND_CHUNK``
entries, with a pause now and then so that a day's entry written meanwhile gets its turn
within a second or two. Until the last transaction, every entry landed is listed in
``imported_entries_landing`` beside the import (``imports_landing``): an import that stops
part-way takes its entries out again, and one whose process died is taken out when the
journal is next opened. So an import still lands whole or not at all.
"""

from __future__ import annotations

import contextlib
import os
import socket
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta

from . import driver, landing
from .core import StoreCore
from .failures import storage_errors
from .portability import BESIDE
from .staging import (
    ANSWER_COLUMNS,
    ENTRY_COLUMNS,
    LANDED_ANSWERS,
    STAGE,
    STAGED,
    STAGED_ANSWERS_FROM,
    ImportStage,
    staged_sql,
)

#: Entries landed by the first transaction; each next one is sized to take STEP_SECONDS.
FIRST_CHUNK = 1_000
MIN_CHUNK = 50
MAX_CHUNK = 50_000
STEP_SECONDS = 0.8
#: After holding the lock this long in total, an import lets others write.
HOLD_SECONDS = 0.8
#: How long it lets them: longer than SQLite's longest wait between two tries (100 ms).
PAUSE_SECONDS = 0.12
#: An import started on another computer (a journal on a shared drive) is taken for
#: stopped only after this long, since its process cannot be looked at from here.
FOREIGN_IMPORT_AGE = timedelta(days=1)

#: The page cache an import lands with: 8 MiB (a negative size is in KiB). Landing in id
#: order, a step's pages are neighbours: at 100,000 entries 8 MiB took the same CPU as
#: 64 MiB (37.9 and 38.2 s) with a peak of 95 MB instead of 168.
LANDING_CACHE = "PRAGMA cache_size = -8192"
#: How far the write-ahead log may grow while an import lands before its pages are copied
#: into the journal (in pages of 4 KiB: 64 MiB), instead of SQLite's usual 1,000 pages
#: (4 MiB). Every step rewrites pages that the steps before it wrote (the indexes kept by
#: date, the day tables), and at 1,000 pages each step copied them into the journal
#: again and synced it; now every few steps do. The log's file, at most about 64 MiB
#: and a step, is removed as usual when the journal is closed.
LANDING_CHECKPOINT = 16_384
#: SQLite's own, which every other write of the journal keeps.
USUAL_CHECKPOINT = 1_000


class Conflict(Exception):
    """A staged record cannot land beside what the journal holds; ``owner`` is the entry."""

    def __init__(self, owner: str, commitment: str) -> None:
        super().__init__(owner)
        self.owner = owner
        self.commitment = commitment


class ImportQueries(StoreCore):
    """Mixin for JournalStore: staged imports, landed in short transactions."""

    @contextlib.contextmanager
    def import_stage(self) -> Iterator[ImportStage]:
        """Temporary tables for an import's records; gone when the block ends."""
        with storage_errors(self.path):
            stage = ImportStage(self.conn)
        try:
            yield stage
        finally:
            with storage_errors(self.path), contextlib.suppress(*driver.Error):
                stage.drop()

    def keep_staged(self, stage: ImportStage, seqs: Sequence[int]) -> None:
        """Leave in ``stage`` only the records of these seqs (a sync stages every record
        it checks, then writes those the merge chose: usually all of them)."""
        if sorted(seqs) == list(range(1, stage.count + 1)):
            return
        with storage_errors(self.path):
            conn = self.conn
            conn.execute("DROP TABLE IF EXISTS temp.import_kept")
            conn.execute("CREATE TEMP TABLE import_kept (seq INTEGER PRIMARY KEY)")
            conn.execute("BEGIN")
            try:
                conn.executemany("INSERT INTO temp.import_kept VALUES (?)", [[s] for s in seqs])
                for table in STAGED:
                    conn.execute(
                        staged_sql(
                            "DELETE FROM {stage} WHERE seq NOT IN (SELECT seq FROM import_kept)",
                            table,
                        )
                    )
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            conn.execute("DROP TABLE temp.import_kept")

    def taken_commitment(self) -> Conflict | None:
        """The first staged commitment whose id another entry of the journal already uses."""
        with storage_errors(self.path):
            row = self.conn.execute(
                f"SELECT s.entry_id, s.id FROM {STAGE}commitments s "  # noqa: S608
                "JOIN main.commitments c ON c.id = s.id "
                "WHERE NOT EXISTS (SELECT 1 FROM main.entries e WHERE e.id = s.entry_id) "
                "ORDER BY s.id LIMIT 1"
            ).fetchone()
        return Conflict(row[0], row[1]) if row else None

    def land_import(self, stage: ImportStage, advance: Callable[[int], None]) -> int:
        """Move the staged records into the journal, leaving out entries it already holds;
        returns how many entries were added. Whole or not at all."""
        import_id = str(uuid.uuid4())
        added, held, size, first = 0, 0.0, FIRST_CHUNK, 1
        try:
            with storage_errors(self.path):
                self._order_by_id()
            with self._larger_cache():
                while first <= stage.count:
                    last = min(first + size - 1, stage.count)
                    if last == stage.count:
                        self.conn.execute("PRAGMA synchronous = FULL")
                    started = time.perf_counter()
                    with self.writing() as conn:
                        if first == 1:
                            self._begin_landing(conn, import_id)
                        added += self._land_chunk(conn, import_id, first, last)
                        if last == stage.count:
                            conn.execute(
                                "DELETE FROM imports_landing WHERE import_id = ?", [import_id]
                            )
                    took = time.perf_counter() - started
                    advance(last - first + 1)
                    first, held = last + 1, held + took
                    # The next step sized to take about STEP_SECONDS, as this one went.
                    size = max(
                        MIN_CHUNK, min(MAX_CHUNK, int(size * STEP_SECONDS / max(took, 1e-3)))
                    )
                    if held >= HOLD_SECONDS and first <= stage.count:
                        time.sleep(PAUSE_SECONDS)  # a day's entry waiting for the lock goes now
                        held = 0.0
        except BaseException:
            with contextlib.suppress(Exception):
                self._take_out(import_id)
            raise
        return added

    def _order_by_id(self) -> None:
        """Number the staged entries in the order of their ids (``temp.import_order``):
        each step lands a run of neighbouring ids, so that its rows go into a few
        neighbouring pages of every index keyed by entry (answers, tags, search documents)
        rather than into pages all over them, which every step would write again."""
        conn = self.conn
        conn.execute("DROP TABLE IF EXISTS temp.import_order")
        conn.execute("CREATE TEMP TABLE import_order (place INTEGER PRIMARY KEY, seq INTEGER)")
        conn.execute(
            f"INSERT INTO temp.import_order (seq) SELECT seq FROM {STAGE}entries ORDER BY id"  # noqa: S608
        )
        # The landing finds each new search document's staged text by its entry's id.
        conn.execute(
            f"CREATE INDEX IF NOT EXISTS {STAGE}entries_by_id ON import_stage_entries (id)"
        )

    @contextlib.contextmanager
    def _larger_cache(self) -> Iterator[None]:
        """A larger page cache (LANDING_CACHE) while an import lands: a step's rows go
        into several indexes (by entry, by step, by tag, the search index) at once, and
        with SQLite's usual 2 MB the same index pages are read and written again and again
        within a step. The cache fills only as far as the import needs it."""
        with storage_errors(self.path):
            before = int(self.conn.execute("PRAGMA cache_size").fetchone()[0])
            self.conn.execute(LANDING_CACHE)
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {LANDING_CHECKPOINT}")
        try:
            yield
        finally:
            with storage_errors(self.path):
                self.conn.execute(f"PRAGMA cache_size = {before}")
                self.conn.execute("PRAGMA synchronous = FULL")
                self.conn.execute(f"PRAGMA wal_autocheckpoint = {USUAL_CHECKPOINT}")

    def land_whole(self, conn: driver.Connection, stage: ImportStage) -> int:
        """Land every staged record inside the caller's transaction (a sync's)."""
        import_id = str(uuid.uuid4())
        self._order_by_id()
        self._begin_landing(conn, import_id)
        added = self._land_chunk(conn, import_id, 1, stage.count)
        conn.execute("DELETE FROM imports_landing WHERE import_id = ?", [import_id])
        return added

    def _begin_landing(self, conn: driver.Connection, import_id: str) -> None:
        conn.execute(
            "INSERT INTO imports_landing (import_id, pid, host, started_at) VALUES (?, ?, ?, ?)",
            [import_id, os.getpid(), socket.gethostname(), datetime.now(UTC).isoformat()],
        )

    def _land_chunk(self, conn: driver.Connection, import_id: str, first: int, last: int) -> int:
        # Entries first, in one statement, oldest first; then the rows that point at them.
        # The other way round, every row that points at an entry went in before it and
        # left a deferred foreign-key violation open, so each entry then looked for its
        # rows in every table that points at entries to close them. The insert triggers
        # stand aside and their work is done once for the whole step (``landing``).
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS import_chunk (seq INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.import_chunk")
        conn.execute(
            f"INSERT INTO temp.import_chunk SELECT s.seq FROM temp.import_order o "  # noqa: S608
            f"JOIN {STAGE}entries s ON s.seq = o.seq WHERE o.place BETWEEN ? AND ? "
            "AND NOT EXISTS (SELECT 1 FROM main.entries e WHERE e.id = s.id)",
            [first, last],
        )
        chosen = "WHERE seq IN (SELECT seq FROM temp.import_chunk)"
        with landing.triggers_aside(conn):
            added: int = conn.execute(
                f"INSERT INTO main.entries ({ENTRY_COLUMNS}) SELECT {ENTRY_COLUMNS} "  # noqa: S608
                f"FROM {STAGE}entries {chosen} ORDER BY journal_date, created_at, id"
            ).rowcount
            # In the order of their entries' ids (``import_order``), which spares sorting.
            conn.execute(
                f"INSERT INTO main.answers ({ANSWER_COLUMNS}) "  # noqa: S608
                f"SELECT {LANDED_ANSWERS} FROM temp.import_order o "
                f"JOIN temp.import_chunk c ON c.seq = o.seq JOIN {STAGE}entries s "
                f"ON s.seq = o.seq {STAGED_ANSWERS_FROM} WHERE o.place BETWEEN ? AND ? "
                "ORDER BY o.place, a.position",
                [first, last],
            )
            conn.execute(
                f"INSERT INTO main.tags (entry_id, tag) SELECT entry_id, tag "  # noqa: S608
                f"FROM {STAGE}tags {chosen} ORDER BY entry_id, tag"
            )
            for table in BESIDE:
                conn.execute(
                    staged_sql(
                        "INSERT INTO main.{table} ({columns}) SELECT {columns} FROM {stage} ",
                        table,
                    )
                    + chosen
                )
            conn.execute(
                f"INSERT INTO main.imported_entries_landing (entry_id, import_id) "  # noqa: S608
                f"SELECT id, ? FROM {STAGE}entries {chosen}",
                [import_id],
            )
        return added

    def _take_out(self, import_id: str) -> None:
        """Remove what an import that stopped part-way had landed."""
        with self.writing() as conn:
            conn.execute(
                "DELETE FROM main.entries WHERE id IN (SELECT entry_id FROM "
                "imported_entries_landing WHERE import_id = ?)",
                [import_id],
            )
            conn.execute("DELETE FROM imports_landing WHERE import_id = ?", [import_id])

    def take_out_stopped_imports(self) -> int:
        """Take out the entries of imports whose process stopped before they finished;
        returns how many imports that was. Cheap when there are none (the usual case)."""
        with storage_errors(self.path):
            rows = self.conn.execute(
                "SELECT import_id, pid, host, started_at FROM imports_landing"
            ).fetchall()
        stopped = [row[0] for row in rows if not _still_running(row[1], row[2], row[3])]
        for import_id in stopped:
            self._take_out(import_id)
        return len(stopped)


def _still_running(pid: int, host: str, started_at: str) -> bool:
    if host != socket.gethostname():
        try:
            return datetime.now(UTC) - datetime.fromisoformat(started_at) < FOREIGN_IMPORT_AGE
        except ValueError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # there, but someone else's
    return True
