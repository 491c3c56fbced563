"""The plain form both the pattern rules and the model read: normalised, key words respelt."""

from __future__ import annotations

import re
from functools import cache

from ..language.normalize import Normalized, normalize
from ..language.spelling import Speller
from .words_plain import KEY_WORDS, NOT_TYPOS

# Contractions typed without the apostrophe that are also words: "ill" for "I'll", "shell"
# for "she'll", "hell" for "he'll", "well" for "we'll". Read so only where a clause starts
# and a verb follows ("so ill go to bed early", "shell say no so why ask", "well have to
# move"); never "i feel ill", "ill health", "shell out", "hell no", "well done".
_CONTRACTED = {
    "ill": ("I'll", "i will"),
    "shell": ("she'll", "she will"),
    "hell": ("he'll", "he will"),
    "well": ("we'll", "we will"),
}
_A_VERB = (
    r"(?:be|have|never|say|think|leave|hate|find|get|go|probably|definitely|just|end|lose|need"
    r"|see|know|laugh|dump|fire|tell|want|ask|make|feel|fail|regret|die|spend|run|miss)"
)
_ILL = re.compile(
    r"\b(?:ill(?= (?!(?:health|will|effects?|feeling|at ease|advised)\b)[a-z])"
    r"|(?:shell|hell|well)(?= " + _A_VERB + r"\b))",
    re.IGNORECASE,
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
        "mustn't",
    ]
}
_WITHOUT_APOSTROPHE["musnt"] = "mustn't"  # a slip as common as the missing apostrophe
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


def _ills(text: str, form: int) -> list[tuple[int, int, str]]:
    """Where "ill", "shell", "hell" or "well" stand for a contraction (see ``_ILL``), with
    the words to write there: as typed (``form`` 0) or in the plain form (1)."""
    return [
        (match.start(), match.end(), _CONTRACTED[match.group(0).lower()][form])
        for match in _ILL.finditer(text)
        if _CLAUSE_START.search(text, 0, match.start())
    ]


def plain_form(text: str) -> Normalized:
    plain = _speller().respell(normalize(text))
    return _respelt(plain, _ills(plain.text, 1))


def written_form(text: str) -> Normalized:
    """The words as typed, with the apostrophe back in a word typed without it ("doesnt",
    "theyll") and "ill" read as "I'll" where it stands for it (see ``_ILL``)."""
    found = _ills(text, 0) + [
        (match.start(), match.end(), _WITHOUT_APOSTROPHE[match.group(0).lower()])
        for match in _APOSTROPHE_LESS.finditer(text)
    ]
    return _respelt(Normalized(text, text, tuple(range(len(text)))), sorted(found))
