"""The plain form both the pattern rules and the model read: normalised, key words respelt."""

from __future__ import annotations

import re
from functools import cache

from ..language.normalize import Normalized, normalize
from ..language.spelling import Speller
from .words_plain import KEY_WORDS, NOT_TYPOS

# "ill" written for "I'll" where a clause starts and a verb follows ("so ill go to bed early",
# "ill probably never walk again"); never where it means unwell ("i feel ill", "so ill i
# stayed home", "ill health") or ends the clause.
_ILL = re.compile(
    r"\bill\b(?= (?!(?:health|will|effects?|feeling|at ease|advised)\b)[a-z])", re.IGNORECASE
)
_CLAUSE_START = re.compile(
    r"(?:(?:^|[,.;:!?(])\s*(?:(?:and|so|then|but|or|because|if)\s+)?"
    r"|\b(?:think|guess|know|bet|hope|promise|swear|maybe|probably|now|tomorrow|tonight)\s+)$",
    re.IGNORECASE,
)
# Words typed without their apostrophe that are no other word ("im", "doesnt", "theyll"),
# for the rules written against the words as typed ("its", "well", "were", "id" are words).
_WITHOUT_APOSTROPHE = {
    word.replace("'", "").lower(): word
    for word in [
        "I'm",
        "I've",
        "they'll",
        "they're",
        "they've",
        "you're",
        "you've",
        "you'll",
        "we've",
        "it'll",
        "that's",
        "there's",
        "what's",
        "he's",
        "she's",
        "don't",
        "doesn't",
        "didn't",
        "can't",
        "couldn't",
        "wouldn't",
        "shouldn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "haven't",
        "hasn't",
        "won't",
    ]
}
_APOSTROPHE_LESS = re.compile(r"\b(?:" + "|".join(_WITHOUT_APOSTROPHE) + r")\b", re.IGNORECASE)


@cache
def _speller() -> Speller:
    return Speller(KEY_WORDS, NOT_TYPOS)


def _respelt(form: Normalized, found: list[tuple[int, int, str]]) -> Normalized:
    """``form`` with each stretch ``start:end`` of its text written as the words given."""
    if not found:
        return form
    text, origins = form.text, form.origins
    out: list[str] = []
    kept: list[int] = []
    position = 0
    for start, end, spelt in found:
        out.append(text[position:start] + spelt)
        kept.extend(origins[position:start])
        kept.extend(origins[start + min(i, end - start - 1)] for i in range(len(spelt)))
        position = end
    out.append(text[position:])
    kept.extend(origins[position:])
    return Normalized(original=form.original, text="".join(out), origins=tuple(kept))


def _ills(text: str, spelt: str) -> list[tuple[int, int, str]]:
    """Where "ill" stands for "I'll" (see ``_ILL``), to be written ``spelt``."""
    return [
        (match.start(), match.end(), spelt)
        for match in _ILL.finditer(text)
        if _CLAUSE_START.search(text, 0, match.start())
    ]


def plain_form(text: str) -> Normalized:
    plain = _speller().respell(normalize(text))
    return _respelt(plain, _ills(plain.text, "i will"))


def written_form(text: str) -> Normalized:
    """The words as typed, with the apostrophe back in a word typed without it ("doesnt",
    "theyll") and "ill" read as "I'll" (see ``_ILL``)."""
    found = _ills(text, "I'll") + [
        (match.start(), match.end(), _WITHOUT_APOSTROPHE[match.group(0).lower()])
        for match in _APOSTROPHE_LESS.finditer(text)
    ]
    return _respelt(Normalized(text, text, tuple(range(len(text)))), sorted(found))
