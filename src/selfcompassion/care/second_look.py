"""The model's second look at an answer the rules found nothing in.

An answer short enough for one window (at most ``MAX_TOKENS`` tokens, nearly every
journal answer) is read whole by the model (``care.encoder``), as it was trained: context
matters, since a plan can span two sentences ("this weekend. i've decided.") and "in the
book" or "years ago" changes what the next sentence means. A longer answer is cut into
sentences and read a sentence at a time, in one batch, but only the sentences that pass the
gate (``care.gate``): reading every sentence of a long answer would cost too much. The words
shown are the sentence that scores highest on its own.

Short answers once went through the gate too; its word stems, chosen on the training
sentences, stopped 76 of the 1,347 kept-aside risk sentences before the model saw them
(docs/safety.md, "the model reading every short answer").

Reading every sentence of a short answer on its own as well was tried: on the kept-aside
sentences it brought one more risk sentence and nine more false alarms (docs/safety.md).

numpy and the weights are loaded on first use, or ahead of it by ``load`` (a flow at a
terminal calls it in the background while the first question is on screen).
"""

from __future__ import annotations

import threading
from typing import NamedTuple

from ..language.sentences import sentences
from ..language.wordpiece import tokenizer
from .gate import passes

#: A risk probability above this brings the panel. Chosen for the model retrained with
#: everyday entries written blind, on batches written for the choice: the lowest threshold
#: at which it brings the panel for no more everyday entries than the model before it did at
#: 0.3, which keeps nearly all it gained on risk sentences (docs/safety.md).
THRESHOLD = 0.7
#: The probability needed for a short answer none of whose sentences passes the gate: such
#: an answer shares no word with risk language that the gate knows, so the model must be
#: all but sure. Chosen on training sentences only (docs/safety.md, "the model reading every
#: short answer"): the lowest threshold at which the hard non-risk and the trap thoughts the
#: model never saw brought the panel for at most one more sentence in all.
UNGATED_THRESHOLD = 0.98
#: ... and needs this many words. Short phrases with no risk word are where the model is
#: least reliable ("say no to one thing", an intention, scores 0.99), and on the training
#: sentences every risk sentence it found outside the gate had 11 words or more.
UNGATED_MIN_WORDS = 8
#: The longest window the model reads, [CLS] and [SEP] included.
MAX_TOKENS = 128
#: The model reads answers of at least this many words: the shortest risk sentence it was
#: trained on has three ("i give up"), and one word ("friday", a due date) is too little
#: to read; the rules still read every answer.
MIN_WORDS = 3
_lock = threading.Lock()


class Finding(NamedTuple):
    """The sentence the model found most worrying, where it is, and its probability."""

    words: str
    start: int
    end: int
    probability: float
    #: Whether a sentence of the answer passes the gate (``care.gate``).
    gated: bool = True


def load() -> None:
    """Read numpy, the weights and the vocabulary now (safe from any thread)."""
    with _lock:
        from .encoder import model

        model()
        tokenizer()


def second_look(text: str) -> Finding | None:
    """The model's finding in ``text``, or None when nothing scores above the threshold."""
    finding = best(text)
    if finding is None:
        return None
    needed = THRESHOLD if finding.gated else UNGATED_THRESHOLD
    return finding if finding.probability > needed else None


def best(text: str) -> Finding | None:
    """The sentence the model finds most worrying in ``text`` and its probability, however
    low; None when the model does not read the text (too short, or none of its sentences
    passes the gate and it is long, or shorter than ``UNGATED_MIN_WORDS``)."""
    if len(text.split()) < MIN_WORDS:
        return None
    spans = sentences(text)
    gated = {i for i, (start, end) in enumerate(spans) if passes(text[start:end])}
    if not gated and len(text.split()) < UNGATED_MIN_WORDS:
        return None
    pieces = [tokenizer().pieces(text[start:end]) for start, end in spans]
    room = MAX_TOKENS - 2
    if sum(len(ids) for ids in pieces) <= room:  # the whole answer, as the model was trained
        load()
        # the words shown come from a gated sentence where there is one: it names the topic
        units = [([p for ids in pieces for p in ids], sorted(gated) or list(range(len(spans))))]
    else:  # each gated sentence on its own (once), a very long one in parts
        if not gated:
            return None
        load()
        seen: set[tuple[int, ...]] = set()
        units = []
        for i in sorted(gated):
            for at in range(0, len(pieces[i]), room):
                ids = pieces[i][at : at + room]
                if tuple(ids) not in seen:
                    seen.add(tuple(ids))
                    units.append((ids, [i]))
    scores = _scores([ids for ids, _ in units])
    top = max(range(len(units)), key=scores.__getitem__)
    candidates = units[top][1]
    if len(candidates) > 1:  # the sentence that scores highest on its own
        alone = _scores([pieces[i] for i in candidates])
        candidates = [candidates[max(range(len(alone)), key=alone.__getitem__)]]
    start, end = spans[candidates[0]]
    return Finding(text[start:end], start, end, scores[top], bool(gated))


def _scores(units: list[list[int]]) -> list[float]:
    from .encoder import probabilities

    words = tokenizer()
    return probabilities([[words.cls, *ids[: MAX_TOKENS - 2], words.sep] for ids in units])
