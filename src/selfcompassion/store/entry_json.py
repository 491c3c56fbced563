"""SQL that writes each entry as the JSON export's text, and the fields of that record.

Each entry comes out of one query as the exact text Python's ``json.dumps(record,
ensure_ascii=False)`` gives for it (``portability.schema.record_to_json`` is the format's
reference): the same key order, ", " and ": " between items, strings escaped by
``json_quote`` as Python escapes them, and lists in the order the store keeps them.
Numbers need care: SQLite writes a REAL with 15 digits where Python writes the shortest
text that reads back exactly (1/3, 1e-07), so a REAL goes through a small Python function
(``FLOAT_TEXT``). An answer's value is kept as the text ``json.dumps`` wrote
(``core.answer_rows`` is its only writer), which is the text the export wants, so it is
copied as it is.

An export (``entry_json_sql``) leaves out the feature tables the journal has no row in,
and takes each answer's object up to its value ('{"step_id": …, "theme": …, "value": ')
from the few such heads a journal's answers share, where building it again for each of
700,000 answers was about a third of the query. The heads found at both ends of the
answers table (``SAMPLED_HEADS``) are written once. When there are at most
``MOST_HEADS`` of them, they are handed to the query as numbered parameters, which a
``CASE`` on the step id picks from (``known_heads_sql``: 10 percent fewer of the query's
instructions than a join); with more, a ``CASE`` costs more than it saves (200 heads
doubled the query), and they go into a temporary table (``HEADS``) that the query joins.
An answer whose head is not among them has it built as before, so the text is the same
every way.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from typing import Any

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
#: The feature tables whose rows a record may hold, in the record's order.
FEATURES = ("reframe_scores", "checkin_scores", "entry_traps", "commitments")
#: Which of ``FEATURES`` hold any row, in that order.
FEATURES_PRESENT = (
    "SELECT EXISTS (SELECT 1 FROM reframe_scores), EXISTS (SELECT 1 FROM checkin_scores), "
    "EXISTS (SELECT 1 FROM entry_traps), EXISTS (SELECT 1 FROM commitments)"
)
#: The SQL function that writes a REAL as Python's json module does.
FLOAT_TEXT = "selfcompassion_float_json"

#: The columns an answer's head is made of, in the record's order.
HEAD_COLUMNS = ("step_id", "kind", "prompt", "theme")
#: The temporary table of answers' heads, for a journal with more than ``MOST_HEADS``.
HEADS = "export_answer_heads"
MAKE_HEADS = (
    "CREATE TEMP TABLE IF NOT EXISTS export_answer_heads "
    "(step_id TEXT, kind TEXT, prompt TEXT, theme TEXT, head TEXT NOT NULL)"
)
INDEX_HEADS = (
    "CREATE INDEX IF NOT EXISTS temp.export_answer_heads_by_columns "
    "ON export_answer_heads (step_id, kind, prompt, theme)"
)
#: Answers read at each end of the answers table for what most answers share (their
#: heads here, their prompts for Markdown and cells for CSV), where reading them all was
#: 0.2 to 1.3 s of CPU at 100,000 entries. The oldest and newest answers of a journal
#: written day by day, a spread over every day of an imported one (landed in order of
#: entry id).
ANSWER_SAMPLE = 5_000


def float_json(value: Any) -> str:
    """A REAL as ``json.dumps`` writes it (registered as ``FLOAT_TEXT``)."""
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


def _head_sql(table: str) -> str:
    """SQL for an answer's JSON object up to its value, from the columns of ``table``."""
    return _json_object_sql(
        [(column, _text(f"{table}.{column}")) for column in HEAD_COLUMNS] + [("value", "''")]
    ).removesuffix(" || '' || '}'")


#: The heads of the answers at both ends of the answers table (``:sample`` of each), each
#: once, as (step_id, kind, prompt, theme).
SAMPLED_HEADS = (
    "SELECT step_id, kind, prompt, theme FROM "
    "(SELECT step_id, kind, prompt, theme FROM answers ORDER BY rowid LIMIT :sample) UNION "
    "SELECT step_id, kind, prompt, theme FROM "
    "(SELECT step_id, kind, prompt, theme FROM answers ORDER BY rowid DESC LIMIT :sample)"
)


def head_json_sql() -> str:
    """The query for an answer's head from (step_id, kind, prompt, theme) as parameters."""
    return (
        f"SELECT {_head_sql('s')} FROM "  # noqa: S608 - constants only
        "(SELECT ? AS step_id, ? AS kind, ? AS prompt, ? AS theme) s"
    )


#: The most heads an export's query holds in a ``CASE``: past them, a join costs less.
MOST_HEADS = 16


#: Puts one head, as (step_id, kind, prompt, theme, its text), into ``HEADS``.
FILL_HEADS = "INSERT INTO temp.export_answer_heads VALUES (?, ?, ?, ?, ?)"


#: An entry's answers, each with its head from ``HEADS`` where it is there.
_ANSWERS_WITH_HEADS = (
    f"answers a LEFT JOIN temp.{HEADS} h ON h.step_id = a.step_id AND h.kind = a.kind "
    "AND h.prompt = a.prompt AND h.theme IS a.theme"
)


def known_heads_sql(shape: Sequence[int]) -> str:
    """SQL for an answer's head taken from the heads given as numbered parameters, NULL
    for any other: ``shape`` is how many heads each step id has, in the parameters'
    order (``head_parameters``): the step id, then kind, prompt, theme and the head's
    text for each of its heads."""
    number = 0
    steps = ""
    for count in shape:
        step = number + 1
        number += 1
        heads = ""
        for _ in range(count):
            heads += (
                f"WHEN a.kind = ?{number + 1} AND a.prompt = ?{number + 2} "
                f"AND a.theme IS ?{number + 3} THEN ?{number + 4} "
            )
            number += 4
        steps += f"WHEN ?{step} THEN CASE {heads}END "
    return f"CASE a.step_id {steps}END" if shape else "NULL"


def head_parameters(
    heads: Sequence[tuple[Sequence[Any], str]],
) -> tuple[tuple[int, ...], list[Any]]:
    """The shape and parameters of ``known_heads_sql`` for (head, its text) pairs, head as
    (step_id, kind, prompt, theme), grouped by step id."""
    by_step: dict[str, list[tuple[Sequence[Any], str]]] = {}
    for head, text in heads:
        by_step.setdefault(head[0], []).append((head, text))
    parameters: list[Any] = []
    for step, found in by_step.items():
        parameters.append(step)
        for (_, kind, prompt, theme), text in found:
            parameters += [kind, prompt, theme, text]
    return tuple(len(found) for found in by_step.values()), parameters


def _answer_sql(shape: Sequence[int] | None, *, joined: bool) -> str:
    """SQL for an answer's JSON object (``FROM answers a``), its head from the heads given
    as parameters (``known_heads_sql``) when ``shape`` is not None, or from ``HEADS``
    (joined as ``h``) when ``joined``."""
    head = _head_sql("a")
    if shape is not None:
        head = f"coalesce({known_heads_sql(shape)}, {head})"
    elif joined:
        head = f"coalesce(h.head, {head})"
    return f"{head} || a.value || ', \"text\": ' || {_text('a.text')} || '}}'"


_FEATURE_MEMBERS = {
    "reframe_scores": lambda: _json_row_sql("reframe_scores", REFRAME_COLUMNS),
    "checkin_scores": lambda: _json_row_sql("checkin_scores", CHECKIN_COLUMNS),
    "entry_traps": lambda: _json_row_sql("entry_traps", TRAP_COLUMNS, listed="trap_id"),
    "commitments": lambda: _json_row_sql(
        "commitments", COMMITMENT_COLUMNS, listed="created_at, id"
    ),
}
_FEATURE_KEYS = {"entry_traps": "traps"}


@functools.lru_cache(maxsize=32)
def entry_json_sql(
    features: tuple[str, ...] = FEATURES,
    *,
    heads: tuple[int, ...] | None = None,
    joined: bool = False,
) -> str:
    """The query for one line of JSON per entry, for ``FROM entries e``: with a member
    for each of ``features`` (the others can have no row), and each answer's head from
    the heads given as numbered parameters first when ``heads`` is their shape
    (``head_parameters``), or from ``HEADS`` when ``joined`` (the table must exist)."""
    answers = _ANSWERS_WITH_HEADS if joined and heads is None else "answers a"
    answer = _answer_sql(heads, joined=joined and heads is None)
    entry = _json_object_sql(
        [(column, _text(f"e.{column}")) for column in ENTRY_COLUMNS]
        + [
            ("tags", f"coalesce({_json_list_sql('json_quote(tag)', 'tags', 'tag')}, '[]')"),
            (
                "answers",
                f"coalesce({_json_list_sql(answer, answers, 'a.position')}, '[]')",
            ),
        ],
        optional=[
            (_FEATURE_KEYS.get(table, table), _FEATURE_MEMBERS[table]())
            for table in FEATURES
            if table in features
        ],
    )
    return f"SELECT {entry} FROM entries e"  # noqa: S608 - constants only
