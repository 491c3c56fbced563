"""An import's records set aside before it lands: temporary tables of this connection
(``temp.import_stage_*``), which no other process sees or waits for.

Each record is checked as it is read (``portability.reading``) and staged here in groups of
a few hundred; ``importing`` then lands what is staged in the journal. Answers, most of
what is staged, keep only what is their own (see ``_STAGE_ANSWERS``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import driver
from .portability import BESIDE, EntryRecord, beside_rows
from .records import PlainRecord, answer_rows, entry_row, search_document, staged_answers

STAGE = "temp.import_stage_"
ENTRY_COLUMNS = "id, kind, journal_date, created_at, updated_at, pack"
ANSWER_COLUMNS = "entry_id, position, step_id, kind, prompt, theme, value, number, text"
#: An answer's head: what most answers of a journal share (a handful of distinct heads).
_HEAD_COLUMNS = "step_id, kind, prompt, theme"


def _columns(table: str) -> str:
    return "entry_id, " + ", ".join(BESIDE[table])


#: Every table an import stages, with the columns it stages (after ``seq``).
STAGED = {
    "entries": ENTRY_COLUMNS,
    "answers": "position, head, value, number, text",
    "tags": "entry_id, tag",
    **{table: _columns(table) for table in BESIDE},
}


#: Staged entries carry their search document when it was made as they were staged
#: (``search_document``); entries staged straight from text (sync) leave it NULL and
#: have it built from their answers as they land (``landing``).
_STAGE_ENTRIES = (
    "CREATE TABLE {stage} (seq INTEGER PRIMARY KEY, {columns}, search_prompts, search_answers)"
)
#: Answers, most of what is staged, kept in the order of their entry's place in the file
#: and found by it, in one b-tree rather than a table and an index beside it. Each holds
#: only what is its own: its entry's id is the staged entry's, its step, kind, prompt and
#: theme are a number in ``import_stage_heads``, and a written answer's value, when it is
#: its text as JSON (nearly always), is NULL, made by ``json_quote`` as it lands (which
#: writes text exactly as ``records.value_json`` does). At 100,000 entries that is a
#: third of the bytes staged and bound one by one.
_STAGE_ANSWERS = (
    "CREATE TABLE {stage} (seq INTEGER, {columns}, PRIMARY KEY (seq, position)) WITHOUT ROWID"
)
_STAGE_HEADS = f"CREATE TABLE {STAGE}heads (head INTEGER PRIMARY KEY, {_HEAD_COLUMNS})"  # noqa: S608
#: The staged answers as the rows they land as (``ANSWER_COLUMNS``), after their ``seq``;
#: ``a``, ``s`` and ``h`` name the staged answer, its entry and its head.
LANDED_ANSWERS = (
    "s.id, a.position, h.step_id, h.kind, h.prompt, h.theme, "
    "coalesce(a.value, json_quote(a.text)), a.number, a.text"
)
STAGED_ANSWERS = f"a.seq, {LANDED_ANSWERS}"
STAGED_ANSWERS_FROM = (
    "JOIN temp.import_stage_answers a ON a.seq = s.seq "
    "JOIN temp.import_stage_heads h ON h.head = a.head"
)
_STAGE_INDEX = "CREATE INDEX {stage}_by_seq ON import_stage_{table} (seq)"


def staged_sql(template: str, table: str) -> str:
    """``template`` for one staged table: ``{table}`` (its name), ``{stage}`` (its staging
    copy) and ``{columns}`` filled from ``STAGED``, whose names are all constants."""
    if table not in STAGED:
        raise ValueError(f"no staging table for {table!r}")
    return template.format(table=table, stage=STAGE + table, columns=STAGED[table])


class ImportStage:
    """Records checked and set aside in this connection's temporary tables, in file order."""

    def __init__(self, conn: driver.Connection) -> None:
        self.conn = conn
        self.count = 0
        #: Each head met so far (step, kind, prompt, theme) and its number.
        self.heads: dict[tuple[Any, ...], int] = {}
        conn.execute(f"DROP TABLE IF EXISTS {STAGE}heads")
        conn.execute(_STAGE_HEADS)
        for table in STAGED:
            conn.execute(staged_sql("DROP TABLE IF EXISTS {stage}", table))
            if table == "entries":
                conn.execute(staged_sql(_STAGE_ENTRIES, table))
            elif table == "answers":
                conn.execute(staged_sql(_STAGE_ANSWERS, table))
            else:
                conn.execute(staged_sql("CREATE TABLE {stage} (seq INTEGER, {columns})", table))
                conn.execute(staged_sql(_STAGE_INDEX, table))

    def add(self, records: Sequence[EntryRecord | PlainRecord]) -> None:
        """Set these records aside (one transaction on the temporary tables only)."""
        entries: list[list[Any]] = []
        answers: list[tuple[Any, ...]] = []
        tags: list[list[Any]] = []
        beside: dict[str, list[list[Any]]] = {table: [] for table in BESIDE}
        heads = self.heads
        new_heads: list[list[Any]] = []
        for record in records:
            self.count += 1
            seq = self.count
            if isinstance(record, PlainRecord):
                staged, search = record.answers, record.search
            else:
                staged = staged_answers(answer_rows(record.entry.id, record.entry.answers))
                search = search_document(staged)
            for position, key, value, number, text in staged:
                head = heads.get(key)
                if head is None:
                    head = heads[key] = len(heads) + 1
                    new_heads.append([head, *key])
                answers.append((seq, position, head, value, number, text))
            if isinstance(record, PlainRecord):
                entries.append([seq, *record.entry, *search])
                tags += [[seq, record.id, tag] for tag in record.tags]
                continue
            entry = record.entry
            entries.append([seq, *entry_row(entry), *search])
            tags += [[seq, entry.id, tag] for tag in entry.tags]
            for table, beside_of in beside_rows(record).items():
                columns = BESIDE[table]
                beside[table] += [[seq, entry.id, *(row[c] for c in columns)] for row in beside_of]
        conn = self.conn
        conn.execute("BEGIN")
        try:
            if new_heads:
                conn.executemany(f"INSERT INTO {STAGE}heads VALUES (?, ?, ?, ?, ?)", new_heads)  # noqa: S608
            self._insert("entries", entries, 9)
            self._insert("answers", answers, 6)
            self._insert("tags", tags, 3)
            for table, table_rows in beside.items():
                self._insert(table, table_rows, len(BESIDE[table]) + 2)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _insert(self, table: str, rows: Sequence[Sequence[Any]], width: int) -> None:
        if rows:
            marks = ", ".join("?" * width)
            self.conn.executemany(
                staged_sql("INSERT INTO {stage} VALUES (", table) + marks + ")",  # noqa: S608
                rows,
            )

    def drop(self) -> None:
        self.conn.execute(f"DROP TABLE IF EXISTS {STAGE}heads")
        for table in STAGED:
            self.conn.execute(staged_sql("DROP TABLE IF EXISTS {stage}", table))
