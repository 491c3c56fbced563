"""Queries for finding, changing and removing entries: list, search, edit, delete.

Lists walk the date index newest first and stop at the limit, and search asks the
full-text index built by migration 0003 (kept in step by triggers), so both stay as quick
on a journal of a hundred thousand entries as on a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..errors import InputError
from .core import INSERT_ANSWER, INSERT_TAG, Answer, Entry, answer_rows, storage_errors, timestamp

#: Marks around each matching word in a search snippet (control characters, so that no
#: journal text can be mistaken for them once the text has been cleaned for display).
MATCH_START = "\x02"
MATCH_END = "\x03"
SNIPPET_WORDS = 14
# Prompts are the tool's words and the answers the person's: a word in an answer counts more.
PROMPT_WEIGHT = 0.3
ANSWER_WEIGHT = 1.0

# The words SQLite uses when the trouble is the query itself rather than the file.
_QUERY_PROBLEMS = ("fts5", "syntax error", "no such column", "unterminated", "special query")


class SearchQueryError(InputError):
    """A full-text query that SQLite cannot read; carries SQLite's own reason."""

    def __init__(self, query: str, reason: str) -> None:
        super().__init__(reason)
        self.query = query
        self.reason = reason


@dataclass(frozen=True)
class EntryFilter:
    """Which entries a list, search or export covers; every part is optional."""

    since: date | None = None
    until: date | None = None
    kinds: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    def sql(self, alias: str = "e") -> tuple[str, list[Any]]:
        """A WHERE fragment (starting with AND, or empty) and its parameters."""
        parts: list[str] = []
        params: list[Any] = []
        if self.since:
            parts.append(f"{alias}.journal_date >= ?")
            params.append(self.since.isoformat())
        if self.until:
            parts.append(f"{alias}.journal_date <= ?")
            params.append(self.until.isoformat())
        if self.kinds:
            parts.append(f"{alias}.kind IN ({','.join('?' * len(self.kinds))})")
            params.extend(self.kinds)
        if self.tags:
            marks = ",".join("?" * len(self.tags))
            parts.append(f"{alias}.id IN (SELECT entry_id FROM tags WHERE tag IN ({marks}))")  # noqa: S608
            params.extend(self.tags)
        return "".join(f" AND {part}" for part in parts), params


@dataclass(frozen=True)
class SearchHit:
    entry: Entry
    snippet: str
    score: float


class BrowseQueries:
    """Mixin for JournalStore: list, count, search, find by id, edit and delete."""

    conn: sqlite3.Connection
    path: Any

    def list_entries(self, chosen: EntryFilter, limit: int | None) -> list[Entry]:
        """Entries matching the filter, newest first; ``limit`` None means all of them."""
        where, params = chosen.sql()
        sql = (
            "SELECT e.* FROM entries e WHERE 1"  # noqa: S608 - the fragment holds only ? marks
            f"{where} ORDER BY e.journal_date DESC, e.created_at DESC, e.id DESC"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with storage_errors(self.path):
            rows = self.conn.execute(sql, params).fetchall()
            return self._load_entries(rows)  # type: ignore[attr-defined]

    def count_matching(self, chosen: EntryFilter) -> int:
        where, params = chosen.sql()
        with storage_errors(self.path):
            sql = f"SELECT count(*) FROM entries e WHERE 1{where}"  # noqa: S608
            return self.conn.execute(sql, params).fetchone()[0]

    def days_matching(self, chosen: EntryFilter) -> list[date]:
        """Every day with at least one matching entry, oldest first."""
        where, params = chosen.sql()
        with storage_errors(self.path):
            sql = f"SELECT DISTINCT e.journal_date FROM entries e WHERE 1{where} ORDER BY 1"  # noqa: S608
            return [date.fromisoformat(row[0]) for row in self.conn.execute(sql, params)]

    def search(self, query: str, chosen: EntryFilter, limit: int | None) -> list[SearchHit]:
        """Entries whose words match the FTS5 ``query``, best first, each with a snippet.

        A query SQLite cannot read raises SearchQueryError with SQLite's reason.
        """
        where, params = chosen.sql()
        sql = (
            "SELECT e.*, snippet(search_index, -1, ?, ?, '…', ?), "  # noqa: S608
            "bm25(search_index, ?, ?) AS score "
            "FROM search_index JOIN search_docs d ON d.doc = search_index.rowid "
            "JOIN entries e ON e.id = d.entry_id "
            f"WHERE search_index MATCH ?{where} "
            "ORDER BY score, e.journal_date DESC, e.created_at DESC"
        )
        args: list[Any] = [MATCH_START, MATCH_END, SNIPPET_WORDS, PROMPT_WEIGHT, ANSWER_WEIGHT]
        args += [query, *params]
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        with storage_errors(self.path):
            try:
                rows = self.conn.execute(sql, args).fetchall()
            except sqlite3.OperationalError as error:
                reason = str(error)
                if any(word in reason.lower() for word in _QUERY_PROBLEMS):
                    raise SearchQueryError(query, reason) from None
                raise
            entries = self._load_entries([row[:6] for row in rows])  # type: ignore[attr-defined]
        return [SearchHit(entry, row[6], row[7]) for entry, row in zip(entries, rows, strict=True)]

    def entry_ids_starting(self, prefix: str, limit: int = 2) -> list[str]:
        """Ids that start with ``prefix`` (at most ``limit``), to tell unique from ambiguous."""
        with storage_errors(self.path):
            rows = self.conn.execute(
                "SELECT id FROM entries WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                [prefix, prefix + "\uffff", limit],
            ).fetchall()
        return [row[0] for row in rows]

    def delete_entry(self, entry_id: str) -> bool:
        """Remove the entry and everything that belongs to it, in one transaction."""
        with self.writing() as conn:  # type: ignore[attr-defined]
            return conn.execute("DELETE FROM entries WHERE id = ?", [entry_id]).rowcount > 0

    def replace_answers(
        self,
        entry: Entry,
        answers: Sequence[Answer],
        tags: Sequence[str],
        now: datetime,
    ) -> Entry:
        """Save new answers and tags for an existing entry in one transaction; the entry's
        id, kind, day and creation time stay as they were."""
        stamp = timestamp(now)
        kept = tuple(dict.fromkeys(tags))
        with self.writing() as conn:  # type: ignore[attr-defined]
            updated = conn.execute(
                "UPDATE entries SET updated_at = ? WHERE id = ?", [stamp, entry.id]
            ).rowcount
            if not updated:
                raise InputError(f"entry {entry.id[:8]} is no longer in the journal")
            conn.execute("DELETE FROM answers WHERE entry_id = ?", [entry.id])
            conn.executemany(INSERT_ANSWER, answer_rows(entry.id, answers))
            conn.execute("DELETE FROM tags WHERE entry_id = ?", [entry.id])
            conn.executemany(INSERT_TAG, [[entry.id, tag] for tag in kept])
        return Entry(
            id=entry.id,
            kind=entry.kind,
            journal_date=entry.journal_date,
            created_at=entry.created_at,
            updated_at=stamp,
            pack=entry.pack,
            answers=tuple(answers),
            tags=tuple(sorted(kept)),
        )
