"""SQL for the Markdown export: each entry's title and answers as one text that SQLite
writes, the journal's words left raw for Python to make inert a whole batch at a time.

Reading 700,000 answers into Python as rows, one tuple each, was most of a 100,000-entry
export; here each entry is one row, its text laid out as the document will have it, with
marks where the Markdown escaping (``text.mdtext``, which works line by line) must not
look: the entry starts with a line ``ENTRY`` and its title; each answer is a blank line
and its text (``EMPTY`` when nothing of it would show), after its prompt, if it has one,
on a line of its own between two ``BOLD`` marks. Those marks become the document's own
Markdown after the escaping (``portability.documents``).

A prompt is shown on one line. SQLite checks that it already is one, and that it starts
with a letter, so that nothing at the start of its line could be escaped (printable
ASCII, single spaces, none at either end); any other prompt goes through Python
(``one_line``) onto a line of its own, between ``OPEN`` and ``CLOSE``. A word that holds
the mark character or a NUL is flagged with ``FOUND``, and its batch is written from
plain rows instead.
"""

from __future__ import annotations

import functools

from ..text.controls import CONTROL

#: The character every mark is made of: rare in journals, printable, one byte wide in
#: Python's strings (as ASCII and "·" are), and left alone by the Markdown escaping.
MARK = "\xa4"
#: The line each entry starts with, before its title.
ENTRY = f"{MARK}E\n"
#: Where "**" goes on either side of a prompt that SQLite checked.
BOLD = f"{MARK}B"
#: The lines before and after any other prompt, which the "**" replace.
OPEN = f"{MARK}p\n"
CLOSE = f"\n{MARK}q"
#: An answer's text that would show as nothing: "(no answer)" goes there.
EMPTY = f"{MARK}N"
#: Put after a word that holds ``MARK`` or a NUL.
FOUND = f"{MARK}!"
#: The SQL function that puts a prompt on one line the way the export shows it.
ONE_LINE = "selfcompassion_one_line"


@functools.lru_cache(maxsize=4096)
def one_line(prompt: str) -> str:
    """A prompt on one line: every run of white space one space, none at either end."""
    return " ".join(prompt.split())


def _sql_text(text: str) -> str:
    """An SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


# What the escaping leaves of a text made only of these is nothing: control characters
# (but NUL, which SQLite's trim() cannot take: a text that starts with one of these and
# holds a NUL is FOUND), spaces and tabs.
_VANISHING = [9, 32] + [code for code in range(1, 0x2070) if CONTROL.match(chr(code))]
_TEXT = (
    f"CASE WHEN text = '' THEN {_sql_text(EMPTY)} "
    "WHEN unicode(text) IS NULL OR unicode(text) < 33 OR unicode(text) BETWEEN 127 AND 159 "
    "OR unicode(text) BETWEEN 8203 AND 8297 THEN "
    f"CASE WHEN instr(text, char(0)) THEN {_sql_text(FOUND)} "
    f"WHEN trim(text, char({', '.join(map(str, _VANISHING))})) = '' THEN {_sql_text(EMPTY)} "
    "ELSE text END ELSE text END"
)
# A prompt already on one line that starts with a letter: ASCII with no control character
# (json_quote would escape one, and counts characters where CAST counts bytes), no double
# space, no space at the end. Any other goes through ``one_line``, which also flags one
# that holds MARK (a plain one cannot).
_PLAIN_PROMPT = (
    "(unicode(prompt) BETWEEN 65 AND 90 OR unicode(prompt) BETWEEN 97 AND 122) "
    "AND length(json_quote(prompt)) = length(CAST(prompt AS BLOB)) + 2 "
    "AND instr(prompt, '  ') = 0 AND substr(prompt, -1) != ' '"
)
_NL = "char(10)"
_ANSWER_LINES = (
    "CASE WHEN prompt = '' THEN '' "
    f"WHEN {_PLAIN_PROMPT} THEN {_sql_text(chr(10) + BOLD)} || prompt || "
    f"{_sql_text(BOLD + chr(10))} ELSE {_sql_text(chr(10) + OPEN)} || {ONE_LINE}(prompt) || "
    f"{_sql_text(CLOSE + chr(10))} END || {_NL} || {_TEXT} || "
    f"CASE WHEN instr(text, {_sql_text(MARK)}) THEN {_sql_text(FOUND)} ELSE {_NL} END"
)
#: (id, journal_date, kind, created_at, the answers' lines or NULL) for ``FROM entries e``.
MARKDOWN_ROWS = (
    "SELECT e.id, e.journal_date, e.kind, e.created_at, "  # noqa: S608 - constants only
    f"(SELECT group_concat(lines, '') FROM (SELECT {_ANSWER_LINES} AS lines "
    "FROM answers WHERE entry_id = e.id ORDER BY position)) FROM entries e"
)


def one_line_marked(prompt: str) -> str:
    """``one_line`` of a prompt, with FOUND after it when it holds MARK."""
    return one_line(prompt) + FOUND if MARK in prompt else one_line(prompt)


@functools.lru_cache(maxsize=256)
def kind_title(kind: str) -> str:
    """An entry's kind as its title shows it: "long_note" is "Long note"."""
    return kind.replace("_", " ").capitalize()
