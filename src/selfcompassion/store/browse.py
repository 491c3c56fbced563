"""Queries for finding, changing and removing entries: list, search, edit, delete.

Lists walk the date index newest first and stop at the limit, and search asks the
full-text index built by migration 0003 (kept in step by triggers), so both stay as quick
on a journal of a hundred thousand entries as on a new one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..errors import InputError
from . import driver
from .entries import EntryQueries
from .erasing import ErasingWrites
from .failures import storage_errors
from .records import INSERT_ANSWER, INSERT_TAG, Answer, Entry, RowsBeside, answer_rows, timestamp

#: Marks around each matching word in a search snippet (control characters, so that no
#: journal text can be mistaken for them once the text has been cleaned for display).
MATCH_START = "\x02"
MATCH_END = "\x03"
SNIPPET_WORDS = 14
#: How many entries one query loads at most.
BATCH = 500
#: A word in more entries than this is ranked among the newest this many of them.
RANK_WINDOW = 5_000
# Prompts are the tool's words and the answers the person's: a word in an answer counts more.
PROMPT_WEIGHT = 0.3
ANSWER_WEIGHT = 1.0

# The words SQLite uses when the trouble is the query itself rather than the file.
_QUERY_PROBLEMS = ("fts5", "syntax error", "no such column", "unterminated", "special query")


class EntryChanged(Exception):
    """The entry was changed by someone else since it was read; nothing was written."""

    def __init__(self, current: Entry) -> None:
        super().__init__(current.id)
        self.current = current


def _content(entry: Entry) -> tuple[tuple[Answer, ...], list[str]]:
    return entry.answers, sorted(entry.tags)


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


@dataclass(frozen=True)
class SearchResults:
    """The best hits; when ranking kept to the newest ``window`` matches, ``matched`` says
    how many entries matched in all."""

    hits: list[SearchHit]
    matched: int | None = None
    window: int | None = None


@contextlib.contextmanager
def _query_errors(query: str) -> Iterator[None]:
    try:
        yield
    except driver.OperationalError as error:
        reason = str(error)
        if any(word in reason.lower() for word in _QUERY_PROBLEMS):
            raise SearchQueryError(query, reason) from None
        raise


class BrowseQueries(EntryQueries, ErasingWrites):
    """Mixin for JournalStore: list, count, search, find by id, edit and delete."""

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
            return self._entries_for(rows)

    def _entries_for(self, rows: Sequence[Any]) -> list[Entry]:
        """Whole entries for ``entries`` rows, loaded a batch at a time (SQLite limits how
        many values one query may take)."""
        loaded: list[Entry] = []
        for start in range(0, len(rows), BATCH):
            loaded += self._load_entries(rows[start : start + BATCH])
        return loaded

    def count_matching(self, chosen: EntryFilter) -> int:
        where, params = chosen.sql()
        with storage_errors(self.path):
            sql = f"SELECT count(*) FROM entries e WHERE 1{where}"  # noqa: S608
            return int(self.conn.execute(sql, params).fetchone()[0])

    def unknown_kinds(self, kinds: Iterable[str]) -> list[str]:
        """Those of ``kinds`` no entry of this journal has (read from the kind index)."""
        wanted = list(kinds)
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        with storage_errors(self.path):
            sql = f"SELECT DISTINCT kind FROM entries WHERE kind IN ({marks})"  # noqa: S608
            present = {row[0] for row in self.conn.execute(sql, wanted)}
        return [kind for kind in wanted if kind not in present]

    def entry_kinds(self) -> list[str]:
        """Every kind of entry this journal holds, in order."""
        with storage_errors(self.path):
            sql = "SELECT DISTINCT kind FROM entries ORDER BY kind"
            return [row[0] for row in self.conn.execute(sql)]

    def days_matching(self, chosen: EntryFilter) -> list[date]:
        """Every day with at least one matching entry, oldest first."""
        where, params = chosen.sql()
        with storage_errors(self.path):
            sql = f"SELECT DISTINCT e.journal_date FROM entries e WHERE 1{where} ORDER BY 1"  # noqa: S608
            return [date.fromisoformat(row[0]) for row in self.conn.execute(sql, params)]

    def search(self, query: str, chosen: EntryFilter, limit: int | None) -> SearchResults:
        """Entries whose words match the FTS5 ``query``, best first, each with a snippet.

        With a limit and no filter, ranking looks at the newest RANK_WINDOW matching
        entries at most, so that a word found in nearly every entry is as quick to search
        as a rare one. A query SQLite cannot read raises SearchQueryError with its reason.
        """
        with storage_errors(self.path), _query_errors(query):
            floor = 0
            matched: int | None = None
            if limit is not None and not chosen.sql()[0]:
                floor = self._rank_floor(query, max(RANK_WINDOW, limit))
                if floor:
                    matched = self.conn.execute(
                        "SELECT count(*) FROM search_index WHERE search_index MATCH ?", [query]
                    ).fetchone()[0]
            ranked = self._ranked(query, chosen, limit, floor)
            snippets = [self._snippet(query, doc) for doc, _, _ in ranked]
            rows = [
                self.conn.execute("SELECT * FROM entries WHERE id = ?", [entry_id]).fetchone()
                for _, entry_id, _ in ranked
            ]
            by_id = {entry.id: entry for entry in self._entries_for([r for r in rows if r])}
        hits = [
            SearchHit(by_id[entry_id], snippet, score)
            for (_, entry_id, score), snippet in zip(ranked, snippets, strict=True)
            if entry_id in by_id
        ]
        return SearchResults(hits, matched, RANK_WINDOW if floor else None)

    def _rank_floor(self, query: str, window: int) -> int:
        """The document number of the ``window``-th newest match (0 when there are fewer)."""
        row = self.conn.execute(
            "SELECT rowid FROM search_index WHERE search_index MATCH ? "
            "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            [query, window - 1],
        ).fetchone()
        return row[0] if row else 0

    def _ranked(
        self, query: str, chosen: EntryFilter, limit: int | None, floor: int
    ) -> list[tuple[int, str, float]]:
        """(document, entry id, score) of the best matches, best first."""
        where, params = chosen.sql()
        joined = "JOIN entries e ON e.id = d.entry_id " if where else ""
        sql = (
            "SELECT search_index.rowid, d.entry_id, bm25(search_index, ?, ?) AS score "  # noqa: S608
            "FROM search_index JOIN search_docs d ON d.doc = search_index.rowid "
            f"{joined}WHERE search_index MATCH ? AND search_index.rowid >= ?{where} "
            "ORDER BY score, search_index.rowid DESC"
        )
        args: list[Any] = [PROMPT_WEIGHT, ANSWER_WEIGHT, query, floor, *params]
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return self.conn.execute(sql, args).fetchall()

    def _snippet(self, query: str, doc: int) -> str:
        """The best few words around the match, from the answers when they match."""
        row = self.conn.execute(
            "SELECT snippet(search_index, 1, ?, ?, '…', ?), snippet(search_index, 0, ?, ?, '…', ?) "
            "FROM search_index WHERE search_index MATCH ? AND rowid = ?",
            [*(MATCH_START, MATCH_END, SNIPPET_WORDS) * 2, query, doc],
        ).fetchone()
        if row is None:
            return ""
        answers, prompts = str(row[0]), str(row[1])
        return answers if MATCH_START in answers or MATCH_START not in prompts else prompts

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
        with self.forgetting() as conn:
            return conn.execute("DELETE FROM entries WHERE id = ?", [entry_id]).rowcount > 0

    def replace_answers(
        self,
        entry: Entry,
        answers: Sequence[Answer],
        tags: Sequence[str],
        now: datetime,
        *,
        also: RowsBeside | None = None,
        expected: Entry | None = None,
    ) -> Entry:
        """Save new answers and tags for an existing entry in one transaction; the entry's
        id, kind, day and creation time stay as they were. ``also`` rewrites rows kept
        beside the entry (figures worked out from its answers) in the same transaction.

        With ``expected`` (the entry as it was read before the change was made), nothing
        is written if its answers or tags have changed since: EntryChanged carries the
        entry as it is now, so that no change saved meanwhile is silently overwritten."""
        stamp = timestamp(now)
        kept = tuple(dict.fromkeys(tags))
        saved = Entry(
            id=entry.id,
            kind=entry.kind,
            journal_date=entry.journal_date,
            created_at=entry.created_at,
            updated_at=stamp,
            pack=entry.pack,
            answers=tuple(answers),
            tags=tuple(sorted(kept)),
        )
        with self.forgetting() as conn:
            updated = conn.execute(
                "UPDATE entries SET updated_at = ? WHERE id = ?", [stamp, entry.id]
            ).rowcount
            if not updated:
                raise InputError(f"entry {entry.id[:8]} is no longer in the journal")
            if expected is not None:
                row = conn.execute("SELECT * FROM entries WHERE id = ?", [entry.id]).fetchone()
                current = self._load_entries([row])[0]
                if _content(current) != _content(expected):
                    raise EntryChanged(current)
            conn.execute("DELETE FROM answers WHERE entry_id = ?", [entry.id])
            conn.executemany(INSERT_ANSWER, answer_rows(entry.id, answers))
            conn.execute("DELETE FROM tags WHERE entry_id = ?", [entry.id])
            conn.executemany(INSERT_TAG, [[entry.id, tag] for tag in kept])
            if also is not None:
                also(conn, saved)
        return saved
