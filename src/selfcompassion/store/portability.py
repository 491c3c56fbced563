"""Queries for export: reading whole entries in batches, with what belongs to them.

An export reads entries oldest first in batches, with the figures other features keep
beside them (reframe and check-in scores, thinking traps, commitments). An export as JSON
has SQLite write each entry's text (``entry_json``). Imports are staged and landed by
``importing``; ``add_records`` is their shortest way in.
"""

from __future__ import annotations

import contextlib
from collections.abc import Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import StorageError
from .browse import BATCH, EntryFilter
from .csv_lines import CELLS, INDEX_CELLS, MAKE_CELLS, csv_lines_sql
from .entries import EntryQueries
from .entry_json import (
    ANSWER_SAMPLE,
    CHECKIN_COLUMNS,
    FEATURES,
    FEATURES_PRESENT,
    FILL_HEADS,
    FLOAT_TEXT,
    HEADS,
    INDEX_HEADS,
    MAKE_HEADS,
    MOST_HEADS,
    REFRAME_COLUMNS,
    SAMPLED_HEADS,
    TRAP_COLUMNS,
    entry_json_sql,
    float_json,
    head_json_sql,
    head_parameters,
)

# Read from here by store/syncing.py.
from .entry_json import COMMITMENT_COLUMNS as COMMITMENT_COLUMNS
from .failures import storage_errors
from .markdown_rows import MAKE_PROMPTS, PROMPTS, markdown_rows_sql, prompt_lines
from .read_order import (
    ANSWERS_AT,
    BY_INDEX,
    BY_SORTING,
    CACHE_SIZE,
    DATE_NEXT,
    FILE_NEIGHBOURS,
    KEY,
    LAST_ROWID,
    SORTER_ROOM_KIB,
    apart,
    probes,
    sorting_pays,
)
from .records import Entry

#: Entries a JSON export fetches at a time: about 100 KB of text, small enough that the
#: batch's strings come from the allocator's heap; 1 MB strings were fresh pages from the
#: kernel every time, a third of the export's system time at 10,000 entries.
JSON_BATCH = 40
#: Entries a CSV or Markdown export fetches at a time, for the same reason: about 100 KB
#: of text. At 100,000 entries, in process, CSV took 3.0 to 3.5 s of CPU with 40 where 500
#: took 3.2 to 5.0 s, Markdown 2.40 to 2.46 s against 2.50 to 2.96 s, the difference
#: mostly system time (2026-12-04).
TEXT_BATCH = 40


#: An entry's row and its answers' rows, as ``entry_rows`` gives them.
EntryRows = tuple[Any, list[Any]]
#: What an answer's head is made of: (step_id, kind, prompt, theme).
Head = tuple[str, str, str, str | None]
#: The entry columns of the text exports, with the tags in order as one text.
#: An entry's tags in order as one text ("#one #two"), or NULL, for ``FROM entries e``.
#: Read with each entry: a query for a batch's tags cost more (about 0.9 against 0.55 s
#: of CPU at 100,000 entries, 2026-12-03).
ENTRY_TAGS = (
    "(SELECT group_concat('#' || tag, ' ') FROM "
    "(SELECT tag FROM tags WHERE entry_id = e.id ORDER BY tag))"
)
ENTRY_ROWS = (
    "SELECT e.id, e.journal_date, e.kind, e.pack, e.created_at, e.updated_at, "  # noqa: S608
    f"{ENTRY_TAGS} FROM entries e"
)
#: Each entry's answers laid out for the Markdown export (``markdown_rows``).
MARKDOWN_ROWS = markdown_rows_sql(ENTRY_TAGS)
BATCH_ANSWERS = (
    "SELECT entry_id, step_id, kind, theme, prompt, text, value FROM answers "
    "WHERE entry_id IN ({marks}) ORDER BY entry_id, position"
)
#: Each entry's CSV lines (``csv_lines``).
ENTRY_LINES = csv_lines_sql(ENTRY_TAGS)


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
        ``batch`` lines. SQLite writes the text itself (see ``entry_json``), so no entry
        passes through Python objects on its way out; C1 and bidi controls are left raw for
        the writer to escape. Run it inside ``snapshot``: the answers' heads and the
        feature tables it reads first are the journal's at that moment."""
        query, parameters = self.entry_json_query()
        try:
            with contextlib.closing(self._oldest_first(query, chosen, batch, parameters)) as found:
                for rows in found:
                    yield [row[0] for row in rows]
        finally:
            self.drop_entry_json_heads()

    def entry_json_query(self, leave_out: tuple[str, ...] = ()) -> tuple[str, list[Any]]:
        """The query that writes each entry's JSON text (``FROM entries e``) for this
        journal as it is now, and the values of its numbered parameters: without the
        feature tables that hold no row or are named in ``leave_out``, the answers' heads
        from those at both ends of the answers table (``entry_json``). Run it inside
        ``snapshot``, and ``drop_entry_json_heads`` when done with it."""
        with storage_errors(self.path):
            self.conn.create_function(FLOAT_TEXT, 1, float_json, deterministic=True)
            present = self.conn.execute(FEATURES_PRESENT).fetchone()
            heads = [
                (head, self.conn.execute(head_json_sql(), head).fetchone()[0])
                for head in self.sampled_heads()
            ]
            joined = len(heads) > MOST_HEADS
            if joined:
                self.conn.execute(MAKE_HEADS)
                self.conn.execute(INDEX_HEADS)
                self.conn.execute(f"DELETE FROM temp.{HEADS}")  # noqa: S608 - a constant
                self.conn.executemany(FILL_HEADS, [(*head, text) for head, text in heads])
                heads = []
        features = tuple(
            table
            for table, has in zip(FEATURES, present, strict=True)
            if has and table not in leave_out
        )
        shape, parameters = head_parameters(heads)
        return entry_json_sql(features, heads=None if joined else shape, joined=joined), parameters

    def drop_entry_json_heads(self) -> None:
        """The heads' temporary table of ``entry_json_query`` goes, if it was made."""
        # A journal closed first (an export cut short) has dropped its temporary tables.
        with contextlib.suppress(StorageError), storage_errors(self.path):
            self.conn.execute(f"DROP TABLE IF EXISTS temp.{HEADS}")  # noqa: S608 - a constant

    def sampled_heads(self) -> list[Head]:
        """The heads of the answers at both ends of the answers table, each once: what
        most of a journal's answers share (``entry_json.ANSWER_SAMPLE``)."""
        with storage_errors(self.path):
            return self.conn.execute(SAMPLED_HEADS, {"sample": ANSWER_SAMPLE}).fetchall()

    def iter_entry_lines(
        self, chosen: EntryFilter, cells: Mapping[Head, str], batch: int = TEXT_BATCH
    ) -> Generator[list[tuple[str, str, str]], None, None]:
        """Every matching entry, oldest first, in lists of at most ``batch``, for the CSV
        export: its id, its row's fields joined by commas, and its answers' lines as
        SQLite writes them, ``cells`` holding the cells of each answer's head
        (``csv_lines``). Run it inside ``snapshot``."""
        with storage_errors(self.path):
            self.conn.execute(MAKE_CELLS)
            self.conn.execute(INDEX_CELLS)
            self.conn.execute(f"DELETE FROM temp.{CELLS}")  # noqa: S608 - a constant
            # Cells with a line break (a prompt of two lines, quoted) stay out: in the
            # lines a line feed marks where a row goes, so their answers go to Python.
            self.conn.executemany(
                f"INSERT INTO temp.{CELLS} VALUES (?, ?, ?, ?, ?)",  # noqa: S608 - a constant
                [(*head, text) for head, text in cells.items() if text.isprintable()],
            )
        try:
            with contextlib.closing(
                self._oldest_first(ENTRY_LINES, chosen, batch, sorter_kib=SORTER_ROOM_KIB)
            ) as found:
                yield from found
        finally:
            # A journal closed first (an export cut short) has dropped its temporary tables.
            with contextlib.suppress(StorageError), storage_errors(self.path):
                self.conn.execute(f"DROP TABLE IF EXISTS temp.{CELLS}")  # noqa: S608 - a constant

    def entry_rows(self, ids: Sequence[str]) -> list[EntryRows]:
        """These entries in the order of ``ids``, as the plain rows the text exports write:
        (id, journal_date, kind, pack, created_at, updated_at, tags as "#one #two" or None)
        and its answers in order, each (step_id, kind, theme, prompt, text, value as its
        JSON text). No entry becomes Python objects on the way."""
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
        self, chosen: EntryFilter, batch: int = TEXT_BATCH
    ) -> Generator[list[Any], None, None]:
        """Every matching entry, oldest first, in lists of at most ``batch``, as rows
        (id, journal_date, kind, created_at, its answers as lines SQLite wrote, the words
        still raw (``markdown_rows``), tags as "#one #two" or None): one row per entry,
        where ``entry_rows`` reads one per answer. Run it inside ``snapshot``: the
        prompts it lays out first are the journal's at that moment."""
        with storage_errors(self.path):
            self.conn.execute(MAKE_PROMPTS)
            self.conn.execute(f"DELETE FROM temp.{PROMPTS}")  # noqa: S608 - a constant
            self.conn.executemany(
                f"INSERT INTO temp.{PROMPTS} VALUES (?, ?)",  # noqa: S608 - a constant
                [(prompt, prompt_lines(prompt)) for prompt in {h[2] for h in self.sampled_heads()}],
            )
        try:
            with contextlib.closing(self._oldest_first(MARKDOWN_ROWS, chosen, batch)) as found:
                yield from found
        finally:
            # A journal closed first (an export cut short) has dropped its temporary tables.
            with contextlib.suppress(StorageError), storage_errors(self.path):
                self.conn.execute(f"DROP TABLE IF EXISTS temp.{PROMPTS}")

    def _oldest_first(
        self,
        select: str,
        chosen: EntryFilter,
        batch: int,
        numbered: Sequence[Any] = (),
        sorter_kib: int | None = None,
    ) -> Generator[list[Any], None, None]:
        """The rows of ``select`` (over ``entries e``) for the matching entries, oldest
        first, ``batch`` at a time; ``numbered`` are the values of the parameters
        ``select`` numbers (?1, ?2, ...; the filter's follow them). When SQLite sorts
        them, its sorter gets ``sorter_kib`` KiB of room if given (``read_order``).
        Close it (``contextlib.closing``) when stopping early, so that its cursor closes
        while the journal is still open."""
        where, params = chosen.sql()
        with storage_errors(self.path):
            sorting = self._sorting_pays(chosen)
            # When SQLite sorts, it reads and sorts every row before the first comes back.
            with self._page_cache(sorter_kib if sorting else None):
                cursor = self.conn.execute(
                    f"{select} WHERE 1{where} {BY_SORTING if sorting else BY_INDEX}",  # noqa: S608
                    [*numbered, *params],
                )
            try:
                while rows := cursor.fetchmany(batch):
                    yield rows
            finally:
                cursor.close()

    @contextlib.contextmanager
    def _page_cache(self, kib: int | None) -> Iterator[None]:
        """The page cache, and with it the room of SQLite's sorter, at ``kib`` KiB for
        what runs inside, then as it was; as it is when ``kib`` is None."""
        if kib is None:
            yield
            return
        usual = int(self.conn.execute(CACHE_SIZE).fetchone()[0])
        self.conn.execute(f"{CACHE_SIZE} = -{int(kib)}")
        try:
            yield
        finally:
            self.conn.execute(f"{CACHE_SIZE} = {usual}")

    def _sorting_pays(self, chosen: EntryFilter) -> bool:
        """Whether to read ``chosen`` in the file's order and sort (``read_order``)."""
        if chosen != EntryFilter() or self.encrypted:
            return False
        last = self.conn.execute(LAST_ROWID).fetchone()[0]
        in_file: list[tuple[int | None, int | None]] = []
        by_date: list[tuple[int | None, int | None]] = []
        for rowid in probes(last) if last is not None else []:
            ids = [row[0] for row in self.conn.execute(FILE_NEIGHBOURS, [rowid])]
            if len(ids) < 2:
                continue
            key = self.conn.execute(KEY, ids[:1]).fetchone()
            after = self.conn.execute(DATE_NEXT, key).fetchone()
            if after is not None:
                first = self._answers_at(ids[0])
                in_file.append((first, self._answers_at(ids[1])))
                by_date.append((first, self._answers_at(after[0])))
        return sorting_pays(apart(in_file), apart(by_date))

    def _answers_at(self, entry_id: str) -> int | None:
        """Where an entry's answers start in the answers table."""
        value: int | None = self.conn.execute(ANSWERS_AT, [entry_id]).fetchone()[0]
        return value

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
