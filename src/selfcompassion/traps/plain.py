"""The plain form both the pattern rules and the model read: normalised, key words respelt."""

from __future__ import annotations

from functools import cache

from ..language.normalize import Normalized, normalize
from ..language.spelling import Speller
from .words_plain import KEY_WORDS, NOT_TYPOS


@cache
def _speller() -> Speller:
    return Speller(KEY_WORDS, NOT_TYPOS)


def plain_form(text: str) -> Normalized:
    return _speller().respell(normalize(text))
