"""Queries for looking after the journal: its schema, its integrity and waiting drafts.

``journal doctor`` asks these of a journal opened with ``inspect``, which never writes,
so the answers describe the file exactly as it was found.
"""

from __future__ import annotations

from . import driver
from .core import StoreCore
from .drafts import Draft, draft_from_row
from .failures import storage_errors
from .schema import schema_of


class MaintenanceQueries(StoreCore):
    """Facts about the journal as a whole, for ``journal doctor`` and ``journal backup``."""

    def applied_migrations(self) -> list[str]:
        """The names of the schema migrations this journal has had, in order."""
        from .migrations import MIGRATION_SET

        with storage_errors(self.path):
            exists = self.conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = '_sqlite_migrations'"
            ).fetchone()[0]
            if not exists:
                return []
            return [
                row[0]
                for row in self.conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                    [MIGRATION_SET],
                )
            ]

    def integrity_problems(self) -> list[str]:
        """SQLite's full integrity check (its first ten findings): empty when the file is
        sound."""
        try:
            rows = self.conn.execute("PRAGMA integrity_check(10)").fetchall()
        except driver.DatabaseError as error:
            return [str(error)]
        # SQLite may pack several findings into one row, under a heading line.
        found = [line for row in rows for line in str(row[0]).splitlines()]
        found = [line for line in found if line.strip() and not line.startswith("***")]
        if found != ["ok"]:
            return found
        from .schema import search_index_problems

        if ("table", "search_index") not in schema_of(self.conn):
            return []  # reported by schema_problems
        return search_index_problems(self.conn)

    def schema_problems(self) -> list[str]:
        """What the journal lacks of the schema its migrations build, in words."""
        from .schema import schema_differences

        with storage_errors(self.path):
            return schema_differences(self.conn)

    def lost_migration_records(self) -> list[str]:
        """Migrations whose record is missing although a later one is recorded."""
        from .schema import missing_records

        with storage_errors(self.path):
            return missing_records(self.conn)

    def waiting_drafts(self) -> list[Draft]:
        """Unfinished flows kept as drafts, oldest first."""
        with storage_errors(self.path):
            rows = self.conn.execute(
                "SELECT flow, journal_date, pack, answers, started_at, updated_at FROM drafts "
                "ORDER BY updated_at"
            ).fetchall()
        return [draft_from_row(row) for row in rows]
