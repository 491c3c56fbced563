"""Entries arriving by sync, checked and staged in bulk by SQLite, as text.

A change file carries each entry's record as the JSON text the sender's SQLite wrote. The
records of a group of files are put in a temporary table as they are; one query finds
those whose shape is not the usual one (``_USUAL``), which the caller checks as an import
checks a record (``portability.reading``), naming any problem. The rest are staged for
landing (``importing.ImportStage``) straight from their text: no entry passes through
Python objects, which is what makes a first sync of a large journal take seconds.

``_USUAL`` is deliberately narrower than what an import accepts, never wider: an entry
with the export's eight fields and nothing else (no scores, no thinking traps), written
answers and whole-number ratings only, ASCII tags, timestamps to the second with their
offset, and no ``\\u`` escape anywhere in its text (so no NUL, no lone surrogate, no
control character). A record outside it is not refused; it takes the slower way, where
the import's own checks decide (tests/test_sync_arrivals.py holds the two together).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .core import StoreCore
from .failures import storage_errors
from .importing import STAGED, ImportStage

_UUID = "-".join("[0-9a-f]" * count for count in (8, 4, 4, 4, 12))
_DIGITS = {"Y": "[0-9][0-9][0-9][0-9]", "N": "[0-9][0-9]"}
_DAY = f"{_DIGITS['Y']}-{_DIGITS['N']}-{_DIGITS['N']}"
_MOMENT = f"{_DAY}T{_DIGITS['N']}:{_DIGITS['N']}:{_DIGITS['N']}[+-]{_DIGITS['N']}:{_DIGITS['N']}"


def _name(value: str, first: str, longest: int) -> str:
    """SQL: ``value`` is text of 1 to ``longest`` characters, lowercase letters, digits,
    '_' and '-', starting with one of ``first``."""
    return (
        f"(typeof({value}) = 'text' AND length({value}) BETWEEN 1 AND {longest} "
        f"AND {value} GLOB '{first}*' AND {value} NOT GLOB '*[^a-z0-9_-]*')"
    )


def _day(value: str) -> str:
    return f"({value} GLOB '{_DAY}' AND {value} >= '0001' AND date({value}) = {value})"


def _moment(value: str) -> str:
    # SQLite's datetime() takes an hour of 24 as it is ("24:00:00"), which the import
    # refuses, so the hour is checked on its own as well.
    at = f"substr({value}, 1, 10) || ' ' || substr({value}, 12, 8)"
    return (
        f"({value} GLOB '{_MOMENT}' AND length({value}) = 25 AND {value} >= '0001' "
        f"AND datetime({at}) = {at} AND substr({value}, 12, 2) <= '23' "
        f"AND substr({value}, 21, 2) <= '23' "
        f"AND substr({value}, 24, 2) <= '59')"
    )


# Each member of the entry, and of each answer, is worth its own power of two when it
# fits (an unknown or unfitting one is worth _WRONG), and every member _EACH more: a
# record whose members add up to exactly one of each, and no others, is the usual shape
# (eight or six powers of two make 255 or 63 only when they are all different). CASE
# is used for every test, since SQLite works out both sides of an AND in a value.
_EACH = 1024
_WRONG = 1 << 20


def _worth(weight: int, fits: str) -> str:
    return f"CASE WHEN coalesce({fits}, 0) THEN {_EACH + weight} ELSE {_WRONG} END"


def _text_fits(test: str) -> str:
    return f"CASE WHEN t.type = 'text' THEN {test} ELSE 0 END"


def _null_or(test: str) -> str:
    return f"t.type = 'null' OR {_text_fits(test)}"


#: A member of the entry (``t``, from json_each over the record).
_TOP_WORTH = f"""CASE t.key
    WHEN 'id' THEN {_worth(1, _text_fits(f"t.atom = r.key AND t.atom GLOB '{_UUID}'"))}
    WHEN 'kind' THEN {_worth(2, _text_fits(_name("t.atom", "[a-z]", 32)))}
    WHEN 'journal_date' THEN {_worth(4, _text_fits(_day("t.atom")))}
    WHEN 'created_at' THEN {_worth(8, _text_fits(_moment("t.atom")))}
    WHEN 'updated_at' THEN {_worth(16, _text_fits(_moment("t.atom")))}
    WHEN 'pack' THEN {_worth(32, _null_or(_name("t.atom", "[a-z0-9]", 64)))}
    WHEN 'tags' THEN {_worth(64, "t.type = 'array'")}
    WHEN 'answers' THEN {_worth(128, "t.type = 'array'")}
    ELSE {_WRONG} END"""


def _answer(key: str) -> str:
    return f"json_extract(a.value, '$.{key}')"


def _answer_is(key: str, kind: str) -> str:
    return f"json_type(a.value, '$.{key}') IS '{kind}'"


#: A member of an answer (``t``, from json_each over the answer). A rating (a whole
#: number) is worth 64 more in its kind and in its value, so an answer adds up to 63
#: when written, 191 when rated, and to neither when its kind and value do not match.
_ANSWER_WORTH = f"""CASE t.key
    WHEN 'step_id' THEN {_worth(1, _text_fits(_name("t.atom", "[a-z0-9]", 64)))}
    WHEN 'prompt' THEN {_worth(2, _text_fits("length(t.atom) <= :max_short"))}
    WHEN 'theme' THEN {_worth(4, _null_or("length(t.atom) <= :max_short"))}
    WHEN 'kind' THEN CASE WHEN t.atom = 'scale' THEN {_EACH + 8 + 64}
        WHEN t.atom IN ('text', 'long_text', 'choice') THEN {_EACH + 8} ELSE {_WRONG} END
    WHEN 'value' THEN CASE t.type
        WHEN 'text' THEN {_worth(16, "length(t.atom) <= :max_text")}
        WHEN 'integer' THEN {_worth(16 + 64, "t.atom BETWEEN -:max_number AND :max_number")}
        ELSE {_WRONG} END
    WHEN 'text' THEN {_worth(32, _text_fits("length(t.atom) <= :max_text"))}
    ELSE {_WRONG} END"""
_TAG_FITS = _text_fits(_name("t.atom", "[a-z]", 50))


def _usual_sql() -> str:
    """The query for the seqs of the records set aside whose shape is not the usual one
    (see the module's doc). An answer (``a``, from json_each over the answers) fits when
    its members add up as _ANSWER_WORTH says; the record fits when it is valid JSON with
    no escape, its own members add up as _TOP_WORTH says, and its tags and answers fit."""
    answer_fits = f"""CASE WHEN a.type = 'object' THEN (SELECT sum({_ANSWER_WORTH})
        FROM json_each(a.value) t) IN ({6 * _EACH + 63}, {6 * _EACH + 191}) ELSE 0 END"""  # noqa: S608
    usual = f"""CASE
        WHEN json_valid(r.record) AND json_type(r.record) = 'object'
            AND instr(r.record, '\\u') = 0
        THEN (SELECT sum({_TOP_WORTH}) FROM json_each(r.record) t) = {8 * _EACH + 255}
            AND (SELECT count(*) <= :max_tags AND count(DISTINCT t.value) = count(*)
                    AND coalesce(sum(CASE WHEN coalesce({_TAG_FITS}, 0) THEN 0 ELSE 1 END), 0)
                        = 0
                 FROM json_each(r.record, '$.tags') t)
            AND (SELECT count(*) <= :max_answers
                    AND coalesce(sum(CASE WHEN coalesce({answer_fits}, 0) THEN 0 ELSE 1 END), 0)
                        = 0
                 FROM json_each(r.record, '$.answers') a)
        ELSE 0 END"""  # noqa: S608
    return f"SELECT seq FROM temp.sync_arrivals r WHERE NOT coalesce({usual}, 0) ORDER BY seq"  # noqa: S608


_UNUSUAL = _usual_sql()

#: The tables a record of the usual shape is staged in, straight from its text; the
#: answers first, since each entry's search document is made from its staged answers.
_FROM_TEXT = ("answers", "tags", "entries")
_STAGED_ANSWERS = "temp.import_stage_answers WHERE seq = r.seq"


def _document() -> str:
    """An entry's search document, from its staged answers (kept in the order of seq and
    position, so each part is read in order from one place), as the landing would build
    it from the journal's."""
    from .migrations import search_doc_part  # the schema's module, loaded when needed

    return (
        f"{search_doc_part('prompt', _STAGED_ANSWERS)}, "
        f"{search_doc_part('text', _STAGED_ANSWERS, searched_only=True)}"
    )


def _staging_sql(table: str) -> str:
    """The statement that stages the chosen records' rows of ``table`` (one of
    _FROM_TEXT) in the import's staging table, with the columns importing.STAGED names."""
    chosen = "WHERE r.seq IN (SELECT seq FROM temp.sync_chosen)"
    if table == "entries":
        fields = ", ".join(
            f"json_extract(r.record, '$.{column}')" for column in STAGED["entries"].split(", ")
        )
        select = f"SELECT r.seq, {fields}, {_document()} FROM temp.sync_arrivals r {chosen}"  # noqa: S608
    elif table == "answers":
        select = f"""SELECT r.seq, r.key, a.key, {_answer("step_id")}, {_answer("kind")},
            {_answer("prompt")}, {_answer("theme")}, json_quote({_answer("value")}),
            CASE WHEN {_answer_is("value", "integer")} THEN CAST({_answer("value")} AS REAL)
            END, {_answer("text")}
            FROM temp.sync_arrivals r, json_each(r.record, '$.answers') a {chosen}"""  # noqa: S608
    elif table == "tags":
        select = f"""SELECT r.seq, r.key, t.value
            FROM temp.sync_arrivals r, json_each(r.record, '$.tags') t {chosen}"""  # noqa: S608
    else:
        raise ValueError(f"no staging from text for {table!r}")
    columns = STAGED[table] + (", search_prompts, search_answers" if table == "entries" else "")
    return f"INSERT INTO temp.import_stage_{table} (seq, {columns}) {select}"


class ArrivalQueries(StoreCore):
    """Mixin for JournalStore: entries arriving by sync, checked and staged in bulk."""

    def stage_arrivals(self, rows: Sequence[tuple[int, str, str]]) -> None:
        """Set these (seq, entry id, record as JSON text) aside in this connection."""
        with storage_errors(self.path):
            conn = self.conn
            conn.execute("DROP TABLE IF EXISTS temp.sync_arrivals")
            conn.execute(
                "CREATE TEMP TABLE sync_arrivals (seq INTEGER PRIMARY KEY, key TEXT, record TEXT)"
            )
            conn.execute("BEGIN")
            try:
                conn.executemany("INSERT INTO temp.sync_arrivals VALUES (?, ?, ?)", rows)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def unusual_arrivals(self, limits: Mapping[str, float]) -> list[int]:
        """The seqs of the records set aside whose shape is not the usual one: each needs
        checking one by one. ``limits``: max_text, max_short, max_tags, max_answers and
        max_number, as an import has them."""
        with storage_errors(self.path):
            return [int(row[0]) for row in self.conn.execute(_UNUSUAL, dict(limits))]

    def stage_usual(self, stage: ImportStage, seqs: Sequence[int]) -> None:
        """Stage the records of these seqs (all of the usual shape) for landing, from
        their text."""
        if not seqs:
            return
        with storage_errors(self.path):
            conn = self.conn
            conn.execute("DROP TABLE IF EXISTS temp.sync_chosen")
            conn.execute("CREATE TEMP TABLE sync_chosen (seq INTEGER PRIMARY KEY)")
            conn.execute("BEGIN")
            try:
                conn.executemany("INSERT INTO temp.sync_chosen VALUES (?)", [[s] for s in seqs])
                for table in _FROM_TEXT:
                    conn.execute(_staging_sql(table))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            stage.count = max(stage.count, max(seqs))
