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
value starts with a space or anything but printable ASCII, or holds a line feed, or
whose head is not in the table, is written as ``FLAG`` (a control character) instead of
its line, and the entry goes the whole way (``portability.documents._csv``). Any other
control character, a carriage return among them, stays in the line for Python's check of
the batch to find.

Each test is a call SQLite makes for each of 700,000 answers at 100,000 entries, so the
line takes the shortest way for the common answer first: a text starting with a letter,
a digit or the like (``PLAIN_START``: one ``GLOB`` settles both the guard and Python's
share) and a value that is a JSON string (two comparisons: it starts with a quote, so it
is quoted and needs no guard). Any other answer goes the whole way of tests, as before.

Each entry's lines come with a line feed before each, and nothing after: Python puts the
line's end before it, CR LF, and the row after it (``portability.csv_batches``), so that
entries written one after another make every line end with CR LF (the document's first
line ends with the first entry, and CR LF ends the file). SQLite writes no carriage
return of its own, so that Python finds one in a cell with the other control characters.
"""

from __future__ import annotations

from collections.abc import Callable

#: The temporary table of the cells an answer's head makes in CSV.
CELLS = "export_answer_cells"
MAKE_CELLS = (
    "CREATE TEMP TABLE IF NOT EXISTS export_answer_cells "
    "(step_id TEXT, kind TEXT, prompt TEXT, theme TEXT, cells TEXT NOT NULL)"
)
#: The cells are in the index too, so that each answer's look-up ends there.
INDEX_CELLS = (
    "CREATE INDEX IF NOT EXISTS temp.export_answer_cells_by_columns "
    "ON export_answer_cells (step_id, kind, prompt, theme, cells)"
)

#: Written in place of a line SQLite leaves to Python.
FLAG = "\x01"
#: The first characters SQLite settles itself (``GLOB``): printable ASCII but the space.
#: An empty cell needs nothing either.
PRINTABLE_START = "[!-~]*"
#: The formula signs a cell may start with: the csv export puts an apostrophe before
#: them (``portability.documents.starts_a_formula``).
FORMULA_START = "[-+=@]*"
#: The first characters after which a cell needs neither Python nor the guard: printable
#: ASCII but the space and the formula signs (``+``, ``-``, ``=``, ``@``).
PLAIN_START = "[!-*,.-<>-?A-~]*"
#: A line feed anywhere in a cell (``GLOB``).
_LF = "'*' || char(10) || '*'"
#: The ``printf`` piece of a cell by whether it starts with a formula sign and whether
#: the csv module quotes it: the apostrophe, then quotes around it all, quotes doubled.
_PIECES = {
    (True, True): '"\'%w"',
    (True, False): "'%s",
    (False, True): '"%w"',
    (False, False): "%s",
}


def _has_line_feed(cell: str) -> str:
    """SQL: whether the cell ``cell`` (a column) holds a line feed."""
    return f"{cell} GLOB {_LF}"


def _starts_badly(cell: str) -> str:
    """SQL: whether the cell ``cell`` starts with what Python settles: a space or
    anything but printable ASCII."""
    return f"({cell} <> '' AND NOT {cell} GLOB '{PRINTABLE_START}')"


def _starts_with_quote(cell: str) -> str:
    """SQL: whether the cell ``cell`` starts with a quote (as a value that is a JSON
    string does): it is quoted, and starts with no formula sign. Two comparisons of
    text, cheaper than a call."""
    return f"({cell} >= '\"' AND {cell} < '#')"


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


def _quoting(cell: str, then: Callable[[str], str]) -> str:
    """SQL choosing the ``printf`` piece of ``cell`` when it needs no guard (quoted or
    not) and, for each, the SQL ``then`` makes of it."""
    return (
        f"CASE WHEN {_quoted(cell)} THEN {then(_PIECES[False, True])} "
        f"ELSE {then(_PIECES[False, False])} END"
    )


def _line(first: str, second: str) -> str:
    """The ``printf`` format of a line with the pieces ``first`` (text) and ``second``."""
    return _literal(f"%s,%s,{first},{second}")


def _format(cells: str, text: str, value: str) -> str:
    """SQL: the ``printf`` format of an answer's line (position, head's ``cells``, text,
    value), text and value each written as ``_PIECES`` says; ``FLAG`` for a line left
    to Python. The common answers are settled first (the module says why)."""
    flag = f"char({ord(FLAG)})"
    plain_text = f"{text} GLOB '{PLAIN_START}'"
    quoted_value = _PIECES[False, True]

    def both(pieces: Callable[[str, Callable[[str], str]], str]) -> str:
        return pieces(text, lambda first: pieces(value, lambda second: _line(first, second)))

    return (
        f"CASE WHEN {cells} IS NULL OR {_has_line_feed(text)} OR {_has_line_feed(value)} "
        f"THEN {flag} "
        f"WHEN {plain_text} AND {_starts_with_quote(value)} "
        f"THEN {_quoting(text, lambda first: _line(first, quoted_value))} "
        f"WHEN {plain_text} AND {value} GLOB '{PLAIN_START}' THEN {both(_quoting)} "
        f"WHEN {_starts_badly(text)} OR {_starts_badly(value)} THEN {flag} "
        f"ELSE {both(_choose)} END"
    )


def csv_lines_sql(tags: str) -> str:
    """The query for each entry's row, for ``FROM entries e``: (id, its row's fields
    joined by commas as they are, with ``tags`` the SQL of its tags as one text, the
    lines of its answers rotated as the module says). A row's fields are checked by
    Python, a batch at a time. Only literals and ``tags`` go into it."""
    line = (
        f"printf({_format('c.cells', 'a.text', 'a.value')}, a.position, c.cells, a.text, a.value)"
    )
    row = (
        "e.id || ',' || e.journal_date || ',' || e.kind || ',' || coalesce(e.pack, '') "
        f"|| ',' || e.created_at || ',' || e.updated_at || ',' || coalesce({tags}, '')"
    )
    return (
        f"SELECT e.id, {row}, "  # noqa: S608 - constants only
        "(SELECT char(10) || coalesce(group_concat(line, char(10)), ',,,,,,') "
        f"FROM (SELECT {line} AS line FROM answers a LEFT JOIN temp.{CELLS} c "
        "ON c.step_id = a.step_id AND c.kind = a.kind AND c.prompt = a.prompt "
        "AND c.theme IS a.theme WHERE a.entry_id = e.id ORDER BY a.position)) FROM entries e"
    )
