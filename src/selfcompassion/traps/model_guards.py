"""Where the trap model's reading of a window is set aside: shapes it reads as a trap that are
not one.

The model learnt traps from their words, so a few look-alikes that share those words read as
traps to it: permission ("I don't have to be perfect"), a habit kept as a precaution ("I never
sign anything without reading it"), a strong word for a thing, an errand after "should", a
guess drawn from evidence about things, a feeling put down to its cause, someone else's blame
described, something savoured ("nothing beats a quiet Sunday"), a failure of one's own
denied ("I'm not going to ruin the wedding"), a resolve or a hope, a harsh word the writer
denies ("I'm not useless"), common humanity, a should that tells the writer to go easy (or to
bed) or asks which of two to choose. For
each, ``set_aside`` puts that trap's probability in the window to nothing; ``learned.py``
applies it to every window it reads. The rules read these shapes on their own. The patterns'
texts, and why each is there, are in ``guard_texts.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..language.spans import Span
from . import guard_texts as texts
from .not_a_label import is_not_a_label
from .rules import guard_pattern


class _Guard:
    """A guard's pattern, read from the rules' compiled file when first used (see
    ``rules.guard_pattern``), so that importing this module compiles nothing."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def search(self, text: str, *span: int) -> re.Match[str] | None:
        return guard_pattern(self.text).search(text, *span)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return guard_pattern(self.text).finditer(text)


_LIFTED = _Guard(texts.LIFTED)
_OBLIGATION = _Guard(texts.OBLIGATION)
_HABIT = _Guard(texts.HABIT)
_ABSOLUTE = _Guard(texts.ABSOLUTE)
_TAKES_THE_BLAME = _Guard(texts.TAKES_THE_BLAME)
_REASONED_GUESS = _Guard(texts.REASONED_GUESS)
_FIRST_PERSON = _Guard(texts.FIRST_PERSON)
_FEELING_EXPLAINED = _Guard(texts.A_FEELING_EXPLAINED)
_CONCLUDES = _Guard(texts.CONCLUDES)
_ERRAND = _Guard(texts.AN_ERRAND)
_WITHOUT_FAIL = _Guard(texts.WITHOUT_FAIL)
_SAVOURED = _Guard(texts.SAVOURED)
_FAILURE_DENIED = _Guard(texts.FAILURE_DENIED)
_FUTURE = _Guard(texts.FUTURE)
_COMMON_HUMANITY = _Guard(texts.COMMON_HUMANITY)
_EVERYONE_OR_EVERY_TIME = _Guard(texts.EVERYONE_OR_EVERY_TIME)
_LABEL_DENIED = _Guard(texts.LABEL_DENIED)
_LABEL = _Guard(texts.LABEL)
_GO_EASY = _Guard(texts.GO_EASY)
_EASED = _Guard(texts.EASED)
_THEIR_OWN_BLAME = _Guard(texts.THEIR_OWN_BLAME)
_WRITERS_BLAME = _Guard(texts.WRITERS_BLAME)


def set_aside(text: str, span: Span, row: dict[str, float]) -> dict[str, float]:
    """``row``, the model's probabilities for the window ``span`` of ``text``, with the traps
    this window only looks like set to nothing."""
    window = text[span[0] : span[1]]
    if _only_inside(window, _EASED, _OBLIGATION):
        row = {**row, "should-statements": 0.0}
    if is_not_a_label(window):
        row = {**row, "labelling": 0.0}
    if _only_inside(window, _HABIT, _ABSOLUTE):
        row = {**row, "overgeneralising": 0.0}
    if not _TAKES_THE_BLAME.search(text, span[0], span[1]):
        row = {**row, "personalising": 0.0}
    if _REASONED_GUESS.search(window) and not _FIRST_PERSON.search(window):
        row = {**row, "fortune-telling": 0.0}
    if _FEELING_EXPLAINED.search(window) and not _CONCLUDES.search(window):
        row = {**row, "emotional-reasoning": 0.0, "personalising": 0.0}
    if _only_inside(window, _ERRAND, _OBLIGATION) and not _WITHOUT_FAIL.search(window):
        row = {**row, "should-statements": 0.0}
    if _SAVOURED.search(window):
        row = {**row, "all-or-nothing": 0.0}
    if _only_inside(window, _FAILURE_DENIED, _FUTURE):
        row = {**row, "fortune-telling": 0.0}
    if _only_inside(window, _COMMON_HUMANITY, _EVERYONE_OR_EVERY_TIME):
        row = {**row, "overgeneralising": 0.0}
    if _only_inside(window, _LABEL_DENIED, _LABEL):
        row = {**row, "labelling": 0.0}
    if _THEIR_OWN_BLAME.search(window) and not _WRITERS_BLAME.search(window):
        row = {**row, "personalising": 0.0}
    return row


def _only_inside(text: str, outer: _Guard, words: _Guard) -> bool:
    """True when ``outer`` matches ``text`` and every match of ``words`` starts inside one of
    its matches: obligation only lifted ("you don't have to"), "always" and "never" only in
    habits."""
    stretches = [m.span() for m in outer.finditer(text)]
    if not stretches:
        return False
    return all(any(a <= m.start() < b for a, b in stretches) for m in words.finditer(text))
