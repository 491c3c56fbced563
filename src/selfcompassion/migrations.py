"""The journal's schema, built only by numbered, append-only migrations.

Each migration runs in a transaction together with the record that it ran (sqlite-utils'
``Migrations``), so a failed one leaves nothing behind and stays pending. Never edit a
migration that has shipped: append a new one, add a fixture database of the previous
version under ``tests/fixtures/`` and a test of the upgrade from it.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "selfcompassion"
migrations = Migrations(MIGRATION_SET)


@migrations(name="0001_entries_answers_tags_drafts")
def _m0001(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE entries (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            journal_date TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            pack TEXT
        )
        """
    )
    db.execute("CREATE INDEX entries_by_date ON entries (journal_date, created_at)")
    db.execute("CREATE INDEX entries_by_kind_date ON entries (kind, journal_date)")
    db.execute("CREATE INDEX entries_by_created ON entries (created_at)")
    db.execute(
        """
        CREATE TABLE answers (
            entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            step_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            prompt TEXT NOT NULL,
            theme TEXT,
            value TEXT NOT NULL,
            number REAL,
            text TEXT NOT NULL,
            PRIMARY KEY (entry_id, position)
        )
        """
    )
    db.execute("CREATE INDEX answers_by_step ON answers (step_id, entry_id)")
    db.execute(
        """
        CREATE TABLE tags (
            entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (entry_id, tag)
        )
        """
    )
    db.execute("CREATE INDEX tags_by_tag ON tags (tag, entry_id)")
    db.execute(
        """
        CREATE TABLE drafts (
            flow TEXT PRIMARY KEY,
            journal_date TEXT NOT NULL,
            pack TEXT,
            answers TEXT NOT NULL,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )


def latest_version() -> int:
    return len(migrations._migrations)
