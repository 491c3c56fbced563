"""SQL for the Markdown export: each entry's answers as one text that SQLite writes, the
journal's words left raw for Python to make inert a whole batch at a time.

Reading 700,000 answers into Python as rows, one tuple each, was most of a 100,000-entry
export; here each entry is one row, its answers laid out as the document will have them,
with marks where the Markdown escaping (``text.mdtext``, which works line by line) must
not look: each answer is a blank line and its text (``EMPTY`` when nothing of it would
show), after its prompt, if it has one. Those marks become the document's own Markdown
after the escaping (``portability.documents``).

A journal has few prompts, each on thousands of answers, so each is laid out once, in
Python, into a temporary table (``PROMPTS``) that the query joins (the prompts of the
answers at both ends of the table, ``entry_json.SAMPLED_HEADS``): on a line of its own between
``OPEN`` and ``CLOSE``, or, when it starts with a letter (nothing at the start of its line
could then be escaped), between two ``BOLD`` marks on the line of a mark. A word that
holds the mark character, a text that starts with nothing that shows and holds a NUL
(which SQLite's trim() cannot take), or a prompt not in the table, is flagged with
``FOUND``: its batch is then written from plain rows instead.
"""

from __future__ import annotations

import functools

from ..text.controls import CONTROL

#: The character every mark is made of: rare in journals, printable, one byte wide in
#: Python's strings (as ASCII and "·" are), and left alone by the Markdown escaping.
MARK = "\xa4"
#: The line each entry starts with, before its title (put there by Python).
ENTRY = f"{MARK}E\n"
#: Where "**" goes on either side of a prompt that starts with a letter.
BOLD = f"{MARK}B"
#: The lines before and after any other prompt, which the "**" replace.
OPEN = f"{MARK}p\n"
CLOSE = f"\n{MARK}q"
#: An answer's text that would show as nothing: "(no answer)" goes there.
EMPTY = f"{MARK}N"
#: Put after a word that holds ``MARK``, or a text of NUL and nothing that shows.
FOUND = f"{MARK}!"
#: The temporary table of each prompt's lines, made for an export (``prompt_lines``).
PROMPTS = "export_prompts"
MAKE_PROMPTS = (
    "CREATE TEMP TABLE IF NOT EXISTS export_prompts (prompt TEXT PRIMARY KEY, "
    "lines TEXT NOT NULL) WITHOUT ROWID"
)


def one_line(prompt: str) -> str:
    """A prompt on one line: every run of white space one space, none at either end."""
    return " ".join(prompt.split())


def prompt_lines(prompt: str) -> str:
    """What goes before an answer's text for its prompt: nothing for none, else the
    prompt on one line between marks (see above), with FOUND when it holds MARK."""
    if not prompt:
        return ""
    shown = one_line(prompt) + (FOUND if MARK in prompt else "")
    if shown[:1].isalpha():
        return f"\n{BOLD}{shown}{BOLD}\n"
    return f"\n{OPEN}{shown}{CLOSE}\n"


def _sql_text(text: str) -> str:
    """An SQL string literal of one of the marks above."""
    return "'" + text.replace("'", "''") + "'"


def markdown_rows_sql(tags: str) -> str:
    """The query for each entry's row, for ``FROM entries e``: (id, journal_date, kind,
    created_at, the answers' lines or NULL, its tags by the SQL ``tags``). Only literals,
    the marks above and ``tags`` go into it."""
    # What the escaping leaves of a text made only of these is nothing: control
    # characters (but NUL), spaces and tabs. Most texts start with a printable ASCII
    # character, which settles it at once.
    vanishing = [9, 32] + [code for code in range(1, 0x2070) if CONTROL.match(chr(code))]
    text = (
        "CASE WHEN unicode(a.text) BETWEEN 33 AND 126 THEN a.text "
        f"WHEN a.text = '' THEN {_sql_text(EMPTY)} "
        "WHEN unicode(a.text) IS NULL OR unicode(a.text) < 33 "
        "OR unicode(a.text) BETWEEN 127 AND 159 OR unicode(a.text) BETWEEN 8203 AND 8297 THEN "
        f"CASE WHEN instr(a.text, char(0)) THEN {_sql_text(FOUND)} "
        f"WHEN trim(a.text, char({', '.join(map(str, vanishing))})) = '' "
        f"THEN {_sql_text(EMPTY)} ELSE a.text END ELSE a.text END"
    )
    lines = (
        f"coalesce(p.lines, {_sql_text(FOUND)}) || char(10) || {text} || "
        f"CASE WHEN instr(a.text, {_sql_text(MARK)}) THEN {_sql_text(FOUND)} ELSE char(10) END"
    )
    return (
        "SELECT e.id, e.journal_date, e.kind, e.created_at, "  # noqa: S608 - constants only
        f"(SELECT group_concat(lines, '') FROM (SELECT {lines} AS lines "
        f"FROM answers a LEFT JOIN temp.{PROMPTS} p ON p.prompt = a.prompt "
        f"WHERE a.entry_id = e.id ORDER BY a.position)), {tags} FROM entries e"
    )


@functools.lru_cache(maxsize=256)
def kind_title(kind: str) -> str:
    """An entry's kind as its title shows it: "long_note" is "Long note"."""
    return kind.replace("_", " ").capitalize()
