"""Where the sentences and clauses of journal text are, for the checks that read them one
piece at a time."""

from __future__ import annotations

import re

from .spans import trimmed

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\]\u201d\u2019]*|\n|$)")
_CLAUSE = re.compile(r"[^,;:\u2013\u2014]+[,;:\u2013\u2014]*")


def sentences(text: str) -> list[tuple[int, int]]:
    """Where each sentence of ``text`` is, without surrounding space."""
    return _spans(_SENTENCE, text)


def clauses(text: str) -> list[tuple[int, int]]:
    """Where each clause of ``text`` is: the stretches between commas, semicolons, colons
    and dashes, without surrounding space."""
    return _spans(_CLAUSE, text)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    spans = []
    for match in pattern.finditer(text):
        start, end = trimmed(text, *match.span())
        if start < end and any(c.isalnum() for c in text[start:end]):
            spans.append((start, end))
    return spans
