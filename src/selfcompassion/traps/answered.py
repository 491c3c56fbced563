"""Thoughts the writer answers in their own words: not a trap to point at.

"I think they might be annoyed, I'll ask tomorrow rather than guess", "the worst that could
happen is they say no, and I'd survive that", "feels like everyone is staring, they're
probably not": the words of a trap are there, and so is the writer's own answer to them.
An answer is one of a few shapes, each a way of meeting the thought rather than believing
it: setting it straight ("but actually", "they're probably not"), calling it normal or fine
("which makes sense", "and that's ok"), coping ("I'd survive"), or a plan that checks or
mends ("I'll ask", "rather than guess", "next time I", "set a reminder", "got it checked").

The stretch an answer covers is its sentence up to the answer's end, and the sentence before
when the answer opens its own ("I'll be nervous. That's ok, I've practised."). Words after
the answer are still read: "I'll ask for a raise but they'll say no anyway" keeps its
prediction. Neither the rules (``detector.py``) nor the model (``learned.py``) tick a trap
in what is answered.
"""

from __future__ import annotations

from ..language.spans import Span
from .rules import answer_pattern

#: An answer this many words or fewer into its sentence answers the sentence before, too.
OPENING_WORDS = 2


def answered_spans(text: str) -> list[Span]:
    """The stretches of ``text`` its writer answers (see the module's docstring)."""
    if not answer_pattern().search(text):
        return []
    # Only a text with an answer needs its sentences (their patterns cost ~3 ms to import).
    from ..language.sentences import sentences

    pieces = sentences(text)
    spans: list[Span] = []
    for index, (start, end) in enumerate(pieces):
        answers = list(answer_pattern().finditer(text, start, end))
        if not answers:
            continue
        first, last = answers[0], answers[-1]
        opens = len(text[start : first.start()].split()) <= OPENING_WORDS
        spans.append((pieces[index - 1][0] if opens and index else start, last.end()))
    return spans


def is_answered(start: int, spans: list[Span]) -> bool:
    """Whether words starting at ``start`` lie in one of ``spans``."""
    return any(a <= start < b for a, b in spans)


def unanswered(text: str, window: Span, spans: list[Span]) -> list[Span]:
    """The parts of ``window`` outside ``spans``, without surrounding space."""
    parts: list[Span] = []
    position, end = window
    for a, b in sorted(spans):
        if b <= position or a >= end:
            continue
        parts.append((position, a))
        position = max(position, b)
    parts.append((position, end))
    stripped = []
    for a, b in parts:
        while a < b and not text[a].isalnum():
            a += 1
        while b > a and not text[b - 1].isalnum():
            b -= 1
        if a < b:
            stripped.append((a, b))
    return stripped
