"""A batch of the CSV lines SQLite wrote (``store.csv_lines``), checked and joined a
batch at a time, with a few calls in C for the whole batch rather than some per cell.

SQLite gives each entry's row as its fields joined by commas, and its answers' lines with
their cells quoted; a line feed marks where the line's end and the row go before each
line. The batch's lines are used only when nothing in them needs the whole check of a
cell (``documents._csv``):

- the rows: printable ASCII, no quote, no field starting with a space or a formula sign,
  and no comma in a field (seven fields a row, so the batch's rows joined by commas hold
  exactly ``7 * len(rows) - 1`` of them);
- the lines, as SQLite wrote them: no flag of SQLite's (a line it left to Python) and no
  control character but the line feeds SQLite put (a carriage return is a cell's); in
  text past ASCII, nothing ``strip_controls`` or ``escape_controls`` would take out
  either (SQLite has already sent a cell starting with anything past ASCII to Python).
  They are looked at before the rows go in, which makes the text looked at a third
  smaller than the batch's lines with their rows.

Otherwise each entry of the batch is looked at on its own, and those that fail are
written from their plain rows, a batch's worth with one query. Entries come rotated
(``store.csv_lines``): each line's CR LF before it, so the text starts with CR LF and
ends with the last line's last cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from ..text.controls import nul_for

#: One entry as ``JournalStore.iter_entry_lines`` gives it: id, row, lines.
EntryLines = tuple[str, str, str]

#: A row's fields.
ROW_FIELDS = 7


def _guard_table(refused: Iterable[int]) -> bytes:
    """A ``bytes.translate`` table that makes each of ``refused`` NUL, and each character
    a cell may not start with and be left as it is (white space and the formula signs)
    0x01."""
    table = bytearray(nul_for(refused))
    for sign in " =+@-":
        table[ord(sign)] = 1
    return bytes(table)


#: For the rows: every control character of ASCII, and the quote.
_ROW_GUARD = _guard_table([*range(0x20), 0x7F, ord('"')])
#: For the lines in ASCII: every control character but line feed (SQLite's flag is one).
_LINES_GUARD = nul_for(code for code in [*range(0x20), 0x7F] if code != 0x0A)
#: For the lines past ASCII: the same, and what ``text.controls.CONTROL`` names, and a
#: lone surrogate.
_NOT_PLAIN = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _plain_rows(rows: Sequence[EntryLines]) -> bool:
    """Whether every row of ``rows`` can be written as SQLite joined it."""
    joined = ",".join([row for _, row, _ in rows])
    if not joined.isascii() or joined.count(",") != ROW_FIELDS * len(rows) - 1:
        return False
    looked = joined.encode("ascii").translate(_ROW_GUARD)
    return b"\0" not in looked and b",\1" not in looked and looked[:1] != b"\1"


def _plain_lines(text: str) -> bool:
    """Whether the lines ``text`` hold nothing to take out or flagged."""
    if text.isascii():
        return b"\0" not in text.encode("ascii").translate(_LINES_GUARD)
    return _NOT_PLAIN.search(text) is None


def batch_text(rows: Sequence[EntryLines]) -> str | None:
    """The lines of ``rows``, each entry's row before each of its lines, as one text
    (rotated); None when a cell in them needs the whole check."""
    if not _plain_rows(rows) or not _plain_lines("".join([lines for _, _, lines in rows])):
        return None
    return "".join([lines.replace("\n", f"\r\n{row},") for _, row, lines in rows])


def rotated(lines: list[str]) -> str:
    """An entry's lines, each ending with CR LF, rotated as the batches are."""
    return "\r\n" + "".join(lines)[:-2]


def entry_by_entry(
    rows: Sequence[EntryLines], plain_texts: Callable[[list[str]], list[str]]
) -> str:
    """The lines of ``rows`` when their batch is not plain: each entry's own when it is,
    the rest (rotated) from ``plain_texts``, which writes the entries of these ids."""
    texts = [batch_text([row]) for row in rows]
    left = [row[0] for row, text in zip(rows, texts, strict=True) if text is None]
    written = iter(plain_texts(left) if left else [])
    return "".join([text if text is not None else next(written) for text in texts])
