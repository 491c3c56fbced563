"""Journal text made inert for Markdown: a viewer shows it as typed and builds nothing from it.

Exports and reports put answers into Markdown documents that are opened in note apps and
code hosts. An answer must not be able to add a heading, an HTML tag (a script, an image
that loads from a server), a link, a code block, a list or a table to that document, so
every character CommonMark (with GitHub's tables and strikethrough) could read as syntax
is escaped with a backslash, which renders as the character itself. Control characters
are dropped, as in every view. A ``#word`` inside a line stays as it is: it is a tag in
the journal and in note apps, and only at the start of a line is it a heading.
"""

from __future__ import annotations

import re

from .controls import strip_controls

# Characters that start inline syntax anywhere in a line: escapes, code, emphasis, links
# and images, HTML and autolinks, entities, table cells, strikethrough.
_INLINE = "\\`*_[]<>&|~"
# Each pattern below starts with a line break, the text being given one in front: a
# pattern that begins with a plain character is looked for at C speed, where one that
# begins with "^" is tried at every character of the text.
# Indentation at the start of a line: four spaces or a tab make a code block, inside which
# the escapes would show. A viewer drops it from a paragraph anyway.
_INDENT = re.compile(r"\n[ \t]+")
# What makes a line a heading (# and a space), a list item (-, + and a space; 1. or 1) and
# a space), a setext underline or a rule (a line of = or -): a backslash goes before it.
# Block quotes (>) and the rules made of * or _ are escaped inline already.
_LINE_MARK = re.compile(r"\n(?=(?:[-+]|#{1,6})(?:[ \t]|$)|=[= \t]*$|-[- \t]*$)", re.MULTILINE)
_NUMBERED = re.compile(r"\n(\d{1,9})([.)])(?=[ \t]|$)", re.MULTILINE)


def markdown_text(text: str) -> str:
    """``text`` for a Markdown document: shown exactly as typed (minus control characters
    and the indentation of its lines) by any CommonMark viewer, never turned into
    structure, markup or a link."""
    escaped = _INDENT.sub("\n", "\n" + strip_controls(text))
    # One replace per character, the backslash first: each is a fast scan of the text,
    # where ``str.translate`` with a table looks every character up in Python.
    for char in _INLINE:
        if char in escaped:
            escaped = escaped.replace(char, "\\" + char)
    return _NUMBERED.sub(r"\n\1\\\2", _LINE_MARK.sub("\n\\\\", escaped))[1:]


#: Between texts made inert together: a line of its own that no step changes or joins.
_BETWEEN_MARK = "\ue000"
_BETWEEN = f"\n{_BETWEEN_MARK}\n"


def markdown_texts(texts: list[str]) -> list[str]:
    """``markdown_text`` of each text, made in one pass over them all: every step works
    line by line, and the texts are joined by a line no step touches, so each comes out
    as it would alone. Texts that hold the joining mark themselves go one by one."""
    joined = _BETWEEN.join(texts)
    if texts and joined.count(_BETWEEN_MARK) == len(texts) - 1:
        return markdown_text(joined).split(_BETWEEN)
    return [markdown_text(text) for text in texts]
