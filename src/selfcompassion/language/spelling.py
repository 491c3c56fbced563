"""Typo tolerance for the few words a check depends on ("terible", "freind", "becuase").

Only a closed list of key words is corrected, and only by one dropped, added or swapped
letter, so ordinary words are never rewritten into other ordinary words by a changed letter
("think" never becomes "thick"). Words of fewer than five letters are left alone: too many
real words sit one letter away from each other there. A real word one dropped or added
letter from a key word ("ever" and "never", "other" and "mother") is given as a word the
speller never changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .normalize import Normalized

_WORD = re.compile(r"[a-z]+")
_MIN_LENGTH = 5


def _near_forms(word: str) -> set[str]:
    """Every form one deletion or one swap of neighbouring letters away from ``word``."""
    forms = {word[:i] + word[i + 1 :] for i in range(len(word))}
    forms.update(
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(len(word) - 1)
        if word[i] != word[i + 1]
    )
    forms.discard(word)
    return forms


class Speller:
    """Corrects near misses of a fixed list of key words."""

    def __init__(self, key_words: Iterable[str], real_words: Iterable[str] = ()) -> None:
        self._known = {word for word in key_words if len(word) >= _MIN_LENGTH}
        self._real = frozenset(real_words)
        # A misspelling one letter short (deleted) or with two letters swapped maps straight
        # to its key word; one with a letter added is found by deleting from the misspelling.
        self._misspelt: dict[str, str] = {}
        for word in sorted(self._known):
            for form in _near_forms(word):
                if len(form) >= _MIN_LENGTH - 1 and form not in self._known:
                    self._misspelt.setdefault(form, word)

    def correct(self, word: str) -> str:
        if len(word) < _MIN_LENGTH - 1 or word in self._known or word in self._real:
            return word
        fixed = self._misspelt.get(word)
        if fixed is not None:
            return fixed
        if len(word) > _MIN_LENGTH:
            # A plural or a past tense of a key word is a word, not a typo.
            for form in {word[:i] + word[i + 1 :] for i in range(len(word) - 1)}:
                if form in self._known:
                    return form
        return word

    def respell(self, plain: Normalized) -> Normalized:
        """``plain`` with misspelt key words corrected; spans still map to the words written."""
        out: list[str] = []
        origins: list[int] = []
        position = 0
        for match in _WORD.finditer(plain.text):
            word = match.group(0)
            fixed = self.correct(word)
            if fixed == word:
                continue
            out.append(plain.text[position : match.start()])
            origins.extend(plain.origins[position : match.start()])
            word_origins = plain.origins[match.start() : match.end()]
            out.append(fixed)
            origins.extend(word_origins[min(i, len(word_origins) - 1)] for i in range(len(fixed)))
            position = match.end()
        if not out:
            return plain
        out.append(plain.text[position:])
        origins.extend(plain.origins[position:])
        return Normalized(original=plain.original, text="".join(out), origins=tuple(origins))
