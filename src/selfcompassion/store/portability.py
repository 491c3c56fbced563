"""Queries for export: reading whole entries in batches, with what belongs to them.

An export reads entries oldest first in batches, with the figures other features keep
beside them (reframe and check-in scores, thinking traps, commitments). An export as JSON
has SQLite write each entry's text (``ENTRY_JSON``). Imports are staged and landed by
``importing``; ``add_records`` is their shortest way in.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import StorageError
from .browse import BATCH, EntryFilter
from .entries import EntryQueries
from .failures import storage_errors
from .markdown_rows import ALL_PROMPTS, MAKE_PROMPTS, PROMPTS, markdown_rows_sql, prompt_lines
from .records import Entry

ENTRY_COLUMNS = ("id", "kind", "journal_date", "created_at", "updated_at", "pack")
REFRAME_COLUMNS = (
    "intensity_before",
    "intensity_after",
    "belief_before",
    "belief_after",
    "revisit_intensity",
    "revisited_at",
    "balanced_belief",
)
#: Reframe figures an export written before they existed does not have (read as null).
REFRAME_COLUMNS_ADDED = ("balanced_belief",)
CHECKIN_COLUMNS = ("total", "self_kindness", "common_humanity", "mindfulness")
TRAP_COLUMNS = ("trap_id", "phrase")
COMMITMENT_COLUMNS = (
    "id",
    "text",
    "due_date",
    "status",
    "note",
    "created_at",
    "updated_at",
    "closed_date",
)
#: Entries a JSON export fetches at a time: about 100 KB of text, small enough that the
#: batch's strings come from the allocator's heap; 1 MB strings were fresh pages from the
#: kernel every time, a third of the export's system time at 10,000 entries.
JSON_BATCH = 40
#: The SQL function that writes a REAL as Python's json module does (see ``_scalar``).
FLOAT_TEXT = "selfcompassion_float_json"


#: An entry's row and its answers' rows, as ``iter_entry_rows`` gives them.
EntryRows = tuple[Any, list[Any]]
#: The entry columns of the text exports, with the tags in order as one text.
ENTRY_ROWS = (
    "SELECT e.id, e.journal_date, e.kind, e.pack, e.created_at, e.updated_at, "
    "(SELECT group_concat('#' || tag, ' ') FROM "
    "(SELECT tag FROM tags WHERE entry_id = e.id ORDER BY tag)) FROM entries e"
)
#: Each entry's tags in order as one text, for a batch of entries: one query, where a
#: subquery for each entry cost about a second at 100,000 entries.
BATCH_TAGS = (
    "SELECT entry_id, group_concat('#' || tag, ' ') FROM (SELECT entry_id, tag FROM tags "
    "WHERE entry_id IN ({marks}) ORDER BY entry_id, tag) GROUP BY entry_id"
)
#: Each entry's answers laid out for the Markdown export (``markdown_rows``).
MARKDOWN_ROWS = markdown_rows_sql()
BATCH_ANSWERS = (
    "SELECT entry_id, step_id, kind, theme, prompt, text, value FROM answers "
    "WHERE entry_id IN ({marks}) ORDER BY entry_id, position"
)


@dataclass(frozen=True)
class EntryRecord:
    """One entry with everything that belongs to it, as exported and imported."""

    entry: Entry
    reframe_scores: dict[str, Any] | None = None
    traps: tuple[dict[str, Any], ...] = ()
    commitments: tuple[dict[str, Any], ...] = field(default=())
    checkin_scores: dict[str, Any] | None = None


def _marks(count: int) -> str:
    return ",".join("?" * count)


class PortabilityQueries(EntryQueries):
    """Mixin for JournalStore: whole entries in batches, and bulk import."""

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read transaction: every query inside sees the journal as it was at the start."""
        with storage_errors(self.path):
            self.conn.execute("BEGIN")
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def iter_records(
        self, chosen: EntryFilter, batch: int = BATCH
    ) -> Generator[list[EntryRecord], None, None]:
        """Every matching entry, oldest first, in lists of at most ``batch`` records."""
        with contextlib.closing(
            self._oldest_first("SELECT e.* FROM entries e", chosen, batch)
        ) as found:
            for rows in found:
                yield self.records_for(self._load_entries(rows))

    def iter_entry_json(
        self, chosen: EntryFilter, batch: int = JSON_BATCH
    ) -> Generator[list[str], None, None]:
        """Every matching entry as one line of JSON text, oldest first, in lists of at most
        ``batch`` lines. SQLite writes the text itself (see ``ENTRY_JSON``), so no entry
        passes through Python objects on its way out; C1 and bidi controls are left raw for
        the writer to escape."""
        with storage_errors(self.path):
            self.conn.create_function(FLOAT_TEXT, 1, _float_json, deterministic=True)
        with contextlib.closing(self._oldest_first(ENTRY_JSON, chosen, batch)) as found:
            for rows in found:
                yield [row[0] for row in rows]

    def iter_entry_rows(
        self, chosen: EntryFilter, batch: int = BATCH
    ) -> Generator[list[EntryRows], None, None]:
        """Every matching entry, oldest first, in lists of at most ``batch``, as the plain
        rows the text exports write: (id, journal_date, kind, pack, created_at, updated_at,
        tags as "#one #two" or None) and its answers in order, each (step_id, kind, theme,
        prompt, text, value as its JSON text). No entry becomes Python objects on the way:
        one query for the entries and one for each batch's answers."""
        with contextlib.closing(self._oldest_first(ENTRY_ROWS, chosen, batch)) as found:
            for rows in found:
                yield self._with_answers(rows)

    def entry_rows(self, ids: Sequence[str]) -> list[EntryRows]:
        """These entries as ``iter_entry_rows`` gives them, in the order of ``ids``."""
        if not ids:
            return []
        with storage_errors(self.path):
            rows = self.conn.execute(
                f"{ENTRY_ROWS} WHERE e.id IN ({_marks(len(ids))})",  # noqa: S608 - ? marks
                list(ids),
            ).fetchall()
        place = {entry_id: number for number, entry_id in enumerate(ids)}
        return self._with_answers(sorted(rows, key=lambda row: place[row[0]]))

    def _with_answers(self, rows: list[Any]) -> list[EntryRows]:
        """Entry rows with their answers' rows: one query for them all."""
        answers: dict[str, list[Any]] = {row[0]: [] for row in rows}
        with storage_errors(self.path):
            for row in self.conn.execute(
                BATCH_ANSWERS.format(marks=_marks(len(rows))), list(answers)
            ):
                answers[row[0]].append(row[1:])
        return [(row, answers[row[0]]) for row in rows]

    def iter_entry_markdown(
        self, chosen: EntryFilter, batch: int = BATCH
    ) -> Generator[list[Any], None, None]:
        """Every matching entry, oldest first, in lists of at most ``batch``, as rows
        (id, journal_date, kind, created_at, its answers as lines SQLite wrote, the words
        still raw (``markdown_rows``), tags as "#one #two" or None): one row per entry,
        where ``iter_entry_rows`` reads one per answer. Run it inside ``snapshot``: the
        prompts it lays out first are the journal's at that moment."""
        with storage_errors(self.path):
            self.conn.execute(MAKE_PROMPTS)
            self.conn.execute(f"DELETE FROM temp.{PROMPTS}")  # noqa: S608 - a constant
            self.conn.executemany(
                f"INSERT INTO temp.{PROMPTS} VALUES (?, ?)",  # noqa: S608 - a constant
                [(row[0], prompt_lines(row[0])) for row in self.conn.execute(ALL_PROMPTS)],
            )
        try:
            with contextlib.closing(self._oldest_first(MARKDOWN_ROWS, chosen, batch)) as found:
                for rows in found:
                    with storage_errors(self.path):
                        tags = dict(
                            self.conn.execute(
                                BATCH_TAGS.format(marks=_marks(len(rows))),
                                [row[0] for row in rows],
                            ).fetchall()
                        )
                    yield [(*row, tags.get(row[0])) for row in rows]
        finally:
            # A journal closed first (an export cut short) has dropped its temporary tables.
            with contextlib.suppress(StorageError), storage_errors(self.path):
                self.conn.execute(f"DROP TABLE IF EXISTS temp.{PROMPTS}")

    def _oldest_first(
        self, select: str, chosen: EntryFilter, batch: int
    ) -> Generator[list[Any], None, None]:
        """The rows of ``select`` (over ``entries e``) for the matching entries, oldest
        first, ``batch`` at a time. Close it (``contextlib.closing``) when stopping early,
        so that its cursor closes while the journal is still open."""
        where, params = chosen.sql()
        with storage_errors(self.path):
            cursor = self.conn.execute(
                f"{select} WHERE 1{where} "  # noqa: S608 - constants and ? marks only
                "ORDER BY e.journal_date, e.created_at, e.id",
                params,
            )
            try:
                while rows := cursor.fetchmany(batch):
                    yield rows
            finally:
                cursor.close()

    def records_for(self, entries: Sequence[Entry]) -> list[EntryRecord]:
        """The entries with their reframe or check-in scores, traps and commitments, when
        they have any."""
        ids = [entry.id for entry in entries]
        if not ids:
            return []
        reframe = self._rows_by_entry("reframe_scores", REFRAME_COLUMNS, ids)
        checkin = self._rows_by_entry("checkin_scores", CHECKIN_COLUMNS, ids)
        traps = self._rows_by_entry("entry_traps", TRAP_COLUMNS, ids, "trap_id")
        commitments = self._rows_by_entry("commitments", COMMITMENT_COLUMNS, ids, "created_at, id")
        return [
            EntryRecord(
                entry=entry,
                reframe_scores=reframe.get(entry.id, [None])[0],
                traps=tuple(traps.get(entry.id, ())),
                commitments=tuple(commitments.get(entry.id, ())),
                checkin_scores=checkin.get(entry.id, [None])[0],
            )
            for entry in entries
        ]

    def _rows_by_entry(
        self, table: str, columns: Sequence[str], ids: Sequence[str], order: str = ""
    ) -> dict[str, list[dict[str, Any]]]:
        """The rows of a feature table that belong to these entries, by entry id."""
        found: dict[str, list[dict[str, Any]]] = {}
        sql = (
            f"SELECT entry_id, {', '.join(columns)} FROM {table} "  # noqa: S608 - fixed names
            f"WHERE entry_id IN ({_marks(len(ids))}) ORDER BY entry_id"
            + (f", {order}" if order else "")
        )
        with storage_errors(self.path):
            for row in self.conn.execute(sql, list(ids)):
                found.setdefault(row[0], []).append(dict(zip(columns, row[1:], strict=True)))
        return found

    def add_records(self, records: Sequence[EntryRecord]) -> int:
        """Write these records, all of them or, on any error, none; entries the journal
        already holds are left as they are. Returns how many were added."""
        with self.import_stage() as stage:  # type: ignore[attr-defined]
            stage.add(records)
            added: int = self.land_import(stage, lambda count: None)  # type: ignore[attr-defined]
        return added


# -- export as JSON text, written by SQLite ---------------------------------------------------
#
# Each entry comes out of one query as the exact text Python's ``json.dumps(record,
# ensure_ascii=False)`` gives for it (``schema.record_to_json`` is the format's reference):
# the same key order, ", " and ": " between items, strings escaped by ``json_quote`` as
# Python escapes them, and lists in the order the store keeps them. Numbers need care:
# SQLite writes a REAL with 15 digits where Python writes the shortest text that reads back
# exactly (1/3, 1e-07), so a REAL goes through a small Python function. An answer's value
# is kept as the text ``json.dumps`` wrote (``core.answer_rows`` is its only writer), which
# is the text the export wants, so it is copied as it is.


def _float_json(value: Any) -> str:
    return json.dumps(value)


def _number(column: str) -> str:
    """SQL for a number column's value as JSON text (a REAL as Python writes it)."""
    return (
        f"CASE typeof({column}) WHEN 'real' THEN {FLOAT_TEXT}({column}) "
        f"ELSE json_quote({column}) END"
    )


def _text(column: str) -> str:
    """SQL for a text column's value as JSON text (TEXT affinity: it holds no REAL)."""
    return f"json_quote({column})"


def _json_object_sql(
    pairs: Sequence[tuple[str, str]], optional: Sequence[tuple[str, str]] = ()
) -> str:
    """SQL for a JSON object's text from (key, SQL for the value's text) pairs; an
    ``optional`` member is left out where its SQL is NULL."""
    sql = ""
    for number, (key, value) in enumerate(pairs):
        sql += f"'{'{' if number == 0 else ', '}{json.dumps(key)}: ' || {value} || "
    for key, value in optional:
        sql += f"coalesce(', {json.dumps(key)}: ' || {value}, '') || "
    return sql + "'}'"


def _json_row_sql(table: str, columns: Sequence[str], *, listed: str | None = None) -> str:
    """SQL for an entry's rows of a feature table as JSON: one object, or NULL when there
    is none; with ``listed`` (an ORDER BY), a list of them in that order, or NULL."""
    value = _number if table in ("reframe_scores", "checkin_scores") else _text
    item = _json_object_sql([(column, value(column)) for column in columns])
    if listed is None:
        return f"(SELECT {item} FROM {table} WHERE entry_id = e.id)"  # noqa: S608 - constants
    return _json_list_sql(item, table, listed)


def _json_list_sql(item: str, table: str, order: str) -> str:
    """SQL for the items of an entry's rows in a JSON list, or NULL when it has none."""
    return (
        f"'[' || (SELECT group_concat(item, ', ') FROM (SELECT {item} AS item FROM {table} "  # noqa: S608
        f"WHERE entry_id = e.id ORDER BY {order})) || ']'"
    )


def _entry_json_sql() -> str:
    """The query for one line of JSON per entry, for ``FROM entries e``."""
    answer = _json_object_sql(
        [(column, _text(column)) for column in ("step_id", "kind", "prompt", "theme")]
        + [("value", "value"), ("text", _text("text"))]
    )
    entry = _json_object_sql(
        [(column, _text(f"e.{column}")) for column in ENTRY_COLUMNS]
        + [
            ("tags", f"coalesce({_json_list_sql('json_quote(tag)', 'tags', 'tag')}, '[]')"),
            ("answers", f"coalesce({_json_list_sql(answer, 'answers', 'position')}, '[]')"),
        ],
        optional=[
            ("reframe_scores", _json_row_sql("reframe_scores", REFRAME_COLUMNS)),
            ("checkin_scores", _json_row_sql("checkin_scores", CHECKIN_COLUMNS)),
            ("traps", _json_row_sql("entry_traps", TRAP_COLUMNS, listed="trap_id")),
            (
                "commitments",
                _json_row_sql("commitments", COMMITMENT_COLUMNS, listed="created_at, id"),
            ),
        ],
    )
    return f"SELECT {entry} FROM entries e"  # noqa: S608 - constants only


ENTRY_JSON = _entry_json_sql()


#: The feature tables an import fills beside the entries, with their columns.
BESIDE = {
    "reframe_scores": REFRAME_COLUMNS,
    "checkin_scores": CHECKIN_COLUMNS,
    "entry_traps": TRAP_COLUMNS,
    "commitments": COMMITMENT_COLUMNS,
}


def beside_rows(record: EntryRecord) -> dict[str, Sequence[dict[str, Any]]]:
    """A record's rows for each table in ``BESIDE``."""
    return {
        "reframe_scores": [record.reframe_scores] if record.reframe_scores is not None else [],
        "checkin_scores": [record.checkin_scores] if record.checkin_scores is not None else [],
        "entry_traps": record.traps,
        "commitments": record.commitments,
    }
