"""What a speller of key words would change in the model's vocabulary, for the tests that keep
each check's list of real words (``NOT_TYPOS``) complete."""

from __future__ import annotations

from collections.abc import Iterable

from selfcompassion.language.spelling import Speller
from selfcompassion.language.wordpiece import VOCAB


def vocabulary_respelt(key_words: Iterable[str]) -> set[str]:
    """Every lowercase whole word of the model's vocabulary that a speller of ``key_words``
    would change."""
    speller = Speller(key_words)
    words = VOCAB.read_text(encoding="utf-8").split("\n")
    return {
        word
        for word in words
        if word.isascii() and word.isalpha() and word.islower() and speller.correct(word) != word
    }
