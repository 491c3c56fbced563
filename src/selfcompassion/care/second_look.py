"""The model's second look at an answer the rules found nothing in.

An answer is cut into sentences; those that pass the gate (``care.gate``) are read by the
model (``care.encoder``), one batch per answer, each sentence alone and, when the answer is
short enough, the whole answer too (a plan can span two sentences: "this weekend. i've
decided."). A long answer is read in windows of whole sentences of at most ``MAX_TOKENS``
tokens, only those holding a gated sentence. The words shown are the sentence that scored
highest.

numpy and the weights are loaded on first use, or ahead of it by ``load`` (a flow at a
terminal calls it in the background while the first question is on screen).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from .gate import passes
from .wordpiece import tokenizer

#: A risk probability above this brings the panel. Set low on purpose: a miss costs more.
THRESHOLD = 0.3
#: The longest window the model reads, [CLS] and [SEP] included.
MAX_TOKENS = 128
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\]\u201d\u2019]*|\n|$)")
_lock = threading.Lock()


@dataclass(frozen=True)
class Finding:
    """The sentence the model found most worrying, where it is, and its probability."""

    words: str
    start: int
    end: int
    probability: float


def load() -> None:
    """Read numpy, the weights and the vocabulary now (safe from any thread)."""
    with _lock:
        from .encoder import model

        model()
        tokenizer()


def sentences(text: str) -> list[tuple[int, int]]:
    """Where each sentence of ``text`` is, without surrounding space."""
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end and any(c.isalnum() for c in text[start:end]):
            spans.append((start, end))
    return spans


def second_look(text: str) -> Finding | None:
    """The model's finding in ``text``, or None when nothing scores above the threshold."""
    spans = sentences(text)
    gated = [i for i, (start, end) in enumerate(spans) if passes(text[start:end])]
    if not gated:
        return None
    load()
    words = tokenizer()
    room = MAX_TOKENS - 2
    pieces = [words.pieces(text[start:end]) for start, end in spans]
    units: list[tuple[list[int], int | None]] = [
        (pieces[i][at : at + room], i) for i in gated for at in range(0, len(pieces[i]), room)
    ]
    for window in _windows(pieces, set(gated)):
        if len(window) > 1:
            units.append(([p for i in window for p in pieces[i]], None))
    from .encoder import probabilities

    cls, sep = words.cls, words.sep
    scores = probabilities([[cls, *ids, sep] for ids, _ in units])
    if max(scores) <= THRESHOLD:
        return None
    _, best = max((score, i) for score, (_, i) in zip(scores, units, strict=True) if i is not None)
    start, end = spans[best]
    return Finding(text[start:end], start, end, max(scores))


def _windows(pieces: list[list[int]], gated: set[int]) -> list[list[int]]:
    """Runs of whole sentences of at most ``MAX_TOKENS`` tokens that hold a gated one."""
    windows: list[list[int]] = []
    current: list[int] = []
    size = 0
    for index, ids in enumerate(pieces):
        if len(ids) > MAX_TOKENS - 2:  # read alone, in pieces
            windows.append(current)
            current, size = [], 0
            continue
        if current and size + len(ids) > MAX_TOKENS - 2:
            windows.append(current)
            current, size = [], 0
        current.append(index)
        size += len(ids)
    if current:
        windows.append(current)
    return [window for window in windows if window and gated & set(window)]
