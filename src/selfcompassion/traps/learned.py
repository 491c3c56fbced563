"""The thinking-trap model: a second opinion beside the rules.

A small model (MiniLM, fine-tuned on the training part of the labelled sentences and our own
training sentences, one output per trap; ``model/traps_minilm.npz``, run by
``language.encoder``) reads the text in windows of whole sentences (a short text is one
window). A trap is ticked when its probability in some window is above ``THRESHOLD``
(``ALONE_THRESHOLD`` where the rules find none); ``detector.py`` ticks the union
of these and the rules' traps. Shapes the model reads as a trap that are not one have its
reading of them set aside (``model_guards.py``).

The rules always show their words. When only the model ticks a trap, its words are found by
occlusion: in the stretch that scored highest for it (narrowed to a sentence, then a clause,
of at most ``MAX_OCCLUSION_WORDS`` words), each pair of neighbouring words is left out in
turn; those whose absence lowers the probability most are the words shown.

numpy and the weights are loaded on first use, or ahead of it by ``load`` (the reframe
calls it in the background when it starts).
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import NamedTuple

from ..background import start_in_background
from ..language.sentences import clauses, sentences
from ..language.spans import Span
from ..language.wordpiece import tokenizer
from .answered import answered_spans, unanswered
from .catalog import TrapHit
from .model_guards import set_aside
from .phrase import shown_phrase

WEIGHTS = Path(__file__).with_name("model") / "traps_minilm.npz"
#: A trap is ticked above this probability, and the rules' traps in a text give way when the
#: model's best probability for every trap is under ``SURE_NO_BELOW``: it reads the whole text
#: as free of any trap ("the team always does a retro on the last day of the sprint", "a
#: student told me he's a failure, so we looked at the rest of his marks"). Where the rules
#: find no trap (or every one they find gives way), a trap the model ticks on its own needs a
#: probability above ``ALONE_THRESHOLD``: its words can only be guessed by occlusion. A rule's
#: trap gives way, too, where the model's best probability for that one trap is under
#: ``DOUBTED_BELOW`` ("I could feel the whole room thinking I'd blown it": mind-reading, which
#: the model reads, and all-or-nothing from the rule for "blown it", which it does not), but
#: for the traps in ``STANDS_WHATEVER_THE_MODEL_SAYS``.
#:
#: All four were chosen for the weights shipped now (retrained on 9,693 training sentences) on
#: five batches written blind that no model was trained on and no rule was written from
#: (blind46 to blind49 and kind7, 1,892 sentences, 779 trap-free), by a grid and a rule
#: written before them: the most traps found with precision and trap-free flags at least as
#: good as the weights and bars before (1,247 traps rather than 1,126, 50 false ticks rather
#: than 63, 9 trap-free sentences flagged rather than 17). tests/data/traps_scores.md.
THRESHOLD = 0.7
SURE_NO_BELOW = 0.02
ALONE_THRESHOLD = 0.8
DOUBTED_BELOW = 0.01
#: The model's reading of personalising is set to nothing where it reads no blame words
#: (``model_guards.py``), so its doubt says nothing of the rules' shapes of blame.
STANDS_WHATEVER_THE_MODEL_SAYS = frozenset({"personalising"})
#: The longest window the model reads, [CLS] and [SEP] included.
MAX_TOKENS = 128
#: The most words occlusion takes apart (one reading per pair of neighbouring words); a
#: longer stretch is narrowed to its best sentence, then its best clause. At 12 rather than
#: 40, finding a trap's words took a third less time on the training part's sentences, and
#: the words shown fell inside the rules' words for the same trap a little more often
#: (67% of the text shown against 63%; 604 traps both ticked).
MAX_OCCLUSION_WORDS = 12
#: Pairs whose absence lowers the probability at least this share of the largest drop are
#: shown too (at most ``MAX_SHOWN`` of them).
KEEP_SHARE = 0.5
MAX_SHOWN = 3
#: The fewest words an unanswered part of a window must hold to be read (``scores``).
LEAST_UNANSWERED_WORDS = 3
#: The reframe starts loading the model this long after it begins (see ``load_in_background``).
LOAD_AFTER_SECONDS = 1.0
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_lock = threading.Lock()


class Scores(NamedTuple):
    """Each trap's highest probability in a text and the window it was found in."""

    best: dict[str, tuple[float, Span]]

    def sure_of_none(self, below: float = SURE_NO_BELOW) -> bool:
        """True when the model is all but sure the text holds no trap at all (every trap under
        ``below``), so that the rules' traps give way."""
        return all(p < below for p, _ in self.best.values())

    def doubted(
        self,
        found: Collection[str],
        sure_no: float = SURE_NO_BELOW,
        doubted_below: float = DOUBTED_BELOW,
    ) -> set[str]:
        """The traps in ``found`` (the rules') that give way to the model: every one where it
        is all but sure of none (``sure_of_none``), else those it reads under
        ``doubted_below``."""
        if self.sure_of_none(sure_no):
            return set(found)
        return {
            trap_id
            for trap_id in found
            if trap_id not in STANDS_WHATEVER_THE_MODEL_SAYS
            and self.best.get(trap_id, (1.0, (0, 0)))[0] < doubted_below
        }

    def joined(
        self,
        found: Collection[str],
        threshold: float = THRESHOLD,
        alone: float = ALONE_THRESHOLD,
        sure_no: float = SURE_NO_BELOW,
        doubted_below: float = DOUBTED_BELOW,
    ) -> set[str]:
        """The traps of a text whose rules found ``found``: theirs the model does not doubt
        (``doubted``) and those it ticks (``ticked``). The bars default to the shipped ones;
        ``bench/`` tries others."""
        kept = set(found) - self.doubted(found, sure_no, doubted_below)
        return kept | set(self.ticked(kept, threshold, alone))

    def ticked(
        self,
        found: Collection[str] = (),
        threshold: float = THRESHOLD,
        alone: float = ALONE_THRESHOLD,
    ) -> list[str]:
        """The traps above ``threshold`` not in ``found`` (the rules' traps that stand),
        likeliest first; above ``alone`` where ``found`` is empty."""
        bar = threshold if found else alone
        ranked = sorted(self.best.items(), key=lambda item: -item[1][0])
        return [trap_id for trap_id, (p, _) in ranked if p > bar and trap_id not in found]


def load_in_background() -> None:
    """Load the model in a background thread once the flow's first question is up, so that
    the trap step does not wait for it (a failure here is met again, and shown, there)."""

    def quietly() -> None:
        from .rules import compiled_rules

        with contextlib.suppress(Exception):
            load()
            compiled_rules()  # the rules' patterns too: 6-8 ms the trap step would wait for

    start_in_background(quietly, after=LOAD_AFTER_SECONDS)


def load() -> None:
    """Read numpy, the weights and the vocabulary now (safe from any thread)."""
    with _lock:
        from ..language.encoder import load as load_weights

        load_weights(WEIGHTS)
        tokenizer()


def probabilities(texts: Sequence[str]) -> list[dict[str, float]]:
    """Each trap's probability for each text, read as one window (cut at ``MAX_TOKENS``)."""
    load()
    from ..language.encoder import load as load_weights
    from ..language.encoder import outputs

    words = tokenizer()
    model = load_weights(WEIGHTS)
    rows = outputs([_ids(words.pieces(text)) for text in texts], model)
    return [dict(zip(model.labels, (float(p) for p in row), strict=True)) for row in rows]


class Readings:
    """The model's probabilities for the texts read so far in one look at a text: each
    stretch is read once, however many traps and steps ask for it (the window again as
    occlusion's focus, the same focus for a second trap)."""

    def __init__(self) -> None:
        self._rows: dict[str, dict[str, float]] = {}

    def __call__(self, texts: Sequence[str]) -> list[dict[str, float]]:
        unread = [text for text in dict.fromkeys(texts) if text not in self._rows]
        if unread:
            self._rows.update(zip(unread, probabilities(unread), strict=True))
        return [self._rows[text] for text in texts]


def scores(text: str, read: Readings | None = None) -> Scores:
    """The model's reading of ``text``: windows of whole sentences, each trap's best."""
    read = read or Readings()
    windows = _windows(text)
    readings = list(zip(windows, read([text[a:b] for a, b in windows]), strict=True))
    answered = answered_spans(text)
    if answered:
        readings = [
            part for span, row in readings for part in _unanswered(text, span, row, answered, read)
        ]
    best: dict[str, tuple[float, Span]] = {}
    for span, row in readings:
        row = set_aside(text, span, row)
        for trap_id, p in row.items():
            if trap_id not in best or p > best[trap_id][0]:
                best[trap_id] = (p, span)
    return Scores(best)


def _unanswered(
    text: str, window: Span, row: dict[str, float], answered: list[Span], read: Readings
) -> list[tuple[Span, dict[str, float]]]:
    """A window's reading without what the writer answers (``answered.py``): each part left
    of at least ``LEAST_UNANSWERED_WORDS`` words, read alone, at no more than the whole
    window's probability (setting words aside never adds a trap); no part, no trap."""
    parts = [
        part
        for part in unanswered(text, window, answered)
        if len(_WORD.findall(text[part[0] : part[1]])) >= LEAST_UNANSWERED_WORDS
    ]
    if parts == [window]:
        return [(window, row)]
    if not parts:
        return [(window, dict.fromkeys(row, 0.0))]
    rows = read([text[a:b] for a, b in parts])
    return [
        (part, {trap_id: min(p, row[trap_id]) for trap_id, p in part_row.items()})
        for part, part_row in zip(parts, rows, strict=True)
    ]


def model_hits(text: str, found: set[str], reading: Scores, read: Readings) -> list[TrapHit]:
    """The traps ``reading`` ticks that are not in ``found``, each with the words that made
    it tick (``read`` holds the readings already made of ``text``)."""
    hits = []
    for trap_id in reading.ticked(found):
        start, end = triggering_words(text, reading.best[trap_id][1], trap_id, read)
        hits.append(TrapHit(trap_id, text[start:end], start, end))
    return hits


def triggering_words(text: str, window: Span, trap_id: str, read: Readings | None = None) -> Span:
    """The span of the words in ``window`` whose absence lowers ``trap_id``'s probability
    most (the whole focus when no word's absence lowers it)."""
    read = read or Readings()
    start, end = _focus(text, window, trap_id, read)
    words = [(start + a.start(), start + a.end()) for a in _WORD.finditer(text[start:end])]
    spans = words[:MAX_OCCLUSION_WORDS]
    if not spans:
        return start, end
    # Each pair of neighbouring words (a lone word alone): half the readings of single
    # words and pairs together, and the words shown read as a phrase.
    candidates = [(i, i + 1) for i in range(len(spans) - 1)] or [(0, 0)]
    variants = [text[start : spans[i][0]] + text[spans[j][1] : end] for i, j in candidates]
    rows = read([text[start:end], *variants])
    full = rows[0][trap_id]
    drops = [full - row[trap_id] for row in rows[1:]]
    largest = max(drops)
    if largest <= 0:
        return start, end
    ranked = sorted(range(len(candidates)), key=lambda k: -drops[k])
    chosen = [candidates[ranked[0]]]
    for k in ranked[1:]:
        if len(chosen) >= MAX_SHOWN or drops[k] < KEEP_SHARE * largest:
            break
        chosen.append(candidates[k])
    # Each word weighs what leaving it out (with either neighbour) took away.
    weights = [0.0] * len(words)
    for (i, j), drop in zip(candidates, drops, strict=True):
        for k in {i, j}:
            weights[k] += max(drop, 0.0)
    found = (min(i for i, _ in chosen), max(j for _, j in chosen))
    return shown_phrase(text, (start, end), words, weights, found)


def _focus(text: str, window: Span, trap_id: str, read: Readings) -> Span:
    """``window`` narrowed to its highest-scoring sentence, then clause, while it holds more
    than ``MAX_OCCLUSION_WORDS`` words."""
    start, end = window
    for pieces in (sentences, clauses):
        if len(_WORD.findall(text[start:end])) <= MAX_OCCLUSION_WORDS:
            break
        parts = [(start + a, start + b) for a, b in pieces(text[start:end])]
        if len(parts) > 1:
            rows = read([text[a:b] for a, b in parts])
            start, end = max(zip(parts, rows, strict=True), key=lambda pr: pr[1][trap_id])[0]
    return start, end


def _ids(pieces: list[int]) -> list[int]:
    words = tokenizer()
    return [words.cls, *pieces[: MAX_TOKENS - 2], words.sep]


def _windows(text: str) -> list[Span]:
    """Runs of whole sentences of at most ``MAX_TOKENS`` tokens (a longer sentence alone)."""
    words = tokenizer()
    windows: list[Span] = []
    current: Span | None = None
    size = 0
    for start, end in sentences(text):
        length = len(words.pieces(text[start:end]))
        if current is not None and size + length <= MAX_TOKENS - 2:
            current, size = (current[0], end), size + length
            continue
        if current is not None:
            windows.append(current)
        current, size = (start, end), length
    if current is not None:
        windows.append(current)
    return windows
