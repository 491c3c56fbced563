"""SQL for the CSV export: each entry's answers as the lines of the file, every cell
quoted by SQLite as the csv module quotes it, and its row's fields once.

Python assembling 700,000 lines a cell at a time was most of the CSV export's own time;
here SQLite writes each answer's line but for the entry's row (its first seven cells),
which Python puts before each line of the entry (``portability.csv_batches``). A cell of
text or value is written as it is, or between quotes with its quotes doubled when it
holds a quote or a comma (SQLite's ``printf`` ``%w``): the csv module's way for cells
that need no guard. The cells of an answer's step, kind, theme and prompt are few and
repeat, so Python makes each once, guard and all, into a temporary table (``CELLS``) that
the query joins (the heads of the answers at both ends of the table,
``entry_json.SAMPLED_HEADS``; only cells of printable text, so never a line break).

A cell that starts with a formula sign gets the apostrophe the csv export puts before it
(``portability.documents.starts_a_formula``). What SQLite cannot settle by looking at a
cell's first character and for line breaks it leaves to Python: an answer whose text or
value starts with a space or anything but printable ASCII, or holds a line break, or
whose head is not in the table, is written as ``FLAG`` (a control character) instead of
its line, and the entry goes the whole way (``portability.documents._csv``). Any other
control character stays in the line for Python's check of the batch to find.

Each entry's lines come rotated by one character: a line feed before each line (where
Python puts the row) and a carriage return after each, so that entries written one after
another make every line end with CR LF (the document's first line ends with CR, and a
line feed ends the file).
"""

from __future__ import annotations

from collections.abc import Callable

#: The temporary table of the cells an answer's head makes in CSV.
CELLS = "export_answer_cells"
MAKE_CELLS = (
    "CREATE TEMP TABLE IF NOT EXISTS export_answer_cells "
    "(step_id TEXT, kind TEXT, prompt TEXT, theme TEXT, cells TEXT NOT NULL)"
)
INDEX_CELLS = (
    "CREATE INDEX IF NOT EXISTS temp.export_answer_cells_by_columns "
    "ON export_answer_cells (step_id, kind, prompt, theme)"
)

#: Written in place of a line SQLite leaves to Python.
FLAG = "\x01"
#: The first characters SQLite settles itself (``GLOB``): printable ASCII but the space.
#: An empty cell needs nothing either.
PRINTABLE_START = "[!-~]*"
#: The formula signs a cell may start with: the csv export puts an apostrophe before
#: them (``portability.documents.starts_a_formula``).
FORMULA_START = "[-+=@]*"
#: Line feed and carriage return anywhere in a cell (``GLOB``).
_LF = "'*' || char(10) || '*'"
_CR = "'*' || char(13) || '*'"
#: The ``printf`` piece of a cell by whether it starts with a formula sign and whether
#: the csv module quotes it: the apostrophe, then quotes around it all, quotes doubled.
_PIECES = {
    (True, True): '"\'%w"',
    (True, False): "'%s",
    (False, True): '"%w"',
    (False, False): "%s",
}


def _needs_python(cell: str) -> str:
    """SQL: whether the cell ``cell`` (a column) is left to Python."""
    return (
        f"({cell} <> '' AND NOT {cell} GLOB '{PRINTABLE_START}' "
        f"OR {cell} GLOB {_LF} OR {cell} GLOB {_CR})"
    )


def _quoted(cell: str) -> str:
    """SQL: whether the csv module puts ``cell`` between quotes (it has a quote or comma)."""
    return f"({cell} GLOB '*\"*' OR {cell} GLOB '*,*')"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _choose(cell: str, then: Callable[[str], str]) -> str:
    """SQL choosing the ``printf`` piece of ``cell`` (``_PIECES``) and, for each, the SQL
    ``then`` makes of it."""
    guarded, quoted = f"{cell} GLOB '{FORMULA_START}'", _quoted(cell)
    pieces = {key: then(piece) for key, piece in _PIECES.items()}
    return (
        f"CASE WHEN {guarded} THEN CASE WHEN {quoted} THEN {pieces[True, True]} "
        f"ELSE {pieces[True, False]} END "
        f"WHEN {quoted} THEN {pieces[False, True]} ELSE {pieces[False, False]} END"
    )


def _format(text: str, value: str) -> str:
    """SQL: the ``printf`` format of an answer's line (position, head's cells, text,
    value), text and value each written as ``_PIECES`` says."""
    return _choose(
        text, lambda first: _choose(value, lambda second: _literal(f"%s,%s,{first},{second}"))
    )


def csv_lines_sql(tags: str) -> str:
    """The query for each entry's row, for ``FROM entries e``: (id, its row's fields
    joined by commas as they are, with ``tags`` the SQL of its tags as one text, the
    lines of its answers rotated as the module says). A row's fields are checked by
    Python, a batch at a time. Only literals and ``tags`` go into it."""
    line = (
        f"printf(CASE WHEN c.cells IS NULL OR {_needs_python('a.text')} "
        f"OR {_needs_python('a.value')} THEN char({ord(FLAG)}) "
        f"ELSE {_format('a.text', 'a.value')} END, a.position, c.cells, a.text, a.value)"
    )
    row = (
        "e.id || ',' || e.journal_date || ',' || e.kind || ',' || coalesce(e.pack, '') "
        f"|| ',' || e.created_at || ',' || e.updated_at || ',' || coalesce({tags}, '')"
    )
    return (
        f"SELECT e.id, {row}, "  # noqa: S608 - constants only
        "(SELECT char(10) || coalesce(group_concat(line, char(13, 10)), ',,,,,,') || char(13) "
        f"FROM (SELECT {line} AS line FROM answers a LEFT JOIN temp.{CELLS} c "
        "ON c.step_id = a.step_id AND c.kind = a.kind AND c.prompt = a.prompt "
        "AND c.theme IS a.theme WHERE a.entry_id = e.id ORDER BY a.position)) FROM entries e"
    )
